{#- M5 emission factors computed from company reports, one per asset and report year.
    Mining share = co2 x scaling_factor (default 1), relative sd = scaling_factor_sd /
    scaling_factor (0 if not given). Asset level: EF = mining share / activity of that
    asset-year, where the activity has confidence >= medium and is > 0; sd = EF x
    relative sd. -#}
with

reports as (
    select * from {{ ref('stg_reports__emissions') }}
),

activity as (
    select * from {{ ref('int_activity_selected') }}
),

confidence_scale as (
    select * from {{ ref('confidence_scale') }}
),

minimum_activity_confidence as (
    select confidence_rank
    from confidence_scale
    where confidence = 'medium'
),

mining_shares as (
    select
        organisation,
        asset_id,
        year,
        co2_t * coalesce(scaling_factor, 1) as mining_co2_t,
        case
            when coalesce(scaling_factor, 1) > 0
                then coalesce(scaling_factor_sd, 0) / coalesce(scaling_factor, 1)
            else 0
        end as relative_sd
    from reports
),

usable_activity as (
    select activity.*
    from activity
    inner join confidence_scale on activity.activity_confidence = confidence_scale.confidence
    where
        activity.activity_t > 0
        and confidence_scale.confidence_rank
        >= (select minimum_activity_confidence.confidence_rank from minimum_activity_confidence)
),

asset_level as (
    select
        mining_shares.asset_id,
        mining_shares.year,
        mining_shares.organisation,
        'asset' as ef_level,
        mining_shares.mining_co2_t,
        usable_activity.activity_t,
        mining_shares.mining_co2_t / usable_activity.activity_t as emission_factor,
        mining_shares.mining_co2_t / usable_activity.activity_t * mining_shares.relative_sd
            as emission_factor_sd
    from mining_shares
    inner join usable_activity
        on
            mining_shares.asset_id = usable_activity.asset_id
            and mining_shares.year = usable_activity.year
    where mining_shares.asset_id is not null
)

select * from asset_level
