-- Totals against their parts, by the catalog's children_relation, for each value column
-- (TH năm trước, KH, ước TH, KH năm sau) of the authoritative appendix, precision-aware:
--   sum_complete  the parts must add up to the total: the total's interval must meet the
--                 interval of the parts' sum (each part contributing its own rounding);
--   sum_partial   a "trong đó" breakdown must not exceed the total; what it leaves over
--                 (the residual) is reported.
{% set roles = column_role_names('value') %}

with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

measures as (
    select * from {{ ref('int_measures') }}
),

figures as (
    {% for role in roles %}
    select
        area_code, plan_year, measure_code, document, source_ref, batch_id, row_order,
        '{{ role }}' as figure,
        {{ figure_vi("'" ~ role ~ "'") }} as figure_vi,
        {{ figure_en("'" ~ role ~ "'") }} as figure_en,
        {{ role }}::double as value,
        {{ role }}_decimals as decimals,
        {{ role }}_printed as printed_text
    from appendix
    where {{ role }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

totals as (
    select
        figures.*,
        measures.measure_name,
        measures.sort_order,
        measures.children_relation,
        {{ interval_lo('figures.value', 'figures.decimals') }} as total_lo,
        {{ interval_hi('figures.value', 'figures.decimals') }} as total_hi
    from figures
    inner join measures using (measure_code)
    where measures.children_relation in ('sum_complete', 'sum_partial')
),

expected_parts as (
    select parent_measure_code, count(*) as parts_expected
    from measures
    where parent_measure_code is not null and kind <> 'heading'
    group by parent_measure_code
),

parts as (
    select
        figures.area_code,
        figures.plan_year,
        measures.parent_measure_code,
        figures.figure,
        count(*) as parts_present,
        sum(figures.value) as parts_sum,
        sum({{ interval_lo('figures.value', 'figures.decimals') }}) as parts_lo,
        sum({{ interval_hi('figures.value', 'figures.decimals') }}) as parts_hi,
        max(figures.decimals) as parts_decimals,
        string_agg(figures.printed_text, ' + ' order by measures.sort_order) as parts_text,
        string_agg(figures.measure_code, ', ' order by measures.sort_order) as part_codes
    from figures
    inner join measures using (measure_code)
    where measures.parent_measure_code is not null
    group by all
),

joined as (
    select
        totals.*,
        parts.parts_present,
        expected_parts.parts_expected,
        parts.parts_sum,
        parts.parts_lo,
        parts.parts_hi,
        parts.parts_text,
        parts.part_codes,
        parts.parts_decimals,
        greatest(totals.decimals, parts.parts_decimals) as shown_decimals
    from totals
    inner join parts
        on parts.area_code = totals.area_code
        and parts.plan_year = totals.plan_year
        and parts.parent_measure_code = totals.measure_code
        and parts.figure = totals.figure
    inner join expected_parts on expected_parts.parent_measure_code = totals.measure_code
),

judged as (
    select
        *,
        value - parts_sum as residual,
        total_lo - parts_hi as residual_lo,
        total_hi - parts_lo as residual_hi,
        case
            when children_relation = 'sum_complete' and parts_present < parts_expected then 'parts_incomplete'
            when children_relation = 'sum_complete'
                and {{ intervals_meet('total_lo', 'total_hi', 'parts_lo', 'parts_hi') }} then 'adds_up'
            when children_relation = 'sum_complete' then 'does_not_add_up'
            when parts_lo > total_hi + {{ eps('total_hi') }} then 'parts_exceed_total'
            else 'residual'
        end as outcome
    from joined
),

final as (
    select
        area_code,
        plan_year,
        measure_code,
        measure_name,
        sort_order,
        children_relation,
        figure,
        figure_vi,
        figure_en,
        printed_text,
        value as printed_value,
        decimals as printed_decimals,
        total_lo,
        total_hi,
        parts_present,
        parts_expected,
        part_codes,
        parts_text,
        parts_sum,
        parts_lo,
        parts_hi,
        residual,
        residual_lo,
        residual_hi,
        outcome,
        -- a complete breakdown fixes the total to the parts' interval; a partial one only bounds it below
        parts_lo as expected_low,
        case when children_relation = 'sum_complete' then parts_hi end as expected_high,
        {{ vn_number('parts_sum', 'parts_decimals') }} as parts_sum_text,
        {{ vn_interval('parts_lo', 'parts_hi', 'parts_decimals + 1') }} as parts_interval_text,
        {{ vn_number('residual', 'shown_decimals') }} as residual_text,
        document,
        source_ref,
        batch_id,
        row_order
    from judged
)

select * from final
