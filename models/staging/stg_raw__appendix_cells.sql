with

source as (
    select * from {{ source('raw', 'appendix_cells') }}
),

renamed as (
    select
        batch_id,
        row_order,
        column_role,
        header_label,
        printed,
        value,
        decimals
    from source
)

select * from renamed
