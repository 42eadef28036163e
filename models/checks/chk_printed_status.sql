-- The province's own verdict in "Ghi chú" (Đạt / Vượt … / Không đạt) against ktxh's status,
-- for every row of the authoritative appendix that prints one.  Đạt means the plan was reached:
-- it agrees with met and exceeded; Vượt agrees with exceeded only; Không đạt / Chưa đạt with missed.
with

facts as (
    select * from {{ ref('int_plan_attainment') }}
    where printed_verdict is not null
)

select
    area_code,
    plan_year,
    measure_code,
    measure_name_printed,
    estimate,
    plan_text,
    status,
    printed_status,
    printed_verdict,
    case
        when status = 'not_assessed' then 'not_compared'
        when printed_verdict = 'reached' and status in ('met', 'exceeded') then 'agrees'
        when printed_verdict = status then 'agrees'
        else 'disagrees'
    end as outcome,
    document,
    source_ref
from facts
