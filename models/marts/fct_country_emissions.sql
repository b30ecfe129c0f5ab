{#- M7 country level per country of the seed, subsector (all five) and coverage year.
    Asset aggregate (copper, iron, bauxite): sum of activity and emissions over the
    assets with activity, average EF = emissions / activity, coverage = assets with
    activity / all assets; none without assets with activity. Projection from national
    statistics (int_national_emissions_projected; rock and sand exist only here). co2_t
    is the larger of the two (tie: the asset aggregate) and basis says which; 0 with no
    basis where neither exists (M7: every country every year). -#}
with

countries as (
    select * from {{ ref('countries') }}
),

minerals as (
    select * from {{ ref('minerals') }}
),

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

projections as (
    select * from {{ ref('int_national_emissions_projected') }}
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

joined as (
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
        case when asset_aggregate.assets_with_activity > 0 then asset_aggregate.co2_t end
            as asset_co2_t,
        projections.activity_t as projected_activity_t,
        projections.projection_method,
        projections.activity_confidence as projected_activity_confidence,
        projections.emission_factor as projected_ef,
        projections.ef_level as projected_ef_level,
        projections.co2_t as projected_co2_t,
        projections.emissions_confidence as projected_emissions_confidence
    from grid
    left join asset_aggregate
        on
            grid.iso3_country = asset_aggregate.iso3_country
            and grid.subsector = asset_aggregate.subsector
            and grid.year = asset_aggregate.year
    left join projections
        on
            grid.iso3_country = projections.iso3_country
            and grid.mineral = projections.mineral
            and grid.year = projections.year
),

final as (
    select
        iso3_country,
        region,
        mineral,
        subsector,
        year,
        assets,
        assets_with_activity,
        coverage,
        asset_activity_t,
        asset_co2_t,
        asset_co2_t / nullif(asset_activity_t, 0) as asset_average_ef,
        projected_activity_t,
        projection_method,
        projected_activity_confidence,
        projected_ef,
        projected_ef_level,
        projected_co2_t,
        projected_emissions_confidence,
        projected_co2_t / nullif(projected_activity_t, 0) as projected_average_ef,
        case
            when asset_co2_t is null and projected_co2_t is null then 0
            when projected_co2_t is null or asset_co2_t >= projected_co2_t then asset_co2_t
            else projected_co2_t
        end as co2_t,
        case
            when asset_co2_t is null and projected_co2_t is null then null
            when projected_co2_t is null or asset_co2_t >= projected_co2_t then 'asset'
            else 'projected'
        end as basis
    from joined
)

select * from final
