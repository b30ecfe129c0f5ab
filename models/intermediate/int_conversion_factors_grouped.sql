{#- M1 conversion factors at every level: asset (the asset's own ratios over all
    years), national (iso3, mineral, product), regional (UN M49 region, mineral,
    product) and global (mineral, product): mean and sample sd (sd of one value = 0)
    of the contributing asset-year ratios, with the number of distinct assets and of
    ratios. A national, regional or global factor is usable only when at least
    min_group_assets distinct assets contribute (var min_group_assets). -#}
with

ratios as (
    select * from {{ ref('int_conversion_ratios_observed') }}
),

asset_level as (
    select
        'asset' as factor_level,
        1 as level_order,
        asset_id,
        cast(null as varchar) as iso3_country,
        cast(null as varchar) as region,
        mineral,
        product,
        avg(ratio) as factor,
        coalesce(stddev_samp(ratio), 0) as factor_sd,
        count(distinct asset_id) as n_assets,
        count(*) as n_ratios
    from ratios
    group by asset_id, mineral, product
),

national_level as (
    select
        'national' as factor_level,
        2 as level_order,
        cast(null as varchar) as asset_id,
        iso3_country,
        cast(null as varchar) as region,
        mineral,
        product,
        avg(ratio) as factor,
        coalesce(stddev_samp(ratio), 0) as factor_sd,
        count(distinct asset_id) as n_assets,
        count(*) as n_ratios
    from ratios
    group by iso3_country, mineral, product
),

regional_level as (
    select
        'regional' as factor_level,
        3 as level_order,
        cast(null as varchar) as asset_id,
        cast(null as varchar) as iso3_country,
        region,
        mineral,
        product,
        avg(ratio) as factor,
        coalesce(stddev_samp(ratio), 0) as factor_sd,
        count(distinct asset_id) as n_assets,
        count(*) as n_ratios
    from ratios
    where region is not null
    group by region, mineral, product
),

global_level as (
    select
        'global' as factor_level,
        4 as level_order,
        cast(null as varchar) as asset_id,
        cast(null as varchar) as iso3_country,
        cast(null as varchar) as region,
        mineral,
        product,
        avg(ratio) as factor,
        coalesce(stddev_samp(ratio), 0) as factor_sd,
        count(distinct asset_id) as n_assets,
        count(*) as n_ratios
    from ratios
    group by mineral, product
),

unioned as (
    select * from asset_level
    union all
    select * from national_level
    union all
    select * from regional_level
    union all
    select * from global_level
),

final as (
    select
        *,
        factor_level = 'asset' or n_assets >= {{ var('min_group_assets') }} as is_usable
    from unioned
)

select * from final
