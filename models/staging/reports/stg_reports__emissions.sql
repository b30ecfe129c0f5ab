with

source as (
    {{ accepted_rows(source('reports', 'emissions')) }}
),

units as (
    select * from {{ ref('units') }}
),

typed as (
    select
        trim(source.organisation) as organisation,
        {{ text_value('source.asset_id') }} as asset_id,
        cast(trim(source.year) as integer) as year,
        cast(trim(source.co2) as double) * units.factor_to_t as co2_t,
        cast({{ text_value('source.scaling_factor') }} as double) as scaling_factor,
        cast({{ text_value('source.scaling_factor_sd') }} as double) as scaling_factor_sd,
        {{ text_value('source.citation') }} as citation,
        source._file as source_file,
        source._row as source_row
    from source
    inner join units on trim(source.unit) = units.unit
)

select * from typed
