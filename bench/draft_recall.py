"""How much of the shipped encoding `prestatiecheck draft` finds on its own, per seed document.

    python bench/draft_recall.py [--seeds DIR] [--verbose]

For each of the five seed documents (../shared/seeds beside the checkout, --seeds or $PRESTATIECHECK_SEEDS)
the draft is made and compared with the shipped rule file of that agreement
(prestatiecheck/drafting/measure.py says how a candidate matches a quote):

- found: the share of shipped rules whose quote (or the sentence or table row it stands in)
  the draft proposes as a rule candidate;
- ctx: shipped rules the draft proposes only as a context item (not counted as found);
- precise: the share of rule candidates that match a shipped rule or context item.

--verbose lists the shipped rules not found.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prestatiecheck.drafting.documents import read_document  # noqa: E402
from prestatiecheck.drafting.measure import Measurement, measure  # noqa: E402
from prestatiecheck.drafting.writer import draft_candidates  # noqa: E402
from prestatiecheck.loading.yamlsafe import load_yaml  # noqa: E402

SEEDS = {
    "000_36da0fa892bca470.txt": "amersfoort-2021",
    "002_34629708bfba645e.txt": "amersfoort-2022-2023",
    "001_d8cd156a4c302883.txt": "amersfoort-2026-2030",
    "003_119d84221b6e055f.txt": "soest-2021-2022",
    "004_6866c41b2979602f.txt": "nijkerk-2025-2027",
}


def _row(name: str, m: Measurement) -> str:
    return (
        f"{name:<22} {m.rules:>5} {m.found:>6} {100 * m.found / max(1, m.rules):>5.0f}% "
        f"{m.as_context:>4} {m.candidates:>5} {m.precise:>7} {100 * m.precise / max(1, m.candidates):>5.0f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seeds", default=os.environ.get("PRESTATIECHECK_SEEDS", str(ROOT.parent / "shared" / "seeds"))
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        raise SystemExit(f"no seed documents in {seeds} (give --seeds DIR)")
    started = time.perf_counter()
    total = Measurement()
    print(
        f"{'agreement':<22} {'rules':>5} {'found':>6} {'%':>6} {'ctx':>4} {'cand':>5} {'precise':>7} {'%':>6}"
    )
    for file, agreement_id in SEEDS.items():
        shipped, problems = load_yaml(ROOT / "rules" / f"{agreement_id}.yaml")
        if shipped is None:
            raise SystemExit(f"cannot read rules/{agreement_id}.yaml: {problems}")
        result = measure(draft_candidates(read_document(seeds / file)), shipped)
        print(_row(agreement_id, result))
        if args.verbose:
            for ref, how, quote in result.missed:
                print(f"    {how:<7} {ref}: {' '.join(quote.split())[:110]}")
        total.add(result)
    print(_row("all five", total))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
