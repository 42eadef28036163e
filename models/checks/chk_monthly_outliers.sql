-- Figures out of line with the rest of their series (issue 13). A series is one area's indicator:
-- its flows (single months, year-to-date, whole years, quarters) as a rate per month, or its
-- balances; the current vintage of each period. On the log10 of these rates, a figure is out of
-- line when
--   * its period-on-period change is a robust-z outlier: |change - median change| /
--     (1.4826 x MAD of the changes) > 3.5 (the modified z-score of Iglewicz and Hoaglin, 1993;
--     the scale is floored at 0.05, a factor of 1.12, so that a series of near-equal changes does
--     not make every ordinary change an outlier), and
--   * it stands more than a factor 2 from the median of the series' other figures (so that the
--     figure after a slip, which changes back, is not blamed).
-- The likely cause is named when the distance from that median is a power of ten within a
-- factor 1.5: 'factor_1000' (tỷ written as triệu, or the reverse), 'factor_10' (a digit too many
-- or too few); else 'out_of_line'. Series of fewer than 3 figures are not judged.
-- incremental by province: an incremental build recomputes the provinces of stg_build_state__scope (macros/incremental.sql)
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

figures as (
    select * from {{ ref('int_monthly_figures') }}
    where vintage = vintages
        and is_additive
        and value_in_indicator_unit > 0
        and period_kind <> 'other'
),

points as (
    select
        area_code,
        indicator_code,
        indicator_name,
        indicator_unit,
        case when period_kind = 'balance' then 'balance' else 'flow' end as series,
        period_year,
        month_from,
        month_to,
        period_kind,
        printed,
        unit,
        value_in_indicator_unit,
        document,
        line,
        sentence,
        case when period_kind = 'balance' then 1 else month_to - month_from + 1 end as months,
        log10(value_in_indicator_unit / months) as level
    from figures
),

ordered as (
    select
        *,
        level - lag(level) over series_order as change,
        -- the first figure of a series is judged by its change to the next
        coalesce(level - lag(level) over series_order, level - lead(level) over series_order) as own_change,
        count(*) over (partition by area_code, indicator_code, series) as series_size
    from points
    window series_order as (
        partition by area_code, indicator_code, series order by period_year, month_to, month_from desc
    )
),

change_centre as (
    select area_code, indicator_code, series, median(change) as median_change
    from ordered
    where change is not null
    group by all
),

change_spread as (
    select
        ordered.area_code,
        ordered.indicator_code,
        ordered.series,
        any_value(change_centre.median_change) as median_change,
        median(abs(ordered.change - change_centre.median_change)) as mad_change
    from ordered
    inner join change_centre using (area_code, indicator_code, series)
    where ordered.change is not null
    group by all
),

-- the median of the series' other figures, for each figure
others as (
    select
        this.area_code,
        this.indicator_code,
        this.series,
        this.period_year,
        this.month_from,
        this.month_to,
        median(other.level) as median_other_level
    from ordered as this
    inner join ordered as other
        on other.area_code = this.area_code
        and other.indicator_code = this.indicator_code
        and other.series = this.series
        and (other.period_year, other.month_from, other.month_to) is distinct from (this.period_year, this.month_from, this.month_to)
    group by all
),

scored as (
    select
        ordered.*,
        change_spread.median_change,
        change_spread.mad_change,
        (ordered.own_change - change_spread.median_change) / greatest(1.4826 * change_spread.mad_change, 0.05) as robust_z,
        ordered.level - others.median_other_level as distance,
        power(10, others.median_other_level) * ordered.months as expected_value
    from ordered
    inner join change_spread using (area_code, indicator_code, series)
    inner join others using (area_code, indicator_code, series, period_year, month_from, month_to)
    where ordered.series_size >= 3
),

final as (
    select
        area_code,
        period_year as plan_year,
        indicator_code as measure_code,
        indicator_name,
        period_kind || ' ' || coalesce(month_from::varchar || '–', '') || month_to::varchar || '/' || period_year::varchar as figure,
        printed as printed_text,
        value_in_indicator_unit as printed_value,
        indicator_unit,
        unit,
        -- what the rest of the series allows: a factor 2 either side of its median, for the figure's period
        expected_value / 2 as expected_low,
        expected_value * 2 as expected_high,
        round(power(10, distance), 4) as factor_from_median,
        case
            when distance < 0 then '1/' || {{ vn_number('power(10, -distance)', 0) }}
            else {{ vn_number('power(10, distance)', 1) }}
        end as factor_text,
        robust_z,
        document,
        'line ' || line as source_ref,
        sentence,
        case
            when abs(robust_z) <= 3.5 or abs(distance) <= log10(2) then 'in_line'
            when abs(abs(distance) - 3) <= log10(1.5) then 'factor_1000'
            when abs(abs(distance) - 1) <= log10(1.5) then 'factor_10'
            else 'out_of_line'
        end as outcome
    from scored
)

select * from final
where {{ in_build_scope() }}
