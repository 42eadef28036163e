-- Every province code ktxh accepts, over time: the 63 codes in force until 2025-06-30 and the
-- 34 from 2025-07-01, each with the province it belongs to today (current_area_code), so a
-- pre-2025 series rolls up to today's provinces with one join on (area_code, area_valid_from).
select
    area_code,
    valid_from as area_valid_from,
    valid_to as area_valid_to,
    area_name,
    era,
    current_area_code,
    current_area_name
from {{ ref('stg_catalog__areas') }}
