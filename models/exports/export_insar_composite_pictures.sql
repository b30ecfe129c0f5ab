{#- The release's pictures (once for all): the RGB composite of each asset and
    three-year window (M3.9, paper Fig. 5) as insar/<asset_id>_<y>-<y+2>.png. -#}
with

pictures as (
    select * from {{ ref('stg_insar__composite_pictures') }}
),

final as (
    select
        asset_id,
        window_start,
        window_end,
        'insar/' || asset_id || '_' || cast(window_start as varchar) || '-'
        || cast(window_end as varchar) || '.png' as file_name,
        png
    from pictures
)

select * from final
