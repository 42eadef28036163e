-- Gaps in the monthly reporting of an area (issue 13), one row per gap:
--   * month_without_report: a month between the area's first and last report whose prose
--     states figures, for which no such report is loaded;
--   * indicator_stopped: an indicator that was being reported (stated, in any measure, in at
--     least two and at least half of the area's reports before its last two) and that neither
--     of the last two reports states.
-- A report's month is its report date's (int_report_dates).
-- incremental by province: an incremental build recomputes the provinces of stg_build_state__scope (macros/incremental.sql)
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

figures as (
    select * from {{ ref('int_reported_figures') }}
    where status = 'ok'
),

report_dates as (
    select * from {{ ref('int_report_dates') }}
),

reports as (
    select distinct
        figures.area_code,
        figures.document,
        date_trunc('month', report_dates.report_date)::date as report_month
    from figures
    inner join report_dates using (batch_id)
),

span as (
    select area_code, min(report_month) as first_month, max(report_month) as last_month
    from reports
    group by all
),

months as (
    select span.area_code, t.month::date as report_month
    from span, unnest(generate_series(span.first_month, span.last_month, interval 1 month)) as t(month)
),

missing_months as (
    select
        months.area_code,
        year(months.report_month) as plan_year,
        null::varchar as measure_code,
        null::varchar as indicator_name,
        'report ' || strftime(months.report_month, '%m/%Y') as figure,
        strftime(months.report_month, '%m/%Y') as printed_text,
        null::varchar as document,
        null::varchar as source_ref,
        null::varchar as last_document,
        'month_without_report' as outcome
    from months
    anti join reports using (area_code, report_month)
),

-- the area's reports, latest first
ranked_reports as (
    select
        *,
        row_number() over (partition by area_code order by report_month desc, document desc) as recency,
        count(*) over (partition by area_code) as reports
    from reports
),

stated as (
    select distinct
        figures.area_code,
        figures.indicator_code,
        figures.indicator_name,
        ranked_reports.document,
        ranked_reports.report_month,
        ranked_reports.recency,
        ranked_reports.reports
    from figures
    inner join ranked_reports using (area_code, document)
    where figures.indicator_code is not null
),

stopped as (
    select
        area_code,
        year(max(report_month)) as plan_year,
        indicator_code as measure_code,
        any_value(indicator_name) as indicator_name,
        'last stated ' || strftime(max(report_month), '%m/%Y') as figure,
        strftime(max(report_month), '%m/%Y') as printed_text,
        arg_min(document, recency) as document,
        null::varchar as source_ref,
        arg_min(document, recency) as last_document,
        'indicator_stopped' as outcome
    from stated
    group by area_code, indicator_code
    having min(recency) > 2
        and count(distinct document) >= 2
        and count(distinct document) * 2 >= any_value(reports) - 2
)

select * from (
    select * from missing_months
    union all by name
    select * from stopped
)
where {{ in_build_scope() }}
