{#- Continuous (linearly interpolated) quantile of an aggregate group. -#}
{% macro quantile_cont(expression, quantile) -%}
    {{ return(adapter.dispatch('quantile_cont', 'minex')(expression, quantile)) }}
{%- endmacro %}

{% macro duckdb__quantile_cont(expression, quantile) -%}
    quantile_cont({{ expression }}, {{ quantile }})
{%- endmacro %}

{% macro default__quantile_cont(expression, quantile) -%}
    percentile_cont({{ quantile }}) within group (order by {{ expression }})
{%- endmacro %}
