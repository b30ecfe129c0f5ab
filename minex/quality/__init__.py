"""The data-quality gate of a release: Great Expectations suites on the release tables.

`suites` declares what is expected of each table (and of derived check queries in
`checks/*.sql`); `gate` runs them with GX on pandas frames read from DuckDB (GX's SQL
route to DuckDB fails), writes the Data Docs and names the first failed expectation.
"""
