with

source as (
    {{ accepted_rows(source('insar', 'composite_classes')) }}
),

final as (
    select
        asset_id,
        window_start,
        window_end,
        classifier,
        colour,
        pixel_count,
        area_m2,
        _file as source_folder
    from source
)

select * from final
