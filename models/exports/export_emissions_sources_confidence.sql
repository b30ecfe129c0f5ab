{#- Release file {subsector}_emissions_sources_confidence.csv: the confidence of each
    figure of the sources file (paper Table S3). Empty where the figure is empty. -#}
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
        assets.iso3_country,
        'mineral-extraction' as sector,
        assets.subsector,
        {{ annual_start_time('asset_emissions.year') }} as start_time,
        {{ annual_end_time('asset_emissions.year') }} as end_time,
        assets.type_confidence as source_type,
        asset_emissions.capacity_confidence as capacity,
        asset_emissions.capacity_factor_confidence as capacity_factor,
        asset_emissions.activity_confidence as activity,
        gases.gas,
        case
            when gases.t_per_t_co2 is not null then asset_emissions.ef_confidence
        end as emissions_factor,
        case
            when gases.t_per_t_co2 is not null then asset_emissions.emissions_confidence
        end as emissions_quantity,
        {{ release_time() }} as created_date,
        {{ release_time() }} as modified_date
    from asset_emissions
    inner join assets on asset_emissions.asset_id = assets.asset_id
    cross join gases
)

select * from final
