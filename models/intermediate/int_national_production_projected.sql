{#- M7 projected ore production per (country, mineral, coverage year) from the converted
    national figures (int_national_production_selected): a year with a figure takes it
    (reported, confidence high); a coverage year without one, interior gaps included, is
    forecast by an ordinary least squares line (x = calendar year) over all converted
    figures from history_start_year on when there are at least 2 (forecast, low), the
    line clamped at >= 0; a single figure is carried forward to later years only
    (carried, very low). -#}
with

figures as (
    select * from {{ ref('int_national_production_selected') }}
),

minerals as (
    select * from {{ ref('minerals') }}
),

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

points as (
    select * from figures
    where year >= {{ var('history_start_year') }}
),

lines as (
    select
        iso3_country,
        mineral,
        count(*) as n_points,
        regr_slope(ore_t, year) as slope,
        regr_intercept(ore_t, year) as intercept,
        min(year) as first_year,
        max(ore_t) as single_ore_t
    from points
    group by iso3_country, mineral
),

series_years as (
    select
        lines.*,
        coverage_years.year
    from lines
    cross join coverage_years
),

projected as (
    select
        series_years.iso3_country,
        series_years.mineral,
        series_years.year,
        series_years.n_points,
        series_years.slope,
        series_years.intercept,
        figures.basis,
        figures.edition_year,
        figures.factor_level as conversion_factor_level,
        case
            when figures.ore_t is not null then figures.ore_t
            when series_years.n_points >= 2
                then greatest(0, series_years.intercept + series_years.slope * series_years.year)
            when series_years.year > series_years.first_year then series_years.single_ore_t
        end as activity_t,
        case
            when figures.ore_t is not null then 'reported'
            when series_years.n_points >= 2 then 'forecast'
            when series_years.year > series_years.first_year then 'carried'
        end as projection_method
    from series_years
    left join figures
        on
            series_years.iso3_country = figures.iso3_country
            and series_years.mineral = figures.mineral
            and series_years.year = figures.year
),

final as (
    select
        projected.iso3_country,
        projected.mineral,
        minerals.subsector,
        projected.year,
        projected.activity_t,
        projected.projection_method,
        case projected.projection_method
            when 'reported' then 'high'
            when 'forecast' then 'low'
            when 'carried' then 'very low'
        end as activity_confidence,
        projected.n_points,
        projected.slope,
        projected.intercept,
        projected.basis,
        projected.edition_year,
        projected.conversion_factor_level
    from projected
    inner join minerals on projected.mineral = minerals.mineral
    where projected.projection_method is not null
)

select * from final
