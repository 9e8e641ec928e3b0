"""Reports for the bestuurlijk overleg: saved results, history, context, templates, files.

The pipeline, one module each:

- ``results``: an evaluation -> a results document (JSON; what ``check --results-json``
  saves and ``report --from-results`` reads), with the texts in both languages;
- ``history``: the SQLite store of earlier runs and what changed since the last one;
- ``charts``: inline SVG (progress bars, share trends);
- ``context``: a results document (+ the previous run) -> the plain data a template shows;
- ``templates``: Jinja2 environments (shipped: normal, autoescaped; user: sandboxed) and PDF;
- ``produce``: every format for every agreement, written atomically, plus the mail texts.
"""

from __future__ import annotations

FORMATS = ("html", "md", "txt", "pdf")
