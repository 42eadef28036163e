-- Each year-to-date (or whole-year) figure of the prose paired with the plan ratios stated
-- with it ("đạt 65% so với dự toán TW giao"), in the figure's own unit, with the intervals
-- their printed precision stands for: value ± half a unit of the last printed decimal.
with

figures as (
    select * from {{ ref('int_reported_figures') }}
    where status = 'ok'
),

amounts as (
    select * from figures
    where measure = 'value' and value_type in ('actual', 'estimate') and indicator_code is not null
        and scope = 'province'
),

ratios as (
    select * from figures
    where measure = 'ratio_pct' and basis in ('plan', 'plan_central', 'plan_council')
),

paired as (
    select
        amounts.area_code,
        amounts.document,
        amounts.batch_id,
        amounts.fact_no,
        amounts.sentence,
        amounts.line,
        amounts.indicator_code,
        amounts.indicator_name,
        amounts.period_year,
        amounts.month_from,
        amounts.month_to,
        amounts.value_type,
        amounts.printed as value_printed,
        amounts.value,
        amounts.unit,
        ratios.basis as plan_source,
        ratios.printed as ratio_printed,
        ratios.value as stated_pct_of_plan,
        {{ interval_lo('amounts.value', 'amounts.decimals') }} as value_low,
        {{ interval_hi('amounts.value', 'amounts.decimals') }} as value_high,
        {{ interval_lo('ratios.value', 'ratios.decimals') }} as ratio_low,
        {{ interval_hi('ratios.value', 'ratios.decimals') }} as ratio_high
    from amounts
    inner join ratios
        on ratios.batch_id = amounts.batch_id
        and ratios.claim_no = amounts.claim_no
        and ratios.fact_no > amounts.fact_no
),

implied as (
    select
        *,
        value::double / stated_pct_of_plan::double * 100 as implied_plan,
        {{ interval_div_lo('value_low', 'value_high', 'ratio_low', 'ratio_high') }} * 100 as implied_plan_low,
        {{ interval_div_hi('value_low', 'value_high', 'ratio_low', 'ratio_high') }} * 100 as implied_plan_high
    from paired
    where stated_pct_of_plan > 0
)

select * from implied
