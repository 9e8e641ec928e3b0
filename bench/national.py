"""Benchmark: a synthetic national workload, and the start-up cost of the CLI.

    python bench/national.py            # full size: 350 municipalities
    python bench/national.py --scale 0.25 --scale 0.5 --scale 1

Generates (in a temporary directory) an agreements index with one rule file per
municipality (40 rules of every kind, 5 parties, 10 years) and one figures CSV
with an `agreement` column, then times `prestatiecheck check --format json` on
it in a fresh process and prints wall time, peak memory (max RSS of the child)
and figures per second, for each scale, so that linear growth can be read off.
It also times `prestatiecheck --help` against `python -c "import click"` and a
small `check` on the shipped example. Targets (issue 2): national workload under
5 s and 500 MB on one core; `--help` within 1.5x of `import click`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEARS = list(range(2016, 2026))
CORPORATIONS = ["alliantie", "portaal", "omnia-wonen"]
PARTIES = ["gemeente", *CORPORATIONS, "hbva"]
SHARE_METRICS = ["verhuringen_urgent", "verhuringen_vrije_toewijzing", "verhuringen_jongeren_kkg"]
VALUE_METRICS = [f"waarde_{i}" for i in range(6)]
COMPARE_PAIRS = [(f"links_{i}", f"rechts_{i}") for i in range(4)]
COUNT_METRICS = [f"aantal_{i}" for i in range(4)]
DEADLINE_METRICS = [f"gedaan_{i}" for i in range(6)]


def rule_file(agreement_id: str) -> str:
    out = [
        "agreement:",
        f"  id: {agreement_id}",
        f"  title: Prestatieafspraken {agreement_id}",
        f"  municipality: {agreement_id}",
        f"  period: {YEARS[0]}-{YEARS[-1]}",
        "  source: synthetic",
        "  parties:",
        "    - {id: gemeente, name: Gemeente, role: gemeente}",
        *[f"    - {{id: {c}, name: {c}, role: corporatie}}" for c in CORPORATIONS],
        "    - {id: hbva, name: HBVA, role: huurdersorganisatie}",
        "metrics:",
    ]
    for m in VALUE_METRICS:
        out += [f"  {m}: {{unit: eur, nl: {m}, en: {m}}}"]
    for left, right in COMPARE_PAIRS:
        out += [
            f"  {left}: {{unit: eur, nl: {left}, en: {left}}}",
            f"  {right}: {{unit: eur, nl: {right}, en: {right}}}",
        ]
    for m in COUNT_METRICS:
        out += [f"  {m}: {{unit: count, nl: {m}, en: {m}}}"]
    for m in DEADLINE_METRICS:
        out += [f"  {m}: {{unit: date, nl: {m}, en: {m}}}"]
    out.append("rules:")
    n = 0

    def rule(check: str, trekker: str = "[alliantie, portaal, omnia-wonen]") -> None:
        nonlocal n
        n += 1
        out.extend(
            [
                f"  - ref: r{n}",
                f"    title: Regel {n}",
                "    theme: Thema " + str(n % 5),
                f"    source: {{article: '{n}', quote: citaat {n}}}",
                f"    trekker: {trekker}",
                "    obligation: inspanning",
                "    check:",
                *("      " + line for line in check.splitlines()),
            ]
        )

    for i in range(12):
        num = SHARE_METRICS[i % 3]
        bound = "min: 5" if num == "verhuringen_jongeren_kkg" else f"max: {30 + i}"
        rule(
            f"kind: share\nnumerator: {num}\ndenominator: verhuringen_totaal\n{bound}\nscope: [party, joint]"
        )
    for i in range(4):
        rule(
            f"kind: band\nnumerator: verhuringen_urgent\ndenominator: verhuringen_totaal\ntarget: {25 + i}\n"
            "tolerance: 5\nscope: [joint]"
        )
    for m in VALUE_METRICS:
        rule(f"kind: value\nmetric: {m}\nmax: 131.37")
    for left, right in COMPARE_PAIRS:
        rule(f"kind: compare\nleft: {left}\nop: '<='\nright: {right}")
    for i in range(4):
        rule(
            "kind: target\nmetric: netto_toename\nscope: [party, joint]\n"
            f"targets: {{alliantie: {100 + i}, portaal: 120, omnia-wonen: 30, joint: {250 + i}}}"
        )
    for m in COUNT_METRICS:
        rule(f"kind: count\nmetric: {m}\nmin: 4", trekker="[gemeente]")
    for m in DEADLINE_METRICS:
        rule(f"kind: deadline\nevidence: {m}\ndue: vóór 1 april\nrecurrence: yearly")
    assert n == 40, n
    return "\n".join(out) + "\n"


def figures_rows(agreement_id: str, rng: random.Random) -> list[str]:
    rows = []
    for year in YEARS:
        for party in CORPORATIONS:
            total = rng.randint(200, 900)
            rows.append(f"{agreement_id},{year},{party},verhuringen_totaal,{total},")
            for m in SHARE_METRICS:
                rows.append(f"{agreement_id},{year},{party},{m},{rng.randint(0, total // 2)},")
            for m in VALUE_METRICS:
                rows.append(f"{agreement_id},{year},{party},{m},{rng.randint(9000, 14000) / 100:.2f},")
            for left, right in COMPARE_PAIRS:
                rows.append(f"{agreement_id},{year},{party},{left},{rng.randint(0, 2000) / 100:.2f},")
                rows.append(f"{agreement_id},{year},{party},{right},{rng.randint(0, 2000) / 100:.2f},")
            for m in ("toevoegingen", "deliberalisatie", "sloop", "verkoop", "liberalisatie"):
                rows.append(f"{agreement_id},{year},{party},{m},{rng.randint(0, 40)},")
            for m in DEADLINE_METRICS:
                rows.append(f"{agreement_id},{year},{party},{m},{year}-03-{rng.randint(10, 31):02d},")
        for m in COUNT_METRICS:
            rows.append(f"{agreement_id},{year},gemeente,{m},{rng.randint(2, 8)},")
    return rows


def generate(directory: Path, municipalities: int) -> tuple[Path, Path, int]:
    rng = random.Random(44)
    (directory / "rules").mkdir(parents=True, exist_ok=True)
    index = ["metrics: metrics.yaml", "agreements:"]
    rows = ["agreement,period,party,metric,value,note"]
    for i in range(municipalities):
        agreement_id = f"gemeente-{i:03d}"
        (directory / "rules" / f"{agreement_id}.yaml").write_text(rule_file(agreement_id), encoding="utf-8")
        index.append(f"  - {{id: {agreement_id}, file: rules/{agreement_id}.yaml}}")
        rows.extend(figures_rows(agreement_id, rng))
    (directory / "metrics.yaml").write_text(
        (ROOT / "metrics.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (directory / "agreements.yaml").write_text("\n".join(index) + "\n", encoding="utf-8")
    figures = directory / "figures.csv"
    figures.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return directory / "agreements.yaml", figures, len(rows) - 1


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return wall, max(peak, before) / 1024, proc.returncode


def best_of(n: int, args: list[str]) -> float:
    return min(timed(args)[0] for _ in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale", type=float, action="append", help="fraction of 350 municipalities (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per scale (the fastest is reported)")
    options = parser.parse_args()
    scales = options.scale or [1.0]
    exe = [sys.executable, "-m", "prestatiecheck"]
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpu(s) visible; "
        "checks run in one process (one core)"
    )
    print()
    print("cold: empty rule-file cache (first run after a rule file changed); warm: cache filled")
    print(
        f"{'municipalities':>14} {'figures':>9} {'cold s':>8} {'warm s':>8} {'peak MB':>8} "
        f"{'figures/s':>10} {'s per 100k':>10}"
    )
    for scale in scales:
        municipalities = max(1, round(350 * scale))
        with tempfile.TemporaryDirectory(prefix="prestatiecheck-bench-") as tmp:
            index, figures, count = generate(Path(tmp), municipalities)
            args = [
                *exe,
                "check",
                "--agreements",
                str(index),
                "-f",
                str(figures),
                "--format",
                "json",
                "--as-of",
                "2026-06-01",
                "--output",
                str(Path(tmp) / "out.json"),
            ]
            env = {**os.environ, "PRESTATIECHECK_CACHE_DIR": str(Path(tmp) / "cache")}
            env.pop("PRESTATIECHECK_NO_CACHE", None)
            cold = timed(args, env)
            runs = [timed(args, env) for _ in range(options.repeat)]
            wall = min(r[0] for r in runs)
            peak = max(r[1] for r in [cold, *runs])
            print(
                f"{municipalities:>14} {count:>9} {cold[0]:>8.2f} {wall:>8.2f} {peak:>8.0f} "
                f"{count / wall:>10.0f} {wall / count * 1e5:>10.2f}"
            )
    print()
    # Start-up as after `pip install .`: compiled bytecode is used (pip compiles at install time;
    # an environment with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on
    # every start, and measure the compiler rather than the program). One untimed run writes it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    timed([*exe, "--help"], env)
    click_s = statistics.median(timed([sys.executable, "-c", "import click"], env)[0] for _ in range(7))
    help_s = statistics.median(timed([*exe, "--help"], env)[0] for _ in range(7))
    example = ROOT / "examples" / "amersfoort-2022-2023.csv"
    print(f"python -c 'import click'      {click_s * 1000:7.0f} ms")
    print(
        f"prestatiecheck --help         {help_s * 1000:7.0f} ms  "
        f"({help_s / click_s:.2f}x import click; target <= 1.5x)"
    )
    if example.exists():
        small = [
            *exe,
            "check",
            "--agreement",
            "amersfoort-2022-2023",
            "-f",
            str(example),
            "--as-of",
            "2024-04-15",
        ]
        small_s = statistics.median(timed(small, env)[0] for _ in range(5))
        print(f"small check (shipped example) {small_s * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
