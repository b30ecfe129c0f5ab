{#- M5 assignment of an emission factor to every asset and coverage year: the asset's
    own asset-level EF of that year, with its level, confidence and source year. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
    where is_coverage_year
),

reported_ranked as (
    select
        *,
        -- several organisations may report the same site: the first by name is used
        row_number() over (partition by asset_id, year order by organisation) as report_rank
    from {{ ref('int_emission_factors_reported') }}
),

reported as (
    select * from reported_ranked
    where report_rank = 1
),

levels as (
    select * from {{ ref('emission_factor_levels') }}
),

final as (
    select
        asset_years.asset_id,
        asset_years.year,
        reported.emission_factor,
        reported.emission_factor_sd,
        reported.ef_level,
        levels.confidence as ef_confidence,
        reported.year as ef_source_year
    from asset_years
    left join reported
        on
            asset_years.asset_id = reported.asset_id
            and asset_years.year = reported.year
    left join levels on reported.ef_level = levels.level
)

select * from final
