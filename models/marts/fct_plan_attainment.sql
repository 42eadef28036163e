-- One row per province x plan year x measure of the appendix: the four figures as printed,
-- the three ratios recomputed the way the measure's kind calls for, the gap in percentage
-- points for rates and growth rates, and whether the plan was met.
with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

measures as (
    select * from {{ ref('stg_catalog__measures') }}
    where kind <> 'heading'
),

joined as (
    select
        appendix.area_code,
        appendix.area_name,
        appendix.plan_year,
        measures.indicator_no,
        measures.group_code,
        appendix.measure_code,
        measures.measure_name,
        appendix.name_printed as measure_name_printed,
        measures.parent_measure_code,
        measures.unit,
        appendix.unit_printed,
        measures.kind,
        measures.direction,
        measures.sort_order,
        appendix.prior_actual,
        appendix.plan,
        appendix.estimate,
        appendix.next_plan,
        appendix.prior_actual_decimals,
        appendix.plan_decimals,
        appendix.estimate_decimals,
        appendix.next_plan_decimals,
        appendix.pct_of_prior as printed_pct_of_prior,
        appendix.pct_of_plan as printed_pct_of_plan,
        appendix.next_plan_pct_of_estimate as printed_next_plan_pct_of_estimate,
        appendix.pct_of_prior_decimals as printed_pct_of_prior_decimals,
        appendix.pct_of_plan_decimals as printed_pct_of_plan_decimals,
        appendix.next_plan_pct_of_estimate_decimals as printed_next_plan_pct_of_estimate_decimals,
        -- the plan and the estimate compared at the coarser of their printed precisions
        round(appendix.estimate::double, least(appendix.estimate_decimals, appendix.plan_decimals)) as estimate_at_precision,
        round(appendix.plan::double, least(appendix.estimate_decimals, appendix.plan_decimals)) as plan_at_precision,
        appendix.document,
        appendix.source_ref,
        appendix.source_line,
        appendix.batch_id
    from appendix
    inner join measures using (measure_code)
),

computed as (
    select
        * exclude (estimate_at_precision, plan_at_precision),
        case when kind = 'growth_rate' then 'growth_index' else 'plain' end as ratio_basis,
        case
            when kind = 'growth_rate' then 100 + estimate::double
            else estimate::double / nullif(prior_actual::double, 0) * 100
        end as pct_of_prior,
        case
            when kind = 'growth_rate' then (100 + estimate::double) / nullif(100 + plan::double, 0) * 100
            else estimate::double / nullif(plan::double, 0) * 100
        end as pct_of_plan,
        case
            when kind = 'growth_rate' then 100 + next_plan::double
            else next_plan::double / nullif(estimate::double, 0) * 100
        end as next_plan_pct_of_estimate,
        case when kind in ('rate', 'growth_rate') then estimate - plan end as pp_vs_plan,
        case
            when plan is null or estimate is null then 'not_assessed'
            when estimate_at_precision = plan_at_precision then 'met'
            when (direction = 'higher' and estimate_at_precision > plan_at_precision)
              or (direction = 'lower' and estimate_at_precision < plan_at_precision) then 'exceeded'
            else 'missed'
        end as status
    from joined
)

-- ratios at a stated precision: DECIMAL(18, 4), rounded half away from zero (97.9653, not 97.96526054590571)
select
    * replace (
        round(pct_of_prior, 4)::decimal(18, 4) as pct_of_prior,
        round(pct_of_plan, 4)::decimal(18, 4) as pct_of_plan,
        round(next_plan_pct_of_estimate, 4)::decimal(18, 4) as next_plan_pct_of_estimate
    )
from computed
