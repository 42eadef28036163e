{#- Checks ahead (checks/ahead.py): in `ktxh run`, the table a consistency suite validates is
    copied, as soon as dbt has built it, into a Parquet file of the folder KTXH_CHECKS_AHEAD (set by
    ktxh for its dbt child only), then a `.ready` file says it is complete; ktxh validates it there
    while dbt builds the rest (DuckDB lets one process open the warehouse). Without the variable
    (`dbt build` on its own, `ktxh build`) the hook is empty. A post-hook of the checks models and
    fct_plan_attainment (dbt_project.yml), run after the model's commit. -#}
{% macro checks_ahead() -%}
    {%- if execute -%}
        {%- set folder = env_var('KTXH_CHECKS_AHEAD', '') -%}
        {%- if folder -%}
            {%- set path = folder ~ '/' ~ this.schema ~ '.' ~ this.identifier -%}
            copy (select * from {{ this }}) to {{ ktxh_sql_literal(path ~ '.parquet') }} (format parquet);
            copy (select 1 as ready) to {{ ktxh_sql_literal(path ~ '.ready') }} (format csv)
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
