-- The estimate against the prior year's actual, for review: a figure more than the catalog's
-- review_factor away (estimate / prior above the factor or below its inverse, a change of sign
-- included) is worth a second look.  Precision-aware like every check here: the ratio's interval
-- is computed from both figures' intervals and must lie wholly beyond the factor.
with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure' and estimate is not null and prior_actual is not null
),

measures as (
    select * from {{ ref('int_measures') }}
    where review_factor is not null
),

bounds as (
    select
        appendix.area_code,
        appendix.plan_year,
        appendix.measure_code,
        measures.measure_name,
        measures.kind,
        measures.sort_order,
        measures.review_factor,
        appendix.estimate_printed as printed_text,
        appendix.estimate::double as printed_value,
        appendix.estimate_decimals as printed_decimals,
        appendix.prior_actual_printed as prior_text,
        appendix.prior_actual::double as prior_value,
        {{ interval_lo('appendix.estimate', 'appendix.estimate_decimals') }} as estimate_lo,
        {{ interval_hi('appendix.estimate', 'appendix.estimate_decimals') }} as estimate_hi,
        {{ interval_lo('appendix.prior_actual', 'appendix.prior_actual_decimals') }} as prior_lo,
        {{ interval_hi('appendix.prior_actual', 'appendix.prior_actual_decimals') }} as prior_hi,
        appendix.document,
        appendix.source_ref,
        appendix.batch_id,
        appendix.row_order
    from appendix
    inner join measures using (measure_code)
),

ratios as (
    select
        *,
        {{ interval_div_lo('estimate_lo', 'estimate_hi', 'prior_lo', 'prior_hi') }} as ratio_lo,
        {{ interval_div_hi('estimate_lo', 'estimate_hi', 'prior_lo', 'prior_hi') }} as ratio_hi,
        printed_value / nullif(prior_value, 0) as ratio
    from bounds
),

final as (
    select
        area_code,
        plan_year,
        measure_code,
        measure_name,
        kind,
        sort_order,
        'estimate' as figure,
        {{ figure_vi("'estimate'") }} as figure_vi,
        {{ figure_en("'estimate'") }} as figure_en,
        printed_text,
        printed_value,
        printed_decimals,
        prior_text,
        prior_value,
        review_factor,
        ratio,
        ratio_lo,
        ratio_hi,
        case
            when ratio_lo is null then 'indeterminate'
            when ratio_lo > review_factor or ratio_hi < 1 / review_factor then 'beyond_review_factor'
            else 'within_review_factor'
        end as outcome,
        -- the band [prior / factor, prior x factor] (ordered for a negative prior)
        least(prior_value / review_factor, prior_value * review_factor) as expected_low,
        greatest(prior_value / review_factor, prior_value * review_factor) as expected_high,
        {{ vn_number('review_factor', 1) }} as factor_text,
        case
            when ratio < 0 then 'đổi dấu'
            else 'gấp ' || {{ vn_number('ratio', 2) }} || ' lần'
        end as change_vi,
        case
            when ratio < 0 then 'changes sign'
            else 'is ' || {{ vn_number('ratio', 2) }} || ' times'
        end as change_en,
        document,
        source_ref,
        batch_id,
        row_order
    from ratios
)

select * from final
