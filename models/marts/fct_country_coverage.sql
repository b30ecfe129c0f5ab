{#- M9 coverage per country and year (paper §6: assets with data / all assets), over
    all mine assets of the country, with the split by mineral in fct_country_emissions. -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

countries as (
    select * from {{ ref('countries') }}
),

final as (
    select
        asset_emissions.iso3_country,
        countries.country_name,
        asset_emissions.year,
        count(*) as assets,
        count(asset_emissions.activity_t) as assets_with_activity,
        count(asset_emissions.activity_t) * 1.0 / count(*) as coverage
    from asset_emissions
    inner join countries on asset_emissions.iso3_country = countries.iso3
    group by asset_emissions.iso3_country, countries.country_name, asset_emissions.year
)

select * from final
