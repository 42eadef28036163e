{#- The check models' own rules (the `column_values` rules of each checks.chk_* table: outcomes
    and figures from their lists, keys unique, intervals well formed), in one query: one dbt node
    instead of thirteen, run once every check model is built (no model reads them, so the tests
    held nothing back). Each failing row names the relation, the column, the rule, the value and
    how many rows have it (macros/column_values.sql). -#}
{{ column_values_across([
    ('chk_appendix_rows', ref('chk_appendix_rows'), {
        'accepted_values': {'row_kind': ['measure', 'group', 'note', 'unmatched'],
                            'unit_check': ['agrees', 'disagrees', 'not_compared']},
        'unique_combinations': [['batch_id', 'row_order']]}),
    ('chk_continuity', ref('chk_continuity'), {
        'not_null': ['outcome'],
        'accepted_values': {'figure': ['plan', 'prior_actual'],
                            'outcome': ['same_plan', 'plan_differs', 'same_as_estimate', 'later_final_figure']}}),
    ('chk_cross_document', ref('chk_cross_document'), {
        'not_null': ['outcome'],
        'accepted_values': {'outcome': ['same', 'differs', 'blank_in_one']}}),
    ('chk_indicator_coverage', ref('chk_indicator_coverage'), {
        'not_null': ['outcome'],
        'accepted_values': {'outcome': ['complete', 'measures_missing', 'indicator_missing']},
        'unique_combinations': [['area_code', 'plan_year', 'indicator_no']]}),
    ('chk_monthly_gaps', ref('chk_monthly_gaps'), {
        'accepted_values': {'outcome': ['month_without_report', 'indicator_stopped']}}),
    ('chk_monthly_outliers', ref('chk_monthly_outliers'), {
        'accepted_values': {'outcome': ['in_line', 'factor_1000', 'factor_10', 'out_of_line']}}),
    ('chk_printed_ratios', ref('chk_printed_ratios'), {
        'not_null': ['outcome'],
        'accepted_values': {'figure': ['pct_of_prior', 'pct_of_plan', 'next_plan_pct_of_estimate'],
                            'outcome': ['consistent', 'growth_index', 'inconsistent', 'indeterminate', 'operand_missing']},
        'unique_combinations': [['batch_id', 'row_order', 'figure']],
        'intervals': [['printed_lo', 'printed_hi'], ['plain_lo', 'plain_hi'], ['index_lo', 'index_hi']],
        'expressions': [{'expression': 'expected_low is not null',
                         'where': "outcome in ('consistent', 'growth_index', 'inconsistent')"}]}),
    ('chk_printed_status', ref('chk_printed_status'), {
        'not_null': ['outcome'],
        'accepted_values': {'outcome': ['agrees', 'disagrees', 'not_compared']}}),
    ('chk_prose_vs_appendix', ref('chk_prose_vs_appendix'), {
        'accepted_values': {'outcome': ['agrees', 'disagrees', 'not_compared']}}),
    ('chk_provisional_measures', ref('chk_provisional_measures'), {
        'not_null': ['measure_code'],
        'unique': ['measure_code']}),
    ('chk_totals', ref('chk_totals'), {
        'not_null': ['outcome'],
        'accepted_values': {'outcome': ['adds_up', 'does_not_add_up', 'parts_incomplete', 'parts_exceed_total',
                                        'residual']},
        'unique_combinations': [['batch_id', 'row_order', 'figure']],
        'intervals': [['parts_lo', 'parts_hi'], ['residual_lo', 'residual_hi']]}),
    ('chk_unit_conversions', ref('chk_unit_conversions'), {
        'accepted_values': {'outcome': ['converted', 'no_conversion']}}),
    ('chk_year_on_year', ref('chk_year_on_year'), {
        'not_null': ['outcome'],
        'accepted_values': {'outcome': ['within_review_factor', 'beyond_review_factor', 'indeterminate']},
        'unique_combinations': [['batch_id', 'row_order']],
        'intervals': [['ratio_lo', 'ratio_hi']]}),
]) }}
