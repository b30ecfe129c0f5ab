{#- M6 capacity of every asset-year: total reserves (t), the latest figure reported at
    or before the year, else the earliest after (years outside the coverage count).
    Confidence: reported for that year -> high; reported in two or more years but not
    that year -> medium; reported once -> low. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
),

reserves as (
    select * from {{ ref('stg_mdo__reserves') }}
),

reporting_years as (
    select
        asset_id,
        count(*) as years_reported
    from reserves
    group by asset_id
),

matched as (
    select
        asset_years.asset_id,
        asset_years.year,
        reserves.year as reserves_year,
        reserves.reserves_t,
        row_number() over (
            partition by asset_years.asset_id, asset_years.year
            order by
                case when reserves.year <= asset_years.year then 0 else 1 end,
                case when reserves.year <= asset_years.year then -reserves.year else reserves.year end
        ) as match_rank
    from asset_years
    inner join reserves on asset_years.asset_id = reserves.asset_id
),

final as (
    select
        asset_years.asset_id,
        asset_years.year,
        matched.reserves_t as capacity_t,
        matched.reserves_year as capacity_source_year,
        case
            when matched.reserves_year = asset_years.year then 'high'
            when reporting_years.years_reported >= 2 then 'medium'
            when reporting_years.years_reported = 1 then 'low'
        end as capacity_confidence
    from asset_years
    left join matched
        on
            asset_years.asset_id = matched.asset_id
            and asset_years.year = matched.year
            and matched.match_rank = 1
    left join reporting_years on asset_years.asset_id = reporting_years.asset_id
)

select * from final
