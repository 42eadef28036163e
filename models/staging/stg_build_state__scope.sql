-- The provinces an incremental build recomputes: those with a batch (document version) added,
-- replaced or removed since the last build ktxh recorded in build_state.built. Derived here, not
-- written by ktxh, so that a `dbt build` run on its own after `ktxh ingest` recomputes them too.
-- Ignored in a full build (the incremental models then compute every province).
with

batches as (
    select batch_id, area_code from {{ source('raw', 'load_batches') }}
),

built as (
    select batch_id, area_code from {{ source('build_state', 'built') }}
),

changed as (
    (select * from batches except select * from built)
    union all
    (select * from built except select * from batches)
),

renamed as (
    select distinct area_code from changed
)

select * from renamed
