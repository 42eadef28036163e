{#- Generic test: each row of the catalog (`to`, filtered by `where`) appears in the model
    for every value of `per` present in the model, e.g. all 17 indicators for each plan year. -#}
{% test covers_catalog(model, column_name, to, field, per, where=none) %}
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
{% endtest %}
