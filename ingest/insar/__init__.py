"""The InSAR raster stage (METHODOLOGY M3): coherence GeoTIFFs and footprints of the
landing folder's insar/ into per-asset results in the raw schema.

The per-pixel work is a pure function per asset (``ingest.insar.asset.process_asset``);
``ingest.insar.stage`` fans it out over processes and writes the results inside the
ingest's transaction. Aggregations that SQL can do (M4) are dbt models.
"""
