"""Writing outputs: through symbolic links, into devices and FIFOs, never replacing what is not a file,
and cleaning up temporary files a killed run left behind."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from prestatiecheck import outputs
from tests.helpers import HERE, MINI, MINI_FIGURES, MINI_INDEX

ROOT = HERE.parent
AS_OF = "2023-03-01"


def _check(*extra: str) -> list[str]:
    return [
        "check",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "-f",
        str(MINI_FIGURES),
        "--as-of",
        AS_OF,
        *extra,
    ]


def _device(path: Path, minor: int) -> Path:
    """A copy of /dev/null (minor 3) or /dev/full (minor 7) in a test folder, never the real one."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot make a device node here: {e}")
    return path


def test_output_through_a_symlink_replaces_the_target(invoke, tmp_path: Path) -> None:
    target = tmp_path / "data" / "results.csv"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("data") / "results.csv")  # relative, as people make them
    result = invoke(*_check("--format", "csv", "-o", str(link)))
    assert result.exit_code == 1, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "results.csv")
    assert target.read_text(encoding="utf-8").startswith("agreement,rule,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert sorted(p.name for p in target.parent.iterdir()) == ["results.csv"]  # no temporary file left


def test_a_dangling_symlink_creates_its_target(invoke, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "real.json")
    assert invoke(*_check("--format", "json", "-o", str(link))).exit_code == 1
    assert link.is_symlink() and (tmp_path / "real.json").read_text(encoding="utf-8").startswith("{")


def test_results_json_and_ics_through_symlinks(invoke, tmp_path: Path) -> None:
    saved, calendar = tmp_path / "saved.json", tmp_path / "agenda.ics"
    saved_link, calendar_link = tmp_path / "s-link", tmp_path / "c-link"
    saved_link.symlink_to(saved)
    calendar_link.symlink_to(calendar)
    assert invoke(*_check("--results-json", str(saved_link), "--format", "json")).exit_code == 1
    assert saved_link.is_symlink() and '"kind": "prestatiecheck-results"' in saved.read_text(encoding="utf-8")
    result = invoke(
        "deadlines",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        "mini-2022-2023",
        "--as-of",
        AS_OF,
        "--ics",
        str(calendar_link),
    )
    assert result.exit_code == 0, result.stderr
    assert calendar_link.is_symlink() and calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_device_is_written_not_replaced(invoke, tmp_path: Path) -> None:
    null = _device(tmp_path / "null", 3)
    result = invoke(*_check("--format", "csv", "-o", str(null)))
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode)  # still the device
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_full_device_is_a_clear_error(invoke, tmp_path: Path) -> None:
    full = _device(tmp_path / "full", 7)
    result = invoke(*_check("--format", "csv", "-o", str(full)))
    assert result.exit_code == 2
    assert f"kan {full} niet schrijven: No space left on device" in result.stderr
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_a_fifo_is_written_directly(invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke(*_check("--format", "csv", "-o", str(fifo)))
    reader.join(30)
    assert result.exit_code == 1, result.stderr
    assert received and received[0].startswith(b"agreement,rule,")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_socket_or_folder_is_never_replaced(invoke, tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        result = invoke(*_check("--format", "csv", "-o", str(path)))
        assert result.exit_code == 2
        assert "geen gewoon bestand" in result.stderr and stat.S_ISSOCK(os.stat(path).st_mode)
    finally:
        server.close()
    english = invoke("--lang", "en", *_check("--format", "csv", "--results-json", str(tmp_path)))
    assert english.exit_code == 2
    assert "this is a folder, not a file" in english.stderr or "directory" in english.stderr.lower()


def _run(stdout: object, *args: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "prestatiecheck", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
    ).returncode


@pytest.fixture
def own_stdout(tmp_path: Path) -> Path:
    """A link to the process's own standard output, as /dev/stdout is (/dev/stdout -> /proc/self/fd/1).

    The tests use this link rather than /dev/stdout itself: these tests run as root, and a
    mistake must not be able to replace the real /dev/stdout."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    return link


def test_output_to_own_stdout_on_a_pipe(own_stdout: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "prestatiecheck", *_check("--format", "csv", "-o", str(own_stdout))],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(b"agreement,rule,")
    assert own_stdout.is_symlink()


def test_output_to_own_stdout_appended_to_a_file(own_stdout: Path, tmp_path: Path) -> None:
    log = tmp_path / "cron.log"
    log.write_bytes(b"earlier output\n")
    with open(log, "ab") as handle:  # as a shell's >> opens it
        assert _run(handle, *_check("--format", "csv", "-o", str(own_stdout))) == 1
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier output\nagreement,rule,")


def test_stale_temporary_files_are_cleaned_up(invoke, tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    dead = finished.pid
    host = outputs._HOST
    stale = tmp_path / f".out.csv.{dead}@{host}.abc123.tmp"  # a killed run on this machine
    live = tmp_path / f".out.csv.{os.getpid()}@{host}.def456.tmp"  # a run still writing
    old = tmp_path / ".out.csv.k2j3h4g5.tmp"  # an earlier version's name, two days old
    recent = tmp_path / ".out.csv.q9w8e7r6.tmp"
    other = tmp_path / f".other.csv.{dead}@{host}.zzz.tmp"  # another file's: not this write's business
    for path in (stale, live, old, recent, other):
        path.write_text("half", encoding="utf-8")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    result = invoke(*_check("--format", "csv", "-o", str(tmp_path / "out.csv")))
    assert result.exit_code == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.csv", live.name, recent.name, other.name]
    )


def test_a_killed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("complete old report\n", encoding="utf-8")

    def chunks():  # type: ignore[no-untyped-def]
        yield "half of a new "
        raise KeyboardInterrupt  # the run is stopped halfway

    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomic(target, chunks())
    assert target.read_text(encoding="utf-8") == "complete old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
