{#- Incremental builds by province (README, "A new month"): stg_build_state__scope is the provinces
    whose batches changed since the last build ktxh recorded (raw.load_batches against
    build_state.built); an incremental model deletes their rows (pre_hook) and inserts them again,
    computed from scratch, leaving other provinces' rows.
    The ref is taken unconditionally so that dbt knows the dependency when it parses. -#}

{% macro in_build_scope(column='area_code') -%}
    {%- set scope = ref('stg_build_state__scope') -%}
    {%- if is_incremental() -%}
        {{ column }} in (select area_code from {{ scope }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_build_scope(column='area_code') -%}
    {%- set scope = ref('stg_build_state__scope') -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ column }} in (select area_code from {{ scope }})
    {%- endif -%}
{%- endmacro %}
