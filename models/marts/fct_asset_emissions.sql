{#- M6 emissions of every asset and coverage year (M9: every asset every year):
    CO2 = activity x EF; empty activity gives empty emissions, a true zero gives 0.
    Emissions confidence = the lower of the activity (M2) and EF (M5) confidences. -#}
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

confidence_scale as (
    select * from {{ ref('confidence_scale') }}
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
        emission_factors.emission_factor,
        emission_factors.emission_factor_sd,
        emission_factors.ef_level,
        emission_factors.ef_confidence,
        emission_factors.ef_source_year,
        activity.activity_t * emission_factors.emission_factor as co2_t
    from activity
    inner join assets on activity.asset_id = assets.asset_id
    left join emission_factors
        on
            activity.asset_id = emission_factors.asset_id
            and activity.year = emission_factors.year
),

final as (
    select
        joined.*,
        case
            when joined.co2_t is null then null
            when activity_scale.confidence_rank <= ef_scale.confidence_rank
                then joined.activity_confidence
            else joined.ef_confidence
        end as emissions_confidence
    from joined
    left join confidence_scale as activity_scale
        on joined.activity_confidence = activity_scale.confidence
    left join confidence_scale as ef_scale
        on joined.ef_confidence = ef_scale.confidence
)

select * from final
