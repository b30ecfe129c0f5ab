{#- M3/M4 InSAR active areas of every asset-year, from either source: counts loaded
    from insar/pixel_counts.csv (computed elsewhere) and counts computed from the
    rasters by the raster stage. The loader rejects an asset that has both, so each
    asset-year comes from one. Raster years without an active count (no footprint
    pixel valid that year) are not modelled and left out. -#}
with

loaded as (
    select * from {{ ref('stg_insar__pixel_counts') }}
),

computed as (
    select * from {{ ref('stg_insar__raster_counts') }}
    where active_pixels is not null
),

unioned as (
    select
        asset_id,
        year,
        active_pixels,
        valid_pixels,
        active_area_m2,
        'loaded' as counts_source
    from loaded
    union all
    select
        asset_id,
        year,
        active_pixels,
        valid_pixels,
        active_area_m2,
        'raster' as counts_source
    from computed
)

select * from unioned
