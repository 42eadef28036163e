with

source as (
    select * from {{ source('raw', 'load_batches') }}
),

renamed as (
    select
        batch_id,
        content_sha256,
        document,
        source_path,
        document_format,
        area_code,
        area_name,
        plan_year,
        loaded_at,
        report_date,
        report_date_source,
        report_date_precision,
        area_valid_from
    from source
)

select * from renamed
