-- Figures stated in prose joined to their document and indicator (fct_reported_figures reads this;
-- the checks read it too, so they do not depend on a mart).
with

facts as (
    select * from {{ ref('stg_raw__prose_facts') }}
),

batches as (
    select * from {{ ref('stg_raw__load_batches') }}
),

indicators as (
    select * from {{ ref('stg_catalog__indicators') }}
),

final as (
    select
        batches.area_code,
        batches.document,
        facts.fact_no,
        facts.sentence_no,
        facts.sentence,
        facts.line,
        facts.span_start,
        facts.span_end,
        facts.claim_no,
        facts.subject,
        facts.indicator_code,
        indicators.indicator_name,
        coalesce(indicators.in_appendix, false) as in_appendix,
        facts.period_year,
        facts.month_from,
        facts.month_to,
        facts.printed,
        facts.value,
        facts.decimals,
        facts.unit,
        facts.value_type,
        facts.basis,
        facts.measure,
        facts.status,
        facts.batch_id
    from facts
    inner join batches using (batch_id)
    left join indicators using (indicator_code)
)

select * from final
