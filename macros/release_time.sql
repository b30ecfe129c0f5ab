{#- created_date / modified_date of a release, 'YYYY-MM-DD HH:MM:SS' (UTC): var
    release_time (set by `minex`, pinned by SOURCE_DATE_EPOCH), else compile time. -#}
{% macro release_time() -%}
    {%- set pinned = var('release_time', none) -%}
    {%- if pinned -%}
        '{{ pinned }}'
    {%- else -%}
        '{{ modules.datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S") }}'
    {%- endif -%}
{%- endmacro %}
