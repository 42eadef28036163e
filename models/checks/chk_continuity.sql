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
        this_year.*,
        previous.document as previous_document,
        previous.source_ref as previous_source_ref,
        previous.plan_year as previous_plan_year,
        previous.next_plan as previous_next_plan, previous.next_plan_decimals as previous_next_plan_decimals,
        previous.next_plan_printed as previous_next_plan_printed,
        previous.estimate as previous_estimate, previous.estimate_decimals as previous_estimate_decimals,
        previous.estimate_printed as previous_estimate_printed
    from appendix as this_year
    inner join appendix as previous
        on previous.area_code = this_year.area_code
        and previous.plan_year = this_year.plan_year - 1
        and previous.measure_code = this_year.measure_code
),

{#- (this year's figure, the previous report's figure it continues, outcome when the
    intervals meet, outcome when they do not) -#}
{% set continued = [
    ('plan', 'next_plan', 'same_plan', 'plan_differs'),
    ('prior_actual', 'estimate', 'same_as_estimate', 'later_final_figure'),
] %}

compared as (
    {% for figure, previous, same, different in continued %}
    select
        area_code, plan_year, measure_code, document, source_ref, batch_id, row_order,
        previous_document, previous_source_ref, previous_plan_year,
        '{{ figure }}' as figure,
        {{ figure }}_printed as printed_text,
        {{ figure }}::double as printed_value,
        {{ figure }}_decimals as printed_decimals,
        previous_{{ previous }}_printed as previous_text,
        {{ interval_lo('previous_' ~ previous, 'previous_' ~ previous ~ '_decimals') }} as expected_low,
        {{ interval_hi('previous_' ~ previous, 'previous_' ~ previous ~ '_decimals') }} as expected_high,
        case
            when {{ intervals_meet(interval_lo(figure, figure ~ '_decimals'), interval_hi(figure, figure ~ '_decimals'),
                                   interval_lo('previous_' ~ previous, 'previous_' ~ previous ~ '_decimals'),
                                   interval_hi('previous_' ~ previous, 'previous_' ~ previous ~ '_decimals')) }}
                then '{{ same }}'
            else '{{ different }}'
        end as outcome
    from pairs
    where {{ figure }} is not null and previous_{{ previous }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
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
