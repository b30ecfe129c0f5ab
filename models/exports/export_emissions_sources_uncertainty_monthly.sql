{{ split_by_month(
    'export_emissions_sources_uncertainty',
    ['emissions_quantity', 'emissions_lower', 'emissions_upper', 'activity_lower', 'activity_upper'],
    has_country=false
) }}
