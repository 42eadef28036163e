-- One row per area x indicator x period x vintage: the amounts stated in every report's prose, in
-- the indicator's unit, as stated (a single month, a cumulative period, a year, a quarter, a
-- balance) and, for additive indicators, each single month derived from two consecutive
-- cumulative figures of the same year (1..m minus 1..m-1). A later report's figure for the same
-- period supersedes an earlier one: every vintage is a row, the latest has is_current.
-- incremental by province: an incremental build recomputes the provinces of stg_build_state__scope (macros/incremental.sql)
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

figures as (
    select * from {{ ref('int_monthly_figures') }}
),

stated as (
    select
        area_code,
        indicator_code,
        indicator_name,
        period_year,
        month_from,
        month_to,
        period_kind,
        'stated' as derivation,
        vintage,
        vintage = vintages as is_current,
        value_type,
        printed,
        value as value_stated,
        unit as unit_stated,
        value_in_indicator_unit,
        indicator_unit,
        document,
        report_date,
        fact_no,
        null::varchar as derived_from_document,
        sentence,
        line as source_line,
        decimals
    from figures
),

year_to_date as (
    select * from figures
    where vintage = vintages
        and is_additive
        and month_from = 1
        and value_in_indicator_unit is not null
),

derived as (
    select
        later.area_code,
        later.indicator_code,
        later.indicator_name,
        later.period_year,
        later.month_to as month_from,
        later.month_to,
        'month' as period_kind,
        'derived' as derivation,
        1::bigint as vintage,
        true as is_current,
        case when 'estimate' in (later.value_type, earlier.value_type) then 'estimate' else 'actual' end as value_type,
        null::varchar as printed,
        null::decimal(38, 6) as value_stated,
        null::varchar as unit_stated,
        later.value_in_indicator_unit - earlier.value_in_indicator_unit as value_in_indicator_unit,
        later.indicator_unit,
        later.document,
        later.report_date,
        later.fact_no,
        earlier.document as derived_from_document,
        null::varchar as sentence,
        later.line as source_line,
        null::integer as decimals
    from year_to_date as later
    inner join year_to_date as earlier
        on earlier.area_code = later.area_code
        and earlier.indicator_code = later.indicator_code
        and earlier.period_year = later.period_year
        and earlier.month_to = later.month_to - 1
    where later.month_to >= 2
)

-- amounts at a stated precision: DECIMAL(24, 6), as the raw figures
select * replace (round(value_in_indicator_unit, 6)::decimal(24, 6) as value_in_indicator_unit)
from (
    select * from stated
    union all by name
    select * from derived
)
where {{ in_build_scope() }}
