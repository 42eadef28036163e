-- One row per province x plan year x measure of the appendix: the four figures as printed,
-- the plans as printed with the interval they allow, the ratios recomputed, whether the plan
-- was met, and the province's own verdict (computed in int_plan_attainment); ratios at a stated
-- precision: DECIMAL(18, 4), rounded half away from zero (97.9653, not 97.96526054590571)
select
    * replace (
        round(pct_of_prior, 4)::decimal(18, 4) as pct_of_prior,
        round(pct_of_plan, 4)::decimal(18, 4) as pct_of_plan,
        round(next_plan_pct_of_estimate, 4)::decimal(18, 4) as next_plan_pct_of_estimate
    )
from {{ ref('int_plan_attainment') }}
