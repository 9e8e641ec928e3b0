"""Where the time of a large `check` goes, stage by stage, in one process.

    python bench/stages.py [--scale 0.25]

Generates the synthetic workload of `bench/national.py` (a fraction of the 350
municipalities) and times each stage of the pipeline separately: loading the
rule files (cold, then warm from the rule-file cache), reading the figures,
checking them, evaluating, putting results into words, building the JSON records
and encoding them. Use it to see which stage a change speeds up; use
`bench/national.py` for the end-to-end figures.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

import national  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=0.25, help="fraction of 350 municipalities")
    options = parser.parse_args()
    gc.set_threshold(100_000, 50, 1000)  # as the CLI does
    with tempfile.TemporaryDirectory(prefix="prestatiecheck-stages-") as tmp:
        os.environ["PRESTATIECHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ.pop("PRESTATIECHECK_NO_CACHE", None)
        index, files, count = national.generate(Path(tmp), national.municipalities_at(options.scale))

        from prestatiecheck.evaluation import Evaluation, evaluate
        from prestatiecheck.i18n import set_language
        from prestatiecheck.loading.figures import read_figures
        from prestatiecheck.loading.rules import load_catalogue
        from prestatiecheck.rendering.present import present
        from prestatiecheck.rendering.rows import records
        from prestatiecheck.validation.figures import convert_rows

        set_language("nl")
        stages: list[tuple[str, float]] = []

        def timed(name: str, work):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            value = work()
            stages.append((name, time.perf_counter() - start))
            return value

        timed("rule files, cold", lambda: load_catalogue(index))
        catalogue = timed("rule files, warm", lambda: load_catalogue(index))
        ids = list(catalogue.agreements)
        rows = timed("read figures", lambda: [r for f in files for r in read_figures(f).rows])
        checked = timed("check figures", lambda: convert_rows(rows, catalogue, ids, None, ids))
        results, _ = timed("evaluate", lambda: evaluate(catalogue, checked.figures, ids, date(2026, 6, 1)))
        evaluation = Evaluation(date(2026, 6, 1), catalogue, [catalogue.agreements[a] for a in ids], results)
        timed(
            "words (present)",
            lambda: [present(r, catalogue.agreements[r.rule.agreement_id]) for r in results],
        )
        recs = timed("records (incl. words)", lambda: list(records(evaluation)))
        timed("JSON encoding (orjson)", lambda: [orjson.dumps(r) for r in recs])
    print(f"{count} figures, {len(results)} results")
    for name, seconds in stages:
        print(f"{name:<24} {seconds:7.2f} s  {seconds / len(results) * 1e6:6.1f} µs per result")


if __name__ == "__main__":
    main()
