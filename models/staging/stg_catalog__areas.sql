-- Province codes over time (seed areas, built from vietnamadminunits and vietnam-provinces by
-- ingest/areas_seed.py): each code with its official name, validity, and the province it
-- belongs to today.
with

source as (
    select * from {{ ref('areas') }}
),

renamed as (
    select
        area_code,
        area_name,
        valid_from,
        valid_to,
        era,
        current_area_code,
        current_area_name
    from source
)

select * from renamed
