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

national_average as (
    select
        'national' as ef_level,
        3 as level_order,
        iso3_country,
        cast(null as varchar) as region,
        year,
        avg(emission_factor) as emission_factor,
        coalesce(stddev_samp(emission_factor), 0) as emission_factor_sd,
        count(distinct asset_id) as n_assets
    from own_of_year
    group by iso3_country, year
),

regional_average as (
    select
        'regional' as ef_level,
        4 as level_order,
        cast(null as varchar) as iso3_country,
        region,
        year,
        avg(emission_factor) as emission_factor,
        coalesce(stddev_samp(emission_factor), 0) as emission_factor_sd,
        count(distinct asset_id) as n_assets
    from own_of_year
    where region is not null
    group by region, year
),

global_average as (
    select
        'global' as ef_level,
        5 as level_order,
        cast(null as varchar) as iso3_country,
        cast(null as varchar) as region,
        year,
        avg(emission_factor) as emission_factor,
        coalesce(stddev_samp(emission_factor), 0) as emission_factor_sd,
        count(distinct asset_id) as n_assets
    from own_of_year
    group by year
),

unioned as (
    select * from national_average
    union all
    select * from regional_average
    union all
    select * from global_average
),

final as (
    select
        *,
        n_assets >= {{ var('min_group_assets') }} as is_usable
    from unioned
)

select * from final
