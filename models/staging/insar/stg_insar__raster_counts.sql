with

source as (
    {{ accepted_rows(source('insar', 'raster_counts')) }}
),

final as (
    select
        asset_id,
        year,
        footprint_pixels,
        valid_pixels,
        active_pixels,
        active_area_m2,
        pixel_area_m2,
        _file as source_folder
    from source
)

select * from final
