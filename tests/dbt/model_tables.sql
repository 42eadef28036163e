{#- The intermediate models' and the marts' own rules (the `column_values` rules of each: keys
    not null and unique, values from their lists, relationships, expressions that must hold), in
    one query: one dbt node instead of eleven, run once the last of them is built. Each failing row
    names the relation, the column, the rule, the value and how many rows have it
    (macros/column_values.sql). A failing rule fails the build (ktxh replaces no warehouse) but,
    unlike a test per model, does not keep dbt from building the models downstream. -#}
{{ column_values_across([
    ('int_appendix_rows_matched', ref('int_appendix_rows_matched'), {
        'accepted_values': {'row_kind': ['measure', 'group', 'note', 'unmatched']},
        'unique_combinations': [['batch_id', 'row_order']]}),
    ('int_provisional_measures', ref('int_provisional_measures'), {
        'not_null': ['measure_code'],
        'unique': ['measure_code']}),
    ('int_measures', ref('int_measures'), {
        'not_null': ['measure_code'],
        'unique': ['measure_code'],
        'accepted_values': {'catalog_status': ['confirmed', 'provisional']}}),
    ('dim_measures', ref('dim_measures'), {
        'not_null': ['measure_code', 'area_code', 'plan_period', 'catalog_status'],
        'accepted_values': {'catalog_status': ['confirmed', 'provisional']},
        'unique_combinations': [['area_code', 'period_start_year', 'measure_code']]}),
    ('fct_plan_attainment', ref('fct_plan_attainment'), {
        'not_null': ['area_code', 'plan_year', 'measure_code', 'status', 'document', 'source_ref', 'current_area_code'],
        'accepted_values': {'status': ['exceeded', 'met', 'missed', 'not_assessed'], 'catalog_status': ['confirmed', 'provisional'], 'printed_verdict': ['reached', 'exceeded', 'missed']},
        'unique_combinations': [['area_code', 'plan_year', 'measure_code']],
        'relationships': {'measure_code': {'to': ref('dim_measures'), 'field': 'measure_code'}, 'batch_id': {'to': ref('stg_raw__load_batches'), 'field': 'batch_id'}},
        'expressions': [{'expression': 'pp_vs_plan is not null', 'where': "kind in ('rate', 'growth_rate') and plan is not null and estimate is not null"}]}),
    ('fct_indicator_assessment', ref('fct_indicator_assessment'), {
        'accepted_values': {'rule': ['all_measures', 'headline']},
        'unique_combinations': [['area_code', 'plan_year', 'rule', 'indicator_no']]}),
    ('fct_plan_scorecard', ref('fct_plan_scorecard'), {
        'accepted_values': {'rule': ['all_measures', 'headline']},
        'unique_combinations': [['area_code', 'plan_year', 'rule']]}),
    ('fct_reported_figures', ref('fct_reported_figures'), {
        'not_null': ['document'],
        'accepted_values': {'value_type': ['actual', 'estimate', 'plan'], 'basis': ['none', 'plan', 'plan_central', 'plan_council', 'same_period', 'prior_month', 'prior_year'], 'measure': ['value', 'ratio_pct', 'growth_pct', 'pp'], 'status': ['ok', 'unclassified', 'malformed'], 'period_kind': ['month', 'cumulative', 'quarter', 'year', 'balance', 'multi_year'], 'scope': ['province', 'national', 'world', 'other_area']},
        'unique_combinations': [['batch_id', 'fact_no']]}),
    ('fct_period_progress', ref('fct_period_progress'), {
        'accepted_values': {'plan_source': ['appendix', 'plan', 'plan_central', 'plan_council', 'plan_document'], 'profile_kind': ['history', 'linear', 'whole_year'], 'progress_status': ['ahead', 'on_track', 'behind']}}),
    ('dim_areas', ref('dim_areas'), {
        'not_null': ['area_code', 'area_valid_from', 'current_area_code'],
        'unique_combinations': [['area_code', 'area_valid_from']],
        'relationships': {'current_area_code': {'to': ref('dim_areas'), 'field': 'area_code'}}}),
    ('fct_monthly_series', ref('fct_monthly_series'), {
        'not_null': ['area_code', 'indicator_code', 'period_year', 'month_to', 'document'],
        'accepted_values': {'period_kind': ['month', 'cumulative', 'year', 'quarter', 'balance', 'multi_year', 'other'], 'derivation': ['stated', 'derived'], 'value_type': ['actual', 'estimate']},
        'unique_combinations': [['area_code', 'indicator_code', 'period_year', 'month_from', 'month_to', 'derivation', 'vintage']]}),
]) }}
