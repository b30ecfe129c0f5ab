{{ split_by_month('export_emissions_sources_confidence', []) }}
