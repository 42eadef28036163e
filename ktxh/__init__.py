"""ktxh: command line, warehouse lifecycle and dbt orchestration."""
