{#- M7 national production converted to ore: one figure per (country, mineral, year),
    the latest edition and within it the first basis in seed national_statistics_bases
    order (ore, gross_weight, usable_ore, concentrate, metal_content) that can be
    converted. Conversion: the country's M1 factor of the basis's product
    (int_country_conversion_factors_assigned: national, else regional, else global);
    ore and gross_weight have factor 1. A figure whose basis has no factor at
    any level cannot be converted and is passed over (choice: the spec does not say;
    as with products in M2 rank 3). -#}
with

figures as (
    select * from {{ ref('int_national_production_unioned') }}
),

bases as (
    select * from {{ ref('national_statistics_bases') }}
),

country_factors as (
    select * from {{ ref('int_country_conversion_factors_assigned') }}
),

converted as (
    select
        figures.iso3_country,
        figures.mineral,
        figures.year,
        figures.basis,
        bases.preference_order as basis_order,
        figures.edition_year,
        figures.is_estimate,
        figures.statistics_source,
        figures.source_file,
        figures.source_row,
        figures.quantity_t,
        country_factors.conversion_factor,
        country_factors.conversion_factor_sd,
        country_factors.factor_level,
        figures.quantity_t * country_factors.conversion_factor as ore_t
    from figures
    inner join bases on figures.basis = bases.basis
    inner join country_factors
        on
            figures.iso3_country = country_factors.iso3_country
            and figures.mineral = country_factors.mineral
            and bases.conversion_product = country_factors.product
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
