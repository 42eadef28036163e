-- Where a report's prose states a figure against the plan, the plan it implies set against the
-- plan of the year's appendix table, both as intervals set by their printed precision.
-- September 2022: 638,706 triệu USD at 101% KH implies 629,3 to 635,5 against KH 2022 = 631 (agrees).
select * from {{ ref('int_plan_reconciliation') }}
