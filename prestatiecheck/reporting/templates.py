"""Jinja2 for the reports: the shipped templates, user templates, and PDF.

Lookup order for a template (``report.html.j2``, ``report.md.j2``, ``report.txt.j2``,
``report.css``): the ``--template-dir`` given, then the templates shipped in
``prestatiecheck/templates``. Every template runs in Jinja2's
``ImmutableSandboxedEnvironment``: it can read the report data, not Python's internals,
and it cannot change a list or a dict (``.update()``, ``.append()`` are refused). It also
gets a copy of the data (see ``produce``): the exit code, the history and ``--mail-on``
are decided before any template runs.

What comes from rule files and figures is text, never markup or a terminal command:
HTML is autoescaped; every ``{{ ... }}`` shows control characters (ESC, BEL, ...)
escaped, in every format (the text report is an e-mail body, read in terminals); the
``mdcell`` filter makes text safe for Markdown (no raw HTML, no live links or images,
no broken tables).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from prestatiecheck.errors import TemplateError, UsageError
from prestatiecheck.i18n import t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.model import Location, Problem

SHIPPED = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAMES = {"html": "report.html.j2", "md": "report.md.j2", "txt": "report.txt.j2"}


def _autoescape(name: str | None) -> bool:
    return name is not None and (name.endswith(".html") or name.endswith(".html.j2"))


def md_cell(value: object) -> str:
    """Text for Markdown: no raw HTML, no live link or image, no pipe or line break breaking a table."""
    from prestatiecheck.rendering.safetext import markdown_text

    return markdown_text(value)


def shown(value: object) -> object:
    """Every ``{{ ... }}``: control characters escaped (markup already made safe keeps being markup)."""
    from markupsafe import Markup

    from prestatiecheck.rendering.safetext import visible_controls

    if isinstance(value, Markup):
        return Markup(visible_controls(str(value)))
    if isinstance(value, str):
        return visible_controls(value)
    return value


def environment(template_dir: Path | None = None) -> Any:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    shipped = jinja2.FileSystemLoader(str(SHIPPED))
    loader: jinja2.BaseLoader = shipped
    if template_dir is not None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(template_dir)), shipped])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=shown,
    )
    env.filters["mdcell"] = md_cell
    return env


def _where(e: BaseException, fallback: str) -> Location:
    """The template file and line an error happened on (Jinja2 rewrites tracebacks to them)."""
    lineno = getattr(e, "lineno", None)
    filename = getattr(e, "filename", None)
    if filename:
        return Location(display_path(Path(filename)), lineno or 0)
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        if frame.filename.endswith((".j2", ".css", ".html")):
            return Location(display_path(Path(frame.filename)), frame.lineno or 0)
    return Location(fallback)


def render(context: dict[str, Any], fmt: str, template_dir: Path | None = None) -> str:
    """One report as text (html, md, txt). Template errors are TemplateErrors naming file and line."""
    import jinja2
    from jinja2.exceptions import SecurityError

    env = environment(template_dir)
    name = TEMPLATE_NAMES[fmt]
    fallback = display_path((template_dir or SHIPPED) / name)
    try:
        return str(env.get_template(name).render(**context))
    except SecurityError as e:
        raise TemplateError(
            [Problem(_where(e, fallback), t("report_template_unsafe", reason=str(e)))]
        ) from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(
            [Problem(_where(e, fallback), t("report_template_syntax", reason=e.message))]
        ) from None
    except jinja2.TemplateError as e:
        raise TemplateError(
            [Problem(_where(e, fallback), t("report_template_error", reason=str(e)))]
        ) from None
    except Exception as e:
        if template_dir is None:
            raise  # a shipped template failing is a bug of ours: exit 4, traceback with --debug
        # A user template's mistake (a wrong key for t(), a division by zero, ...): name file and line.
        reason = f"{type(e).__name__}: {e}"
        raise TemplateError(
            [Problem(_where(e, fallback), t("report_template_error", reason=reason))]
        ) from None


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    """Reports are self-contained: the PDF engine may not read files or the network."""
    raise ValueError(f"external resource refused: {url}")


def pdf(html: str) -> bytes:
    """The HTML report as PDF (WeasyPrint, pure Python on top of Debian's pango)."""
    try:
        import weasyprint
    except (ImportError, OSError) as e:
        raise UsageError(t("report_pdf_unavailable", reason=str(e).splitlines()[0])) from None
    fetcher: Any = _no_fetch
    try:  # WeasyPrint 66+: a fetcher object; an empty protocol list refuses every URL
        from weasyprint.urls import URLFetcher

        fetcher = URLFetcher(allowed_protocols=())
    except (ImportError, TypeError):
        pass
    from prestatiecheck import progress

    progress.report("pdf")
    try:
        return bytes(weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf())
    finally:
        progress.done()
