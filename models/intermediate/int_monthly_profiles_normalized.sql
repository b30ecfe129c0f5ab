{#- Monthly shares of every country of the seed for --granularity month: the country's
    own rows of seed monthly_profiles when it has any, else the default rows (iso3 `*`),
    each weight divided by the country's total so that the 12 shares sum to 1. -#}
with

countries as (
    select * from {{ ref('countries') }}
),

profiles as (
    select * from {{ ref('monthly_profiles') }}
),

own_profiles as (
    select distinct iso3 from profiles
    where iso3 != '*'
),

weights as (
    select
        countries.iso3 as iso3_country,
        profiles.month,
        profiles.share as weight
    from countries
    inner join profiles
        on
            countries.iso3 = profiles.iso3
            or (
                profiles.iso3 = '*'
                and countries.iso3 not in (select own_profiles.iso3 from own_profiles)
            )
),

final as (
    select
        iso3_country,
        month,
        weight / sum(weight) over (partition by iso3_country) as share
    from weights
)

select * from final
