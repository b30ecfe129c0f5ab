{#- M6 emissions of every asset and coverage year (M9: every asset every year):
    CO2 = activity (M2) x EF (M5); empty activity gives empty emissions, a true zero
    gives 0. Bounds: A_lo = max(0, A - sd_A), A_hi = A + sd_A, the same for the EF,
    E_lo = A_lo x EF_lo, E_hi = A_hi x EF_hi. Capacity = reserves
    (int_capacity_selected); capacity_factor = activity / capacity (empty when
    capacity is empty or 0). Confidences: emissions = the lower of activity and EF;
    capacity factor = the lower of capacity and activity. -#}
with

assets as (
    select * from {{ ref('dim_assets') }}
),

activity as (
    select * from {{ ref('int_activity_selected') }}
    where is_coverage_year
),

emission_factors as (
    select * from {{ ref('int_emission_factors_assigned') }}
),

capacity as (
    select * from {{ ref('int_capacity_selected') }}
),

joined as (
    select
        activity.asset_id,
        assets.asset_name,
        assets.iso3_country,
        assets.region,
        assets.mineral,
        assets.subsector,
        activity.year,
        activity.activity_t,
        activity.activity_sd_t,
        activity.activity_method,
        activity.activity_confidence,
        activity.activity_source,
        activity.activity_source_year,
        activity.is_forward_filled,
        activity.activity_product,
        activity.conversion_factor,
        activity.conversion_factor_level,
        emission_factors.emission_factor,
        emission_factors.emission_factor_sd,
        emission_factors.ef_level,
        emission_factors.ef_confidence,
        emission_factors.ef_source_year,
        activity.activity_t * emission_factors.emission_factor as co2_t,
        capacity.capacity_t,
        capacity.capacity_source_year,
        capacity.capacity_confidence,
        activity.activity_t / nullif(capacity.capacity_t, 0) as capacity_factor
    from activity
    inner join assets on activity.asset_id = assets.asset_id
    left join emission_factors
        on
            activity.asset_id = emission_factors.asset_id
            and activity.year = emission_factors.year
    left join capacity
        on
            activity.asset_id = capacity.asset_id
            and activity.year = capacity.year
),

bounded as (
    select
        *,
        -- explicit null: engines differ on greatest() with a null argument
        case when activity_t is not null then greatest(0, activity_t - activity_sd_t) end
            as activity_lower_t,
        activity_t + activity_sd_t as activity_upper_t,
        case
            when emission_factor is not null then greatest(0, emission_factor - emission_factor_sd)
        end as emission_factor_lower,
        emission_factor + emission_factor_sd as emission_factor_upper
    from joined
),

final as (
    select
        *,
        activity_lower_t * emission_factor_lower as co2_lower_t,
        activity_upper_t * emission_factor_upper as co2_upper_t,
        case
            when co2_t is not null then {{ lower_confidence('activity_confidence', 'ef_confidence') }}
        end as emissions_confidence,
        case
            when capacity_factor is not null
                then {{ lower_confidence('capacity_confidence', 'activity_confidence') }}
        end as capacity_factor_confidence
    from bounded
)

select * from final
