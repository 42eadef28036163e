-- Appendix rows of every loaded batch, values pivoted wide (value, printed text and
-- printed decimals per column), matched to the catalog by name.
{% set roles = column_role_names() %}

with

batches as (
    select * from {{ ref('stg_raw__load_batches') }}
),

appendix_rows as (
    select * from {{ ref('stg_raw__appendix_rows') }}
),

cells as (
    select * from {{ ref('stg_raw__appendix_cells') }}
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
        count(*) as n_values
    from cells
    group by batch_id, row_order
),

joined as (
    select
        batches.area_code,
        batches.area_name,
        batches.plan_year,
        batches.document,
        batches.loaded_at,
        appendix_rows.*,
        names.measure_code,
        coalesce(pivoted.n_values, 0) as n_values,
        {% for role in roles %}
        pivoted.{{ role }}, pivoted.{{ role }}_printed, pivoted.{{ role }}_decimals,
        {% endfor %}
        case
            when names.measure_code is not null then 'measure'
            when regexp_full_match(upper(appendix_rows.tt), '[IVXLC]+') then 'group'  -- 'ii' as printed is a group too
            when appendix_rows.name_key = '' and coalesce(pivoted.n_values, 0) = 0 then 'note'
            else 'unmatched'
        end as row_kind
    from appendix_rows
    inner join batches using (batch_id)
    left join pivoted using (batch_id, row_order)
    left join names using (name_key)
)

select * from joined
