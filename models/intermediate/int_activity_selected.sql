{#- M2 activity of every asset-year: the first candidate of int_activity_candidates by
    rank, with method, confidence (seed activity_methods), sd, winning source and the
    year of the figure; ranks 5 and 7 are flagged as forward-filled. No candidate:
    method `none`, empty activity and confidence; the asset stays listed. -#}
with

asset_years as (
    select * from {{ ref('int_asset_years_enumerated') }}
),

candidates as (
    select * from {{ ref('int_activity_candidates') }}
),

activity_methods as (
    select * from {{ ref('activity_methods') }}
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
        ranked.activity_source_year,
        ranked.activity_product,
        ranked.conversion_factor,
        ranked.conversion_factor_level
    from asset_years
    left join ranked
        on
            asset_years.asset_id = ranked.asset_id
            and asset_years.year = ranked.year
            and ranked.candidate_rank = 1
    inner join activity_methods on coalesce(ranked.method_rank, 99) = activity_methods.rank
)

select * from final
