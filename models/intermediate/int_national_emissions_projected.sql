{#- M7 projected emissions per (country, mineral, coverage year): projected ore x the
    country's M5 average EF of that year (national, else regional, else global, with the
    nearest-year rule; int_country_emission_factors_assigned). Emissions confidence is
    the lower of the projection's and the EF's (as in M6). -#}
with

projected as (
    select * from {{ ref('int_national_production_projected') }}
),

country_factors as (
    select * from {{ ref('int_country_emission_factors_assigned') }}
),

final as (
    select
        projected.iso3_country,
        projected.mineral,
        projected.subsector,
        projected.year,
        projected.activity_t,
        projected.projection_method,
        projected.activity_confidence,
        country_factors.emission_factor,
        country_factors.ef_level,
        country_factors.ef_confidence,
        country_factors.ef_source_year,
        projected.activity_t * country_factors.emission_factor as co2_t,
        {{ lower_confidence('projected.activity_confidence', 'country_factors.ef_confidence') }}
            as emissions_confidence
    from projected
    left join country_factors
        on
            projected.iso3_country = country_factors.iso3_country
            and projected.year = country_factors.year
)

select * from final
