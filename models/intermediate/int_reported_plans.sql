-- The plans stated in plan documents (a council resolution or a plan decision on a year's plan):
-- "Tốc độ tăng trưởng kinh tế phấn đấu đạt 7%" in a resolution on the 2023 plan is the 2023 plan
-- of GRDP growth. Only the province's own figures of a whole year, as values, with the interval
-- their printed precision stands for. fct_period_progress sets year-to-date figures against them
-- and int_plan_reconciliation sets them beside the appendix's KH of the same year.
with

figures as (
    select * from {{ ref('int_reported_figures') }}
)

select
    area_code,
    period_year as plan_year,
    indicator_code,
    document,
    document_kind,
    batch_id,
    fact_no,
    line,
    sentence,
    printed,
    value,
    decimals,
    unit,
    {{ interval_lo('value', 'decimals') }} as value_low,
    {{ interval_hi('value', 'decimals') }} as value_high
from figures
where status = 'ok'
    and scope = 'province'
    and value_type = 'plan'
    and measure = 'value'
    and period_kind = 'year'
    and document_kind in ('council_resolution', 'plan_decision')
    and indicator_code is not null
    and period_year is not null
