-- Which catalog sets apply to which area and five-year plan period (seed catalog_assignments):
-- a set can be assigned to several area-periods (rows shared between provinces without copying),
-- and an area-period can draw on several sets.
with

assignments as (
    select * from {{ ref('catalog_assignments') }}
),

sets as (
    select * from {{ ref('catalog_sets') }}
),

renamed as (
    select
        assignments.area_code,
        assignments.period_start_year,
        assignments.period_end_year,
        assignments.period_start_year || '-' || assignments.period_end_year as plan_period,
        assignments.catalog_set,
        sets.description_vi as catalog_set_description_vi
    from assignments
    inner join sets using (catalog_set)
)

select * from renamed
