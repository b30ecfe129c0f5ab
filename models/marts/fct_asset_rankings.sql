{#- M9 (paper Table 4): assets with emissions ranked within each year by emissions
    (highest first), then by asset_id. -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

assets as (
    select * from {{ ref('dim_assets') }}
),

final as (
    select
        asset_emissions.year,
        row_number() over (
            partition by asset_emissions.year
            order by asset_emissions.co2_t desc, asset_emissions.asset_id asc
        ) as emissions_rank,
        asset_emissions.asset_id,
        assets.asset_name,
        assets.iso3_country,
        assets.country_name,
        assets.mineral,
        asset_emissions.activity_t,
        asset_emissions.emission_factor,
        asset_emissions.co2_t,
        asset_emissions.emissions_confidence
    from asset_emissions
    inner join assets on asset_emissions.asset_id = assets.asset_id
    where asset_emissions.co2_t is not null
)

select * from final
