-- Continuity across reports: where the previous year's report (its authoritative appendix)
-- covers the same year as this one, precision-aware:
--   plan:          this year's KH must equal the previous report's "KH năm sau";
--   prior_actual:  last year's TH either equals the previous report's ước TH (the estimate
--                  stood) or differs from it (a later, final figure replaced the estimate).
with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

measures as (
    select * from {{ ref('int_measures') }}
),

pairs as (
    select
        this_year.area_code,
        this_year.plan_year,
        this_year.measure_code,
        this_year.document,
        this_year.source_ref,
        this_year.batch_id,
        this_year.row_order,
        previous.document as previous_document,
        previous.source_ref as previous_source_ref,
        previous.plan_year as previous_plan_year,
        this_year.plan as plan_value, this_year.plan_decimals, this_year.plan_printed,
        this_year.prior_actual as prior_value, this_year.prior_actual_decimals as prior_decimals,
        this_year.prior_actual_printed as prior_printed,
        previous.next_plan as previous_next_plan_value, previous.next_plan_decimals as previous_next_plan_decimals,
        previous.next_plan_printed as previous_next_plan_printed,
        previous.estimate as previous_estimate_value, previous.estimate_decimals as previous_estimate_decimals,
        previous.estimate_printed as previous_estimate_printed
    from appendix as this_year
    inner join appendix as previous
        on previous.area_code = this_year.area_code
        and previous.plan_year = this_year.plan_year - 1
        and previous.measure_code = this_year.measure_code
),

compared as (
    select
        area_code, plan_year, measure_code, document, source_ref, batch_id, row_order,
        previous_document, previous_source_ref, previous_plan_year,
        'plan' as figure,
        plan_printed as printed_text,
        plan_value::double as printed_value,
        plan_decimals as printed_decimals,
        previous_next_plan_printed as previous_text,
        {{ interval_lo('previous_next_plan_value', 'previous_next_plan_decimals') }} as expected_low,
        {{ interval_hi('previous_next_plan_value', 'previous_next_plan_decimals') }} as expected_high,
        case
            when {{ intervals_meet(interval_lo('plan_value', 'plan_decimals'), interval_hi('plan_value', 'plan_decimals'),
                                   interval_lo('previous_next_plan_value', 'previous_next_plan_decimals'),
                                   interval_hi('previous_next_plan_value', 'previous_next_plan_decimals')) }}
                then 'same_plan'
            else 'plan_differs'
        end as outcome
    from pairs
    where plan_value is not null and previous_next_plan_value is not null

    union all

    select
        area_code, plan_year, measure_code, document, source_ref, batch_id, row_order,
        previous_document, previous_source_ref, previous_plan_year,
        'prior_actual' as figure,
        prior_printed as printed_text,
        prior_value::double as printed_value,
        prior_decimals as printed_decimals,
        previous_estimate_printed as previous_text,
        {{ interval_lo('previous_estimate_value', 'previous_estimate_decimals') }} as expected_low,
        {{ interval_hi('previous_estimate_value', 'previous_estimate_decimals') }} as expected_high,
        case
            when {{ intervals_meet(interval_lo('prior_value', 'prior_decimals'), interval_hi('prior_value', 'prior_decimals'),
                                   interval_lo('previous_estimate_value', 'previous_estimate_decimals'),
                                   interval_hi('previous_estimate_value', 'previous_estimate_decimals')) }}
                then 'same_as_estimate'
            else 'later_final_figure'
        end as outcome
    from pairs
    where prior_value is not null and previous_estimate_value is not null
),

final as (
    select
        compared.area_code,
        compared.plan_year,
        compared.measure_code,
        measures.measure_name,
        measures.sort_order,
        compared.figure,
        {{ figure_vi('compared.figure') }} as figure_vi,
        {{ figure_en('compared.figure') }} as figure_en,
        compared.printed_text,
        compared.printed_value,
        compared.printed_decimals,
        compared.previous_text,
        compared.expected_low,
        compared.expected_high,
        compared.outcome,
        compared.previous_plan_year,
        compared.previous_document,
        compared.previous_source_ref,
        compared.document,
        compared.source_ref,
        compared.batch_id,
        compared.row_order
    from compared
    inner join measures using (measure_code)
)

select * from final
