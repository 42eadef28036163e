-- Amounts stated in prose for an area, indicator and period, each converted to the indicator's
-- unit, with the kind of period and the report's place among the reports that state the same
-- period (its vintage). Feeds fct_monthly_series, fct_period_progress's expected share and the
-- monthly checks. A province's rows depend on its own documents only: incremental by province.
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

figures as (
    select * from {{ ref('int_reported_figures') }}
    where status = 'ok'
        and measure = 'value'
        and value_type in ('actual', 'estimate')
        and indicator_code is not null
        and period_year is not null
        and month_to is not null
        -- only the area's own figures (not the nation's or the world's)
        and scope = 'province'
        and {{ in_build_scope() }}
),

report_dates as (
    select batch_id, report_date from {{ ref('int_report_dates') }}
),

indicators as (
    select * from {{ ref('stg_catalog__indicators') }}
),

unit_factors as (
    select * from {{ ref('int_unit_factors') }}
),

classified as (
    select
        figures.* exclude (period_kind),
        figures.period_kind as stated_period_kind,
        -- the extractor's period kind; from the months when it gives none
        coalesce(figures.period_kind, case
            when figures.month_from is null then 'balance'
            when figures.month_from = figures.month_to then 'month'
            when figures.month_from = 1 and figures.month_to = 12 then 'year'
            when figures.month_from = 1 then 'cumulative'
            when figures.month_to - figures.month_from = 2 and figures.month_from in (4, 7, 10) then 'quarter'
            else 'other'
        end) as period_kind,
        report_dates.report_date
    from figures
    inner join report_dates using (batch_id)
),

converted as (
    select
        classified.*,
        indicators.unit as indicator_unit,
        indicators.kind as indicator_kind,
        factor.factor as unit_factor,
        classified.value::double * factor.factor as value_in_indicator_unit,
        -- flows of amounts and counts add up over months; rates and indices do not
        (indicators.kind in ('level', 'count', 'increment') and indicators.unit <> '%') as is_additive
    from classified
    inner join indicators using (indicator_code)
    left join unit_factors as factor
        on factor.from_unit_key = lower(nfc_normalize(classified.unit))
        and factor.to_unit_key = lower(nfc_normalize(indicators.unit))
),

-- a report stating the same figure twice (a summary and a section) counts once: its first statement
first_in_document as (
    select * from converted
    qualify row_number() over (
        partition by batch_id, indicator_code, period_year, month_from, month_to
        order by fact_no
    ) = 1
)

select
    *,
    row_number() over same_period as vintage,
    count(*) over (partition by area_code, indicator_code, period_year, month_from, month_to) as vintages
from first_in_document
window same_period as (
    partition by area_code, indicator_code, period_year, month_from, month_to
    order by report_date, value_type = 'actual', document
)
