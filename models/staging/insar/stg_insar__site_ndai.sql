with

source as (
    {{ accepted_rows(source('insar', 'site_ndai')) }}
),

final as (
    select
        asset_id,
        file,
        year,
        stable_mean,
        footprint_mean_coherence,
        footprint_valid_pixels,
        site_ndai,
        _file as source_folder
    from source
)

select * from final
