"""Readers that turn the province's documents into rows for the ``raw`` schema.

One reader per source format (report text, XLSX biểu, CSV biểu, report prose);
``ingest.loader`` writes what they return into DuckDB as one batch per document.
"""
