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
        indicator_code,
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
        status
    from source
)

select * from renamed
