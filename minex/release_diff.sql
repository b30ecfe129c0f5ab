-- What changed between two release folders: sources added or removed, emissions changed
-- beyond a relative threshold (or appearing / vanishing), activity method or EF level
-- changed (sources files), confidence changed (confidence files). Parameters: $old_sources,
-- $new_sources, $old_confidence, $new_confidence (CSV globs) and $threshold.
with

old_sources as (
    select * from read_csv($old_sources, all_varchar = true, header = true)
),

new_sources as (
    select * from read_csv($new_sources, all_varchar = true, header = true)
),

old_confidence as (
    select * from read_csv($old_confidence, all_varchar = true, header = true)
),

new_confidence as (
    select * from read_csv($new_confidence, all_varchar = true, header = true)
),

old_ids as (
    select distinct subsector, source_id, source_name from old_sources
),

new_ids as (
    select distinct subsector, source_id, source_name from new_sources
),

added as (
    select
        'source_added' as change,
        new_ids.subsector,
        new_ids.source_id,
        cast(null as varchar) as start_time,
        cast(null as varchar) as gas,
        'source_name' as field,
        cast(null as varchar) as old_value,
        new_ids.source_name as new_value
    from new_ids
    anti join old_ids on new_ids.source_id = old_ids.source_id and new_ids.subsector = old_ids.subsector
),

removed as (
    select
        'source_removed' as change,
        old_ids.subsector,
        old_ids.source_id,
        cast(null as varchar) as start_time,
        cast(null as varchar) as gas,
        'source_name' as field,
        old_ids.source_name as old_value,
        cast(null as varchar) as new_value
    from old_ids
    anti join new_ids on old_ids.source_id = new_ids.source_id and old_ids.subsector = new_ids.subsector
),

paired as (
    select
        new_sources.subsector,
        new_sources.source_id,
        new_sources.start_time,
        new_sources.gas,
        old_sources.emissions_quantity as old_emissions,
        new_sources.emissions_quantity as new_emissions,
        old_sources.other4 as old_method,
        new_sources.other4 as new_method,
        old_sources.other5 as old_ef_level,
        new_sources.other5 as new_ef_level
    from new_sources
    inner join old_sources
        on
            new_sources.subsector = old_sources.subsector
            and new_sources.source_id = old_sources.source_id
            and new_sources.start_time = old_sources.start_time
            and new_sources.gas = old_sources.gas
),

emissions_changed as (
    select
        'emissions_changed' as change,
        subsector,
        source_id,
        start_time,
        gas,
        'emissions_quantity' as field,
        old_emissions as old_value,
        new_emissions as new_value
    from paired
    where
        (old_emissions is null) != (new_emissions is null)
        or abs(cast(new_emissions as double) - cast(old_emissions as double))
        > $threshold * greatest(abs(cast(old_emissions as double)), 1e-300)
),

method_changed as (
    select
        'method_changed' as change,
        subsector,
        source_id,
        start_time,
        cast(null as varchar) as gas,
        'activity_method' as field,
        old_method as old_value,
        new_method as new_value
    from paired
    where gas = 'co2' and old_method is distinct from new_method
    union all
    select
        'method_changed',
        subsector,
        source_id,
        start_time,
        cast(null as varchar),
        'emission_factor_level',
        old_ef_level,
        new_ef_level
    from paired
    where gas = 'co2' and old_ef_level is distinct from new_ef_level
),

confidence_pairs as (
    unpivot (
        select
            new_confidence.subsector,
            new_confidence.source_id,
            new_confidence.start_time,
            [old_confidence.activity, new_confidence.activity] as activity,
            [old_confidence.emissions_factor, new_confidence.emissions_factor] as emissions_factor,
            [old_confidence.emissions_quantity, new_confidence.emissions_quantity]
                as emissions_quantity,
            [old_confidence.capacity, new_confidence.capacity] as capacity
        from new_confidence
        inner join old_confidence
            on
                new_confidence.subsector = old_confidence.subsector
                and new_confidence.source_id = old_confidence.source_id
                and new_confidence.start_time = old_confidence.start_time
                and new_confidence.gas = old_confidence.gas
        where new_confidence.gas = 'co2'
    ) on activity, emissions_factor, emissions_quantity, capacity
    into name field value pair
),

confidence_changed as (
    select
        'confidence_changed' as change,
        subsector,
        source_id,
        start_time,
        cast(null as varchar) as gas,
        field || '_confidence' as field,
        pair[1] as old_value,
        pair[2] as new_value
    from confidence_pairs
    where pair[1] is distinct from pair[2]
)

select * from added
union all
select * from removed
union all
select * from emissions_changed
union all
select * from method_changed
union all
select * from confidence_changed
order by change, subsector, source_id, start_time, gas, field
