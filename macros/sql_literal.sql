{#- A yml value as a SQL literal: text quoted (quotes doubled), numbers and booleans as they are. -#}
{% macro ktxh_sql_literal(value) -%}
    {%- if value is boolean -%}{{ 'true' if value else 'false' }}
    {%- elif value is number -%}{{ value }}
    {%- else -%}'{{ value | string | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}
