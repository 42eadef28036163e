{#- The catalog the models read (the seeds and their staging models): the `column_values` rules of
    each, in one query, one dbt node instead of nine (each cost dbt 30-60 ms of its own, and they
    ran first, before any model). Each failing row names the relation, the column, the rule, the
    value and how many rows have it (macros/column_values.sql). -#}
{{ column_values_across([
    ('areas', ref('areas'), {'not_null': ['area_code', 'valid_from', 'current_area_code']}),
    ('catalog_sets', ref('catalog_sets'), {'not_null': ['catalog_set'], 'unique': ['catalog_set']}),
    ('catalog_assignments', ref('catalog_assignments'), {
        'not_null': ['area_code', 'period_start_year'],
        'relationships': {'catalog_set': {'to': ref('catalog_sets'), 'field': 'catalog_set'}}}),
    ('indicator_catalog', ref('indicator_catalog'), {
        'not_null': ['measure_code', 'catalog_set'], 'unique': ['measure_code'],
        'accepted_values': {'kind': ['heading', 'level', 'rate', 'growth_rate', 'increment']},
        'relationships': {'parent_code': {'to': ref('indicator_catalog'), 'field': 'measure_code'},
                          'catalog_set': {'to': ref('catalog_sets'), 'field': 'catalog_set'}}}),
    ('measure_name_variants', ref('measure_name_variants'), {
        'relationships': {'measure_code': {'to': ref('indicator_catalog'), 'field': 'measure_code'}}}),
    ('stg_catalog__measures', ref('stg_catalog__measures'), {
        'not_null': ['measure_code', 'catalog_set'], 'unique': ['measure_code'],
        'accepted_values': {'kind': ['heading', 'level', 'rate', 'growth_rate', 'increment'],
                            'direction': ['higher', 'lower']},
        'relationships': {'parent_measure_code': {'to': ref('indicator_catalog'), 'field': 'measure_code'},
                          'catalog_set': {'to': ref('catalog_sets'), 'field': 'catalog_set'}}}),
    ('stg_catalog__name_variants', ref('stg_catalog__name_variants'), {
        'not_null': ['name_key'], 'unique_combinations': [['catalog_set', 'name_key']],
        'relationships': {'measure_code': {'to': ref('indicator_catalog'), 'field': 'measure_code'}}}),
    ('stg_catalog__areas', ref('stg_catalog__areas'), {
        'not_null': ['area_code', 'valid_from'], 'unique_combinations': [['area_code', 'valid_from']]}),
    ('stg_catalog__assignments', ref('stg_catalog__assignments'), {
        'unique_combinations': [['area_code', 'period_start_year', 'catalog_set']],
        'relationships': {'catalog_set': {'to': ref('catalog_sets'), 'field': 'catalog_set'}},
        'expressions': [{'expression': 'period_end_year = period_start_year + 4 and (period_start_year - 2001) % 5 = 0'}]}),
]) }}
