{#- M4 InSAR production model. Productivity of an asset k_a = mean over the years with
    reported ore P_y (rank 1: winning ore row > 0) and active area A_y > 0 of P_y / A_y
    (t/m2), sd over those years. Mineral-wide k_m = mean and sd of k_a over the assets
    of that mineral when at least min_group_assets assets have one, else over the
    assets of all minerals (where min_group_assets applies too). Each asset with an
    active area gets k = k_a when it has one, else k_m. -#}
with

areas as (
    select * from {{ ref('int_insar_areas_unioned') }}
),

assets as (
    select * from {{ ref('stg_mdo__assets') }}
),

yearly_productivity as (
    select * from {{ ref('int_insar_productivity_observed') }}
    where productivity_t_per_m2 is not null
),

asset_productivity as (
    select
        asset_id,
        mineral,
        avg(productivity_t_per_m2) as productivity,
        {{ sample_sd("productivity_t_per_m2") }} as productivity_sd,
        count(*) as n_years
    from yearly_productivity
    group by asset_id, mineral
),

mineral_productivity as (
    select
        mineral,
        avg(productivity) as productivity,
        {{ sample_sd("productivity") }} as productivity_sd,
        count(*) as n_assets
    from asset_productivity
    group by mineral
),

all_minerals_productivity as (
    select
        avg(productivity) as productivity,
        {{ sample_sd("productivity") }} as productivity_sd,
        count(*) as n_assets
    from asset_productivity
),

insar_assets as (
    select distinct
        areas.asset_id,
        assets.mineral
    from areas
    inner join assets on areas.asset_id = assets.asset_id
),

final as (
    select
        insar_assets.asset_id,
        insar_assets.mineral,
        asset_productivity.productivity as asset_productivity,
        asset_productivity.productivity_sd as asset_productivity_sd,
        asset_productivity.n_years,
        case
            when asset_productivity.productivity is not null then 'asset'
            when mineral_productivity.n_assets >= {{ var('min_group_assets') }} then 'mineral'
            when all_minerals_productivity.n_assets >= {{ var('min_group_assets') }}
                then 'all_minerals'
        end as productivity_level,
        case
            when asset_productivity.productivity is not null then asset_productivity.productivity
            when mineral_productivity.n_assets >= {{ var('min_group_assets') }}
                then mineral_productivity.productivity
            when all_minerals_productivity.n_assets >= {{ var('min_group_assets') }}
                then all_minerals_productivity.productivity
        end as productivity,
        case
            when asset_productivity.productivity is not null then asset_productivity.productivity_sd
            when mineral_productivity.n_assets >= {{ var('min_group_assets') }}
                then mineral_productivity.productivity_sd
            when all_minerals_productivity.n_assets >= {{ var('min_group_assets') }}
                then all_minerals_productivity.productivity_sd
        end as productivity_sd
    from insar_assets
    left join asset_productivity on insar_assets.asset_id = asset_productivity.asset_id
    left join mineral_productivity on insar_assets.mineral = mineral_productivity.mineral
    cross join all_minerals_productivity
)

select * from final
