{#- Generic test: an interval's low end is not above its high end (rows where both are set). -#}
{% test interval_well_formed(model, low, high) %}
select *
from {{ model }}
where {{ low }} is not null and {{ high }} is not null and {{ low }} > {{ high }}
{% endtest %}
