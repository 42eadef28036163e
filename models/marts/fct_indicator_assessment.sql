-- Each of the 17 indicators judged under the two counting rules the department may use:
--   all_measures: met only if every measure row under it with a plan and an estimate is met or exceeded;
--   headline:     judged on its own row when that row carries values, otherwise on its direct sub-rows.
with

facts as (
    select * from {{ ref('fct_plan_attainment') }}
),

measures as (
    select * from {{ ref('int_measures') }}
),

roots as (
    select measure_code as root_code, measure_name as indicator_name from measures
),

assessed as (
    select facts.*, measures.root_measure_code as root_code, roots.indicator_name
    from facts
    inner join measures using (measure_code)
    left join roots on roots.root_code = measures.root_measure_code
    where facts.status <> 'not_assessed'
),

root_has_values as (
    select area_code, plan_year, indicator_no
    from assessed
    where measure_code = root_code
),

ruled as (
    select 'all_measures' as rule, assessed.* from assessed
    union all by name
    select 'headline' as rule, assessed.*
    from assessed
    left join root_has_values using (area_code, plan_year, indicator_no)
    where (root_has_values.indicator_no is not null and assessed.measure_code = assessed.root_code)
       or (root_has_values.indicator_no is null and assessed.parent_measure_code = assessed.root_code)
),

judged as (
    select
        area_code,
        any_value(area_name) as area_name,
        plan_year,
        rule,
        indicator_no,
        any_value(indicator_name) as indicator_name,
        count(*) as measures_assessed,
        count(*) filter (where status in ('met', 'exceeded')) as measures_met,
        bool_and(status in ('met', 'exceeded')) as is_met,
        list(measure_code order by sort_order) filter (where status = 'missed') as missed_measures,
        list(measure_name order by sort_order) filter (where status = 'missed') as missed_measure_names
    from ruled
    group by all
)

select * from judged
