-- Every provisional measure (a row no catalog of its area and plan period knows), once, with
-- where it was last printed: `ktxh check` lists each as an info finding, `ktxh catalog draft`
-- writes them as catalog rows for the department to review and add to the seeds.
with

provisional as (
    select * from {{ ref('int_provisional_measures') }}
)

select
    area_code,
    plan_year,
    measure_code,
    measure_name,
    unit,
    kind,
    direction,
    parent_measure_code,
    document,
    source_ref,
    'provisional' as catalog_status
from provisional
