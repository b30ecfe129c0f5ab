{{ split_by_month(
    'export_emissions_sources_ers',
    ['emissions_reduced', 'emissions_after'],
    has_country=false
) }}
