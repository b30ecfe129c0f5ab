with

source as (
    {{ accepted_rows(source('insar', 'pixel_counts')) }}
),

typed as (
    select
        trim(asset_id) as asset_id,
        cast(trim(year) as integer) as year,
        cast(trim(active_pixels) as bigint) as active_pixels,
        cast({{ text_value('valid_pixels') }} as bigint) as valid_pixels,
        cast(trim(pixel_area_m2) as double) as pixel_area_m2,
        cast(trim(active_pixels) as bigint) * cast(trim(pixel_area_m2) as double) as active_area_m2,
        _file as source_file,
        _row as source_row
    from source
)

select * from typed
