{#- The failing rows of the `column_values` rules (tests/dbt/generic/column_values.sql, where the
    rules are described) on one relation: column_name, rule, failing_value, n_rows. -#}
{% macro column_values_rows(model, not_null=[], unique=[], accepted_values={}, unique_combinations=[],
                            relationships={}, intervals=[], expressions=[]) %}
{#- the columns' names and types first, whichever rules follow -#}
select null::varchar as column_name, null::varchar as rule, null::varchar as failing_value, null::bigint as n_rows
where false
{%- for column in not_null %}
union all
select '{{ column }}', 'not_null', null::varchar, count(*)
from {{ model }} where {{ column }} is null having count(*) > 0
{%- endfor %}
{%- for column in unique %}
union all
select '{{ column }}', 'unique', {{ column }}::varchar, count(*)
from {{ model }} where {{ column }} is not null group by {{ column }} having count(*) > 1
{%- endfor %}
{%- for column, values in accepted_values.items() %}
union all
select '{{ column }}', 'accepted_values', {{ column }}::varchar, count(*)
from {{ model }}
where {{ column }} is not null
    and {{ column }} not in ({% for value in values %}{{ ktxh_sql_literal(value) }}{{ ", " if not loop.last }}{% endfor %})
group by {{ column }}
{%- endfor %}
{%- for columns in unique_combinations %}
union all
select '{{ columns | join(", ") }}', 'unique_combination', concat_ws(' | ', {% for c in columns %}{{ c }}::varchar{{ ", " if not loop.last }}{% endfor %}), count(*)
from {{ model }} group by {{ columns | join(', ') }} having count(*) > 1
{%- endfor %}
{%- for column, other in relationships.items() %}
union all
select '{{ column }}', 'relationships', child.{{ column }}::varchar, count(*)
from {{ model }} as child
where child.{{ column }} is not null
    and child.{{ column }} not in (select {{ other.field }} from {{ other.to }} where {{ other.field }} is not null)
group by child.{{ column }}
{%- endfor %}
{%- for low, high in intervals %}
union all
select '{{ low }}, {{ high }}', 'interval_well_formed', concat_ws(' > ', {{ low }}::varchar, {{ high }}::varchar), count(*)
from {{ model }} where {{ low }} is not null and {{ high }} is not null and {{ low }} > {{ high }}
group by all
{%- endfor %}
{%- for check in expressions %}
union all
select null, 'expression_is_true', {{ ktxh_sql_literal(check.expression) }}, count(*)
from {{ model }} where not ({{ check.expression }}){% if check.where %} and ({{ check.where }}){% endif %}
having count(*) > 0
{%- endfor %}
{% endmacro %}

{#- The same rules on several relations in one query, one dbt node (tests/dbt/catalog_inputs.sql,
    raw_inputs.sql, check_tables.sql): each failing row names its relation first. ``checks``: a
    list of (name, relation, its rules as the keyword arguments of column_values). -#}
{% macro column_values_across(checks) %}
{%- for name, relation, rules in checks %}
select '{{ name }}' as relation, failures.*
from ({{ column_values_rows(relation, **rules) }}) as failures
{{ "union all" if not loop.last }}
{%- endfor %}
{% endmacro %}
