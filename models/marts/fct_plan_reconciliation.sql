-- Where a report's prose states a figure against the plan, the plan it implies set against the
-- plan of the year's appendix table, both as intervals set by their printed precision.
-- September 2022: 638,706 triệu USD at 101% KH implies 629,3 to 635,5 against KH 2022 = 631 (agrees).
-- amounts and ratios at a stated precision: DECIMAL(24, 6) for plans, DECIMAL(18, 4) for percentages
select
    * replace (
        round(implied_plan, 6)::decimal(24, 6) as implied_plan,
        round(implied_plan_low, 6)::decimal(24, 6) as implied_plan_low,
        round(implied_plan_high, 6)::decimal(24, 6) as implied_plan_high,
        unit_factor::decimal(24, 6) as unit_factor,
        round(appendix_plan_low, 6)::decimal(24, 6) as appendix_plan_low,
        round(appendix_plan_high, 6)::decimal(24, 6) as appendix_plan_high,
        round(expected_pct_low, 4)::decimal(18, 4) as expected_pct_low,
        round(expected_pct_high, 4)::decimal(18, 4) as expected_pct_high
    )
from {{ ref('int_plan_reconciliation') }}
