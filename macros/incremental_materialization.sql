{#- The project's `incremental` materialization, for its append-by-province models
    (macros/incremental.sql): a full refresh, or a first build, is one `create or replace table
    ... as`; an incremental build is the model's pre_hook (it deletes the changed provinces' rows)
    and one `insert into ... by name` of the model's rows, in one transaction. dbt-duckdb's own
    builds a temporary table, compares its columns with the target's (two more queries), inserts
    from it and drops it; a full refresh builds `__dbt_tmp` and swaps it in by renames.

    A model's columns change only with the project, and a changed project is a full build
    (ktxh/incremental.py), so there is no schema change to handle. What this project does not use
    goes to dbt-duckdb's own materialization, unchanged: another strategy, unique keys,
    predicates, on_schema_change, enforced contracts, indexes, grants, partitioning or sorting,
    python models and DuckLake. -#}
{% materialization incremental, adapter="duckdb", supported_languages=['sql', 'python'] -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set plain = model['language'] == 'sql'
        and (config.get('incremental_strategy') or 'append') == 'append'
        and not config.get('unique_key') and not config.get('incremental_predicates')
        and not config.get('predicates')
        and (config.get('on_schema_change') or 'ignore') == 'ignore'
        and not config.get('contract').enforced
        and not config.get('indexes') and not config.get('grants')
        and not config.get('partitioned_by') and not config.get('sorted_by')
        and not adapter.is_ducklake(target_relation) -%}
  {%- if not plain -%}
    {{ return(dbt_duckdb.materialization_incremental_duckdb()) }}
  {%- endif -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set rebuild = existing_relation is none or should_full_refresh() or not existing_relation.is_table -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}  {#- BEGIN happens here -#}
  {%- if rebuild and existing_relation is not none and not existing_relation.is_table %}
    {{ drop_relation_if_exists(existing_relation) }}
  {%- endif %}
  {% call statement('main') -%}
    {%- if rebuild %}
    create or replace table {{ target_relation }} as (
      {{ compiled_code }}
    )
    {%- else %}
    insert into {{ target_relation }} by name (
      {{ compiled_code }}
    )
    {%- endif %}
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}
