{#- M2 activity candidates: every rank that exists for an asset-year (rank numbers of
    seed activity_methods). Only production rows that won source priority are used,
    whatever their value. int_activity_selected keeps the first rank of each
    asset-year; the others stay here to be listed.
    1 reported_ore: ore reported for the year, > 0; sd 0.
    2 zero_production: ore reported as 0 for the year; or status Closed/Suspended with
      status_year <= year and no ore or product reported for the year (source mdo, the
      asset list; source year = status_year); sd 0.
    3 scaled_product: product reported for the year x M1 factor, the first product in
      seed products' order that has a factor (one without is passed over); sd =
      product_t x factor sd.
    4 insar: M4 InSAR activity of the year.
    5 reported_ore_earlier_year: ore of the latest earlier year, even when 0; sd 0.
    6 lifetime_average: lifetime-average ore (period lifetime_average); sd 0.
    7 scaled_product_earlier_year: as rank 3 for the latest earlier year that has a
      convertible product, even when its figure is 0. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

winning as (
    select * from {{ ref('int_production_prioritized') }}
    where is_winner
),

yearly as (
    select * from winning
    where period = 'year'
),

products as (
    select * from {{ ref('products') }}
),

factors as (
    select * from {{ ref('int_conversion_factors_assigned') }}
    where conversion_factor is not null and product != 'ore'
),

insar as (
    select * from {{ ref('int_insar_activity_estimated') }}
),

ore_reported as (
    select
        asset_id,
        year,
        quantity_t,
        source
    from yearly
    where product = 'ore'
),

convertible as (
    select
        yearly.asset_id,
        yearly.year,
        yearly.product,
        yearly.quantity_t,
        yearly.source,
        products.preference_order,
        factors.conversion_factor,
        factors.conversion_factor_sd,
        factors.factor_level
    from yearly
    inner join products on yearly.product = products.product
    inner join factors
        on
            yearly.asset_id = factors.asset_id
            and yearly.product = factors.product
),

reported_ore as (
    select
        asset_id,
        year,
        1 as method_rank,
        quantity_t as activity_t,
        cast(0 as double) as activity_sd_t,
        source as activity_source,
        year as activity_source_year,
        'ore' as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from ore_reported
    where quantity_t > 0
),

zero_reported as (
    select
        asset_id,
        year,
        2 as method_rank,
        cast(0 as double) as activity_t,
        cast(0 as double) as activity_sd_t,
        source as activity_source,
        year as activity_source_year,
        'ore' as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from ore_reported
    where quantity_t = 0
),

zero_by_status as (
    select
        asset_years.asset_id,
        asset_years.year,
        2 as method_rank,
        cast(0 as double) as activity_t,
        cast(0 as double) as activity_sd_t,
        'mdo' as activity_source,
        assets.status_year as activity_source_year,
        cast(null as varchar) as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from asset_years
    inner join assets on asset_years.asset_id = assets.asset_id
    where
        assets.status in ('Closed', 'Suspended')
        and assets.status_year <= asset_years.year
        and not exists (
            select 1 from yearly
            where
                yearly.asset_id = asset_years.asset_id
                and yearly.year = asset_years.year
        )
),

scaled_product_ranked as (
    select
        *,
        row_number() over (partition by asset_id, year order by preference_order) as product_rank
    from convertible
),

scaled_product as (
    select
        asset_id,
        year,
        3 as method_rank,
        quantity_t * conversion_factor as activity_t,
        quantity_t * conversion_factor_sd as activity_sd_t,
        source as activity_source,
        year as activity_source_year,
        product as activity_product,
        conversion_factor,
        factor_level as conversion_factor_level
    from scaled_product_ranked
    where product_rank = 1
),

insar_activity as (
    select
        asset_id,
        year,
        4 as method_rank,
        activity_t,
        activity_sd_t,
        'insar' as activity_source,
        year as activity_source_year,
        cast(null as varchar) as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from insar
),

earlier_ore_ranked as (
    select
        asset_years.asset_id,
        asset_years.year,
        ore_reported.year as source_year,
        ore_reported.quantity_t,
        ore_reported.source,
        row_number() over (
            partition by asset_years.asset_id, asset_years.year
            order by ore_reported.year desc
        ) as recency_rank
    from asset_years
    inner join ore_reported
        on
            asset_years.asset_id = ore_reported.asset_id
            and asset_years.year > ore_reported.year
),

reported_ore_earlier_year as (
    select
        asset_id,
        year,
        5 as method_rank,
        quantity_t as activity_t,
        cast(0 as double) as activity_sd_t,
        source as activity_source,
        source_year as activity_source_year,
        'ore' as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from earlier_ore_ranked
    where recency_rank = 1
),

lifetime_average as (
    select
        asset_years.asset_id,
        asset_years.year,
        6 as method_rank,
        winning.quantity_t as activity_t,
        cast(0 as double) as activity_sd_t,
        winning.source as activity_source,
        cast(null as integer) as activity_source_year,
        'ore' as activity_product,
        cast(null as double) as conversion_factor,
        cast(null as varchar) as conversion_factor_level
    from asset_years
    inner join winning
        on
            asset_years.asset_id = winning.asset_id
            and winning.period = 'lifetime_average'
            and winning.product = 'ore'
),

earlier_product_ranked as (
    select
        asset_years.asset_id,
        asset_years.year,
        convertible.year as source_year,
        convertible.product,
        convertible.quantity_t,
        convertible.source,
        convertible.conversion_factor,
        convertible.conversion_factor_sd,
        convertible.factor_level,
        row_number() over (
            partition by asset_years.asset_id, asset_years.year
            order by convertible.year desc, convertible.preference_order asc
        ) as recency_rank
    from asset_years
    inner join convertible
        on
            asset_years.asset_id = convertible.asset_id
            and asset_years.year > convertible.year
),

scaled_product_earlier_year as (
    select
        asset_id,
        year,
        7 as method_rank,
        quantity_t * conversion_factor as activity_t,
        quantity_t * conversion_factor_sd as activity_sd_t,
        source as activity_source,
        source_year as activity_source_year,
        product as activity_product,
        conversion_factor,
        factor_level as conversion_factor_level
    from earlier_product_ranked
    where recency_rank = 1
),

candidates as (
    select * from reported_ore
    union all
    select * from zero_reported
    union all
    select * from zero_by_status
    union all
    select * from scaled_product
    union all
    select * from insar_activity
    union all
    select * from reported_ore_earlier_year
    union all
    select * from lifetime_average
    union all
    select * from scaled_product_earlier_year
),

final as (
    select candidates.*
    from candidates
    inner join asset_years
        on
            candidates.asset_id = asset_years.asset_id
            and candidates.year = asset_years.year
)

select * from final
