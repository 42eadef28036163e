{#- Generic test: dbt's not_null, unique, accepted_values and relationships (and unique combinations, well-formed
    intervals, expressions that must hold) for many columns of one relation,
    in one query (one dbt node instead of one per column and rule: each node costs dbt about
    30-100 ms of its own, far more than the query). Semantics as dbt's built-in tests: nulls
    are neither duplicates nor unaccepted values. Each failing row names the column, the rule,
    the offending value (null for not_null) and how many rows have it.
      - column_values:
          arguments:
            not_null: [batch_id, area_code]
            unique: [batch_id]
            accepted_values: {value_type: [actual, estimate, plan]}
            unique_combinations: [[area_code, plan_year, measure_code]]
            relationships: {measure_code: {to: "ref('dim_measures')", field: measure_code}}
            intervals: [[expected_low, expected_high]]
            expressions: [{expression: "pp_vs_plan is not null", where: "plan is not null"}]
    (unique_combinations: the columns' values together are unique, nulls included;
    relationships: as dbt's, a non-null value the other relation's field does not have;
    intervals: rows where both ends are set and the low end is above the high end;
    expressions: rows where `where` holds and the expression does not.) -#}
{% test column_values(model, not_null=[], unique=[], accepted_values={}, unique_combinations=[],
                      relationships={}, intervals=[], expressions=[]) %}
{%- for column in not_null %}
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
{% endtest %}
