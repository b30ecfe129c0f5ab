{#- Release file insar_pixel_counts.csv (once for all): InSAR counts per asset and year.
    Loaded counts (insar/pixel_counts.csv) as given, with no pair figures. Raster
    counts for every year with a dated pair on the asset's grid: n_pairs, n_pairs_used
    (kept through M3.1 and M3.4), active and valid pixels and the active area (M3.7,
    M3.8; empty when not modelled) and the annual site NDAI = the mean of the year's
    site NDAI_i (M3.6). -#}
with

loaded as (
    select * from {{ ref('stg_insar__pixel_counts') }}
),

raster_counts as (
    select * from {{ ref('stg_insar__raster_counts') }}
),

pairs as (
    select * from {{ ref('stg_insar__pairs') }}
),

site_ndai as (
    select * from {{ ref('stg_insar__site_ndai') }}
),

pair_years as (
    select
        asset_id,
        year,
        count(*) as n_pairs,
        sum(case when kept then 1 else 0 end) as n_pairs_used
    from pairs
    group by asset_id, year
),

site_years as (
    select
        asset_id,
        year,
        avg(site_ndai) as site_ndai
    from site_ndai
    group by asset_id, year
),

raster_rows as (
    select
        pair_years.asset_id,
        pair_years.year,
        raster_counts.active_pixels,
        raster_counts.valid_pixels,
        raster_counts.active_area_m2,
        pair_years.n_pairs,
        pair_years.n_pairs_used,
        site_years.site_ndai
    from pair_years
    left join raster_counts
        on
            pair_years.asset_id = raster_counts.asset_id
            and pair_years.year = raster_counts.year
    left join site_years
        on
            pair_years.asset_id = site_years.asset_id
            and pair_years.year = site_years.year
),

loaded_rows as (
    select
        asset_id,
        year,
        active_pixels,
        valid_pixels,
        active_area_m2,
        cast(null as bigint) as n_pairs,
        cast(null as bigint) as n_pairs_used,
        cast(null as double) as site_ndai
    from loaded
),

final as (
    select
        asset_id,
        year,
        active_pixels,
        valid_pixels,
        active_area_m2,
        n_pairs,
        cast(n_pairs_used as bigint) as n_pairs_used,
        site_ndai
    from raster_rows
    union all
    select * from loaded_rows
)

select * from final
