with

source as (
    select * from {{ source('raw', 'prose_facts') }}
),

renamed as (
    select
        batch_id,
        fact_no,
        sentence_no,
        sentence,
        line,
        span_start,
        span_end,
        claim_no,
        subject,
        subject_term,
        indicator_code as read_indicator_code,  -- the extractor's reading; the catalog decides in int_reported_figures
        period_year,
        month_from,
        month_to,
        printed,
        value,
        decimals,
        unit,
        value_type,
        basis,
        measure,
        status,
        coalesce(period_kind, case
            when month_from is null then 'multi_year'
            when month_from = month_to then 'month'
            when month_from = 1 and month_to = 12 then 'year'
            else 'cumulative'
        end) as period_kind,
        coalesce(scope, 'province') as scope,
        balance_date,
        compared_date,
        document_kind
    from source
)

select * from renamed
