{#- Regular expressions differ between engines: DuckDB's spelling here, the
    PostgreSQL spelling as the default for other adapters. -#}
{% macro matches_pattern(expression, pattern) -%}
    {{ return(adapter.dispatch('matches_pattern', 'minex')(expression, pattern)) }}
{%- endmacro %}

{% macro duckdb__matches_pattern(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro default__matches_pattern(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro replace_pattern(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('replace_pattern', 'minex')(expression, pattern, replacement)) }}
{%- endmacro %}

{% macro duckdb__replace_pattern(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}

{% macro default__replace_pattern(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}

{% macro extract_pattern(expression, pattern) -%}
    {{ return(adapter.dispatch('extract_pattern', 'minex')(expression, pattern)) }}
{%- endmacro %}

{% macro duckdb__extract_pattern(expression, pattern) -%}
    nullif(regexp_extract({{ expression }}, '{{ pattern }}'), '')
{%- endmacro %}

{% macro default__extract_pattern(expression, pattern) -%}
    substring({{ expression }} from '{{ pattern }}')
{%- endmacro %}
