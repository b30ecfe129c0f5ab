with

cells as (
    {{ accepted_rows(source('usgs', 'mcs_world')) }}
),

units as (
    select * from {{ ref('units') }}
),

country_names as (
    select * from {{ ref('stg_reference__country_names') }}
),

mcs_types as (
    select * from {{ ref('usgs_mcs_types') }}
),

notes as (
    select
        _file,
        _row,
        cell_value as production_note
    from cells
    where lower(column_name) in ('prod_note', 'prod_notes')
),

production_cells as (
    select
        *,
        lower(column_name) as column_key,
        upper({{ text_value("replace(cell_value, ',', '')") }}) as value_text
    from cells
    where {{ matches_pattern('lower(column_name)', '^prod_(t|kt|mt)_(est_)?[0-9]{4}$') }}
),

parsed as (
    select
        production_cells._file as source_file,
        production_cells._row as source_row,
        production_cells.column_name as source_column,
        trim(production_cells.source) as edition,
        cast({{ extract_pattern('production_cells.source', '[0-9]{4}') }} as integer)
            as edition_year,
        trim(production_cells.country) as country_name,
        country_names.iso3 as iso3_country,
        coalesce(country_names.is_aggregate, false) as is_aggregate,
        trim(production_cells.mcs_type) as mcs_type,
        mcs_types.mineral,
        mcs_types.basis,
        cast({{ dbt.right('production_cells.column_key', 4) }} as integer) as year,
        units.factor_to_t,
        production_cells.value_text,
        notes.production_note,
        {{ dbt.position("'_est_'", 'production_cells.column_key') }} > 0 as is_estimate_column
    from production_cells
    left join units
        on {{ dbt.split_part('production_cells.column_key', "'_'", 2) }} = lower(units.unit)
    left join country_names
        on {{ country_lookup_key('production_cells.country') }} = country_names.lookup_key
    left join mcs_types on trim(production_cells.mcs_type) = mcs_types.mcs_type
    left join notes
        on
            production_cells._file = notes._file
            and production_cells._row = notes._row
),

final as (
    select
        source_file,
        source_row,
        source_column,
        edition,
        edition_year,
        country_name,
        iso3_country,
        is_aggregate,
        mcs_type,
        mineral,
        basis,
        year,
        case
            when value_text not in ('W', 'NA', 'XX', '--', '-', '—')
                then cast(value_text as double) * factor_to_t
        end as quantity_t,
        case when value_text in ('W', 'NA', 'XX', '--', '-', '—') then value_text end as value_code,
        is_estimate_column
        or coalesce(
            lower(production_note) like '%also estimated%'
            and {{ dbt.position('cast(year as varchar)', 'production_note') }} > 0,
            false
        ) as is_estimate,
        production_note
    from parsed
)

select * from final
