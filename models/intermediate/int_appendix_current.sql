-- The appendix that speaks for each province and plan year: when several documents carry
-- the table of the same year (report text, the department's XLSX, a CSV), the one loaded
-- last is authoritative; the others stay in int_appendix_rows_matched for cross-checks.
-- A measure printed twice in that document keeps its first row here, so that the marts stay
-- one row per measure and `dbt build` passes; both rows are reported by `ktxh check`
-- (duplicate_measure_row, an error) from int_appendix_rows_matched.
with

matched as (
    select * from {{ ref('int_appendix_rows_matched') }}
),

authoritative as (
    select area_code, plan_year, batch_id
    from matched
    group by area_code, plan_year, batch_id
    qualify row_number() over (
        partition by area_code, plan_year order by max(loaded_at) desc, batch_id desc
    ) = 1
)

select matched.*
from matched
inner join authoritative using (area_code, plan_year, batch_id)
qualify matched.measure_code is null
    or row_number() over (partition by matched.batch_id, matched.measure_code order by matched.row_order) = 1
