-- M6 capacity_factor = activity / capacity for every published source row that has one.
select
    source_id,
    start_time,
    gas,
    activity,
    capacity,
    capacity_factor,
    abs(capacity_factor - activity / capacity) / greatest(abs(capacity_factor), 1e-300)
        as relative_error
from exports.{sources_model}
where capacity_factor is not null
