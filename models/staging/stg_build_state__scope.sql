-- The provinces an incremental build recomputes (written by ktxh before dbt runs: those whose
-- documents were loaded, replaced or removed since the last build); empty in a full build.
with

source as (
    select * from {{ source('build_state', 'scope') }}
),

renamed as (
    select area_code from source
)

select * from renamed
