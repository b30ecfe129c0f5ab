{#- M1 ratios: for each asset-year where ore and product p are both reported (both > 0),
    r_p = ore_t / product_t. Only production rows that won source priority, with
    period = year; years outside the coverage count too. -#}
with

winning as (
    select * from {{ ref('int_production_prioritized') }}
    where is_winner and period = 'year' and quantity_t > 0
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

countries as (
    select * from {{ ref('countries') }}
),

ore as (
    select
        asset_id,
        year,
        quantity_t as ore_t
    from winning
    where product = 'ore'
),

products as (
    select
        asset_id,
        year,
        product,
        quantity_t as product_t
    from winning
    where product != 'ore'
),

ratios as (
    select
        products.asset_id,
        assets.iso3_country,
        countries.region,
        assets.mineral,
        products.year,
        products.product,
        ore.ore_t,
        products.product_t,
        ore.ore_t / products.product_t as ratio
    from products
    inner join ore
        on
            products.asset_id = ore.asset_id
            and products.year = ore.year
    inner join assets on products.asset_id = assets.asset_id
    left join countries on assets.iso3_country = countries.iso3
)

select * from ratios
