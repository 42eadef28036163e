{#- The catalog's rules that are not a lookup: five-year plan periods, and what a row no
    catalog knows yet (a provisional measure) is taken to be, from its wording and unit. -#}

{#- First year of the five-year plan period a year belongs to: 2016-2020, 2021-2025, 2026-2030 … -#}
{% macro plan_period_start(year) -%}
    (2001 + 5 * floor(({{ year }} - 2001) / 5))::integer
{%- endmacro %}

{#- A unit printed inside the name: the last parenthesis, "(%)", "(Tỷ đồng)", "(USD/người)",
    "(triệu USD)", "(nghìn người)", when it holds a unit word (not "(GRDP)" or a remark). -#}
{% macro unit_from_name(name) -%}
    case
        when regexp_matches(
            replace(strip_accents(lower(regexp_extract(nfc_normalize({{ name }}), '\(([^()0-9]{1,24})\)\s*:?\s*$', 1))), 'đ', 'd'),
            '(^[%‰]$)|(^|[^a-z])(usd|dong|nguoi|ha|tan|km|luot|ho|xa|giuong|bac sy|bac si|truong|doanh nghiep|du an|kwh|con|diem)([^a-z]|$)')
        then trim(regexp_extract(nfc_normalize({{ name }}), '\(([^()0-9]{1,24})\)\s*:?\s*$', 1))
        else ''
    end
{%- endmacro %}

{#- kind from the wording of the printed name (lower case NFC, with its diacritics: folded,
    "giảm" and "giám sát", "mới" and "môi trường" would read alike) and the unit:
    "Tốc độ tăng …", "tăng trưởng" growth_rate; an addition in % ("… tăng thêm" %) growth_rate;
    a reduction or an addition ("Mức giảm …", "… giảm", "tăng thêm", "… mới") increment;
    "Tỷ lệ …", "Tỷ trọng …", "Độ che phủ …" or a unit of % / ‰ rate; otherwise level. -#}
{% macro provisional_kind(name, unit) -%}
    case
        when regexp_matches(lower(nfc_normalize({{ name }})), '(^|[^\p{L}])(tốc độ tăng|tăng trưởng)([^\p{L}]|$)') then 'growth_rate'
        when regexp_matches(lower(nfc_normalize({{ name }})), '(^|[^\p{L}])tăng thêm([^\p{L}]|$)')
             and trim({{ unit }}) = '%' then 'growth_rate'
        when regexp_matches(lower(nfc_normalize({{ name }})), '(^|[^\p{L}])(giảm|tăng thêm|mới)([^\p{L}]|$)') then 'increment'
        when regexp_matches(lower(nfc_normalize({{ name }})), '^\s*[-+•–]?\s*(tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|độ che phủ)([^\p{L}]|$)') then 'rate'
        when trim({{ unit }}) in ('%', '‰') then 'rate'
        else 'level'
    end
{%- endmacro %}

{#- direction: a plan printed as an upper bound ("dưới 3,25", "<7,6", "không quá 2") means lower
    is better, a lower bound higher; otherwise what the wording measures: unemployment,
    malnutrition, poor households, deaths, pollution (not its treatment), consumer prices
    (chỉ số giá, lạm phát: a plan caps inflation) … are better lower;
    reductions and everything else higher. -#}
{% macro provisional_direction(name, kind, plan_forms) -%}
    case
        when list_contains({{ plan_forms }}, 'at_most') then 'lower'
        when list_contains({{ plan_forms }}, 'at_least') then 'higher'
        when {{ kind }} <> 'increment'
             and regexp_matches(lower(nfc_normalize({{ name }})), '(thất nghiệp|suy dinh dưỡng|hộ nghèo|nhập siêu|tai nạn|tử vong|ô nhiễm|chỉ số giá|lạm phát)')
             and not regexp_matches(lower(nfc_normalize({{ name }})), 'xử lý') then 'lower'
        else 'higher'
    end
{%- endmacro %}

{#- A stable code for a provisional measure: 'p' + area + a slug of the name + 6 hex digits of
    md5(area, the parent row's name key, the row's name key), so the same name under two parents
    ("Dịch vụ" of growth and of structure) gets two codes, and the same table loaded again the same. -#}
{% macro provisional_code(area_code, name_key, parent_name_key) -%}
    'p' || {{ area_code }} || '_'
        || trim(regexp_replace(left(regexp_replace({{ name_key }}, '[^a-z0-9]+', '_', 'g'), 40), '_+$', ''), '_')
        || '_' || left(md5({{ area_code }} || '|' || coalesce({{ parent_name_key }}, '') || '|' || {{ name_key }}), 6)
{%- endmacro %}
