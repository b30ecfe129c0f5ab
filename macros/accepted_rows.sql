{#- Rows of a raw table that the loader did not reject (raw._rejects lists the
    rejected rows; a reject without a row number rejects the whole file). -#}
{% macro accepted_rows(raw_relation) -%}
    select raw_rows.*
    from {{ raw_relation }} as raw_rows
    where not exists (
        select 1
        from {{ source('landing', 'rejects') }} as rejects
        where
            rejects.file_path = raw_rows._file
            and (rejects.row_number = raw_rows._row or rejects.row_number is null)
    )
{%- endmacro %}
