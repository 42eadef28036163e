-- Year-to-date progress against the annual plan, one row per reported figure x plan source:
-- 'appendix' is the KH of the year's appendix table (the provincial council's plan), converted
-- to the figure's unit; 'plan', 'plan_central' (dự toán TW giao) and 'plan_council' (dự toán HĐND
-- giao) are plans implied by the ratio stated with the figure (value / ratio x 100);
-- 'plan_document' is the year's plan stated in a plan document (a council resolution or plan
-- decision, int_reported_plans). Only the province's figures of a period from January (a
-- cumulative period or a whole year) are set against a year's plan: not a single month, a
-- quarter or a balance at a date, and not the nation's or the world's figures.
with

stated as (
    select * from {{ ref('int_reported_plan_ratios') }}
),

figures as (
    select * from {{ ref('fct_reported_figures') }}
    where status = 'ok' and measure = 'value' and value_type in ('actual', 'estimate')
        and scope = 'province' and period_kind in ('cumulative', 'year')
),

stated_plans as (
    select * from {{ ref('int_reported_plans') }}
),

appendix as (
    select * from {{ ref('fct_plan_attainment') }}
),

unit_factors as (
    select * from {{ ref('int_unit_factors') }}
),

from_appendix as (
    select
        figures.area_code,
        figures.document,
        figures.fact_no,
        figures.sentence,
        figures.indicator_code,
        figures.indicator_name,
        figures.period_year,
        figures.month_from,
        figures.month_to,
        figures.value_type,
        figures.value,
        figures.unit,
        'appendix' as plan_source,
        appendix.plan::double * factor.factor as plan_value,
        factor.factor is not null as plan_unit_converted,
        false as plan_is_implied,
        null::decimal(18, 6) as stated_pct_of_plan,
        appendix.document as plan_document
    from figures
    inner join appendix
        on appendix.area_code = figures.area_code
        and appendix.plan_year = figures.period_year
        and appendix.measure_code = figures.indicator_code
    -- a unit pair without a conversion keeps its row with no plan (chk_unit_conversions reports it)
    left join unit_factors as factor
        on factor.from_unit_key = lower(nfc_normalize(appendix.unit))
        and factor.to_unit_key = lower(nfc_normalize(figures.unit))
),

from_ratios as (
    select
        area_code,
        document,
        fact_no,
        sentence,
        indicator_code,
        indicator_name,
        period_year,
        month_from,
        month_to,
        value_type,
        value,
        unit,
        plan_source,
        implied_plan as plan_value,
        true as plan_is_implied,
        true as plan_unit_converted,
        stated_pct_of_plan,
        document as plan_document
    from stated
),

from_plan_documents as (
    select
        figures.area_code,
        figures.document,
        figures.fact_no,
        figures.sentence,
        figures.indicator_code,
        figures.indicator_name,
        figures.period_year,
        figures.month_from,
        figures.month_to,
        figures.value_type,
        figures.value,
        figures.unit,
        'plan_document' as plan_source,
        stated_plans.value::double * factor.factor as plan_value,
        factor.factor is not null as plan_unit_converted,
        false as plan_is_implied,
        null::decimal(18, 6) as stated_pct_of_plan,
        stated_plans.document as plan_document
    from figures
    inner join stated_plans
        on stated_plans.area_code = figures.area_code
        and stated_plans.plan_year = figures.period_year
        and stated_plans.indicator_code = figures.indicator_code
    -- a unit pair without a conversion keeps its row with no plan (chk_unit_conversions reports it)
    left join unit_factors as factor
        on factor.from_unit_key = lower(nfc_normalize(stated_plans.unit))
        and factor.to_unit_key = lower(nfc_normalize(figures.unit))
),

unioned as (
    select * from from_appendix
    union all by name
    select * from from_ratios
    union all by name
    select * from from_plan_documents
)

select
    *,
    value::double / nullif(plan_value, 0) * 100 as pct_of_plan
from unioned
