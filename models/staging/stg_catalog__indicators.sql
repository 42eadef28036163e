-- Every indicator a figure can be matched to: the appendix measures and the secondary
-- indicators met in prose (industrial production, retail sales, tourists, ...).
with

measures as (
    select measure_code as indicator_code, name_vi as indicator_name, unit, kind, direction,
           true as in_appendix
    from {{ ref('indicator_catalog') }}
    where kind <> 'heading'
),

secondary as (
    select indicator_code, name_vi as indicator_name, unit, kind, direction, false as in_appendix
    from {{ ref('secondary_indicators') }}
)

select * from measures
union all
select * from secondary
