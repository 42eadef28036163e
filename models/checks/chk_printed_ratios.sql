-- Every printed ratio of the authoritative appendix (columns 7=6/4, 8=6/5, 10=9/6) against
-- what its operands allow, precision-aware: each printed figure stands for the interval of
-- values that round to it, the ratio's interval is computed from the operands' intervals,
-- and a printed ratio is inconsistent only when its own interval cannot meet that one.
-- Growth rates may carry the growth index instead ((100 + estimate) / (100 + plan) x 100,
-- and 100 + g against the previous or next year): a match there is a convention, not an error.
{% set ratios = [] %}
{% for r in column_roles('ratio') %}{% do ratios.append((r.column_role, r.numerator_role, r.denominator_role)) %}{% endfor %}

with

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

measures as (
    select * from {{ ref('int_measures') }}
),

printed as (
    {% for figure, numerator, denominator in ratios %}
    select
        appendix.area_code,
        appendix.plan_year,
        appendix.measure_code,
        measures.measure_name,
        measures.kind,
        measures.sort_order,
        appendix.document,
        appendix.source_ref,
        appendix.batch_id,
        appendix.row_order,
        '{{ figure }}' as figure,
        {{ figure_vi("'" ~ figure ~ "'") }} as figure_vi,
        {{ figure_en("'" ~ figure ~ "'") }} as figure_en,
        appendix.{{ figure }}_printed as printed_text,
        appendix.{{ figure }}::double as printed_value,
        appendix.{{ figure }}_decimals as printed_decimals,
        appendix.{{ numerator }}_printed as numerator_text,
        appendix.{{ numerator }}::double as numerator,
        appendix.{{ numerator }}_decimals as numerator_decimals,
        appendix.{{ denominator }}_printed as denominator_text,
        appendix.{{ denominator }}::double as denominator,
        appendix.{{ denominator }}_decimals as denominator_decimals
    from appendix
    inner join measures using (measure_code)
    where appendix.{{ figure }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

bounds as (
    select
        *,
        {{ interval_lo('printed_value', 'printed_decimals') }} as printed_lo,
        {{ interval_hi('printed_value', 'printed_decimals') }} as printed_hi,
        {{ interval_lo('numerator', 'numerator_decimals') }} as numerator_lo,
        {{ interval_hi('numerator', 'numerator_decimals') }} as numerator_hi,
        {{ interval_lo('denominator', 'denominator_decimals') }} as denominator_lo,
        {{ interval_hi('denominator', 'denominator_decimals') }} as denominator_hi
    from printed
),

recomputed as (
    select
        *,
        100 * {{ interval_div_lo('numerator_lo', 'numerator_hi', 'denominator_lo', 'denominator_hi') }} as plain_lo,
        100 * {{ interval_div_hi('numerator_lo', 'numerator_hi', 'denominator_lo', 'denominator_hi') }} as plain_hi,
        -- the growth index: the ratio of the levels the growth rates imply
        case
            when kind <> 'growth_rate' then null
            when figure = 'pct_of_plan'
                then 100 * {{ interval_div_lo('100 + numerator_lo', '100 + numerator_hi', '100 + denominator_lo', '100 + denominator_hi') }}
            else 100 + numerator_lo
        end as index_lo,
        case
            when kind <> 'growth_rate' then null
            when figure = 'pct_of_plan'
                then 100 * {{ interval_div_hi('100 + numerator_lo', '100 + numerator_hi', '100 + denominator_lo', '100 + denominator_hi') }}
            else 100 + numerator_hi
        end as index_hi,
        greatest(printed_decimals + 1, 2) as shown_decimals
    from bounds
),

judged as (
    select
        *,
        coalesce({{ intervals_meet('printed_lo', 'printed_hi', 'plain_lo', 'plain_hi') }}, false) as matches_plain,
        coalesce({{ intervals_meet('printed_lo', 'printed_hi', 'index_lo', 'index_hi') }}, false) as matches_index
    from recomputed
),

described as (
    select
        *,
        case
            when matches_plain then 'consistent'
            when matches_index then 'growth_index'
            when numerator is null or (denominator is null and index_lo is null) then 'operand_missing'
            when plain_lo is null then 'indeterminate'
            else 'inconsistent'
        end as outcome,
        coalesce(numerator_text, '?') || ' / ' || coalesce(denominator_text, '?') || ' × 100' as plain_formula,
        case
            when kind <> 'growth_rate' then null
            when figure = 'pct_of_plan' then '(100 + ' || coalesce(numerator_text, '?') || ') / (100 + ' || coalesce(denominator_text, '?') || ') × 100'
            else '100 + ' || coalesce(numerator_text, '?')
        end as index_formula,
        {{ vn_interval('plain_lo', 'plain_hi', 'shown_decimals') }} as plain_text,
        {{ vn_interval('index_lo', 'index_hi', 'shown_decimals') }} as index_text
    from judged
),

final as (
    select
        area_code,
        plan_year,
        measure_code,
        measure_name,
        kind,
        sort_order,
        figure,
        figure_vi,
        figure_en,
        printed_text,
        printed_value,
        printed_decimals,
        printed_lo,
        printed_hi,
        numerator_text,
        denominator_text,
        plain_lo,
        plain_hi,
        index_lo,
        index_hi,
        matches_plain,
        matches_index,
        outcome,
        case when outcome = 'growth_index' then index_lo else plain_lo end as expected_low,
        case when outcome = 'growth_index' then index_hi else plain_hi end as expected_high,
        -- what the operands give, in words: "80,1 / 69,6 × 100 = 114,93–115,24"
        index_formula || ' = ' || index_text as index_recomputed,
        concat_ws('; ',
            case when plain_formula is not null then plain_formula || ' = ' || coalesce(plain_text, 'không xác định') end,
            case when index_formula is not null then 'chỉ số tăng trưởng ' || index_formula || ' = ' || index_text end
        ) as recomputed_vi,
        concat_ws('; ',
            case when plain_formula is not null then plain_formula || ' = ' || coalesce(plain_text, 'unbounded') end,
            case when index_formula is not null then 'growth index ' || index_formula || ' = ' || index_text end
        ) as recomputed_en,
        document,
        source_ref,
        batch_id,
        row_order
    from described
)

select * from final
