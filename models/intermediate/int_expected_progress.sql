-- For each year-to-date period of an area's indicator, the share of the year one would expect to
-- have reached by then: the average, over the earlier years of the same area and indicator, of
-- the year-to-date figure as a share of that year's outturn ('history'); with fewer earlier
-- years than KTXH_PROGRESS_MIN_YEARS (default 1), the linear share month_to / 12 ('linear').
with

figures as (
    select * from {{ ref('int_monthly_figures') }}
    where vintage = vintages
        and month_from = 1
        and value_in_indicator_unit is not null
),

appendix as (
    select * from {{ ref('int_appendix_current') }}
    where row_kind = 'measure'
),

-- the outturn of a year in the indicator's unit: the prose's whole-year figure, else the next
-- year's appendix (its TH of this year), else this year's appendix (its ước TH)
outturn as (
    select
        keys.area_code,
        keys.indicator_code,
        keys.period_year,
        coalesce(whole_year.value_in_indicator_unit, next_table.prior_actual::double, this_table.estimate::double) as outturn
    from (select distinct area_code, indicator_code, period_year from figures) as keys
    left join figures as whole_year
        on whole_year.area_code = keys.area_code
        and whole_year.indicator_code = keys.indicator_code
        and whole_year.period_year = keys.period_year
        and whole_year.month_to = 12
    left join appendix as next_table
        on next_table.area_code = keys.area_code
        and next_table.measure_code = keys.indicator_code
        and next_table.plan_year = keys.period_year + 1
    left join appendix as this_table
        on this_table.area_code = keys.area_code
        and this_table.measure_code = keys.indicator_code
        and this_table.plan_year = keys.period_year
),

shares as (
    select
        figures.area_code,
        figures.indicator_code,
        figures.period_year,
        figures.month_to,
        figures.value_in_indicator_unit / outturn.outturn as share
    from figures
    inner join outturn using (area_code, indicator_code, period_year)
    where figures.month_to < 12 and outturn.outturn > 0
),

targets as (
    select distinct area_code, indicator_code, period_year, month_to from figures
),

history as (
    select
        targets.area_code,
        targets.indicator_code,
        targets.period_year,
        targets.month_to,
        count(shares.share) as profile_years,
        avg(shares.share) * 100 as history_pct
    from targets
    left join shares
        on shares.area_code = targets.area_code
        and shares.indicator_code = targets.indicator_code
        and shares.month_to = targets.month_to
        and shares.period_year < targets.period_year
    group by all
)

select
    area_code,
    indicator_code,
    period_year,
    month_to,
    profile_years,
    case
        when month_to = 12 then 'whole_year'
        when profile_years >= {{ env_var('KTXH_PROGRESS_MIN_YEARS', '1') }} then 'history'
        else 'linear'
    end as profile_kind,
    case
        when month_to = 12 then 100.0
        when profile_years >= {{ env_var('KTXH_PROGRESS_MIN_YEARS', '1') }} then history_pct
        else month_to / 12.0 * 100
    end as expected_pct_of_plan
from history
