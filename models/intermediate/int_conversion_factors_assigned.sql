{#- M1 factor of every asset and product: the asset's own factor, else its country's
    (int_country_conversion_factors_assigned: national, else regional, else global).
    No factor at any level: factor_level 'none' and an empty factor; the product cannot
    be converted. Product `ore` has factor 1, sd 0. -#}
with

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

products as (
    select * from {{ ref('products') }}
),

asset_factors as (
    select * from {{ ref('int_conversion_factors_grouped') }}
    where factor_level = 'asset'
),

country_factors as (
    select * from {{ ref('int_country_conversion_factors_assigned') }}
),

asset_products as (
    select
        assets.asset_id,
        assets.iso3_country,
        assets.mineral,
        products.product
    from assets
    cross join products
),

final as (
    select
        asset_products.asset_id,
        asset_products.iso3_country,
        asset_products.mineral,
        asset_products.product,
        coalesce(asset_factors.factor, country_factors.conversion_factor) as conversion_factor,
        coalesce(asset_factors.factor_sd, country_factors.conversion_factor_sd)
            as conversion_factor_sd,
        coalesce(asset_factors.factor_level, country_factors.factor_level, 'none')
            as factor_level,
        coalesce(asset_factors.n_assets, country_factors.n_assets) as n_assets,
        coalesce(asset_factors.n_ratios, country_factors.n_ratios) as n_ratios
    from asset_products
    left join asset_factors
        on
            asset_products.asset_id = asset_factors.asset_id
            and asset_products.product = asset_factors.product
    left join country_factors
        on
            asset_products.iso3_country = country_factors.iso3_country
            and asset_products.mineral = country_factors.mineral
            and asset_products.product = country_factors.product
)

select * from final
