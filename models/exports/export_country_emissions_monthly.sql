{{ split_by_month(
    'export_country_emissions',
    ['emissions_quantity', 'asset_emissions', 'projected_emissions'],
    has_granularity=true
) }}
