-- The plan indicators of the confirmed catalog assigned to each province and plan period (Cao
-- Bằng 2021-2025: 17) for each year that has an appendix: how many of each indicator's catalog
-- measures the authoritative appendix carries with at least one figure.  An indicator with none
-- is missing; a present indicator with some measures missing is noted.  An area-period without
-- a confirmed catalog expects nothing (its rows are provisional measures).
with

appendix as (
    select * from {{ ref('int_appendix_current') }}
),

assignments as (
    select * from {{ ref('stg_catalog__assignments') }}
),

measures as (
    select * from {{ ref('stg_catalog__measures') }}
),

years as (
    select area_code, plan_year, any_value(document) as document, any_value(batch_id) as batch_id
    from appendix
    group by area_code, plan_year
),

-- the confirmed measures each year's area and plan period expects
area_measures as (
    select years.area_code, years.plan_year, measures.*
    from years
    inner join assignments
        on assignments.area_code = years.area_code
        and years.plan_year between assignments.period_start_year and assignments.period_end_year
    inner join measures using (catalog_set)
),

indicators as (
    select area_code, plan_year, indicator_no, measure_code, measure_name, sort_order
    from area_measures
    where is_indicator_root
),

expected as (
    select area_code, plan_year, indicator_no, measure_code, measure_name, sort_order
    from area_measures
    where kind <> 'heading'
),

present as (
    select distinct area_code, plan_year, measure_code
    from appendix
    where row_kind = 'measure' and n_values > 0
),

coverage as (
    select
        years.area_code,
        years.plan_year,
        expected.indicator_no,
        count(present.measure_code) as measures_with_figures,
        count(*) as measures_expected,
        string_agg(expected.measure_code, ', ' order by expected.sort_order)
            filter (where present.measure_code is null) as missing_measures,
        string_agg(expected.measure_name, '; ' order by expected.sort_order)
            filter (where present.measure_code is null) as missing_measure_names
    from years
    inner join expected using (area_code, plan_year)
    left join present
        on present.area_code = years.area_code
        and present.plan_year = years.plan_year
        and present.measure_code = expected.measure_code
    group by all
),

final as (
    select
        coverage.area_code,
        coverage.plan_year,
        coverage.indicator_no,
        indicators.measure_code,
        indicators.measure_name,
        indicators.sort_order,
        coverage.measures_with_figures,
        coverage.measures_expected,
        coverage.missing_measures,
        coverage.missing_measure_names,
        case
            when coverage.measures_with_figures = 0 then 'indicator_missing'
            when coverage.measures_with_figures < coverage.measures_expected then 'measures_missing'
            else 'complete'
        end as outcome,
        years.document,
        years.batch_id
    from coverage
    inner join indicators using (area_code, plan_year, indicator_no)
    inner join years using (area_code, plan_year)
)

select * from final
