{#- M1 conversion factor of every country of the seed, mineral and product: the national
    factor (iso3, mineral, product), else the regional one (the country's UN M49
    region), else the global one, the first usable level (min_group_assets) of
    int_conversion_factors_grouped; no row where no level has one. Product `ore` has
    factor 1, sd 0 (level `ore`). Serves assets without a factor of their own (M1) and
    the conversion of national statistics by basis (M7). -#}
with

countries as (
    select * from {{ ref('countries') }}
),

minerals as (
    select * from {{ ref('minerals') }}
),

factors as (
    select * from {{ ref('int_conversion_factors_grouped') }}
    where is_usable and factor_level != 'asset'
),

country_minerals as (
    select
        countries.iso3 as iso3_country,
        countries.region,
        minerals.mineral
    from countries
    cross join minerals
),

candidates as (
    select
        country_minerals.iso3_country,
        factors.mineral,
        factors.product,
        factors.factor,
        factors.factor_sd,
        factors.factor_level,
        factors.level_order,
        factors.n_assets,
        factors.n_ratios
    from country_minerals
    inner join factors
        on
            country_minerals.iso3_country = factors.iso3_country
            and country_minerals.mineral = factors.mineral
            and factors.factor_level = 'national'
    union all
    select
        country_minerals.iso3_country,
        factors.mineral,
        factors.product,
        factors.factor,
        factors.factor_sd,
        factors.factor_level,
        factors.level_order,
        factors.n_assets,
        factors.n_ratios
    from country_minerals
    inner join factors
        on
            country_minerals.region = factors.region
            and country_minerals.mineral = factors.mineral
            and factors.factor_level = 'regional'
    union all
    select
        country_minerals.iso3_country,
        factors.mineral,
        factors.product,
        factors.factor,
        factors.factor_sd,
        factors.factor_level,
        factors.level_order,
        factors.n_assets,
        factors.n_ratios
    from country_minerals
    inner join factors
        on
            country_minerals.mineral = factors.mineral
            and factors.factor_level = 'global'
),

ranked as (
    select
        *,
        row_number() over (
            partition by iso3_country, mineral, product order by level_order
        ) as level_rank
    from candidates
),

converted as (
    select
        iso3_country,
        mineral,
        product,
        factor as conversion_factor,
        factor_sd as conversion_factor_sd,
        factor_level,
        n_assets,
        n_ratios
    from ranked
    where level_rank = 1
),

ore as (
    select
        iso3_country,
        mineral,
        'ore' as product,
        cast(1 as double) as conversion_factor,
        cast(0 as double) as conversion_factor_sd,
        'ore' as factor_level,
        cast(null as bigint) as n_assets,
        cast(null as bigint) as n_ratios
    from country_minerals
),

final as (
    select * from converted
    union all
    select * from ore
)

select * from final
