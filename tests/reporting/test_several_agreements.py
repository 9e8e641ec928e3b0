"""Several agreements in one run: one report file per agreement, one history record each."""

from __future__ import annotations

from pathlib import Path

import pytest

from prestatiecheck.reporting import history

AS_OF = "2023-03-01"


@pytest.fixture
def two(mini_copy: Path) -> tuple[Path, Path]:
    """The mini agreement and a copy for 'Maxi'; figures with an agreement column for both."""
    folder = mini_copy.parent
    rules = (folder / "rules" / "mini-2022-2023.yaml").read_text(encoding="utf-8")
    maxi = rules.replace("id: mini-2022-2023", "id: maxi-2022-2023", 1).replace(
        "municipality: Mini", "municipality: Maxi", 1
    )
    (folder / "rules" / "maxi-2022-2023.yaml").write_text(maxi, encoding="utf-8")
    index = mini_copy.read_text(encoding="utf-8")
    mini_copy.write_text(
        index + "  - id: maxi-2022-2023\n    file: rules/maxi-2022-2023.yaml\n", encoding="utf-8"
    )
    lines = (folder / "figures.csv").read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",agreement"]
    for agreement in ("mini-2022-2023", "maxi-2022-2023"):
        rows += [f"{line},{agreement}" for line in lines[1:]]
    figures = folder / "both.csv"
    figures.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return mini_copy, figures


def test_one_file_per_agreement(invoke, two: tuple[Path, Path], tmp_path: Path) -> None:
    index, figures = two
    out = tmp_path / "out"
    saved = tmp_path / "r.json"
    result = invoke(
        "report", "--agreements", str(index), "-f", str(figures), "--as-of", AS_OF,
        "--format", "txt", "--format", "html", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "history.sqlite",
        f"maxi-2022-2023-{AS_OF}.html",
        f"maxi-2022-2023-{AS_OF}.txt",
        f"mini-2022-2023-{AS_OF}.html",
        f"mini-2022-2023-{AS_OF}.txt",
    ]
    maxi = (out / f"maxi-2022-2023-{AS_OF}.txt").read_text(encoding="utf-8")
    assert "Gemeente: Maxi" in maxi and "Gemeente: Mini" not in maxi and "✗ niet voldaan: 6" in maxi
    records = [run.record() for run in history.read(out / "history.sqlite")]
    assert [r["agreement"] for r in records] == ["maxi-2022-2023", "mini-2022-2023"]
    assert records[0]["run"] == records[1]["run"]

    check = invoke(
        "check",
        "--agreements",
        str(index),
        "-f",
        str(figures),
        "--as-of",
        AS_OF,
        "--results-json",
        str(saved),
    )
    assert check.exit_code == 1
    only = invoke(
        "report",
        "--from-results",
        str(saved),
        "-a",
        "maxi-2022-2023",
        "--format",
        "md",
        "-o",
        str(tmp_path / "one"),
        "--no-history",
    )
    assert only.exit_code == 0, only.stderr
    assert [p.name for p in (tmp_path / "one").iterdir()] == [f"maxi-2022-2023-{AS_OF}.md"]


def test_one_mail_for_several_agreements(invoke, two: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("prestatiecheck.delivery.mail")
    import email
    import email.policy

    index, figures = two
    out = tmp_path / "out"
    result = invoke(
        "report", "--agreements", str(index), "-f", str(figures), "--as-of", AS_OF, "--format", "html",
        "-o", str(out), "--no-history", "--mail-to", "a@example.org", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [eml] = list(out.glob("*.eml"))
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["Subject"].startswith("Maxi, Mini: prestatieafspraken per 1 maart 2023 (12 niet voldaan")
    html = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert html.count("<h1>") == 2 and html.count("<html") == 1
    assert len(list(message.iter_attachments())) == 2
