-- Every coverage year is present in every periodic release table.
with years as (
    select range as year from range($start_year, $end_year + 1)
),

published as (
    select 'sources' as release_table, cast(left(start_time, 4) as integer) as year, count(*) as row_count
    from exports.{sources_model} group by 2
    union all
    select 'confidence', cast(left(start_time, 4) as integer), count(*)
    from exports.{confidence_model} group by 2
    union all
    select 'uncertainty', cast(left(start_time, 4) as integer), count(*)
    from exports.{uncertainty_model} group by 2
    union all
    select 'country', cast(left(start_time, 4) as integer), count(*)
    from exports.{country_model} group by 2
),

tables as (
    select * from (values ('sources'), ('confidence'), ('uncertainty'), ('country')) as t (release_table)
)

select
    tables.release_table,
    years.year,
    coalesce(published.row_count, 0) as row_count
from tables
cross join years
left join published
    on tables.release_table = published.release_table and years.year = published.year
