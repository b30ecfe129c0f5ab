{{ stage_production('mdo', 'mdo') }}
