{#- A monthly release model from its annual one (--granularity month, DATA_CONTRACT):
    each annual row becomes 12 month rows with the month's period bounds;
    scaled_columns (activity, emissions, capacity and their bounds) take the month's
    share of the country's profile (int_monthly_profiles_normalized); every other
    column, emission factors and capacity factors included, stays as it is. A model
    without iso3_country finds the country through its source_id (dim_assets). -#}
{% macro split_by_month(annual_model, scaled_columns, has_country=true, has_granularity=false) -%}
with

annual as (
    select * from {{ ref(annual_model) }}
),

months as (
    select * from {{ ref('int_month_periods_enumerated') }}
),

profiles as (
    select * from {{ ref('int_monthly_profiles_normalized') }}
),

{% if not has_country -%}
assets as (
    select * from {{ ref('dim_assets') }}
),

{% endif -%}
located as (
    select
        annual.*,
        {{ 'annual.iso3_country' if has_country else 'assets.iso3_country' }} as profile_country,
        cast(substring(annual.start_time, 1, 4) as integer) as period_year
    from annual
    {%- if not has_country %}
    inner join assets on annual.source_id = assets.asset_id
    {%- endif %}
),

{%- set replacements = {'start_time': 'months.start_time', 'end_time': 'months.end_time'} %}
{%- if has_granularity %}{% do replacements.update({'temporal_granularity': "'month'"}) %}{% endif %}
{%- for column in scaled_columns %}{% do replacements.update({column: 'located.' ~ column ~ ' * profiles.share'}) %}{% endfor %}

final as (
    select
        {{ star_replace('located', replacements, exclude=['profile_country', 'period_year']) }}
    from located
    inner join months on located.period_year = months.year
    inner join profiles
        on
            located.profile_country = profiles.iso3_country
            and months.month = profiles.month
)

select * from final
{%- endmacro %}
