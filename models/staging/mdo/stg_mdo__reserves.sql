with

source as (
    {{ accepted_rows(source('mdo', 'reserves')) }}
),

units as (
    select * from {{ ref('units') }}
),

typed as (
    select
        trim(source.asset_id) as asset_id,
        cast(trim(source.year) as integer) as year,
        cast(trim(source.reserves) as double) * units.factor_to_t as reserves_t,
        source._file as source_file,
        source._row as source_row
    from source
    inner join units on trim(source.unit) = units.unit
)

select * from typed
