{#- National production statistics of every layout in one list: canonical usgs CSVs,
    USGS MCS world tables and MCS salient tables (US crushed stone, sand and gravel),
    country rows of a known mineral and basis with a figure. Every edition is kept;
    edition_rank = 1 marks the latest edition of a (country, mineral, basis, year)
    figure (a canonical row without edition ranks after any dated edition). -#}
with

canonical as (
    select
        iso3_country,
        mineral,
        basis,
        year,
        quantity_t,
        is_estimate,
        edition_year,
        'usgs' as statistics_source,
        source_file,
        source_row
    from {{ ref('stg_usgs__production') }}
),

mcs_world as (
    select
        iso3_country,
        mineral,
        basis,
        year,
        quantity_t,
        is_estimate,
        edition_year,
        'usgs_mcs_world' as statistics_source,
        source_file,
        source_row
    from {{ ref('stg_usgs__mcs_world') }}
),

mcs_salient as (
    select
        iso3_country,
        mineral,
        basis,
        year,
        quantity_t,
        is_estimate,
        edition_year,
        'usgs_mcs_salient' as statistics_source,
        source_file,
        source_row
    from {{ ref('stg_usgs__mcs_salient') }}
),

unioned as (
    select * from canonical
    union all
    select * from mcs_world
    union all
    select * from mcs_salient
),

figures as (
    select * from unioned
    where
        iso3_country is not null
        and mineral is not null
        and basis is not null
        and quantity_t is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by iso3_country, mineral, basis, year
            order by edition_year desc nulls last, source_file asc, source_row asc
        ) as edition_rank
    from figures
)

select * from ranked
