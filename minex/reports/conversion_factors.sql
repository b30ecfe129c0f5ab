-- M1: per country, mineral and product, the level of the conversion factor its assets
-- use, how many assets use it, and the number of distinct assets behind that factor.
select
    iso3_country,
    mineral,
    product,
    factor_level,
    count(*) as assets_using_it,
    max(n_assets) as assets_behind_factor,
    round(min(conversion_factor), 4) as min_factor,
    round(max(conversion_factor), 4) as max_factor
from intermediate.int_conversion_factors_assigned
where product != 'ore' and factor_level != 'none'
group by iso3_country, mineral, product, factor_level
order by iso3_country, mineral, product, factor_level
