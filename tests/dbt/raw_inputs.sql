{#- What ktxh loaded and the build's scope, as the models read them (the raw sources and their
    staging models): the `column_values` rules of each, in one query, one dbt node instead of four
    (macros/column_values.sql). Each failing row names the relation, the column, the rule, the
    value and how many rows have it. -#}
{{ column_values_across([
    ('raw.load_batches', source('raw', 'load_batches'), {'not_null': ['batch_id'], 'unique': ['batch_id']}),
    ('stg_raw__load_batches', ref('stg_raw__load_batches'), {
        'not_null': ['batch_id', 'area_code', 'area_valid_from'], 'unique': ['batch_id'],
        'accepted_values': {'report_date_source': ['text', 'option', 'metadata', 'file_name', 'none']}}),
    ('stg_raw__appendix_cells', ref('stg_raw__appendix_cells'), {
        'accepted_values': {'column_role': ['prior_actual', 'plan', 'estimate', 'pct_of_prior', 'pct_of_plan',
                                            'next_plan', 'next_plan_pct_of_estimate']}}),
    ('stg_build_state__scope', ref('stg_build_state__scope'), {'not_null': ['area_code'], 'unique': ['area_code']}),
]) }}
