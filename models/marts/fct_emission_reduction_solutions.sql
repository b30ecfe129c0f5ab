{#- M8 emission reduction solutions of every eligible asset-year (emissions > 0, asset
    status Production; an empty status is not eligible), ranked.
    electrification: reduction = E x electrification_share (var).
    close_inefficient_mine: per (mineral, year), threshold = the inefficient_quantile
    (var, linear interpolation) of the EFs of the eligible asset-years; those strictly
    above it are candidates; replacement EF = activity-weighted mean EF of the eligible
    asset-years at or below it; reduction = E - activity x replacement EF.
    A strategy whose reduction is not > 0 has no row. Rank 1 = the larger reduction
    (tie: seed emission_reduction_strategies order, electrification first);
    emissions_after = E - reduction. -#}
with

asset_emissions as (
    select * from {{ ref('fct_asset_emissions') }}
),

assets as (
    select * from {{ ref('dim_assets') }}
),

strategies as (
    select * from {{ ref('emission_reduction_strategies') }}
),

eligible as (
    select asset_emissions.*
    from asset_emissions
    inner join assets on asset_emissions.asset_id = assets.asset_id
    where assets.status = 'Production' and asset_emissions.co2_t > 0
),

thresholds as (
    select
        mineral,
        year,
        {{ quantile_cont('emission_factor', var('inefficient_quantile')) }} as ef_threshold,
        count(*) as eligible_asset_years
    from eligible
    group by mineral, year
),

replacements as (
    select
        eligible.mineral,
        eligible.year,
        sum(eligible.activity_t * eligible.emission_factor) / sum(eligible.activity_t)
            as replacement_ef
    from eligible
    inner join thresholds
        on
            eligible.mineral = thresholds.mineral
            and eligible.year = thresholds.year
    where eligible.emission_factor <= thresholds.ef_threshold
    group by eligible.mineral, eligible.year
),

electrification as (
    select
        asset_id,
        year,
        'electrification' as strategy,
        co2_t,
        co2_t * {{ var('electrification_share') }} as emissions_reduced,
        cast(null as double) as ef_threshold,
        cast(null as double) as replacement_ef
    from eligible
),

closure as (
    select
        eligible.asset_id,
        eligible.year,
        'close_inefficient_mine' as strategy,
        eligible.co2_t,
        eligible.co2_t - eligible.activity_t * replacements.replacement_ef as emissions_reduced,
        thresholds.ef_threshold,
        replacements.replacement_ef
    from eligible
    inner join thresholds
        on
            eligible.mineral = thresholds.mineral
            and eligible.year = thresholds.year
    inner join replacements
        on
            eligible.mineral = replacements.mineral
            and eligible.year = replacements.year
    where eligible.emission_factor > thresholds.ef_threshold
),

candidates as (
    select * from electrification
    union all
    select * from closure
),

ranked as (
    select
        candidates.*,
        row_number() over (
            partition by candidates.asset_id, candidates.year
            order by candidates.emissions_reduced desc, strategies.tie_order asc
        ) as strategy_rank
    from candidates
    inner join strategies on candidates.strategy = strategies.strategy
    where candidates.emissions_reduced > 0
),

final as (
    select
        asset_id,
        year,
        strategy,
        strategy_rank,
        co2_t,
        emissions_reduced,
        co2_t - emissions_reduced as emissions_after,
        ef_threshold,
        replacement_ef
    from ranked
)

select * from final
