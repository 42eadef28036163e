-- The indicator catalog as analysts see it: one row per measure or heading of the biểu.
select
    measure_code,
    indicator_no,
    parent_measure_code,
    is_indicator_root,
    group_code,
    group_name_vi,
    sort_order,
    tt,
    measure_name,
    unit,
    kind,
    direction,
    children_relation,
    review_factor::decimal(6, 2) as review_factor
from {{ ref('stg_catalog__measures') }}
