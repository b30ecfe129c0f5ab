{#- M5 emission factor of every asset and coverage year, first that exists: the asset's
    asset-level EF of the year, else of the nearest year (tie: the earlier year); its
    organisation's EF of the year, else of the nearest year (same tie); else the
    national, regional, global average of the year (int_emission_factor_averages),
    moved to the nearest year with a usable global average when the year has none
    (int_emission_factor_years_cascaded). Level and confidence (seed
    emission_factor_levels) stay those of the source; ef_source_year is the year used;
    an average's sd is the sd of the average. Assets without activity get an EF too. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
    where is_coverage_year
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

countries as (
    select * from {{ ref('countries') }}
),

attributed as (
    select * from {{ ref('int_emission_factors_attributed') }}
),

averages as (
    select * from {{ ref('int_emission_factor_averages') }}
    where is_usable
),

average_years as (
    select * from {{ ref('int_emission_factor_years_cascaded') }}
),

levels as (
    select * from {{ ref('emission_factor_levels') }}
),

located as (
    select
        asset_years.asset_id,
        asset_years.year,
        assets.iso3_country,
        countries.region
    from asset_years
    inner join assets on asset_years.asset_id = assets.asset_id
    left join countries on assets.iso3_country = countries.iso3
),

own_candidates as (
    select
        located.asset_id,
        located.year,
        attributed.ef_level,
        attributed.emission_factor,
        attributed.emission_factor_sd,
        attributed.year as ef_source_year,
        row_number() over (
            partition by located.asset_id, located.year
            order by
                attributed.level_order asc,
                abs(attributed.year - located.year) asc,
                attributed.year asc
        ) as candidate_rank
    from located
    inner join attributed on located.asset_id = attributed.asset_id
),

located_average_years as (
    select
        located.*,
        average_years.average_year
    from located
    inner join average_years on located.year = average_years.year
),

average_candidates as (
    select
        located_average_years.asset_id,
        located_average_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as averages_year
    from located_average_years
    inner join averages
        on
            located_average_years.average_year = averages.year
            and located_average_years.iso3_country = averages.iso3_country
            and averages.ef_level = 'national'
    union all
    select
        located_average_years.asset_id,
        located_average_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as averages_year
    from located_average_years
    inner join averages
        on
            located_average_years.average_year = averages.year
            and located_average_years.region = averages.region
            and averages.ef_level = 'regional'
    union all
    select
        located_average_years.asset_id,
        located_average_years.year,
        averages.ef_level,
        averages.level_order,
        averages.emission_factor,
        averages.emission_factor_sd,
        averages.year as averages_year
    from located_average_years
    inner join averages
        on
            located_average_years.average_year = averages.year
            and averages.ef_level = 'global'
),

average_ranked as (
    select
        asset_id,
        year,
        ef_level,
        emission_factor,
        emission_factor_sd,
        averages_year as ef_source_year,
        row_number() over (partition by asset_id, year order by level_order) as candidate_rank
    from average_candidates
),

final as (
    select
        located.asset_id,
        located.year,
        coalesce(own.emission_factor, average.emission_factor) as emission_factor,
        coalesce(own.emission_factor_sd, average.emission_factor_sd) as emission_factor_sd,
        coalesce(own.ef_level, average.ef_level) as ef_level,
        levels.confidence as ef_confidence,
        coalesce(own.ef_source_year, average.ef_source_year) as ef_source_year
    from located
    left join own_candidates as own
        on
            located.asset_id = own.asset_id
            and located.year = own.year
            and own.candidate_rank = 1
    left join average_ranked as average
        on
            located.asset_id = average.asset_id
            and located.year = average.year
            and average.candidate_rank = 1
    left join levels on coalesce(own.ef_level, average.ef_level) = levels.level
)

select * from final
