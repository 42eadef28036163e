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
        decimals,
        value_low,
        value_high,
        value_form
    from source
)

select * from renamed
