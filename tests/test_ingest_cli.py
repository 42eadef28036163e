"""`ktxh ingest` and the warehouse's all-or-nothing behaviour."""

from __future__ import annotations

import shutil

import pytest
from filelock import FileLock

from ktxh import cli, discovery, warehouse

from .conftest import ANNUAL_REPORT, DOCUMENTS, query, snapshot

MALFORMED = """Phụ lục

BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022

| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2021 | KH 2022 | Ước TH năm 2022 | KH 2023 |
|---|---|---|---|---|---|---|
| 2 | GRDP bình quân đầu người | Triệu đồng | 37,18 | 40,30 | 39,48 | 43,97 |
| 5 | Thu Ngân sách Nhà nước trên địa bàn | Tỷ đồng | 1.949,545 | 2.018 | 4.18.0 | 2.838 |
"""


def test_batch_records_document_hash_and_area(warehouse_env):
    assert cli.main(["ingest", str(ANNUAL_REPORT)]) == 0
    [(document, fmt, area, name, year, sha)] = query(
        warehouse_env, "select document, document_format, area_code, area_name, plan_year, content_sha256 from raw.load_batches")
    assert (document, fmt, area, name, year) == (ANNUAL_REPORT.name, "report_text", "04", "Cao Bằng", 2022)
    assert len(sha) == 64
    counts = dict(query(warehouse_env, "select column_role, count(*) from raw.appendix_cells group by all"))
    # 41 measure rows carry all four figures; the appendix prints 29, 34 and 20 ratios in columns 7, 8 and 10
    assert counts == {"prior_actual": 41, "plan": 41, "estimate": 41, "next_plan": 41,
                      "pct_of_prior": 29, "pct_of_plan": 34, "next_plan_pct_of_estimate": 20}


def test_same_content_from_another_path_replaces_its_batch(warehouse_env, tmp_path):
    assert cli.main(["ingest", str(ANNUAL_REPORT)]) == 0
    before = snapshot(warehouse_env)
    copy = tmp_path / "renamed" / ANNUAL_REPORT.name
    copy.parent.mkdir()
    shutil.copy(ANNUAL_REPORT, copy)
    assert cli.main(["ingest", str(copy)]) == 0
    after = snapshot(warehouse_env)
    assert {t: rows for t, rows in after.items() if t != "raw.load_batches"} == {
        t: rows for t, rows in before.items() if t != "raw.load_batches"}
    assert len(after["raw.load_batches"]) == 1
    # same batch, hash, document and load time; only the path it came from is updated
    (old,), (new,) = before["raw.load_batches"], after["raw.load_batches"]
    assert old[:3] == new[:3] and old[-1] == new[-1] and new[3] == str(copy)


def test_malformed_table_is_refused_whole_and_the_warehouse_is_unchanged(warehouse_env, tmp_path, capsys):
    assert cli.main(["ingest", str(ANNUAL_REPORT)]) == 0
    before = snapshot(warehouse_env)
    bad = tmp_path / "bieu_2022_loi.txt"
    bad.write_text(MALFORMED, encoding="utf-8")
    # a good document and a bad one in the same command: nothing is written
    assert cli.main(["ingest", str(DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bieu_2022_loi.txt" in err and "line 8" in err and "'4.18.0'" in err
    assert "Traceback" not in err
    assert snapshot(warehouse_env) == before


def test_unknown_area_code_is_refused(warehouse_env, capsys):
    assert cli.main(["ingest", str(ANNUAL_REPORT), "--area", "99"]) == 1
    assert "not an official province code" in capsys.readouterr().err


def test_area_from_folder_name_and_option(tmp_path):
    folder = tmp_path / "06_bac-kan"
    folder.mkdir()
    (folder / "a.txt").write_text("x", encoding="utf-8")
    assert discovery.discover([folder], None) == [(folder / "a.txt", "06")]
    assert discovery.discover([folder], "04") == [(folder / "a.txt", "04")]


def test_a_second_writer_gets_a_clear_message(warehouse_env, capsys):
    warehouse_env.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(warehouse_env) + ".lock"):
        assert cli.main(["ingest", str(ANNUAL_REPORT)]) == 2
    assert "another ktxh run or ingest is writing" in capsys.readouterr().err


def test_a_failed_build_leaves_the_previous_warehouse(warehouse_env):
    assert cli.main(["ingest", str(ANNUAL_REPORT)]) == 0
    before = snapshot(warehouse_env)

    def failing_check(new_db):
        # the new file got the new document before failing
        assert query(new_db, "select count(*) from raw.load_batches")[0][0] == 2
        raise warehouse.BuildFailed("check crashed")

    with pytest.raises(warehouse.BuildFailed):
        warehouse.run(warehouse_env, [DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"], None,
                      after_build=failing_check)
    assert snapshot(warehouse_env) == before
    assert not warehouse.building_path(warehouse_env).exists()


def test_build_without_a_warehouse_says_what_to_do(warehouse_env, capsys):
    assert cli.main(["build"]) == 2
    assert "run `ktxh run`" in capsys.readouterr().err
