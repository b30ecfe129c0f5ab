-- Table 5 Highest emitting mining countries for the year, based on aggregated asset level data
select
    country_name as "Country",
    minerals as "Type",
    activity_t as "Total activity (tonnes)",
    round(average_ef, 4) as "Average emission factor",
    co2_t as "CO2 emissions (tonnes)"
from marts.fct_country_rankings
where basis = 'asset' and year = $year and emissions_rank <= $top
order by emissions_rank
