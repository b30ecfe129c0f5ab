{#- The asset dimension: one row per asset (a mine x mineral) with its country,
    UN M49 region, Climate TRACE subsector and release metadata (other1-3). The type
    confidence (paper Table S3, "verified by multiple sources (high)") is high when two
    or more production sources report the asset, else medium. -#}
with

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

countries as (
    select * from {{ ref('countries') }}
),

minerals as (
    select * from {{ ref('minerals') }}
),

production_sources as (
    select
        asset_id,
        count(distinct source) as production_sources
    from {{ ref('int_production_prioritized') }}
    group by asset_id
),

final as (
    select
        assets.asset_id,
        assets.asset_name,
        assets.iso3_country,
        countries.country_name,
        countries.region,
        assets.mineral,
        minerals.subsector,
        minerals.source_type,
        minerals.activity_units,
        assets.lat,
        assets.lon,
        assets.operation_type,
        assets.status,
        assets.status_year,
        assets.other_minerals,
        assets.owner,
        assets.operator,
        coalesce(production_sources.production_sources, 0) as production_sources,
        -- Table S3: the type is "verified by multiple sources (high)"
        case
            when production_sources.production_sources >= 2 then 'high' else 'medium'
        end as type_confidence
    from assets
    inner join countries on assets.iso3_country = countries.iso3
    inner join minerals on assets.mineral = minerals.mineral
    left join production_sources on assets.asset_id = production_sources.asset_id
)

select * from final
