{{ split_by_month(
    'export_emissions_sources',
    ['emissions_quantity', 'activity', 'capacity'],
    has_granularity=true
) }}
