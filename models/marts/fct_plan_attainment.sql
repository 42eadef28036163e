-- One row per province x plan year x measure of the appendix: the four figures as printed,
-- the plans as printed with the interval they allow, the ratios recomputed, whether the plan
-- was met, and the province's own verdict (computed in int_plan_attainment).
select * from {{ ref('int_plan_attainment') }}
