{#- The failing rows of the `column_values` rules (tests/dbt/generic/column_values.sql, where the
    rules are described) on one relation: column_name, rule, failing_value, n_rows. -#}
{% macro column_values_rows(model, not_null=[], unique=[], accepted_values={}, unique_combinations=[],
                            relationships={}, intervals=[], expressions=[]) %}{%- for column in not_null %}
select '{{ column }}' as column_name, 'not_null' as rule, null::varchar as failing_value, count(*) as n_rows
from {{ model }} where {{ column }} is null having count(*) > 0
union all
{%- endfor %}
{%- for column in unique %}
select '{{ column }}', 'unique', {{ column }}::varchar, count(*)
from {{ model }} where {{ column }} is not null group by {{ column }} having count(*) > 1
union all
{%- endfor %}
{%- for column, values in accepted_values.items() %}
select '{{ column }}', 'accepted_values', {{ column }}::varchar, count(*)
from {{ model }}
where {{ column }} is not null
    and {{ column }} not in ({% for value in values %}{{ ktxh_sql_literal(value) }}{{ ", " if not loop.last }}{% endfor %})
group by {{ column }}
union all
{%- endfor %}
{%- for columns in unique_combinations %}
select '{{ columns | join(", ") }}', 'unique_combination', concat_ws(' | ', {% for c in columns %}{{ c }}::varchar{{ ", " if not loop.last }}{% endfor %}), count(*)
from {{ model }} group by {{ columns | join(', ') }} having count(*) > 1
union all
{%- endfor %}
{%- for column, other in relationships.items() %}
select '{{ column }}', 'relationships', child.{{ column }}::varchar, count(*)
from {{ model }} as child
where child.{{ column }} is not null
    and child.{{ column }} not in (select {{ other.field }} from {{ other.to }} where {{ other.field }} is not null)
group by child.{{ column }}
union all
{%- endfor %}
{%- for low, high in intervals %}
select '{{ low }}, {{ high }}', 'interval_well_formed', concat_ws(' > ', {{ low }}::varchar, {{ high }}::varchar), count(*)
from {{ model }} where {{ low }} is not null and {{ high }} is not null and {{ low }} > {{ high }}
group by all
union all
{%- endfor %}
{%- for check in expressions %}
select null, 'expression_is_true', {{ ktxh_sql_literal(check.expression) }}, count(*)
from {{ model }} where not ({{ check.expression }}){% if check.where %} and ({{ check.where }}){% endif %}
having count(*) > 0
union all
{%- endfor %}
select null::varchar, null::varchar, null::varchar, null::bigint where false
{% endmacro %}

{#- The same rules on several relations in one query (one dbt node: tests/dbt/*_inputs.sql): each
    failing row names its relation first. ``checks``: a list of (name, relation, its rules as the
    keyword arguments of column_values). -#}
{% macro column_values_across(checks) %}
{%- for name, relation, rules in checks %}
select '{{ name }}' as relation, failures.*
from ({{ column_values_rows(relation, **rules) }}) as failures
{{ "union all" if not loop.last }}
{%- endfor %}
{% endmacro %}
