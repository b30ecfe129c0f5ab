{#- M5 emission factor averages by country, region and year (paper §5.3: "averaged at a
    national or regional level"), with their confidence; see
    int_emission_factor_averages for how they are computed. -#}
with

averages as (
    select * from {{ ref('int_emission_factor_averages') }}
),

levels as (
    select * from {{ ref('emission_factor_levels') }}
),

final as (
    select
        averages.ef_level,
        averages.iso3_country,
        averages.region,
        averages.year,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.n_assets,
        averages.is_usable,
        levels.confidence as ef_confidence
    from averages
    inner join levels on averages.ef_level = levels.level
)

select * from final
