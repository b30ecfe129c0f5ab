-- M7 a country row whose basis is the asset aggregate equals the sum of its sources.
with sources as (
    select
        iso3_country,
        subsector,
        start_time,
        gas,
        sum(emissions_quantity) as sources_emissions
    from exports.{sources_model}
    group by iso3_country, subsector, start_time, gas
)

select
    country.iso3_country,
    country.subsector,
    country.start_time,
    country.gas,
    country.emissions_quantity,
    sources.sources_emissions,
    abs(country.emissions_quantity - coalesce(sources.sources_emissions, 0))
    / greatest(abs(country.emissions_quantity), 1e-300) as relative_error
from exports.{country_model} as country
left join sources
    on
        country.iso3_country = sources.iso3_country
        and country.subsector = sources.subsector
        and country.start_time = sources.start_time
        and country.gas = sources.gas
where country.basis = 'asset' and country.emissions_quantity is not null
