{#- M5 emission factor of every asset and coverage year, first that exists: the asset's
    asset-level EF of the year, else of the nearest year (tie: the earlier year); its
    organisation's EF of the year, else of the nearest year (same tie); else its
    country's average EF of the year (int_country_emission_factors_assigned: national,
    regional, global, in the nearest year with a usable global average when the year
    has none). Level and confidence (seed emission_factor_levels) stay those of the
    source; ef_source_year is the year used; an average's sd is the sd of the average.
    Assets without activity get an EF too. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
    where is_coverage_year
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

attributed as (
    select * from {{ ref('int_emission_factors_attributed') }}
),

country_factors as (
    select * from {{ ref('int_country_emission_factors_assigned') }}
),

levels as (
    select * from {{ ref('emission_factor_levels') }}
),

located as (
    select
        asset_years.asset_id,
        asset_years.year,
        assets.iso3_country
    from asset_years
    inner join assets on asset_years.asset_id = assets.asset_id
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

final as (
    select
        located.asset_id,
        located.year,
        coalesce(own.emission_factor, average.emission_factor) as emission_factor,
        coalesce(own.emission_factor_sd, average.emission_factor_sd) as emission_factor_sd,
        coalesce(own.ef_level, average.ef_level) as ef_level,
        coalesce(own_level.confidence, average.ef_confidence) as ef_confidence,
        coalesce(own.ef_source_year, average.ef_source_year) as ef_source_year
    from located
    left join own_candidates as own
        on
            located.asset_id = own.asset_id
            and located.year = own.year
            and own.candidate_rank = 1
    left join country_factors as average
        on
            located.iso3_country = average.iso3_country
            and located.year = average.year
    left join levels as own_level on own.ef_level = own_level.level
)

select * from final
