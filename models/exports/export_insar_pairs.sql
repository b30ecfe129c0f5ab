{#- Release file insar_pairs.csv (once for all): every dated coherence pair of the
    raster stage with its stable-pixel mean and sd (M3.4), kept or the reason it was
    dropped (M3.1, M3.3, M3.4). Dates YYYY-MM-DD. -#}
with

pairs as (
    select * from {{ ref('stg_insar__pairs') }}
),

final as (
    select
        asset_id,
        file,
        cast(reference_date as varchar) as reference_date,
        cast(secondary_date as varchar) as secondary_date,
        bperp_m,
        stable_mean,
        stable_sd,
        kept,
        reason
    from pairs
)

select * from final
