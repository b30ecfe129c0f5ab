with

countries as (
    select * from {{ ref('countries') }}
),

aliases as (
    select * from {{ ref('country_aliases') }}
),

names as (
    select
        iso3 as country_name,
        iso3
    from countries
    union all
    select
        country_name,
        iso3
    from countries
    union all
    select
        country_alias as country_name,
        {{ text_value('iso3') }} as iso3
    from aliases
),

keyed as (
    select distinct
        {{ country_lookup_key('country_name') }} as lookup_key,
        iso3,
        iso3 is null as is_aggregate
    from names
)

select * from keyed
