with

source as (
    select * from {{ source('raw', 'appendix_rows') }}
),

renamed as (
    select
        batch_id,
        row_order,
        source_line,
        source_ref,
        tt,
        name as name_printed,
        {{ name_key('name') }} as name_key,
        unit as unit_printed,
        note,
        parent_row_order
    from source
)

select * from renamed
