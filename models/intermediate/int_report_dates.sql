-- The date of each loaded document, to order reports in time (vintages, gaps): the month its
-- file name starts with (yyyy-mm_…, as the bundled reports are named), else the day it was loaded.
with

batches as (
    select * from {{ ref('stg_raw__load_batches') }}
)

select
    batch_id,
    area_code,
    document,
    coalesce(try_strptime(left(document, 7), '%Y-%m')::date, loaded_at::date) as report_date
from batches
