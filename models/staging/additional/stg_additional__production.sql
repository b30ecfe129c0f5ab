{{ stage_production('additional', 'additional') }}
