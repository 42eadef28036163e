-- The indicator catalog as analysts see it: one row per area x five-year plan period x measure
-- or heading of the biểu.  confirmed rows come from the catalog sets assigned to the area and
-- period (seeds); provisional rows are the ones no catalog knows yet, derived from the tables
-- loaded (int_provisional_measures), until the department confirms them.
with

measures as (
    select * from {{ ref('int_measures') }}
),

assignments as (
    select * from {{ ref('stg_catalog__assignments') }}
),

provisional_periods as (
    select distinct area_code, period_start_year, measure_code
    from {{ ref('int_appendix_rows_matched') }}
    where catalog_status = 'provisional'
),

applied as (
    select assignments.area_code, assignments.period_start_year, assignments.period_end_year, measures.measure_code
    from assignments
    inner join measures using (catalog_set)
    where measures.catalog_status = 'confirmed'
    union all
    select area_code, period_start_year, period_start_year + 4, measure_code
    from provisional_periods
)

select
    applied.area_code,
    applied.period_start_year || '-' || applied.period_end_year as plan_period,
    applied.period_start_year,
    applied.period_end_year,
    measures.measure_code,
    measures.catalog_status,
    measures.catalog_set,
    measures.indicator_no,
    measures.parent_measure_code,
    measures.is_indicator_root,
    measures.group_code,
    measures.group_name_vi,
    measures.sort_order,
    measures.tt,
    measures.measure_name,
    measures.unit,
    measures.kind,
    measures.direction,
    measures.children_relation,
    measures.review_factor::decimal(6, 2) as review_factor
from applied
inner join measures using (measure_code)
