"""The command line as a user meets it: help texts, a missing warehouse, progress on a terminal."""

from __future__ import annotations

import io

import pytest

from .conftest import run_cli
from ktxh.cli import COMMANDS, build_parser
from ktxh.progress import Stages, track


def help_text(*argv: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*argv, "--help"])
    assert exit_.value.code == 0


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_says_what_it_does_its_settings_and_exit_codes(command, capsys):
    help_text(command)
    out = capsys.readouterr().out
    assert " ".join(COMMANDS[command][1].split()) in " ".join(out.split())  # what it does
    assert "settings (environment):" in out and "KTXH_DB" in out and "KTXH_EXPORTS" in out
    assert "exit codes:" in out and "\n  0  done" in out and "\n  2  " in out
    assert "``" not in out and ":func:" not in out


def test_top_level_help_lists_every_command_without_markup(capsys):
    help_text()
    out = capsys.readouterr().out
    assert all(f"    {name}" in out for name in COMMANDS)
    assert "``" not in out and "exit codes:" in out


@pytest.mark.parametrize("command", ["build", "check", "export", "report"])
def test_a_warehouse_that_does_not_exist_is_an_error_and_is_not_created(command, tmp_path, capsys):
    db = tmp_path / "typo" / "ktxh.duckbd"
    assert run_cli(db, command) == 2
    err = capsys.readouterr().err
    assert err.startswith("ktxh: ") and "no warehouse" in err and str(db) in err
    assert not db.exists() and not db.parent.exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_and_quiet_elsewhere(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with Stages(["ingest", "dbt build"]) as stages:
        with stages.stage("ingest"):
            assert list(track([1, 2, 3], "parse", unit="doc")) == [1, 2, 3]
        with stages.stage("dbt build"):
            pass
    shown = terminal.getvalue()
    assert "ktxh: ingest" in shown and "ktxh: dbt build" in shown and "2/2" in shown and "ktxh: parse" in shown
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    with Stages(["ingest"]) as stages, stages.stage("ingest"):
        list(track([1, 2], "parse"))
    assert pipe.getvalue() == ""
