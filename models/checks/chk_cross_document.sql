-- One document against another of the same province and year: when several documents carry
-- the same appendix (the report's text, the department's XLSX or CSV), every figure of the
-- others is compared with the authoritative one (the one loaded last) for each measure row
-- both carry, precision-aware: two printings agree when their intervals meet (57,19 and
-- 57,1900 agree; 57,19 and 57,91 do not).  A figure printed in one and blank in the other
-- also disagrees.
{% set roles = column_role_names() %}

with

rows_matched as (
    select * from {{ ref('int_appendix_rows_matched') }}
    where row_kind = 'measure'
),

authoritative as (
    select distinct area_code, plan_year, batch_id from {{ ref('int_appendix_current') }}
),

measures as (
    select * from {{ ref('int_measures') }}
),

paired as (
    select
        other.*,
        {% for role in roles %}
        main.{{ role }} as main_{{ role }},
        main.{{ role }}_printed as main_{{ role }}_printed,
        main.{{ role }}_decimals as main_{{ role }}_decimals,
        {% endfor %}
        main.document as authoritative_document,
        main.source_ref as authoritative_source_ref
    from rows_matched as other
    inner join authoritative as main_batch
        on main_batch.area_code = other.area_code
        and main_batch.plan_year = other.plan_year
        and main_batch.batch_id <> other.batch_id
    inner join rows_matched as main
        on main.batch_id = main_batch.batch_id
        and main.measure_code = other.measure_code
),

compared as (
    {% for role in roles %}
    select
        area_code, plan_year, measure_code, document, source_ref, batch_id, row_order,
        authoritative_document, authoritative_source_ref,
        '{{ role }}' as figure,
        coalesce({{ role }}_printed, '') as printed_text,
        {{ role }}::double as printed_value,
        {{ role }}_decimals as printed_decimals,
        coalesce(main_{{ role }}_printed, '') as authoritative_text,
        {{ interval_lo('main_' ~ role, 'main_' ~ role ~ '_decimals') }} as expected_low,
        {{ interval_hi('main_' ~ role, 'main_' ~ role ~ '_decimals') }} as expected_high,
        case
            when {{ role }} is null and main_{{ role }} is null then 'both_blank'
            when {{ role }} is null or main_{{ role }} is null then 'blank_in_one'
            when {{ intervals_meet(interval_lo(role, role ~ '_decimals'), interval_hi(role, role ~ '_decimals'),
                                   interval_lo('main_' ~ role, 'main_' ~ role ~ '_decimals'),
                                   interval_hi('main_' ~ role, 'main_' ~ role ~ '_decimals')) }} then 'same'
            else 'differs'
        end as outcome
    from paired
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
        compared.authoritative_text,
        compared.expected_low,
        compared.expected_high,
        compared.outcome,
        compared.authoritative_document,
        compared.authoritative_source_ref,
        compared.document,
        compared.source_ref,
        compared.batch_id,
        compared.row_order
    from compared
    inner join measures using (measure_code)
    where compared.outcome <> 'both_blank'
)

select * from final
