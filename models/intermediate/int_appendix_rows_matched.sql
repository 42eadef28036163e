-- Appendix rows of every loaded batch, values pivoted wide (value, printed text and printed
-- decimals per column; for the plans also the printed range or bound), matched to the catalog
-- of the batch's area and plan period by name (exact, after name_key normalisation).
-- A row no catalog knows becomes a provisional measure with a stable code (macros/catalog.sql):
-- row_kind 'measure', catalog_status 'provisional'.
{% set roles = column_role_names() %}

with

batches as (
    select *, {{ plan_period_start('plan_year') }} as period_start_year
    from {{ ref('stg_raw__load_batches') }}
),

appendix_rows as (
    select * from {{ ref('stg_raw__appendix_rows') }}
),

cells as (
    select * from {{ ref('stg_raw__appendix_cells') }}
),

assignments as (
    select * from {{ ref('stg_catalog__assignments') }}
),

names as (
    select * from {{ ref('stg_catalog__name_variants') }}
),

pivoted as (
    select
        batch_id,
        row_order,
        {% for role in roles %}
        max(value) filter (where column_role = '{{ role }}') as {{ role }},
        max(printed) filter (where column_role = '{{ role }}') as {{ role }}_printed,
        max(decimals) filter (where column_role = '{{ role }}') as {{ role }}_decimals,
        {% endfor %}
        {% for role in ['plan', 'estimate', 'next_plan'] %}
        max(value_low) filter (where column_role = '{{ role }}') as {{ role }}_low,
        max(value_high) filter (where column_role = '{{ role }}') as {{ role }}_high,
        max(value_form) filter (where column_role = '{{ role }}') as {{ role }}_form,
        {% endfor %}
        count(*) as n_values
    from cells
    group by batch_id, row_order
),

-- the names each batch may match: those of the catalog sets assigned to its area and plan period
batch_names as (
    select batches.batch_id, names.name_key, names.measure_code, names.catalog_set
    from batches
    inner join assignments
        on assignments.area_code = batches.area_code
        and batches.plan_year between assignments.period_start_year and assignments.period_end_year
    inner join names using (catalog_set)
),

joined as (
    select
        batches.area_code,
        batches.area_name,
        batches.plan_year,
        batches.period_start_year,
        batches.document,
        batches.loaded_at,
        batches.area_valid_from,
        appendix_rows.*,
        batch_names.measure_code as confirmed_code,
        batch_names.catalog_set,
        coalesce(pivoted.n_values, 0) as n_values,
        {% for role in roles %}
        pivoted.{{ role }}, pivoted.{{ role }}_printed, pivoted.{{ role }}_decimals,
        {% endfor %}
        pivoted.plan_low, pivoted.plan_high, pivoted.plan_form,
        pivoted.estimate_low, pivoted.estimate_high, pivoted.estimate_form,
        pivoted.next_plan_low, pivoted.next_plan_high, pivoted.next_plan_form,
        case
            when batch_names.measure_code is not null then 'measure'
            when regexp_full_match(upper(appendix_rows.tt), '[IVXLC]+\.?') then 'group'  -- 'ii' as printed is a group too
            when appendix_rows.name_key = '' and coalesce(pivoted.n_values, 0) = 0 then 'note'
            -- a row that only says "Trong đó:" / "Tr.đó:"
            when regexp_full_match(appendix_rows.name_key, '(trong do|tr do)') and coalesce(pivoted.n_values, 0) = 0 then 'note'
            -- figures without a name: nothing to derive a code from
            when appendix_rows.name_key = '' then 'unmatched'
            else 'provisional'
        end as row_class,
        -- the group heading (I, II …) the row stands under, and the indicator number (1, 2 …)
        last_value(case when regexp_full_match(appendix_rows.tt, '[IVXLC]+\.?') then appendix_rows.row_order end ignore nulls)
            over (partition by appendix_rows.batch_id order by appendix_rows.row_order) as group_row_order,
        last_value(try_cast(regexp_extract(appendix_rows.tt, '^(\d+)', 1) as integer) ignore nulls)
            over (partition by appendix_rows.batch_id order by appendix_rows.row_order) as printed_indicator_no
    from appendix_rows
    inner join batches using (batch_id)
    left join pivoted using (batch_id, row_order)
    left join batch_names using (batch_id, name_key)
),

coded as (
    select
        joined.*,
        parent.name_key as parent_name_key,
        case when joined.row_class = 'provisional' then
            {{ provisional_code('joined.area_code', 'joined.name_key', 'parent.name_key') }}
        end as provisional_code,
        grp.name_printed as group_name_printed
    from joined
    left join joined as parent
        on parent.batch_id = joined.batch_id and parent.row_order = joined.parent_row_order
    left join joined as grp
        on grp.batch_id = joined.batch_id and grp.row_order = joined.group_row_order
),

final as (
    select
        coded.* exclude (confirmed_code, provisional_code, row_class, parent_name_key, group_row_order),
        coalesce(coded.confirmed_code, coded.provisional_code) as measure_code,
        case when coded.row_class in ('measure', 'provisional') then 'measure' else coded.row_class end as row_kind,
        case coded.row_class when 'measure' then 'confirmed' when 'provisional' then 'provisional' end as catalog_status,
        coalesce(parent.confirmed_code, parent.provisional_code) as printed_parent_code
    from coded
    left join coded as parent
        on parent.batch_id = coded.batch_id and parent.row_order = coded.parent_row_order
)

select * from final
