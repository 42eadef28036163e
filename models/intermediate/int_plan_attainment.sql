-- The plan attainment of every measure row of the authoritative appendix (marts.fct_plan_attainment
-- is this, materialised); here in the intermediate layer so that the checks (chk_printed_status)
-- still build when a mart test fails.
-- One row per province x plan year x measure of the appendix: the four figures as printed,
-- the plans as printed (a number, a range, a bound or "duy trì") with the interval they allow,
-- the three ratios recomputed the way the measure's kind calls for, the gap in percentage
-- points for rates and growth rates, whether the plan was met, and the province's own verdict.
with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

measures as (
    select * from {{ ref('int_measures') }}
    where kind <> 'heading'
),

areas as (
    select * from {{ ref('stg_catalog__areas') }}
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
        appendix.document,
        appendix.source_ref,
        appendix.source_line,
        appendix.batch_id,
        appendix.area_valid_from,
        measures.catalog_status,
        appendix.plan_form,
        appendix.plan_printed as plan_text,
        -- "duy trì": keep last year's level, so the plan is the prior year's actual
        case when appendix.plan_form = 'maintain' then appendix.prior_actual
             when appendix.plan_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.plan_low end as plan_low,
        case when appendix.plan_form = 'maintain' then appendix.prior_actual
             when appendix.plan_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.plan_high end as plan_high,
        case when appendix.plan_form = 'maintain' then appendix.prior_actual_decimals else appendix.plan_decimals end
            as plan_end_decimals,
        appendix.estimate_form,
        appendix.estimate_printed as estimate_text,
        -- a change printed instead of the figure ("tăng 7,4 - 8,4%") is the figure only for a growth rate
        case when appendix.estimate_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.estimate_low end as estimate_low,
        case when appendix.estimate_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.estimate_high end as estimate_high,
        appendix.next_plan_printed as next_plan_text,
        case when appendix.next_plan_form = 'maintain' then appendix.estimate
             when appendix.next_plan_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.next_plan_low end as next_plan_low,
        case when appendix.next_plan_form = 'maintain' then appendix.estimate
             when appendix.next_plan_form = 'change' and measures.kind <> 'growth_rate' then null
             else appendix.next_plan_high end as next_plan_high,
        nullif(trim(appendix.note), '') as note,
        {{ name_key('appendix.note') }} as note_key
    from appendix
    inner join measures using (measure_code)
),

ends as (
    select
        *,
        -- the end the council must reach (the near end) and the one beyond which it is exceeded
        case
            when plan_form = 'at_least' then plan_low
            when plan_form = 'at_most' then plan_high
            when direction = 'lower' then plan_high
            else plan_low
        end as plan_near,
        case
            when plan_form in ('at_least', 'at_most') then null
            when direction = 'lower' then plan_low
            else plan_high
        end as plan_far,
        least(estimate_decimals, plan_end_decimals) as compared_decimals,
        -- a bound says which way is better; otherwise the measure's direction
        case plan_form when 'at_most' then true when 'at_least' then false else direction = 'lower' end as lower_is_better
    from joined
),

assessed as (
    select
        *,
        -- the estimate the status and ratios are judged on: the single value as printed, or for an
        -- estimate printed as a range or a bound the end least favourable to the province
        -- ("61-62" of a higher-is-better rate is judged as 61; "dưới 4" of unemployment as 4)
        coalesce(estimate, case when lower_is_better then estimate_high else estimate_low end) as estimate_assessed
    from ends
),

computed as (
    select
        * exclude (plan_form, estimate_form, plan_end_decimals, note_key, plan_near, plan_far, compared_decimals, lower_is_better),
        case when kind = 'growth_rate' then 'growth_index' else 'plain' end as ratio_basis,
        case
            when kind = 'growth_rate' then 100 + estimate_assessed::double
            else estimate_assessed::double / nullif(prior_actual::double, 0) * 100
        end as pct_of_prior,
        case
            when kind = 'growth_rate' then (100 + estimate_assessed::double) / nullif(100 + plan_near::double, 0) * 100
            else estimate_assessed::double / nullif(plan_near::double, 0) * 100
        end as pct_of_plan,
        case
            when kind = 'growth_rate' then 100 + next_plan::double
            else next_plan::double / nullif(estimate_assessed::double, 0) * 100
        end as next_plan_pct_of_estimate,
        case when kind in ('rate', 'growth_rate') then estimate_assessed - plan_near end as pp_vs_plan,
        -- compared at the coarser of the printed precisions: equal there counts as reached
        case
            when estimate_assessed is null or plan_near is null then 'not_assessed'
            when lower_is_better
                 and round(estimate_assessed::double, compared_decimals) > round(plan_near::double, compared_decimals) then 'missed'
            when not lower_is_better
                 and round(estimate_assessed::double, compared_decimals) < round(plan_near::double, compared_decimals) then 'missed'
            when plan_far is null then 'met'
            when lower_is_better and round(estimate_assessed::double, compared_decimals) < round(plan_far::double, compared_decimals) then 'exceeded'
            when not lower_is_better and round(estimate_assessed::double, compared_decimals) > round(plan_far::double, compared_decimals) then 'exceeded'
            else 'met'
        end as status,
        -- the province's own verdict in "Ghi chú": Đạt (reached: met or exceeded), Vượt …, Không đạt / Chưa đạt
        case
            when regexp_matches(note_key, '^(khong|chua) (dat|hoan thanh)') then note
            when regexp_matches(note_key, '^(vuot|dat|hoan thanh)( |$)') then note
        end as printed_status,
        case
            when regexp_matches(note_key, '^(khong|chua) (dat|hoan thanh)') then 'missed'
            when regexp_matches(note_key, '^vuot( |$)') then 'exceeded'
            when regexp_matches(note_key, '^(dat|hoan thanh)( |$)') then 'reached'
        end as printed_verdict
    from assessed
),

final as (
    select
        computed.* exclude (area_valid_from, note),
        areas.current_area_code,
        areas.current_area_name
    from computed
    left join areas
        on areas.area_code = computed.area_code and areas.valid_from = computed.area_valid_from
)

select * from final
