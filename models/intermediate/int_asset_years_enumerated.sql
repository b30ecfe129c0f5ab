{#- Every asset for every coverage year (M9: every asset appears every year), plus the
    years of reported emissions outside the coverage: an emission factor of such a
    year needs the asset's activity of that year (M5), since inputs outside the
    coverage count wherever a rule looks at other years. -#}
with

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

report_years as (
    select distinct year from {{ ref('stg_reports__emissions') }}
),

years as (
    select
        year,
        true as is_coverage_year
    from coverage_years
    union all
    select
        year,
        false as is_coverage_year
    from report_years
    where year not in (select coverage_years.year from coverage_years)
),

final as (
    select
        assets.asset_id,
        years.year,
        years.is_coverage_year
    from assets
    cross join years
)

select * from final
