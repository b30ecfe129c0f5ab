{#- M4 per-mineral ordinary least squares fit of reported ore (t) on the InSAR active
    pixel count, over the asset-years that have both (paper Fig. 8), for analysts. No
    fit (empty, not NaN) unless the pixel counts vary (Sxx > 0, so n >= 2). -#}
with

observed as (
    select * from {{ ref('int_insar_productivity_observed') }}
),

final as (
    select
        mineral,
        case
            when regr_sxx(ore_t, active_pixels) > 0 then regr_slope(ore_t, active_pixels)
        end as slope_t_per_pixel,
        case
            when regr_sxx(ore_t, active_pixels) > 0 then regr_intercept(ore_t, active_pixels)
        end as intercept_t,
        case
            when regr_sxx(ore_t, active_pixels) > 0 then regr_r2(ore_t, active_pixels)
        end as r_squared,
        cast(regr_count(ore_t, active_pixels) as bigint) as n_asset_years,
        count(distinct asset_id) as n_assets
    from observed
    group by mineral
)

select * from final
