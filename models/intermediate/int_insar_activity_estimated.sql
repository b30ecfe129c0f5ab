{#- M4 InSAR activity (M2 rank 4): for every asset-year with an active area A_y,
    k x A_y tonnes with sd = sd(k) x A_y (k from int_insar_productivity_estimated); an
    active area of 0 gives 0 t. M2 uses it only where no rank 1-3 candidate exists. -#}
with

areas as (
    select * from {{ ref('int_insar_areas_unioned') }}
),

productivity as (
    select * from {{ ref('int_insar_productivity_estimated') }}
),

final as (
    select
        areas.asset_id,
        areas.year,
        areas.active_area_m2,
        productivity.productivity,
        productivity.productivity_level,
        productivity.productivity * areas.active_area_m2 as activity_t,
        productivity.productivity_sd * areas.active_area_m2 as activity_sd_t
    from areas
    inner join productivity on areas.asset_id = productivity.asset_id
    where productivity.productivity is not null
)

select * from final
