{#- Every non-null value is a term of the named vocabulary of seed `vocabularies`. -#}
{% test in_vocabulary(model, column_name, vocabulary) %}
    select {{ column_name }}
    from {{ model }}
    where
        {{ column_name }} is not null
        and {{ column_name }} not in (
            select value from {{ ref('vocabularies') }}
            where vocabulary = '{{ vocabulary }}'
        )
{% endtest %}
