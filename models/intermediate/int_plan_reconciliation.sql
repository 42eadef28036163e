-- Where a report's prose states a figure against the plan, the plan it implies set against the
-- plan of the year's appendix table (read from the intermediate layer, so the checks built on it
-- run even when a mart's test fails), both as intervals set by their printed precision.
-- September 2022: 638,706 triệu USD at 101% KH implies 629,3 to 635,5 against KH 2022 = 631 (agrees).
-- The appendix's KH is the provincial council's plan, so only ratios to 'KH' or to 'dự toán HĐND
-- giao' are reconciled; 'dự toán TW giao' is a different, lower plan.
-- A plan stated in a plan document (a council resolution on the 2023 plan) is reconciled too, as
-- plan_source 'plan_document', with the appendix's KH of its year: the 2023 appendix's KH, or
-- else the 2022 appendix's "KH 2023" (its next_plan column).
with

ratios as (
    select * from {{ ref('int_reported_plan_ratios') }}
    where plan_source in ('plan', 'plan_council')
),

plan_documents as (
    select
        area_code,
        plan_year as period_year,
        indicator_code,
        document,
        line,
        sentence,
        1 as month_from,
        12 as month_to,
        printed as value_printed,
        unit,
        null::varchar as ratio_printed,
        null::decimal(18, 6) as stated_pct_of_plan,
        value_low,
        value_high,
        'plan_document' as plan_source,
        value::double as implied_plan,
        value_low as implied_plan_low,
        value_high as implied_plan_high
    from {{ ref('int_reported_plans') }}
),

stated as (
    select * from ratios
    union all by name
    select * from plan_documents
),

current_plans as (
    select current.area_code, current.plan_year, current.measure_code, current.document,
           current.plan, current.plan_decimals, measures.unit
    from {{ ref('int_appendix_current') }} as current
    inner join {{ ref('int_measures') }} as measures using (measure_code)
    where current.row_kind = 'measure'
),

next_plans as (
    -- the year before's "KH năm sau", for a year that has no appendix of its own
    select current.area_code, current.plan_year + 1 as plan_year, current.measure_code, current.document,
           current.next_plan as plan, current.next_plan_decimals as plan_decimals, measures.unit
    from {{ ref('int_appendix_current') }} as current
    inner join {{ ref('stg_catalog__measures') }} as measures using (measure_code)
    where current.row_kind = 'measure' and current.next_plan is not null
),

appendix as (
    select * from current_plans
    union all
    select * from next_plans
    where not exists (
        select 1 from current_plans
        where current_plans.area_code = next_plans.area_code and current_plans.plan_year = next_plans.plan_year
    )
),

unit_factors as (
    select * from {{ ref('int_unit_factors') }}
),

joined as (
    select
        stated.area_code,
        stated.period_year as plan_year,
        stated.indicator_code as measure_code,
        stated.document,
        stated.line,
        stated.sentence,
        stated.month_from,
        stated.month_to,
        stated.value_printed,
        stated.unit,
        stated.ratio_printed,
        stated.stated_pct_of_plan,
        stated.value_low,
        stated.value_high,
        stated.plan_source,
        stated.implied_plan,
        stated.implied_plan_low,
        stated.implied_plan_high,
        appendix.document as appendix_document,
        appendix.plan as appendix_plan,
        appendix.unit as appendix_unit,
        factor.factor as unit_factor,
        factor.factor is not null as unit_convertible,
        {{ interval_lo('appendix.plan', 'appendix.plan_decimals') }} * factor.factor as appendix_plan_low,
        {{ interval_hi('appendix.plan', 'appendix.plan_decimals') }} * factor.factor as appendix_plan_high,
        {{ vn_number('appendix.plan', 'appendix.plan_decimals') }} as appendix_plan_printed
    from stated
    inner join appendix
        on appendix.area_code = stated.area_code
        and appendix.plan_year = stated.period_year
        and appendix.measure_code = stated.indicator_code
    -- a unit pair without a conversion keeps its row (not compared; chk_unit_conversions reports it)
    left join unit_factors as factor
        on {{ unit_factor_matches('factor', 'appendix.unit', 'stated.unit') }}
)

select
    * exclude (value_low, value_high),
    -- the ratio the appendix's plan allows for the printed figure
    {{ interval_div_lo('value_low', 'value_high', 'appendix_plan_low', 'appendix_plan_high') }} * 100 as expected_pct_low,
    {{ interval_div_hi('value_low', 'value_high', 'appendix_plan_low', 'appendix_plan_high') }} * 100 as expected_pct_high,
    {{ intervals_meet('implied_plan_low', 'implied_plan_high', 'appendix_plan_low', 'appendix_plan_high') }} as agrees
from joined
