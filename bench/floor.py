"""The floor: what the national workload costs a Python program that does almost nothing.

    python bench/floor.py [--scale 1]        # generates the workload of bench/national.py
    python bench/floor.py FILE...            # the figures files bench/national.py wrote

Runs, in this process, the
least that any CPython implementation of `check --format json` has to do:
read the figures CSV into a dict (values as Decimal, no validation at all),
then for each of the 369,600 results look two figures up, compare a share in
integers, write a short Dutch message with an f-string and encode a 12-key JSON
record, and write the document. No rule files, no vocabulary, periods, parties,
duplicates or derived figures are checked; no exact decimals are chosen, no
notes, no Babel. It prints the time of each part.

It is the yardstick for the speed target (issue 14: the national workload within
3x of this script, measured side by side by `bench/national.py`).
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import national  # noqa: E402

RESULTS_PER_MUNICIPALITY = 1056  # as `check` gives for one generated rule file
PARTIES = [*national.CORPORATIONS, None]
VERDICTS = {"met": "onder het maximum", "at_risk": "dicht bij het maximum", "not_met": "boven het maximum"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="figures files (as bench/national.py writes them)"
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="without files: generate this fraction of 350"
    )
    options = parser.parse_args()
    gc.set_threshold(100_000, 50, 1000)  # as the CLI does: fewer full collections of a large heap
    with tempfile.TemporaryDirectory(prefix="prestatiecheck-floor-") as tmp:
        files = options.files
        if not files:
            _, files, _ = national.generate(Path(tmp), national.municipalities_at(options.scale))
        run(files, Path(tmp) / "out.json")


def run(files: list[Path], out_path: Path) -> None:
    start = time.perf_counter()
    figures: dict[tuple[str, str, str, str], Decimal | str] = {}
    values: dict[str, Decimal | str] = {}
    count = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        reader = csv.reader(io.StringIO(text, newline=""))
        next(reader)
        for agreement, period, party, metric, raw, _note in reader:
            value = values.get(raw)
            if value is None:
                value = values[raw] = raw if "-" in raw else Decimal(raw)
            figures[(agreement, metric, period, party)] = value
            count += 1
    read = time.perf_counter()

    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = []
    agreements = sorted({key[0] for key in figures})
    for agreement in agreements:
        for i in range(RESULTS_PER_MUNICIPALITY):
            period = str(national.YEARS[i % len(national.YEARS)])
            party = PARTIES[i % len(PARTIES)]
            who = party or national.CORPORATIONS[0]
            num = figures[(agreement, "verhuringen_urgent", period, who)]
            den = figures[(agreement, "verhuringen_totaal", period, who)]
            nn, nd = num.as_integer_ratio()  # type: ignore[union-attr]
            dn, dd = den.as_integer_ratio()  # type: ignore[union-attr]
            share, limit = nn * dd * 100, 40 * nd * dn  # share <= 40% ?
            status = "met" if share <= limit - 2 * nd * dn else "at_risk" if share <= limit else "not_met"
            percent = share / (nd * dn)
            verdict = VERDICTS[status]
            message = f"{percent:.1f}% ({nn} van {dn}), {verdict}".replace(".", ",")
            record = {
                "rule": f"{agreement}/r{i % 40}",
                "party": party,
                "project": None,
                "period": period,
                "status": status,
                "value": round(percent, 4),
                "limit": 40,
                "provisional": False,
                "message": message,
                "numerator": nn,
                "denominator": dn,
                "notes": [],
            }
            lines.append(encode(record))
    evaluated = time.perf_counter()
    with out_path.open("w", encoding="utf-8") as out:
        out.write('{"results": [\n' + ",\n".join(lines) + "\n]}\n")
    written = time.perf_counter()
    size = out_path.stat().st_size

    print(f"{count} figures, {len(lines)} results, {size / 1e6:.0f} MB of JSON")
    print(f"read figures (no checks)             {read - start:6.2f} s")
    print(f"look up, compare, message, encode    {evaluated - read:6.2f} s")
    print(f"write                                {written - evaluated:6.2f} s")
    print(f"total (plus ~0.1 s interpreter start) {written - start:5.2f} s")


if __name__ == "__main__":
    main()
