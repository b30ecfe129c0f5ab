{#- A country name as looked up in stg_reference__country_names: trimmed, without
    footnote digits glued to its end ("Chile3"), lowercase. The loader applies the same
    rule (ingest/vocabularies.py, country_lookup_key). -#}
{% macro country_lookup_key(expression) -%}
    lower(trim({{ replace_pattern('trim(' ~ expression ~ ')', '[0-9 ,]+$', '') }}))
{%- endmacro %}
