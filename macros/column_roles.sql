{#- The appendix's numeric columns, from seeds/column_roles.csv: the one definition that the
    Python readers (ktxh/column_roles.py) read too.  The file is read directly (not through
    ref), so unit tests and every model see the same list without a seed dependency; at parse
    time (execute false) the list is empty, which only the parser sees.
    kind: none for all roles in printed column order, or 'value' / 'ratio'.
    Each item has column_role, column_no, role_kind, numerator_role, denominator_role,
    label_vi, label_en. -#}
{% macro column_roles(kind=none) -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select * from read_csv('{{ column_roles_seed_path() }}', header = true, all_varchar = true)
        {%- if kind is not none %} where role_kind = '{{ kind }}'{% endif %}
        order by column_no::integer
    {%- endset -%}
    {%- set found = run_query(query) -%}
    {%- set roles = [] -%}
    {%- for row in found.rows -%}
        {%- do roles.append({
            'column_role': row['column_role'], 'column_no': row['column_no'] | int,
            'role_kind': row['role_kind'], 'numerator_role': row['numerator_role'],
            'denominator_role': row['denominator_role'],
            'label_vi': row['label_vi'], 'label_en': row['label_en']}) -%}
    {%- endfor -%}
    {{ return(roles) }}
{%- endmacro %}

{#- Just the role names, in printed column order. -#}
{% macro column_role_names(kind=none) -%}
    {{ return(column_roles(kind) | map(attribute='column_role') | list) }}
{%- endmacro %}

{% macro column_roles_seed_path() -%}
    {{ return(var('ktxh_seeds_dir', 'seeds') ~ '/column_roles.csv') }}
{%- endmacro %}
