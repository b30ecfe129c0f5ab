-- M9: coverage per country in the last coverage year, assets with activity / all mine assets (paper section 6), largest first.
select
    iso3_country,
    country_name,
    year,
    assets,
    assets_with_activity,
    round(100 * coverage, 1) as coverage_percent
from marts.fct_country_coverage
where year = (select max(year) from marts.fct_country_coverage)
order by assets desc, iso3_country
