{#- M5 year of the averages used for each coverage year: the year itself when its global
    average is usable (n_assets >= min_group_assets), else the nearest year that has a
    usable global average (tie: the earlier year). A usable national or regional
    average implies a usable global one, so the whole cascade (national, regional,
    global) moves to that year. -#}
with

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

global_years as (
    select year from {{ ref('int_emission_factor_averages') }}
    where ef_level = 'global' and is_usable
),

ranked as (
    select
        coverage_years.year,
        global_years.year as average_year,
        row_number() over (
            partition by coverage_years.year
            order by abs(global_years.year - coverage_years.year) asc, global_years.year asc
        ) as nearness_rank
    from coverage_years
    cross join global_years
),

final as (
    select
        year,
        average_year
    from ranked
    where nearness_rank = 1
)

select * from final
