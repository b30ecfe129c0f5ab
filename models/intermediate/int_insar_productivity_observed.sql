{#- M4 observations: every asset-year with an InSAR active area and reported ore
    (rank 1: the winning ore row of the year, > 0). productivity = ore / active area
    (t/m2) where the area is > 0, the P_y / A_y of M4; the pixel count feeds the
    per-mineral fit (fct_insar_production_fit). -#}
with

areas as (
    select * from {{ ref('int_insar_areas_unioned') }}
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

reported_ore as (
    select
        asset_id,
        year,
        quantity_t as ore_t
    from {{ ref('int_production_prioritized') }}
    where is_winner and product = 'ore' and period = 'year' and quantity_t > 0
),

final as (
    select
        areas.asset_id,
        assets.mineral,
        areas.year,
        reported_ore.ore_t,
        areas.active_pixels,
        areas.active_area_m2,
        areas.counts_source,
        case
            when areas.active_area_m2 > 0 then reported_ore.ore_t / areas.active_area_m2
        end as productivity_t_per_m2
    from areas
    inner join reported_ore
        on
            areas.asset_id = reported_ore.asset_id
            and areas.year = reported_ore.year
    inner join assets on areas.asset_id = assets.asset_id
)

select * from final
