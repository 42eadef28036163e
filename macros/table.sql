{#- The project's `table` materialization: one `create or replace table ... as` in the model's
    transaction, then the commit. dbt-duckdb's own builds a `__dbt_tmp` table, renames the old
    table to `__dbt_backup`, renames the new one into place, commits and drops the backup: three
    to five statements a model, each with dbt's own Python around it. DuckDB replaces the table
    atomically within the transaction, so a reader sees the old table or the new one, as with the
    renames; a view (or other relation) of the same name is dropped first, in the same transaction.

    What this project does not use goes to dbt-duckdb's own materialization, unchanged: enforced
    contracts (and their constraints), indexes, grants, partitioning or sorting, python models and
    DuckLake. Comments come from the on-run-end hook (macros/persist_docs.sql), as before. -#}
{% materialization table, adapter="duckdb", supported_languages=['sql', 'python'] %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set plain = model['language'] == 'sql'
        and not config.get('contract').enforced
        and not config.get('indexes') and not config.get('grants')
        and not config.get('partitioned_by') and not config.get('sorted_by')
        and not adapter.use_ducklake_table_workarounds(target_relation)
        and not adapter.is_ducklake(target_relation) -%}
  {%- if not plain -%}
    {{ return(dbt_duckdb.materialization_table_duckdb()) }}
  {%- endif -%}
  {%- set existing_relation = load_cached_relation(this) -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}  {#- BEGIN happens here -#}
  {%- if existing_relation is not none and not existing_relation.is_table %}
    {{ drop_relation_if_exists(existing_relation) }}
  {%- endif %}
  {%- set sql_header = config.get('sql_header', none) %}
  {% call statement('main') -%}
    {{ sql_header if sql_header is not none }}
    create or replace table {{ target_relation }} as (
      {{ compiled_code }}
    )
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
