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
{{ column_values_rows(model, not_null, unique, accepted_values, unique_combinations, relationships, intervals,
                      expressions) }}
{% endtest %}
