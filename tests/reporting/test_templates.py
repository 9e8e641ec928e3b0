"""Escaping of everything from rule files and figures, and user templates in Jinja2's sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reporting.conftest import STEM

SCRIPT = "<script>alert('x')</script> & co"


def _title_with_markup(index: Path) -> None:
    rules = index.parent / "rules" / "mini-2022-2023.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace("title: Maximaal 50% naar urgenten", f'title: "Maximaal 50% {SCRIPT}"', 1)
    text = text.replace('quote: "Partijen werken samen."', 'quote: "Partijen <b>werken</b> samen."', 1)
    rules.write_text(text, encoding="utf-8")


def test_markup_in_a_rule_title_is_escaped_in_html(report, mini_copy: Path, tmp_path: Path) -> None:
    _title_with_markup(mini_copy)
    result = report("--format", "html", "--format", "md", index=mini_copy)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co" in html
    assert "<b>werken</b>" not in html and "&lt;b&gt;werken&lt;/b&gt;" in html
    # also inside the SVG's text alternative
    assert 'aria-label="Maximaal 50% &lt;script&gt;' in html
    md = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    assert "<script" not in md and "&lt;script&gt;" in md


def test_markup_in_a_figures_note_is_escaped(report, mini_copy: Path, tmp_path: Path) -> None:
    figures = mini_copy.parent / "figures.csv"
    text = figures.read_text(encoding="utf-8").replace(
        "Veel statushouders gehuisvest", '"<img src=x onerror=alert(1)>"'
    )
    figures.write_text(text, encoding="utf-8")
    assert report("--format", "html", index=mini_copy, figures=figures).exit_code == 0
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def _templates(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def test_user_template_is_used_and_autoescaped(report, mini_copy: Path, tmp_path: Path) -> None:
    _title_with_markup(mini_copy)
    folder = _templates(
        tmp_path,
        report_html_j2=(
            "<html><body><h1>Eigen {{ agreement.municipality }}</h1>"
            "{% for th in themes %}{% for r in th.rules %}<p>{{ r.title }}</p>{% endfor %}{% endfor %}"
            "</body></html>\n"
        ),
    )
    result = report("--format", "html", "--format", "txt", "--template-dir", str(folder), index=mini_copy)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert "<h1>Eigen Mini</h1>" in html
    assert "&lt;script&gt;" in html and "<script" not in html
    # the formats the folder does not have come from the package
    assert "RAPPORTAGE PRESTATIEAFSPRAKEN" in (tmp_path / "out" / f"{STEM}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ t.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{% for th in themes %}{{ th.rules.__class__.__subclasses__() }}{% endfor %}",
    ],
)
def test_user_template_cannot_reach_python_internals(report, tmp_path: Path, attack: str) -> None:
    folder = _templates(tmp_path, report_md_j2=f"# report\n\n{attack}\n")
    result = report("--format", "md", "--template-dir", str(folder))
    assert result.exit_code == 2
    assert "report.md.j2:3" in result.stderr
    assert "niet mag" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / f"{STEM}.md").exists()


def test_template_syntax_error_names_file_and_line(report, tmp_path: Path) -> None:
    folder = _templates(tmp_path, report_txt_j2="ok\n{% for x in %}\n")
    result = report("--format", "txt", "--template-dir", str(folder), "--lang", "en")
    assert result.exit_code == 2
    assert "report.txt.j2:2: template error" in result.stderr


def test_template_with_an_unknown_name_is_an_error_not_an_empty_cell(report, tmp_path: Path) -> None:
    folder = _templates(tmp_path, report_txt_j2="{{ agreement.nonsense }}\n")
    result = report("--format", "txt", "--template-dir", str(folder))
    assert result.exit_code == 2
    assert "report.txt.j2:1" in result.stderr and "nonsense" in result.stderr


@pytest.mark.parametrize(
    "body", ["{{ t('no_such_key') }}", "{{ 1 / 0 }}", "{{ t('report_deadlines', nope=1) }}"]
)
def test_user_template_mistakes_are_input_errors(report, tmp_path: Path, body: str) -> None:
    folder = _templates(tmp_path, report_txt_j2=f"line one\n{body}\n")
    result = report("--format", "txt", "--template-dir", str(folder))
    assert result.exit_code == 2, result.stderr
    assert "report.txt.j2:2" in result.stderr and "Traceback" not in result.stderr


def test_a_template_error_says_no_report_was_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from prestatiecheck.cli import cli

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{% for x in %}", encoding="utf-8")
    mini = __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "mini"
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--agreements",
            str(mini / "agreements.yaml"),
            "-a",
            "mini-2022-2023",
            "-f",
            str(mini / "figures.csv"),
            "--as-of",
            "2024-04-15",
            "--format",
            "md",
            "--output",
            str(tmp_path / "out"),
            "--template-dir",
            str(templates),
            "--no-history",
        ],
    )
    assert result.exit_code == 2
    assert "er is geen rapport geschreven" in result.stderr
    assert not list((tmp_path / "out").glob("*.md")) if (tmp_path / "out").exists() else True
