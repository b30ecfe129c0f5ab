{#- M9 (paper Tables 5 and 6): countries ranked within each year by the emissions of
    their mines (copper, iron, bauxite) on each basis: the asset aggregate (Table 5) and
    the projection from national statistics (Table 6). Total activity and emissions over
    the mine subsectors with a figure on that basis; average EF = emissions / activity;
    minerals lists them (paper "Type"). Ranked by emissions, then iso3. -#}
with

country_emissions as (
    select * from {{ ref('fct_country_emissions') }}
),

minerals as (
    select * from {{ ref('minerals') }}
    where is_asset_level
),

countries as (
    select * from {{ ref('countries') }}
),

by_basis as (
    select
        country_emissions.iso3_country,
        country_emissions.year,
        country_emissions.mineral,
        'asset' as basis,
        country_emissions.asset_activity_t as activity_t,
        country_emissions.asset_co2_t as co2_t
    from country_emissions
    where country_emissions.asset_co2_t is not null
    union all
    select
        country_emissions.iso3_country,
        country_emissions.year,
        country_emissions.mineral,
        'projected' as basis,
        country_emissions.projected_activity_t as activity_t,
        country_emissions.projected_co2_t as co2_t
    from country_emissions
    where country_emissions.projected_co2_t is not null
),

mine_totals as (
    select
        by_basis.iso3_country,
        by_basis.year,
        by_basis.basis,
        {{ dbt.listagg('minerals.display_name', "'/'", 'order by minerals.display_name') }}
            as minerals,
        sum(by_basis.activity_t) as activity_t,
        sum(by_basis.co2_t) as co2_t
    from by_basis
    inner join minerals on by_basis.mineral = minerals.mineral
    group by by_basis.iso3_country, by_basis.year, by_basis.basis
),

final as (
    select
        mine_totals.basis,
        mine_totals.year,
        row_number() over (
            partition by mine_totals.basis, mine_totals.year
            order by mine_totals.co2_t desc, mine_totals.iso3_country asc
        ) as emissions_rank,
        mine_totals.iso3_country,
        countries.country_name,
        mine_totals.minerals,
        mine_totals.activity_t,
        mine_totals.co2_t / nullif(mine_totals.activity_t, 0) as average_ef,
        mine_totals.co2_t
    from mine_totals
    inner join countries on mine_totals.iso3_country = countries.iso3
)

select * from final
