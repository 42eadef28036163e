-- Every measure a table row can be matched to, one row per code: the confirmed catalog
-- (seeds, by catalog set) and the provisional measures derived from rows no catalog knows.
-- Checks and marts read measures from here; dim_measures shows which area and plan period
-- each applies to.
with

confirmed as (
    select
        *,
        'confirmed' as catalog_status,
        null::varchar as area_code
    from {{ ref('stg_catalog__measures') }}
),

groups as (
    select * from {{ ref('indicator_groups') }}
),

provisional as (
    select
        null::varchar as catalog_set,
        provisional.measure_code,
        provisional.indicator_no,
        provisional.parent_measure_code,
        provisional.group_code,
        groups.group_tt,
        coalesce(groups.group_name_vi, provisional.group_name_vi) as group_name_vi,
        groups.group_order,
        provisional.sort_order,
        coalesce(provisional.tt, '') as tt,
        provisional.measure_name,
        coalesce(provisional.unit, '') as unit,
        provisional.kind,
        provisional.direction,
        provisional.children_relation,
        '' as trong_do,
        provisional.review_factor,
        provisional.parent_measure_code is null as is_indicator_root,
        'provisional' as catalog_status,
        provisional.area_code
    from {{ ref('int_provisional_measures') }} as provisional
    left join groups using (group_code)
),

measures as (
    select * from confirmed
    union all by name
    select * from provisional
),

-- the indicator's own row: up the parent chain (the biểu nests at most three deep)
rooted as (
    select
        measures.*,
        coalesce(grandparent.parent_measure_code, parent.parent_measure_code, measures.parent_measure_code, measures.measure_code)
            as root_measure_code
    from measures
    left join measures as parent on parent.measure_code = measures.parent_measure_code
    left join measures as grandparent on grandparent.measure_code = parent.parent_measure_code
)

select * from rooted
