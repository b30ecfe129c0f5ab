{#- Release file {subsector}_emissions_sources_ers.csv: the M8 emission reduction
    solutions of each asset-year, ranked; emissions in t CO2. -#}
with

solutions as (
    select * from {{ ref('fct_emission_reduction_solutions') }}
),

final as (
    select
        asset_id as source_id,
        {{ annual_start_time('year') }} as start_time,
        {{ annual_end_time('year') }} as end_time,
        strategy,
        strategy_rank as rank,
        emissions_reduced,
        emissions_after
    from solutions
)

select * from final
