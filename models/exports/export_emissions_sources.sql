{#- Release file {subsector}_emissions_sources.csv (DATA_CONTRACT): one row per asset,
    year and gas; CH4 and N2O empty (not modelled, M6), CO2e = CO2 (GWP 1). -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

assets as (
    select * from {{ ref('dim_assets') }}
),

gases as (
    select * from {{ ref('gases') }}
),

final as (
    select
        asset_emissions.asset_id as source_id,
        assets.asset_name as source_name,
        assets.source_type,
        assets.iso3_country,
        'mineral-extraction' as sector,
        assets.subsector,
        {{ annual_start_time('asset_emissions.year') }} as start_time,
        {{ annual_end_time('asset_emissions.year') }} as end_time,
        assets.lat,
        assets.lon,
        cast(null as varchar) as geometry_ref,
        gases.gas,
        asset_emissions.co2_t * gases.t_per_t_co2 as emissions_quantity,
        'annual' as temporal_granularity,
        asset_emissions.activity_t as activity,
        assets.activity_units,
        asset_emissions.emission_factor * gases.t_per_t_co2 as emissions_factor,
        {{ dbt.concat(["'t of '", 'gases.unit_label', "' per '", 'assets.activity_units']) }}
            as emissions_factor_units,
        asset_emissions.capacity_t as capacity,
        'tonnes' as capacity_units,
        asset_emissions.capacity_factor,
        assets.operation_type as other1,
        'Mine type (open pit, underground or both)' as other1_def,
        assets.status as other2,
        'Mine status' as other2_def,
        assets.other_minerals as other3,
        'Other minerals mined at this asset' as other3_def,
        asset_emissions.activity_method as other4,
        'Activity method' as other4_def,
        asset_emissions.ef_level as other5,
        'Emission factor level' as other5_def,
        cast(asset_emissions.ef_source_year as varchar) as other6,
        'Emission factor source year' as other6_def,
        asset_emissions.activity_source as other7,
        'Activity source' as other7_def,
        cast(asset_emissions.activity_source_year as varchar) as other8,
        'Activity source year' as other8_def,
        cast(null as varchar) as other9,
        cast(null as varchar) as other9_def,
        cast(null as varchar) as other10,
        cast(null as varchar) as other10_def,
        {{ release_time() }} as created_date,
        {{ release_time() }} as modified_date
    from asset_emissions
    inner join assets on asset_emissions.asset_id = assets.asset_id
    cross join gases
)

select * from final
