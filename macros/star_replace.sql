{#- Every column of a relation alias in its order, some replaced by expressions and
    some left out: DuckDB's `* exclude (...) replace (...)`. -#}
{% macro star_replace(alias, replacements, exclude=[]) -%}
    {{ return(adapter.dispatch('star_replace', 'minex')(alias, replacements, exclude)) }}
{%- endmacro %}

{% macro duckdb__star_replace(alias, replacements, exclude) -%}
    {{ alias }}.*
    {%- if exclude %} exclude ({{ exclude | join(', ') }}){% endif %}
    replace (
        {%- for column, expression in replacements.items() %}
        {{ expression }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
