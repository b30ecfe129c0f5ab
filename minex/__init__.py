"""minex: command line, dbt build, data checks and release export."""
