-- The raw layer: what the documents say, exactly as printed, one batch per document.
create schema if not exists raw;

-- One row per loaded document (a batch): its content hash, file, format, province and plan year.
create table if not exists raw.load_batches (
    batch_id        varchar primary key,   -- first 16 hex digits of sha256(content hash, area code)
    content_sha256  varchar not null,      -- the document's bytes; the same bytes for two provinces are two batches
    document        varchar not null,      -- file name as loaded
    source_path     varchar not null,      -- path as given to `ktxh ingest`
    document_format varchar not null,      -- report_text | xlsx | csv
    area_code       varchar not null,      -- official province code, e.g. '04' Cao Bằng
    area_name       varchar not null,      -- official province name (vietnam-provinces)
    plan_year       integer,               -- year of the appendix table, if the document has one
    loaded_at       timestamp not null,    -- when the batch was loaded
    -- added by issue 9: the report's own date (ingest/report_date.py) and where it came from
    report_date           date,            -- the report's own date; null when no source gives one
    report_date_source    varchar,         -- where the date came from: text | option | metadata | file_name | none
    report_date_precision varchar,         -- day | month (a month-only date is stored as its 1st); null with no date
    area_valid_from date,                  -- with area_code, the row of seeds/areas.csv the code was resolved to at the document's date
    unique (content_sha256, area_code)
);

-- A warehouse made before issue 9 gets the report-date columns too.
alter table raw.load_batches add column if not exists report_date date;
alter table raw.load_batches add column if not exists report_date_source varchar;
alter table raw.load_batches add column if not exists report_date_precision varchar;

-- The rows of a document's appendix table (biểu), in printed order, with their TT, name, unit and note.
create table if not exists raw.appendix_rows (
    batch_id     varchar not null,         -- the document (raw.load_batches)
    row_order    integer not null,         -- order of the row in the table
    source_line  integer not null,         -- line (text, CSV) or row (XLSX) in the document
    source_ref   varchar not null,         -- the same, readable: 'line 786', 'sheet Biểu 01, row 14'
    tt           varchar not null,         -- the TT marker as printed: I, 1, 4.1, -, +, blank
    name         varchar not null,         -- the row's name (chỉ tiêu) exactly as printed
    unit         varchar not null,         -- the unit (đơn vị tính) as printed
    note         varchar not null,         -- the Ghi chú column as printed
    parent_row_order integer,              -- the row this one is printed under (TT markers, "trong đó:", "-" rows; ingest/structure.py)
    primary key (batch_id, row_order)
);

-- Every figure of the appendix table: row, column role, the printed text, its value and printed decimals.
create table if not exists raw.appendix_cells (
    batch_id     varchar not null,         -- the document (raw.load_batches)
    row_order    integer not null,         -- the row (raw.appendix_rows.row_order)
    column_role  varchar not null,         -- prior_actual, plan, estimate, pct_of_prior, pct_of_plan, next_plan, next_plan_pct_of_estimate
    header_label varchar not null,         -- the column's heading as printed ('Năm 2022 / KH 2022')
    printed      varchar not null,         -- the cell exactly as printed: '6,5-7,5', '>98', '(2,15)', 'duy trì'
    value        decimal(18, 6),           -- the single value; null for a range, a bound or 'duy trì'
    decimals     integer,                  -- decimals printed (the most of a range's two ends); null for 'duy trì'
    value_low    decimal(18, 6),           -- low end of a range, a lower bound ('>98'), or the single value
    value_high   decimal(18, 6),           -- high end of a range, an upper bound ('dưới 3,25'), or the single value
    value_form   varchar,                  -- number | range | at_least | at_most | maintain | change | words (ingest/printed_values.py)
    primary key (batch_id, row_order, column_role)
);

-- Every figure stated in the prose of a report: sentence, place, subject, period, value and its reading.
create table if not exists raw.prose_facts (
    batch_id       varchar not null,       -- the document (raw.load_batches)
    fact_no        integer not null,       -- order of the figure in the document
    sentence_no    integer not null,       -- order of the sentence in the document
    sentence       varchar not null,       -- the whole sentence, line breaks joined
    line           integer not null,       -- line where the sentence starts
    span_start     integer not null,       -- character span of the printed figure in the document text
    span_end       integer not null,       -- end of that span (exclusive)
    claim_no       integer,                -- figures stated together about one subject share it
    subject        varchar,                -- the subject as written
    indicator_code varchar,                -- catalog measure code or secondary indicator code
    period_year    integer,                -- year of the period the figure is about
    month_from     integer,                -- first month of that period (1 for year to date)
    month_to       integer,                -- last month of that period (12 for a whole year)
    printed        varchar not null,       -- the figure exactly as printed
    value          decimal(18, 6),         -- null when malformed
    decimals       integer,                -- decimals printed: the figure's precision
    unit           varchar,                -- the unit as written after the figure
    value_type     varchar,                -- actual | estimate | plan
    basis          varchar,                -- none | plan | plan_central | plan_council | same_period | prior_month | prior_year
    measure        varchar,                -- value | ratio_pct | growth_pct | pp
    status         varchar not null,       -- ok | unclassified | malformed
    -- added for issue 10 (any province's reports): the period model, the scope, the document kind,
    -- and the words that named the indicator (matched to the catalog at build time)
    period_kind    varchar,                -- month | cumulative | quarter | year | balance | multi_year
    scope          varchar,                -- province | national | world | other_area
    balance_date   date,                   -- a balance: the date it stands at (month_to is its month, month_from null)
    compared_date  date,                   -- a balance compared with another date: that date
    document_kind  varchar,                -- monthly_report | statistics_release | council_resolution | plan_decision | session_news | annual_report
    subject_term   varchar,                -- the words of the subject that named the indicator, as written
    primary key (batch_id, fact_no)
);
-- warehouses made before these columns existed get them (empty for figures loaded before)
alter table raw.prose_facts add column if not exists period_kind varchar;
alter table raw.prose_facts add column if not exists scope varchar;
alter table raw.prose_facts add column if not exists balance_date date;
alter table raw.prose_facts add column if not exists compared_date date;
alter table raw.prose_facts add column if not exists document_kind varchar;
alter table raw.prose_facts add column if not exists subject_term varchar;
