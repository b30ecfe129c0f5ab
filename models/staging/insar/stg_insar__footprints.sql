with

source as (
    {{ accepted_rows(source('insar', 'footprints')) }}
),

final as (
    select
        asset_id,
        geometry as geometry_geojson,
        crs,
        _file as source_file,
        _row as feature_number
    from source
)

select * from final
