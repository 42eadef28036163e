-- Measures no catalog knows yet, one row per provisional code, described from the rows that
-- printed them (the latest loaded document first): the printed name, the unit (the unit column,
-- else a unit in the name), kind and direction inferred from the wording, the unit and the
-- printed plan (macros/catalog.sql), and the parent from the table's outline (TT markers,
-- "trong đó:", "-" rows).  `ktxh catalog draft` writes these as catalog rows for review.
with

rows_matched as (
    select * from {{ ref('int_appendix_rows_matched') }}
),

confirmed as (
    select * from {{ ref('stg_catalog__measures') }}
),

provisional_rows as (
    select * from rows_matched where catalog_status = 'provisional'
),

latest as (
    select *
    from provisional_rows
    qualify row_number() over (
        partition by measure_code order by loaded_at desc, batch_id desc, row_order
    ) = 1
),

plan_forms as (
    select measure_code, list(distinct form) filter (where form is not null) as plan_forms
    from (
        select measure_code, plan_form as form from provisional_rows
        union all
        select measure_code, next_plan_form from provisional_rows
    )
    group by measure_code
),

children as (
    select distinct printed_parent_code as measure_code from rows_matched where printed_parent_code is not null
),

described as (
    select
        latest.measure_code,
        latest.area_code,
        latest.printed_indicator_no as indicator_no,
        latest.printed_parent_code as parent_measure_code,
        latest.tt,
        latest.name_printed as measure_name,
        latest.name_key,
        latest.row_order * 10 as sort_order,
        latest.group_name_printed as group_name_vi,
        case
            when {{ name_key('latest.group_name_printed') }} like '%kinh te%' then 'economic'
            when {{ name_key('latest.group_name_printed') }} similar to '.*(xa hoi|van hoa).*' then 'socio_cultural'
            when {{ name_key('latest.group_name_printed') }} like '%moi truong%' then 'environment'
        end as group_code,
        coalesce(nullif(trim(latest.unit_printed), ''), {{ unit_from_name('latest.name_printed') }}) as unit,
        latest.n_values,
        children.measure_code is not null as has_children,
        coalesce(plan_forms.plan_forms, []) as plan_forms,
        latest.plan_year,
        latest.document,
        latest.source_ref
    from latest
    left join plan_forms using (measure_code)
    left join children using (measure_code)
),

kinded as (
    select
        *,
        case
            when n_values = 0 and has_children then 'heading'
            else {{ provisional_kind('measure_name', 'unit') }}
        end as own_kind
    from described
),

final as (
    select
        kinded.measure_code,
        kinded.area_code,
        kinded.indicator_no,
        kinded.parent_measure_code,
        kinded.group_code,
        kinded.group_name_vi,
        kinded.sort_order,
        kinded.tt,
        kinded.measure_name,
        kinded.unit,
        -- a % sub-row of a growth rate ("- Dịch vụ (%)" under GRDP growth) is a growth rate too
        case
            when kinded.own_kind in ('rate', 'level') and kinded.unit in ('%', '')
                 and coalesce(confirmed_parent.kind, provisional_parent.own_kind) = 'growth_rate' then 'growth_rate'
            else kinded.own_kind
        end as kind,
        kinded.plan_forms,
        case when kinded.has_children then 'not_additive' end as children_relation,
        kinded.plan_year,
        kinded.document,
        kinded.source_ref
    from kinded
    left join confirmed as confirmed_parent on confirmed_parent.measure_code = kinded.parent_measure_code
    left join kinded as provisional_parent on provisional_parent.measure_code = kinded.parent_measure_code
)

select
    * exclude (plan_forms),
    case when kind = 'heading' then null else {{ provisional_direction('measure_name', 'kind', 'plan_forms') }} end as direction,
    case when kind = 'heading' then null when kind = 'rate' then 1.5 else 3 end as review_factor
from final
