{#- M5 emission factors an asset owns, per year that has one: its asset-level EF, and
    the organisation-level EF of its organisation. Its organisation is the linked
    organisation (int_asset_owners_linked) with the largest share among those that
    have organisation-level EFs (tie: the name first in alphabetical order); that
    organisation is then used in every year. Where several organisations report a
    site's own figure for the same year, the one with the largest share in the asset
    is used (tie: alphabetical; an unlinked reporter counts as share 0). -#}
with

reported as (
    select * from {{ ref('int_emission_factors_reported') }}
),

owners as (
    select * from {{ ref('int_asset_owners_linked') }}
),

asset_level_ranked as (
    select
        reported.asset_id,
        reported.year,
        reported.organisation,
        reported.emission_factor,
        reported.emission_factor_sd,
        row_number() over (
            partition by reported.asset_id, reported.year
            order by coalesce(owners.link_share_percent, 0) desc, reported.organisation asc
        ) as reporter_rank
    from reported
    left join owners
        on
            reported.asset_id = owners.asset_id
            and reported.organisation = owners.organisation
    where reported.ef_level = 'asset'
),

organisations_with_efs as (
    select distinct organisation from reported
    where ef_level = 'organisation'
),

asset_organisation_ranked as (
    select
        owners.asset_id,
        owners.organisation,
        owners.link_share_percent,
        row_number() over (
            partition by owners.asset_id
            order by owners.link_share_percent desc, owners.organisation asc
        ) as organisation_rank
    from owners
    inner join organisations_with_efs
        on owners.organisation = organisations_with_efs.organisation
),

asset_level as (
    select
        asset_id,
        year,
        'asset' as ef_level,
        1 as level_order,
        organisation,
        emission_factor,
        emission_factor_sd
    from asset_level_ranked
    where reporter_rank = 1
),

organisation_level as (
    select
        asset_organisation_ranked.asset_id,
        reported.year,
        'organisation' as ef_level,
        2 as level_order,
        reported.organisation,
        reported.emission_factor,
        reported.emission_factor_sd
    from asset_organisation_ranked
    inner join reported
        on
            asset_organisation_ranked.organisation = reported.organisation
            and reported.ef_level = 'organisation'
    where asset_organisation_ranked.organisation_rank = 1
),

final as (
    select * from asset_level
    union all
    select * from organisation_level
)

select * from final
