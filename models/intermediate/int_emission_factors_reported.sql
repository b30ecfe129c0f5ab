{#- M5 emission factors computed from company reports, one per report figure that
    yields one. Mining share = co2 x scaling_factor (default 1); relative sd =
    scaling_factor_sd / scaling_factor (0 if not given).
    Asset level (a figure with asset_id): EF = mining share / activity of that
    asset-year, where the activity has confidence >= medium and is > 0.
    Organisation level (a figure without asset_id): EF = mining share / sum of the
    activity of the organisation's assets that year (activity confidence >= medium;
    assets linked by reports/ownership.csv, else by their owner, each counted in full
    whatever its share); no such activity (or a sum of 0): no EF that year.
    sd = EF x relative sd. -#}
with

reports as (
    select * from {{ ref('stg_reports__emissions') }}
),

activity as (
    select * from {{ ref('int_activity_selected') }}
),

owners as (
    select * from {{ ref('int_asset_owners_linked') }}
),

confidence_scale as (
    select * from {{ ref('confidence_scale') }}
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
        confidence_scale.confidence_rank >= (
            select medium.confidence_rank
            from confidence_scale as medium
            where medium.confidence = 'medium'
        )
),

organisation_activity as (
    select
        owners.organisation,
        usable_activity.year,
        sum(usable_activity.activity_t) as activity_t,
        count(*) as n_assets
    from owners
    inner join usable_activity on owners.asset_id = usable_activity.asset_id
    group by owners.organisation, usable_activity.year
),

asset_level as (
    select
        mining_shares.asset_id,
        mining_shares.organisation,
        mining_shares.year,
        'asset' as ef_level,
        mining_shares.mining_co2_t,
        usable_activity.activity_t,
        cast(1 as bigint) as n_assets,
        mining_shares.mining_co2_t / usable_activity.activity_t as emission_factor,
        mining_shares.mining_co2_t / usable_activity.activity_t * mining_shares.relative_sd
            as emission_factor_sd
    from mining_shares
    inner join usable_activity
        on
            mining_shares.asset_id = usable_activity.asset_id
            and mining_shares.year = usable_activity.year
    where usable_activity.activity_t > 0
),

organisation_level as (
    select
        cast(null as varchar) as asset_id,
        mining_shares.organisation,
        mining_shares.year,
        'organisation' as ef_level,
        mining_shares.mining_co2_t,
        organisation_activity.activity_t,
        organisation_activity.n_assets,
        mining_shares.mining_co2_t / organisation_activity.activity_t as emission_factor,
        mining_shares.mining_co2_t / organisation_activity.activity_t * mining_shares.relative_sd
            as emission_factor_sd
    from mining_shares
    inner join organisation_activity
        on
            mining_shares.organisation = organisation_activity.organisation
            and mining_shares.year = organisation_activity.year
    where mining_shares.asset_id is null and organisation_activity.activity_t > 0
),

final as (
    select * from asset_level
    union all
    select * from organisation_level
)

select * from final
