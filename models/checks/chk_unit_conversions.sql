-- Every figure stated in prose about a catalog measure, in a unit that must be converted to
-- the catalog's (appendix) unit before it can be set against the plan: outcome 'no_conversion'
-- when seeds/unit_conversions.csv cannot convert the pair, so fct_period_progress and
-- fct_plan_reconciliation keep the figure without a plan, and this says so.
-- incremental by province: an incremental build recomputes the provinces of stg_build_state__scope (macros/incremental.sql)
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

figures as (
    select * from {{ ref('int_reported_figures') }}
    where status = 'ok' and measure = 'value' and in_appendix and unit is not null
),

measures as (
    select * from {{ ref('stg_catalog__measures') }}
),

unit_factors as (
    select * from {{ ref('int_unit_factors') }}
),

paired as (
    select
        figures.area_code,
        figures.period_year as plan_year,
        figures.indicator_code as measure_code,
        'unit' as figure,
        figures.value::double as printed_value,
        figures.printed as printed_text,
        figures.document,
        'line ' || figures.line as source_ref,
        figures.unit,
        measures.unit as catalog_unit,
        figures.sentence,
        case when factor.factor is null then 'no_conversion' else 'converted' end as outcome
    from figures
    inner join measures on measures.measure_code = figures.indicator_code
    left join unit_factors as factor
        on {{ unit_factor_matches('factor', 'measures.unit', 'figures.unit') }}
)

select * from paired
where {{ in_build_scope() }}
