{#- M1 factor of every asset and product: the asset's own factor, else the national,
    else the regional, else the global one (the first usable level). No factor at any
    level: factor_level 'none' and an empty factor; the product cannot be converted.
    Product `ore` has factor 1, sd 0. -#}
with

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

countries as (
    select * from {{ ref('countries') }}
),

products as (
    select * from {{ ref('products') }}
),

factors as (
    select * from {{ ref('int_conversion_factors_grouped') }}
    where is_usable
),

located_assets as (
    select
        assets.asset_id,
        assets.iso3_country,
        countries.region,
        assets.mineral
    from assets
    left join countries on assets.iso3_country = countries.iso3
),

asset_products as (
    select
        located_assets.*,
        products.product
    from located_assets
    cross join products
    where products.product != 'ore'
),

candidates as (
    select
        asset_products.asset_id,
        asset_products.product,
        factors.*
    from asset_products
    inner join factors
        on
            factors.factor_level = 'asset'
            and asset_products.asset_id = factors.asset_id
            and asset_products.product = factors.product
    union all
    select
        asset_products.asset_id,
        asset_products.product,
        factors.*
    from asset_products
    inner join factors
        on
            factors.factor_level = 'national'
            and asset_products.iso3_country = factors.iso3_country
            and asset_products.mineral = factors.mineral
            and asset_products.product = factors.product
    union all
    select
        asset_products.asset_id,
        asset_products.product,
        factors.*
    from asset_products
    inner join factors
        on
            factors.factor_level = 'regional'
            and asset_products.region = factors.region
            and asset_products.mineral = factors.mineral
            and asset_products.product = factors.product
    union all
    select
        asset_products.asset_id,
        asset_products.product,
        factors.*
    from asset_products
    inner join factors
        on
            factors.factor_level = 'global'
            and asset_products.mineral = factors.mineral
            and asset_products.product = factors.product
),

ranked as (
    select
        *,
        row_number() over (partition by asset_id, product order by level_order) as level_rank
    from candidates
),

converted as (
    select
        asset_products.asset_id,
        asset_products.iso3_country,
        asset_products.region,
        asset_products.mineral,
        asset_products.product,
        ranked.factor as conversion_factor,
        ranked.factor_sd as conversion_factor_sd,
        coalesce(ranked.factor_level, 'none') as factor_level,
        ranked.n_assets,
        ranked.n_ratios
    from asset_products
    left join ranked
        on
            asset_products.asset_id = ranked.asset_id
            and asset_products.product = ranked.product
            and ranked.level_rank = 1
),

ore as (
    select
        asset_id,
        iso3_country,
        region,
        mineral,
        'ore' as product,
        cast(1 as double) as conversion_factor,
        cast(0 as double) as conversion_factor_sd,
        'ore' as factor_level,
        cast(null as bigint) as n_assets,
        cast(null as bigint) as n_ratios
    from located_assets
),

final as (
    select * from converted
    union all
    select * from ore
)

select * from final
