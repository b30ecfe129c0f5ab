with

source as (
    {{ accepted_rows(source('insar', 'pairs')) }}
),

final as (
    select
        asset_id,
        file,
        reference_date,
        secondary_date,
        date_source,
        temporal_baseline_days,
        bperp_m,
        year,
        stable_mean,
        stable_sd,
        kept,
        reason,
        _file as source_folder
    from source
)

select * from final
