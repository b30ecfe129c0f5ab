{#- Release file {subsector}_country_emissions.csv: per country of the seed, year and
    gas, the larger of the asset aggregate and the projection (M7) with both figures
    and the basis; 0 where neither exists. -#}
with

country_emissions as (
    select * from {{ ref('fct_country_emissions') }}
),

gases as (
    select * from {{ ref('gases') }}
),

final as (
    select
        country_emissions.iso3_country,
        'mineral-extraction' as sector,
        country_emissions.subsector,
        {{ annual_start_time('country_emissions.year') }} as start_time,
        {{ annual_end_time('country_emissions.year') }} as end_time,
        gases.gas,
        country_emissions.co2_t * gases.t_per_t_co2 as emissions_quantity,
        'tonnes' as emissions_quantity_units,
        'annual' as temporal_granularity,
        {{ release_time() }} as created_date,
        {{ release_time() }} as modified_date,
        country_emissions.asset_co2_t * gases.t_per_t_co2 as asset_emissions,
        country_emissions.projected_co2_t * gases.t_per_t_co2 as projected_emissions,
        country_emissions.basis
    from country_emissions
    cross join gases
)

select * from final
