-- A report's prose against the appendix of the same year: a figure stated with its % of plan
-- implies a plan, which must fit the appendix's KH (both as printed-precision intervals).
-- The reconciliation is int_plan_reconciliation (also marts.fct_plan_reconciliation); this lays it out as findings.
select
    area_code,
    plan_year,
    measure_code,
    -- a plan stated in a plan document is compared as a plan; a ratio to plan as a ratio
    case when plan_source = 'plan_document' then 'stated_plan' else 'stated_pct_of_plan' end as figure,
    coalesce(stated_pct_of_plan::double, implied_plan) as printed_value,
    coalesce(ratio_printed, value_printed) as printed_text,
    case when plan_source = 'plan_document' then appendix_plan_low else expected_pct_low end as expected_low,
    case when plan_source = 'plan_document' then appendix_plan_high else expected_pct_high end as expected_high,
    document,
    'line ' || line as source_ref,
    value_printed,
    unit,
    plan_source,
    implied_plan,
    {{ vn_interval('implied_plan_low', 'implied_plan_high', 1) }} as implied_plan_text,
    appendix_plan_printed,
    appendix_unit,
    appendix_document,
    sentence,
    case
        when not unit_convertible then 'not_compared'  -- no unit conversion: chk_unit_conversions reports it
        when agrees then 'agrees'
        else 'disagrees'
    end as outcome
from {{ ref('int_plan_reconciliation') }}
