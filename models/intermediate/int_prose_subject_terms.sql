-- Every name a prose subject may go by, keyed as the appendix's row names are (the name_key macro),
-- with the indicator it means: catalog measure names and their variants, secondary indicators,
-- prose subject aliases, and the subjects the seeds name as no indicator (indicator_code null).
-- A name written '=…' in prose_subject_aliases counts only as the whole subject (see ingest/prose).
with

catalog as (
    select measure_code as indicator_code, measure_name as term, 'catalog' as term_source
    from {{ ref('stg_catalog__measures') }}
    where kind <> 'heading'
),

variants as (
    select measure_code as indicator_code, name_variant as term, 'measure_name_variants' as term_source
    from {{ ref('measure_name_variants') }}
),

secondary as (
    select indicator_code, name_vi as term, 'secondary_indicators' as term_source
    from {{ ref('secondary_indicators') }}
),

aliases as (
    select indicator_code, ltrim(alias, '=') as term, 'prose_subject_aliases' as term_source
    from {{ ref('prose_subject_aliases') }}
),

no_indicator as (
    select null::varchar as indicator_code, subject as term, 'prose_other_subjects' as term_source
    from {{ ref('prose_other_subjects') }}
),

derived as (
    -- a level whose growth, or a rate whose fall, is an indicator of its own; a refinement by unit
    select derivations.derived_code as indicator_code, terms.term, 'prose_indicator_derivations' as term_source
    from {{ ref('prose_indicator_derivations') }} as derivations
    inner join (
        select * from aliases union all select * from catalog union all select * from secondary
        union all select * from variants
    ) as terms on terms.indicator_code = derivations.indicator_code
),

unioned as (
    select * from catalog
    union all select * from variants
    union all select * from secondary
    union all select * from aliases
    union all select * from no_indicator
    union all select * from derived
)

select distinct {{ name_key('term') }} as term_key, indicator_code, term_source
from unioned
where {{ name_key('term') }} <> ''
