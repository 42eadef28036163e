-- The confirmed indicator catalog (seed indicator_catalog): every measure of every catalog set,
-- joined to its group.  Which area and plan period a set applies to is stg_catalog__assignments.
with

catalog as (
    select * from {{ ref('indicator_catalog') }}
),

groups as (
    select * from {{ ref('indicator_groups') }}
),

renamed as (
    select
        catalog.catalog_set,
        catalog.measure_code,
        catalog.indicator_no,
        catalog.parent_code as parent_measure_code,
        catalog.group_code,
        groups.group_tt,
        groups.group_name_vi,
        groups.group_order,
        catalog.sort_order,
        coalesce(catalog.tt, '') as tt,
        catalog.name_vi as measure_name,
        coalesce(catalog.unit, '') as unit,
        catalog.kind,
        catalog.direction,
        catalog.children_relation,
        coalesce(catalog.trong_do, '') as trong_do,
        catalog.review_factor,
        catalog.parent_code is null as is_indicator_root
    from catalog
    left join groups using (group_code)
)

select * from renamed
