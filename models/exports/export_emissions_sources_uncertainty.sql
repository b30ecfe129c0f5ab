{#- Release file {subsector}_emissions_sources_uncertainty.csv: the M6 bounds of each
    asset, year and gas (empty for CH4 and N2O, not modelled). -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

gases as (
    select * from {{ ref('gases') }}
),

final as (
    select
        asset_emissions.asset_id as source_id,
        {{ annual_start_time('asset_emissions.year') }} as start_time,
        {{ annual_end_time('asset_emissions.year') }} as end_time,
        gases.gas,
        asset_emissions.co2_t * gases.t_per_t_co2 as emissions_quantity,
        asset_emissions.co2_lower_t * gases.t_per_t_co2 as emissions_lower,
        asset_emissions.co2_upper_t * gases.t_per_t_co2 as emissions_upper,
        asset_emissions.activity_lower_t as activity_lower,
        asset_emissions.activity_upper_t as activity_upper,
        asset_emissions.emission_factor_lower * gases.t_per_t_co2 as emissions_factor_lower,
        asset_emissions.emission_factor_upper * gases.t_per_t_co2 as emissions_factor_upper
    from asset_emissions
    cross join gases
)

select * from final
