{#- The staging query shared by the three production files of the contract
    (mdo/, reports/, additional/ production.csv): typed columns, quantity in tonnes,
    period 'year' by default, and the name of the source (M2 source priority). -#}
{% macro stage_production(source_name, source_label) -%}
with

source as (
    {{ accepted_rows(source(source_name, 'production')) }}
),

units as (
    select * from {{ ref('units') }}
),

typed as (
    select
        trim(source.asset_id) as asset_id,
        cast({{ text_value('source.year') }} as integer) as year,
        trim(source.product) as product,
        cast(trim(source.quantity) as double) * units.factor_to_t as quantity_t,
        coalesce({{ text_value('source.period') }}, 'year') as period,
        {{ text_value('source.citation') }} as citation,
        '{{ source_label }}' as source,
        source._file as source_file,
        source._row as source_row
    from source
    inner join units on trim(source.unit) = units.unit
)

select * from typed
{%- endmacro %}
