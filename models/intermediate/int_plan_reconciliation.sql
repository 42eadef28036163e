-- Where a report's prose states a figure against the plan, the plan it implies set against the
-- plan of the year's appendix table (read from the intermediate layer, so the checks built on it
-- run even when a mart's test fails), both as intervals set by their printed precision.
-- September 2022: 638,706 triệu USD at 101% KH implies 629,3 to 635,5 against KH 2022 = 631 (agrees).
-- The appendix's KH is the provincial council's plan, so only ratios to 'KH' or to 'dự toán HĐND
-- giao' are reconciled; 'dự toán TW giao' is a different, lower plan.
with

stated as (
    select * from {{ ref('int_reported_plan_ratios') }}
    where plan_source in ('plan', 'plan_council')
),

appendix as (
    select current.*, measures.unit
    from {{ ref('int_appendix_current') }} as current
    inner join {{ ref('int_measures') }} as measures using (measure_code)
    where current.row_kind = 'measure'
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
        on factor.from_unit_key = lower(nfc_normalize(appendix.unit))
        and factor.to_unit_key = lower(nfc_normalize(stated.unit))
)

select
    * exclude (value_low, value_high),
    -- the ratio the appendix's plan allows for the printed figure
    {{ interval_div_lo('value_low', 'value_high', 'appendix_plan_low', 'appendix_plan_high') }} * 100 as expected_pct_low,
    {{ interval_div_hi('value_low', 'value_high', 'appendix_plan_low', 'appendix_plan_high') }} * 100 as expected_pct_high,
    {{ intervals_meet('implied_plan_low', 'implied_plan_high', 'appendix_plan_low', 'appendix_plan_high') }} as agrees
from joined
