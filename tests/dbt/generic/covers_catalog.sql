{#- Generic test: each row of the catalog (`to`, filtered by `where`) appears in the model
    for every value of `per` present in the model, e.g. all 17 indicators for each plan year.
    With `assigned: true` (per = [area_code, plan_year]), only the rows of the catalog sets
    assigned to that area and plan period (stg_catalog__assignments) are expected. -#}
{% test covers_catalog(model, column_name, to, field, per, where=none, assigned=false) %}
{% if assigned %}
with groups as (select distinct area_code, plan_year from {{ model }}),
expected as (
    select distinct groups.area_code, groups.plan_year, catalog.{{ field }} as code
    from groups
    inner join {{ ref('stg_catalog__assignments') }} as assignments
        on assignments.area_code = groups.area_code
        and groups.plan_year between assignments.period_start_year and assignments.period_end_year
    inner join {{ to }} as catalog on catalog.catalog_set = assignments.catalog_set
    {% if where %} where {{ where }} {% endif %}
)
select expected.area_code, expected.plan_year, expected.code
from expected
where not exists (
    select 1 from {{ model }} m
    where m.{{ column_name }} = expected.code and m.area_code = expected.area_code and m.plan_year = expected.plan_year
)
{% else %}
with expected as (
    select distinct {{ field }} as code from {{ to }} {% if where %} where {{ where }} {% endif %}
),
groups as (select distinct {{ per | join(', ') }} from {{ model }})
select groups.*, expected.code
from groups cross join expected
where not exists (
    select 1 from {{ model }} m
    where m.{{ column_name }} = expected.code
    {% for col in per %} and m.{{ col }} = groups.{{ col }} {% endfor %}
)
{% endif %}
{% endtest %}
