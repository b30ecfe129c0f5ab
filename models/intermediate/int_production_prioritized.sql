{#- M2 source priority: all production rows of the three sources, each flagged as the
    winner or a loser of its (asset, year, period, product). Losers stay listed. -#}
with

mdo as (
    select * from {{ ref('stg_mdo__production') }}
),

company_reports as (
    select * from {{ ref('stg_reports__production') }}
),

additional as (
    select * from {{ ref('stg_additional__production') }}
),

source_priority as (
    select * from {{ ref('source_priority') }}
),

unioned as (
    select * from mdo
    union all
    select * from company_reports
    union all
    select * from additional
),

ranked as (
    select
        unioned.asset_id,
        unioned.year,
        unioned.period,
        unioned.product,
        unioned.quantity_t,
        unioned.source,
        source_priority.priority as source_priority,
        unioned.citation,
        unioned.source_file,
        unioned.source_row,
        row_number() over (
            partition by unioned.asset_id, unioned.year, unioned.period, unioned.product
            order by source_priority.priority
        ) as priority_rank
    from unioned
    inner join source_priority on unioned.source = source_priority.source
),

final as (
    select
        *,
        priority_rank = 1 as is_winner
    from ranked
)

select * from final
