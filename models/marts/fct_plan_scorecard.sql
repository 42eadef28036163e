-- The headline count ("13/17 chỉ tiêu đạt và vượt") under an explicit rule, per province and plan year.
with

assessment as (
    select * from {{ ref('fct_indicator_assessment') }}
),

scored as (
    select
        area_code,
        any_value(area_name) as area_name,
        plan_year,
        rule,
        count(*) as indicators_assessed,
        count(*) filter (where is_met) as indicators_met,
        list(indicator_no order by indicator_no) filter (where not is_met) as indicators_missed,
        flatten(list(missed_measures order by indicator_no) filter (where not is_met)) as missed_measures,
        list(indicator_name order by indicator_no) filter (where not is_met) as indicators_missed_names,
        flatten(list(missed_measure_names order by indicator_no) filter (where not is_met)) as missed_measure_names
    from assessment
    group by all
)

select * from scored
