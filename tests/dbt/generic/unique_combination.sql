{#- Generic test: no two rows share the same values of `columns` (hub packages such
    as dbt_utils cannot be installed here, so the project keeps its own). -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
