with

source as (
    {{ accepted_rows(source('usgs', 'production')) }}
),

units as (
    select * from {{ ref('units') }}
),

country_names as (
    select * from {{ ref('stg_reference__country_names') }}
),

typed as (
    select
        trim(source.country) as country_name,
        country_names.iso3 as iso3_country,
        trim(source.mineral) as mineral,
        trim(source.basis) as basis,
        cast(trim(source.year) as integer) as year,
        cast(trim(source.quantity) as double) * units.factor_to_t as quantity_t,
        {{ text_value('source.flag') }} as flag,
        coalesce(lower(trim(source.flag)) in ('e', 'est', 'estimate', 'estimated'), false)
            as is_estimate,
        cast({{ text_value('source.edition') }} as integer) as edition_year,
        source._file as source_file,
        source._row as source_row
    from source
    inner join units on trim(source.unit) = units.unit
    left join country_names
        on {{ country_lookup_key('source.country') }} = country_names.lookup_key
)

select * from typed
