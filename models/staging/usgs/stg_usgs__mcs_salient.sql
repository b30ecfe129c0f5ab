with

cells as (
    {{ accepted_rows(source('usgs', 'mcs_salient')) }}
),

units as (
    select * from {{ ref('units') }}
),

mcs_types as (
    select * from {{ ref('usgs_mcs_types') }}
),

production_cells as (
    select
        *,
        {{ replace_pattern('lower(column_name)', '^.*_', '') }} as unit_code,
        upper({{ text_value("replace(cell_value, ',', '')") }}) as value_text
    from cells
    where {{ matches_pattern('lower(column_name)', '^usprod_') }}
),

parsed as (
    select
        production_cells._file as source_file,
        production_cells._row as source_row,
        production_cells.column_name as source_column,
        trim(production_cells.source) as edition,
        cast({{ extract_pattern('production_cells.source', '[0-9]{4}') }} as integer)
            as edition_year,
        'USA' as iso3_country,
        trim(production_cells.commodity) as commodity,
        mcs_types.mineral,
        mcs_types.basis,
        cast(trim(production_cells.year) as integer) as year,
        case
            when production_cells.value_text not in ('W', 'NA', 'XX', '--', '-', '—')
                then cast(production_cells.value_text as double) * units.factor_to_t
        end as quantity_t,
        case
            when production_cells.value_text in ('W', 'NA', 'XX', '--', '-', '—')
                then production_cells.value_text
        end as value_code
    from production_cells
    left join units on production_cells.unit_code = lower(units.unit)
    left join mcs_types on trim(production_cells.commodity) = mcs_types.mcs_type
),

final as (
    select
        *,
        -- MCS prints the latest year of each edition as an estimate ("e")
        year = max(year) over (partition by source_file) as is_estimate
    from parsed
)

select * from final
