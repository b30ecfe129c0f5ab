-- M2: asset-years of the coverage by activity method and confidence, in rank order.
select
    methods.rank,
    emissions.activity_method,
    coalesce(emissions.activity_confidence, '') as activity_confidence,
    count(*) as asset_years,
    count(distinct emissions.asset_id) as assets
from marts.fct_asset_emissions as emissions
inner join reference.activity_methods as methods on emissions.activity_method = methods.method
group by methods.rank, emissions.activity_method, emissions.activity_confidence
order by methods.rank
