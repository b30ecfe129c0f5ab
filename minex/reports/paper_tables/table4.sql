-- Table 4 Highest emitting mining assets for the year
select
    rankings.asset_name as "Asset name",
    rankings.country_name as "Country",
    minerals.display_name as "Type",
    rankings.activity_t as "Activity (tonnes)",
    round(rankings.emission_factor, 4) as "Emission factor",
    rankings.co2_t as "CO2 emissions (tonnes)"
from marts.fct_asset_rankings as rankings
inner join reference.minerals as minerals on rankings.mineral = minerals.mineral
where rankings.year = $year and rankings.emissions_rank <= $top
order by rankings.emissions_rank
