{#- A raw text cell as a value: trimmed, empty text as null. -#}
{% macro text_value(expression) -%}
    nullif(trim({{ expression }}), '')
{%- endmacro %}
