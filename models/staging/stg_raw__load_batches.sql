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
        area_valid_from
    from source
)

select * from renamed
