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

-- the plans a figure is set against as they are printed: the appendix's KH, and a plan
-- document's plan of the year
printed_plans as (
    select area_code, plan_year, measure_code as indicator_code, plan::double as plan_value, unit,
        document as plan_document, 'appendix' as plan_source
    from appendix
    union all by name
    select area_code, plan_year, indicator_code, value::double as plan_value, unit,
        document as plan_document, 'plan_document' as plan_source
    from stated_plans
),

from_printed_plans as (
    select
        figures.area_code,
        figures.document,
        figures.fact_no,
        figures.sentence,
        figures.line,
        figures.indicator_code,
        figures.indicator_name,
        figures.period_year,
        figures.month_from,
        figures.month_to,
        figures.value_type,
        figures.value,
        figures.unit,
        printed_plans.plan_source,
        printed_plans.plan_value * factor.factor as plan_value,
        factor.factor is not null as plan_unit_converted,
        false as plan_is_implied,
        null::decimal(18, 6) as stated_pct_of_plan,
        printed_plans.plan_document
    from figures
    inner join printed_plans
        on printed_plans.area_code = figures.area_code
        and printed_plans.plan_year = figures.period_year
        and printed_plans.indicator_code = figures.indicator_code
    -- a unit pair without a conversion keeps its row with no plan (chk_unit_conversions reports it)
    left join unit_factors as factor
        on {{ unit_factor_matches('factor', 'printed_plans.unit', 'figures.unit') }}
),

from_ratios as (
    select
        area_code,
        document,
        fact_no,
        sentence,
        line,
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

unioned as (
    select * from from_printed_plans
    union all by name
    select * from from_ratios
),

-- a figure the report states twice (summary and section) is one row, with both places
deduplicated as (
    select
        area_code, document, indicator_code, indicator_name, period_year, month_from, month_to,
        value_type, value, unit, plan_source, plan_value, plan_unit_converted, plan_is_implied, stated_pct_of_plan,
        plan_document,
        min(fact_no) as fact_no,
        arg_min(sentence, fact_no) as sentence,
        list(fact_no order by fact_no) as fact_nos,
        list(line order by fact_no) as source_lines
    from unioned
    group by all
),

with_pct as (
    select
        area_code, document, fact_no, sentence, fact_nos, source_lines, indicator_code, indicator_name,
        period_year, month_from, month_to, value_type, value, unit, plan_source,
        round(plan_value, 6)::decimal(24, 6) as plan_value,
        plan_unit_converted, plan_is_implied, stated_pct_of_plan, plan_document,
        round(value::double / nullif(plan_value, 0) * 100, 4)::decimal(18, 4) as pct_of_plan
    from deduplicated
),

-- where a year-to-date figure should stand by its month (issue 13): int_expected_progress
expected as (
    select * from {{ ref('int_expected_progress') }}
)

select
    with_pct.*,
    round(expected.expected_pct_of_plan, 4)::decimal(18, 4) as expected_pct_of_plan,
    expected.profile_kind,
    expected.profile_years,
    round(with_pct.pct_of_plan - expected.expected_pct_of_plan, 4)::decimal(18, 4) as gap_pp,
    case
        when expected.expected_pct_of_plan is null or with_pct.pct_of_plan is null then null
        when with_pct.pct_of_plan - expected.expected_pct_of_plan > {{ env_var('KTXH_PROGRESS_BAND_PP', '5') }} then 'ahead'
        when with_pct.pct_of_plan - expected.expected_pct_of_plan < -{{ env_var('KTXH_PROGRESS_BAND_PP', '5') }} then 'behind'
        else 'on_track'
    end as progress_status
from with_pct
left join expected
    on expected.area_code = with_pct.area_code
    and expected.indicator_code = with_pct.indicator_code
    and expected.period_year = with_pct.period_year
    and expected.month_to = with_pct.month_to
    and with_pct.month_from = 1
