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

levels as (
    {{ statistics_by_level(
        'ratios', 'ratio',
        [
            {'level': 'asset', 'order': 1, 'by': 'asset_id'},
            {'level': 'national', 'order': 2, 'by': 'iso3_country'},
            {'level': 'regional', 'order': 3, 'by': 'region'},
            {'level': 'global', 'order': 4, 'by': none},
        ],
        ['mineral', 'product']
    ) }}
),

final as (
    select
        level as factor_level,
        level_order,
        asset_id,
        iso3_country,
        region,
        mineral,
        product,
        mean_value as factor,
        sd_value as factor_sd,
        n_assets,
        n_values as n_ratios,
        level = 'asset' or n_assets >= {{ var('min_group_assets') }} as is_usable
    from levels
)

select * from final
