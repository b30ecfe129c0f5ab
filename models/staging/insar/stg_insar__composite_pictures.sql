with

source as (
    {{ accepted_rows(source('insar', 'composite_pictures')) }}
),

final as (
    select
        asset_id,
        window_start,
        window_end,
        png,
        _file as source_folder
    from source
)

select * from final
