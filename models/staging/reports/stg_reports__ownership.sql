with

source as (
    {{ accepted_rows(source('reports', 'ownership')) }}
),

typed as (
    select
        trim(asset_id) as asset_id,
        trim(organisation) as organisation,
        cast({{ text_value('share_percent') }} as double) as share_percent,
        _file as source_file,
        _row as source_row
    from source
)

select * from typed
