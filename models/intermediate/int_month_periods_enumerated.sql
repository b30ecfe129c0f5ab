{#- The months of every coverage year with their Climate TRACE period bounds:
    YYYY-MM-01 00:00:00 to the month's last day 00:00:00 (leap years included). -#}
with

coverage_years as (
    {{ year_spine(var('start_year'), var('end_year')) }}
),

months as (
    select calendar_months.month
    from (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)) as calendar_months (month)
),

calendar as (
    select
        coverage_years.year,
        months.month,
        case
            when months.month in (4, 6, 9, 11) then 30
            when months.month != 2 then 31
            when
                mod(coverage_years.year, 4) = 0
                and (mod(coverage_years.year, 100) != 0 or mod(coverage_years.year, 400) = 0)
                then 29
            else 28
        end as days
    from coverage_years
    cross join months
),

final as (
    select
        year,
        month,
        days,
        {{ dbt.concat([
            "cast(year as varchar)", "'-'", "lpad(cast(month as varchar), 2, '0')",
            "'-01 00:00:00'"
        ]) }} as start_time,
        {{ dbt.concat([
            "cast(year as varchar)", "'-'", "lpad(cast(month as varchar), 2, '0')", "'-'",
            "cast(days as varchar)", "' 00:00:00'"
        ]) }} as end_time
    from calendar
)

select * from final
