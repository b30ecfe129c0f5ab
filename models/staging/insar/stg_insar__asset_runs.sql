{#- Every asset folder the raster stage saw, rejected ones included (a run log: the
    reason of a rejected asset is also in raw._rejects). -#}
with

source as (
    select * from {{ source('insar', 'asset_runs') }}
),

final as (
    select
        asset_id,
        status,
        reason,
        grid,
        pixel_area_source,
        footprint_pixels,
        stable_pixels,
        pairs as n_pairs,
        pairs_kept as n_pairs_kept,
        seconds,
        parameters,
        _sha256 as input_fingerprint,
        _file as source_folder,
        _loaded_at as computed_at
    from source
)

select * from final
