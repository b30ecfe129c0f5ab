with

source as (
    {{ accepted_rows(source('mdo', 'assets')) }}
),

typed as (
    select
        trim(asset_id) as asset_id,
        trim(asset_name) as asset_name,
        trim(iso3_country) as iso3_country,
        trim(mineral) as mineral,
        cast({{ text_value('lat') }} as double) as lat,
        cast({{ text_value('lon') }} as double) as lon,
        {{ text_value('operation_type') }} as operation_type,
        {{ text_value('status') }} as status,
        cast({{ text_value('status_year') }} as integer) as status_year,
        {{ text_value('other_minerals') }} as other_minerals,
        {{ text_value('owner') }} as owner,
        {{ text_value('operator') }} as operator,
        _extra as extra_columns,
        _file as source_file,
        _row as source_row
    from source
)

select * from typed
