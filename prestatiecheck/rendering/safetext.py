"""Text from files made safe for where it is shown: terminals, spreadsheets, Markdown.

Notes, project and party names come from figures files that anyone may have written.
Shown raw, they can carry an attack:

- control characters (ESC, BEL, CR, ...) steer a terminal: recolour it, move the cursor,
  hide text, set the window title; bidirectional overrides reorder what a reader sees.
  :func:`visible_controls` shows each as an escape (``\\x1b``, ``\\u202e``);
- a spreadsheet cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
  return) is a formula in Excel and LibreOffice (``=HYPERLINK(...)``, DDE).
  :func:`neutralize_formula` puts a quote before it (the OWASP advice); numbers are never
  passed through it;
- Markdown turns ``[text](url)`` and ``![alt](url)`` into live links and images:
  :func:`markdown_text` escapes them (and raw HTML, pipes and line breaks for tables).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, bidirectional marks, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str, *, newlines: bool = True) -> str:
    """Control characters as visible escapes; tabs and (unless ``newlines=False``) line breaks kept."""
    pattern = _CONTROL if newlines else _CONTROL_OR_BREAK
    return pattern.sub(_escape, text) if pattern.search(text) else text


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


def neutralize_formula(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula, prefixed with a quote (OWASP)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


# XML 1.0 (and so openpyxl) cannot hold most C0 controls at all.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an .xlsx cell can hold: a vertical tab or form feed (Shift+Enter in Word or Excel)
    becomes the line break it stood for; other controls become visible escapes."""
    if not _XML_ILLEGAL.search(text):
        return text
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return _XML_ILLEGAL.sub(_escape, text)


_MD_SPECIAL = re.compile(r"([\\\[\]|])")


def markdown_text(value: object) -> str:
    """Text for Markdown (also a table cell): no raw HTML, no live links or images, no table breaks.

    ``&``, ``<`` and ``>`` become entities (raw HTML and autolinks are live in Markdown);
    backslashes, ``[``, ``]`` (so no link, image or reference) and ``|`` are escaped; a
    line break becomes ``<br>``; control characters are shown escaped.
    """
    text = visible_controls(str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\n", "<br>")
