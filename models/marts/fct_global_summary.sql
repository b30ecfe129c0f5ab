{#- M9 (paper Table 3): global activity and emissions per mineral and coverage year over
    the assets with activity, with the number of assets and of those with activity. -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

final as (
    select
        mineral,
        subsector,
        year,
        count(*) as assets,
        count(activity_t) as assets_with_activity,
        sum(activity_t) as activity_t,
        sum(co2_t) as co2_t
    from asset_emissions
    group by mineral, subsector, year
)

select * from final
