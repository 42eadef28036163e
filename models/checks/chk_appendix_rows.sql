-- Every appendix row of every loaded batch (the authoritative one and any other document of
-- the same year), with what the structural checks need: whether the row matched a catalog
-- measure, whether its printed unit agrees with the catalog's, and how many rows of the same
-- batch matched the same measure.
with

rows_matched as (
    select * from {{ ref('int_appendix_rows_matched') }}
),

authoritative as (
    select distinct area_code, plan_year, batch_id from {{ ref('int_appendix_current') }}
),

measures as (
    select measure_code, measure_name, sort_order, unit from {{ ref('int_measures') }}
),

joined as (
    select
        rows_matched.area_code,
        rows_matched.plan_year,
        rows_matched.batch_id,
        rows_matched.document,
        rows_matched.row_order,
        rows_matched.source_ref,
        rows_matched.tt,
        rows_matched.name_printed,
        rows_matched.unit_printed,
        rows_matched.row_kind,
        rows_matched.catalog_status,
        rows_matched.measure_code,
        measures.measure_name,
        measures.sort_order,
        rows_matched.n_values,
        coalesce(measures.unit, '') as catalog_unit,
        {{ unit_key('rows_matched.unit_printed') }} as unit_printed_key,
        {{ unit_key("coalesce(measures.unit, '')") }} as catalog_unit_key,
        authoritative.batch_id is not null as is_authoritative
    from rows_matched
    left join measures using (measure_code)
    left join authoritative using (area_code, plan_year, batch_id)
),

final as (
    select
        *,
        case
            when measure_code is null or catalog_unit_key = '' or unit_printed_key = '' then 'not_compared'
            -- "Triệu đồng/người" agrees with "Triệu đồng": a unit may add a per-what
            when unit_printed_key = catalog_unit_key or starts_with(unit_printed_key, catalog_unit_key || ' ') then 'agrees'
            else 'disagrees'
        end as unit_check,
        count(measure_code) over (partition by batch_id, measure_code) as rows_of_measure
    from joined
)

select * from final
