{#- The vocabulary's statistics (METHODOLOGY): "mean" is the unweighted arithmetic mean,
    "sd" the sample standard deviation (n-1), and the sd of a single value is 0. -#}
{% macro sample_sd(expression) -%}
    coalesce(stddev_samp({{ expression }}), 0)
{%- endmacro %}

{#- Mean, sample sd, distinct assets and values of value_column at several grouping
    levels, one union branch per level. Each level is {'level': name, 'order': n,
    'by': the column it groups by, or none for the whole}; every `by` column appears in
    the output, null where the level does not group by it, and a level's rows with a
    null `by` value (a country without region) are left out. `keys` group every level. -#}
{% macro statistics_by_level(relation, value_column, levels, keys) -%}
    {%- set by_columns = [] -%}
    {%- for level in levels if level.by and level.by not in by_columns -%}
        {%- do by_columns.append(level.by) -%}
    {%- endfor -%}
    {%- for level in levels %}
    select
        '{{ level.level }}' as level,
        {{ level.order }} as level_order,
        {%- for column in by_columns %}
        {{ column if column == level.by else 'cast(null as varchar) as ' ~ column }},
        {%- endfor %}
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        avg({{ value_column }}) as mean_value,
        {{ sample_sd(value_column) }} as sd_value,
        count(distinct asset_id) as n_assets,
        count(*) as n_values
    from {{ relation }}
    {%- if level.by %}
    where {{ level.by }} is not null
    {%- endif %}
    group by {{ ([level.by] if level.by else []) | join(', ') }}{{ ', ' if level.by and keys }}{{ keys | join(', ') }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
