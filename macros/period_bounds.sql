{#- Climate TRACE period bounds of an annual row: YYYY-01-01 00:00:00 to YYYY-12-31 00:00:00. -#}
{% macro annual_start_time(year_column) -%}
    {{ dbt.concat([dbt.safe_cast(year_column, api.Column.translate_type('string')), "'-01-01 00:00:00'"]) }}
{%- endmacro %}

{% macro annual_end_time(year_column) -%}
    {{ dbt.concat([dbt.safe_cast(year_column, api.Column.translate_type('string')), "'-12-31 00:00:00'"]) }}
{%- endmacro %}
