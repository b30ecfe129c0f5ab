{#- M5 averages for each year y over the EFs computed from year y's own reports: one
    value per asset, its asset-level EF of year y, else its organisation's EF of year y
    (whatever the asset's activity), across all minerals. National (iso3), regional
    (UN M49 region) and global: mean, sample sd (0 for one value), n_assets; usable
    when n_assets >= min_group_assets. EFs carried from other years do not enter. -#}
with

attributed as (
    select * from {{ ref('int_emission_factors_attributed') }}
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

countries as (
    select * from {{ ref('countries') }}
),

own_ranked as (
    select
        *,
        row_number() over (partition by asset_id, year order by level_order) as level_rank
    from attributed
),

own_of_year as (
    select
        own_ranked.asset_id,
        own_ranked.year,
        own_ranked.emission_factor,
        assets.iso3_country,
        countries.region
    from own_ranked
    inner join assets on own_ranked.asset_id = assets.asset_id
    left join countries on assets.iso3_country = countries.iso3
    where own_ranked.level_rank = 1
),

levels as (
    {{ statistics_by_level(
        'own_of_year', 'emission_factor',
        [
            {'level': 'national', 'order': 3, 'by': 'iso3_country'},
            {'level': 'regional', 'order': 4, 'by': 'region'},
            {'level': 'global', 'order': 5, 'by': none},
        ],
        ['year']
    ) }}
),

final as (
    select
        level as ef_level,
        level_order,
        iso3_country,
        region,
        year,
        mean_value as emission_factor,
        sd_value as emission_factor_sd,
        n_assets,
        n_assets >= {{ var('min_group_assets') }} as is_usable
    from levels
)

select * from final
