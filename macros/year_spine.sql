{#- One row per calendar year from first_year to last_year (inclusive), as `year`. -#}
{% macro year_spine(first_year, last_year) -%}
    {%- for year in range(first_year | int, (last_year | int) + 1) %}
    select {{ year }} as year
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
