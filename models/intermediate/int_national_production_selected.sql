{#- M7 national production converted to ore: one figure per (country, mineral, year),
    the latest edition and within it the first basis in seed national_statistics_bases
    order (ore, gross_weight, usable_ore, concentrate, metal_content) that can be
    converted. Conversion: the M1 factor of the basis's product at national level (iso3,
    mineral), else regional (the country's UN M49 region), else global (min_group_assets
    applies); ore and gross_weight have factor 1. A figure whose basis has no factor at
    any level cannot be converted and is passed over (choice: the spec does not say;
    as with products in M2 rank 3). -#}
with

figures as (
    select * from {{ ref('int_national_production_unioned') }}
),

bases as (
    select * from {{ ref('national_statistics_bases') }}
),

countries as (
    select * from {{ ref('countries') }}
),

factors as (
    select * from {{ ref('int_conversion_factors_grouped') }}
    where is_usable and factor_level in ('national', 'regional', 'global')
),

based as (
    select
        figures.*,
        countries.region,
        bases.preference_order as basis_order,
        bases.conversion_product
    from figures
    inner join bases on figures.basis = bases.basis
    left join countries on figures.iso3_country = countries.iso3
),

identity_factors as (
    select
        iso3_country,
        mineral,
        year,
        basis,
        edition_year,
        source_file,
        source_row,
        cast(1 as double) as conversion_factor,
        cast(0 as double) as conversion_factor_sd,
        'ore' as factor_level,
        0 as level_order
    from based
    where conversion_product = 'ore'
),

product_factors as (
    select
        based.iso3_country,
        based.mineral,
        based.year,
        based.basis,
        based.edition_year,
        based.source_file,
        based.source_row,
        factors.factor as conversion_factor,
        factors.factor_sd as conversion_factor_sd,
        factors.factor_level,
        factors.level_order
    from based
    inner join factors
        on
            based.mineral = factors.mineral
            and based.conversion_product = factors.product
            and (
                (factors.factor_level = 'national' and based.iso3_country = factors.iso3_country)
                or (factors.factor_level = 'regional' and based.region = factors.region)
                or factors.factor_level = 'global'
            )
    where based.conversion_product != 'ore'
),

factor_candidates as (
    select * from identity_factors
    union all
    select * from product_factors
),

factor_ranked as (
    select
        *,
        row_number() over (
            partition by source_file, source_row, year order by level_order
        ) as factor_rank
    from factor_candidates
),

converted as (
    select
        based.iso3_country,
        based.mineral,
        based.year,
        based.basis,
        based.basis_order,
        based.edition_year,
        based.is_estimate,
        based.statistics_source,
        based.source_file,
        based.source_row,
        based.quantity_t,
        factor_ranked.conversion_factor,
        factor_ranked.conversion_factor_sd,
        factor_ranked.factor_level,
        based.quantity_t * factor_ranked.conversion_factor as ore_t
    from based
    inner join factor_ranked
        on
            based.source_file = factor_ranked.source_file
            and based.source_row = factor_ranked.source_row
            and based.year = factor_ranked.year
            and factor_ranked.factor_rank = 1
),

ranked as (
    select
        *,
        row_number() over (
            partition by iso3_country, mineral, year
            order by edition_year desc nulls last, basis_order asc, source_file asc, source_row asc
        ) as figure_rank
    from converted
),

final as (
    select
        iso3_country,
        mineral,
        year,
        basis,
        edition_year,
        is_estimate,
        statistics_source,
        source_file,
        source_row,
        quantity_t,
        conversion_factor,
        conversion_factor_sd,
        factor_level,
        ore_t
    from ranked
    where figure_rank = 1
)

select * from final
