{#- M2 activity selection: for each asset and coverage year the first candidate that
    exists wins (ranks of seed activity_methods); none: empty activity, asset listed.
    Only the winning production row of each asset-year-product counts (source priority). -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
),

winning_production as (
    select * from {{ ref('int_production_prioritized') }}
    where is_winner
),

activity_methods as (
    select * from {{ ref('activity_methods') }}
),

-- rank 1 reported_ore: ore mass reported for this year, > 0
reported_ore as (
    select
        asset_id,
        year,
        1 as method_rank,
        quantity_t as activity_t,
        cast(0 as double) as activity_sd_t,
        source as activity_source,
        year as activity_source_year
    from winning_production
    where product = 'ore' and period = 'year' and quantity_t > 0
),

candidates as (
    select * from reported_ore
),

ranked as (
    select
        *,
        row_number() over (partition by asset_id, year order by method_rank) as candidate_rank
    from candidates
),

final as (
    select
        asset_years.asset_id,
        asset_years.year,
        asset_years.is_coverage_year,
        ranked.activity_t,
        ranked.activity_sd_t,
        activity_methods.method as activity_method,
        activity_methods.rank as activity_rank,
        activity_methods.confidence as activity_confidence,
        activity_methods.is_forward_filled,
        ranked.activity_source,
        ranked.activity_source_year
    from asset_years
    left join ranked
        on
            asset_years.asset_id = ranked.asset_id
            and asset_years.year = ranked.year
            and ranked.candidate_rank = 1
    inner join activity_methods on coalesce(ranked.method_rank, 99) = activity_methods.rank
)

select * from final
