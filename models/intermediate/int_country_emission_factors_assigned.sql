{#- M5 average emission factor of every country of the seed and coverage year: the
    national average of the year, else the regional (UN M49 region), else the global
    one, all taken in the year given by int_emission_factor_years_cascaded (the year
    itself, or the nearest year with a usable global average). Countries without a
    region fall back to global. Used by assets without an EF of their own (M5) and by
    the projections from national statistics (M7). -#}
with

countries as (
    select * from {{ ref('countries') }}
),

average_years as (
    select * from {{ ref('int_emission_factor_years_cascaded') }}
),

averages as (
    select * from {{ ref('int_emission_factor_averages') }}
    where is_usable
),

levels as (
    select * from {{ ref('emission_factor_levels') }}
),

country_years as (
    select
        countries.iso3 as iso3_country,
        countries.region,
        average_years.year,
        average_years.average_year
    from countries
    cross join average_years
),

candidates as (
    select
        country_years.iso3_country,
        country_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as ef_source_year
    from country_years
    inner join averages
        on
            country_years.average_year = averages.year
            and country_years.iso3_country = averages.iso3_country
            and averages.ef_level = 'national'
    union all
    select
        country_years.iso3_country,
        country_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as ef_source_year
    from country_years
    inner join averages
        on
            country_years.average_year = averages.year
            and country_years.region = averages.region
            and averages.ef_level = 'regional'
    union all
    select
        country_years.iso3_country,
        country_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as ef_source_year
    from country_years
    inner join averages
        on
            country_years.average_year = averages.year
            and averages.ef_level = 'global'
),

ranked as (
    select
        *,
        row_number() over (partition by iso3_country, year order by level_order) as level_rank
    from candidates
),

final as (
    select
        ranked.iso3_country,
        ranked.year,
        ranked.emission_factor,
        ranked.emission_factor_sd,
        ranked.ef_level,
        levels.confidence as ef_confidence,
        ranked.ef_source_year
    from ranked
    inner join levels on ranked.ef_level = levels.level
    where ranked.level_rank = 1
)

select * from final
