{{ stage_production('reports', 'company_report') }}
