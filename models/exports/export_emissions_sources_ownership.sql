{#- Release file {subsector}_emissions_sources_ownership.csv: one row per asset and
    organisation (reports/ownership.csv, else the asset's owner). Fields the inputs do
    not give (entity ids, LEI, PermID, countries of the parent) stay empty. -#}
with

owners as (
    select * from {{ ref('int_asset_owners_linked') }}
),

assets as (
    select * from {{ ref('dim_assets') }}
),

final as (
    select
        owners.organisation as parent_name,
        cast(null as varchar) as parent_entity_id,
        cast(null as varchar) as parent_entity_type,
        cast(null as varchar) as parent_lei,
        cast(null as varchar) as parent_permid,
        cast(null as varchar) as parent_registration_country,
        cast(null as varchar) as parent_headquarter_country,
        owners.share_percent as overall_share_percent,
        {{ dbt.concat([
            'owners.organisation', "' -> '", 'assets.asset_name', "' ['",
            "coalesce(cast(owners.share_percent as varchar) || '%', 'unknown %')", "']'"
        ]) }} as ownership_path,
        cast(null as varchar) as ownership_path_datasource_ids,
        owners.organisation as immediate_source_owner,
        cast(null as varchar) as immediate_source_owner_entity_id,
        assets.operator as source_operator,
        cast(null as varchar) as source_operator_id,
        assets.asset_id as source_id,
        assets.asset_name as source_name,
        'mineral-extraction' as source_sector,
        assets.subsector as source_subsector
    from owners
    inner join assets on owners.asset_id = assets.asset_id
)

select * from final
