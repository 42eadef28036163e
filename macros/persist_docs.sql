{#- The yml descriptions as COMMENTs on the relations and columns built by this run, in one batch
    at the end of it (on-run-end in dbt_project.yml) instead of dbt's per-node persist_docs, which
    costs each model and seed a describe and a statement per column (about 2 s of a bundled build).
    Only the nodes this run built successfully are commented (an incremental build rebuilds some
    tables, which loses their comments; the views it leaves keep theirs), and the seeds whose table
    has no comment yet (a full build by ktxh loads them itself: ktxh/seeds.py); only columns the
    relation has are commented (one query of duckdb_columns() for all of them). -#}

{% macro persist_docs_of_run(results) -%}
    {%- if execute -%}
        {%- set built = [] -%}
        {%- for result in results
              if result.status in ('success', 'pass')
              and result.node.resource_type in ('model', 'seed')
              and result.node.config.materialized != 'ephemeral' -%}
            {%- do built.append(result.node) -%}
        {%- endfor -%}
        {%- set uncommented = run_query(
            "select schema_name || '.' || table_name from duckdb_tables() "
            ~ "where database_name = current_database() and comment is null").columns[0].values() -%}
        {%- set ids = built | map(attribute='unique_id') | list -%}
        {%- for node in graph.nodes.values()
              if node.resource_type == 'seed' and node.unique_id not in ids
              and (node.schema ~ "." ~ node.alias) in uncommented -%}
            {%- do built.append(node) -%}
        {%- endfor -%}
        {%- if built -%}
            {%- set keys = [] -%}
            {%- for node in built -%}
                {%- do keys.append("'" ~ node.schema ~ "." ~ node.alias ~ "'") -%}
            {%- endfor -%}
            {%- set existing = run_query(
                "select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
                ~ "where database_name = current_database() and schema_name || '.' || table_name in ("
                ~ keys | join(', ') ~ ")").columns[0].values() -%}
            {%- set statements = [] -%}
            {%- for node in built -%}
                {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
                {%- set kind = 'view' if node.config.materialized == 'view' else 'table' -%}
                {%- if node.description -%}
                    {%- do statements.append("comment on " ~ kind ~ " " ~ relation ~ " is " ~ duckdb_escape_comment(node.description)) -%}
                {%- endif -%}
                {%- for name, column in node.columns.items()
                      if column.description and (node.schema ~ "." ~ node.alias ~ "." ~ name) in existing -%}
                    {%- do statements.append("comment on column " ~ relation ~ "." ~ adapter.quote(name) ~ " is "
                                             ~ duckdb_escape_comment(column.description)) -%}
                {%- endfor -%}
            {%- endfor -%}
            {#- one transaction: DuckDB commits each COMMENT ON on its own otherwise (3 s against 0,2 s) -#}
            {{ return("begin;\n" ~ statements | join(";\n") ~ ";\ncommit;" if statements else "") }}
        {%- endif -%}
    {%- endif -%}
    {{ return("") }}
{%- endmacro %}

{#- A build drops the staging and intermediate relations no model makes any more (a model now
    ephemeral, renamed or removed), so that an analyst does not read a stale view or table. -#}
{% macro drop_stale_relations() -%}
    {%- if execute and flags.WHICH in ('build', 'run') -%}
        {%- set current = [] -%}
        {%- for node in graph.nodes.values()
              if node.resource_type == 'model' and node.config.materialized != 'ephemeral' -%}
            {%- do current.append(node.schema ~ "." ~ node.alias) -%}
        {%- endfor -%}
        {%- set found = run_query(
            "select table_schema, table_name, table_type from information_schema.tables "
            ~ "where table_catalog = current_database() and table_schema in ('staging', 'intermediate')").rows -%}
        {%- set statements = [] -%}
        {%- for schema, name, kind in found if (schema ~ "." ~ name) not in current -%}
            {%- do statements.append("drop " ~ ("view" if kind == "VIEW" else "table") ~ " if exists "
                                     ~ adapter.quote(schema) ~ "." ~ adapter.quote(name) ~ " cascade") -%}
        {%- endfor -%}
        {{ return(statements | join(";\n") ~ ";" if statements else "") }}
    {%- endif -%}
    {{ return("") }}
{%- endmacro %}
