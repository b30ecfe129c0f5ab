{#- No two rows share the values of these columns (a compound key). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {%- set columns = combination_of_columns | join(', ') %}
    select
        {{ columns }},
        count(*) as rows_sharing_key
    from {{ model }}
    group by {{ columns }}
    having count(*) > 1
{% endtest %}
