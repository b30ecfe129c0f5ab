-- M6 emissions = activity x EF for every published source row that has both.
select
    source_id,
    start_time,
    gas,
    activity,
    emissions_factor,
    emissions_quantity,
    abs(emissions_quantity - activity * emissions_factor)
    / greatest(abs(emissions_quantity), 1e-300) as relative_error
from exports.{sources_model}
where emissions_quantity is not null and activity is not null and emissions_factor is not null
