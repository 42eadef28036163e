-- How to express a figure of one unit in another of the same kind (tỷ đồng in triệu đồng:
-- x 1000), from the unit_conversions seed. Keys are lower-case NFC unit names.
with

units as (
    select * from {{ ref('unit_conversions') }}
)

select
    source.unit_key as from_unit_key,
    target.unit_key as to_unit_key,
    source.factor_to_base / target.factor_to_base as factor
from units as source
inner join units as target using (base_unit)
