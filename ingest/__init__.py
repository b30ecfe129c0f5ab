"""Loaders that take a landing folder (DATA_CONTRACT.md) into the warehouse's raw schema.

Raw tables keep every input row as read, with lineage (file, row, sha256, load time);
rows that break the contract are listed in ``raw._rejects`` with their reason. All
methodology calculations happen downstream, in the dbt models.
"""
