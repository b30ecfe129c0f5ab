{#- M7 country level, per country of the seed, asset subsector and coverage year: the
    asset aggregate (sum of activity and emissions over the assets with activity,
    average EF = emissions / activity, coverage = assets with activity / all assets).
    Countries and years without assets get 0 emissions (M7: every country every year). -#}
with

countries as (
    select * from {{ ref('countries') }}
),

minerals as (
    select * from {{ ref('minerals') }}
    where is_asset_level
),

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

asset_aggregate as (
    select
        iso3_country,
        subsector,
        year,
        count(*) as assets,
        count(activity_t) as assets_with_activity,
        sum(activity_t) as activity_t,
        sum(co2_t) as co2_t
    from asset_emissions
    group by iso3_country, subsector, year
),

grid as (
    select
        countries.iso3 as iso3_country,
        countries.region,
        minerals.mineral,
        minerals.subsector,
        coverage_years.year
    from countries
    cross join minerals
    cross join coverage_years
),

final as (
    select
        grid.iso3_country,
        grid.region,
        grid.mineral,
        grid.subsector,
        grid.year,
        coalesce(asset_aggregate.assets, 0) as assets,
        coalesce(asset_aggregate.assets_with_activity, 0) as assets_with_activity,
        asset_aggregate.assets_with_activity * 1.0 / nullif(asset_aggregate.assets, 0)
            as coverage,
        case when asset_aggregate.assets_with_activity > 0 then asset_aggregate.activity_t end
            as asset_activity_t,
        asset_aggregate.co2_t as asset_co2_t,
        asset_aggregate.co2_t / nullif(asset_aggregate.activity_t, 0) as asset_average_ef,
        cast(null as double) as projected_co2_t,
        coalesce(asset_aggregate.co2_t, 0) as co2_t,
        case when asset_aggregate.co2_t is not null then 'asset' end as basis
    from grid
    left join asset_aggregate
        on
            grid.iso3_country = asset_aggregate.iso3_country
            and grid.subsector = asset_aggregate.subsector
            and grid.year = asset_aggregate.year
)

select * from final
