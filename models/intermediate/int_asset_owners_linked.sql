{#- The organisations of each asset: its rows of reports/ownership.csv, else its
    `owner` from the asset list (M5 links, release ownership file). share_percent is
    what the input gives (empty for an owner fallback); link_share_percent is the share
    used to choose between organisations (M5: an owner fallback counts as 100). -#}
with

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

ownership as (
    select * from {{ ref('stg_reports__ownership') }}
),

reported as (
    select
        asset_id,
        organisation,
        share_percent,
        coalesce(share_percent, 0) as link_share_percent,
        'reports/ownership.csv' as link_source
    from ownership
),

owner_fallback as (
    select
        asset_id,
        owner as organisation,
        cast(null as double) as share_percent,
        100.0 as link_share_percent,
        'mdo/assets.csv owner' as link_source
    from assets
    where
        owner is not null
        and asset_id not in (select ownership.asset_id from ownership)
),

final as (
    select * from reported
    union all
    select * from owner_fallback
)

select * from final
