"""Benchmark: the national workload against the floor, at several scales, and the start-up cost.

    python bench/national.py                     # scales 0.25, 0.5, 1 and 2, one run each
    python bench/national.py --repeat 3          # the best of three runs (a busy machine)
    python bench/national.py --scale 0.25        # one scale only

Generates (in a temporary directory) an agreements index with one rule file per
municipality (40 rules of every kind, 5 parties, 10 years; 350 municipalities at
scale 1) and the figures with an `agreement` column, in files of at most 50
municipalities each, then runs, each in a fresh process, side by side:

- `bench/floor.py` on the same files: the least any CPython program does for this
  workload (see its docstring);
- `prestatiecheck check --format json` with an empty rule-file cache (cold) and
  with a filled one (warm), with peak memory (the child's max RSS);
- the warm check again with `--jobs 2`.

It prints the times and the ratios the targets of issue 14 are stated in; then, at
scale 1 (or the largest scale below it that was run), the warm check again with the
national law applied (the default of `check`; the table leaves it out with
`--no-national`, as the workload of issue 2 and the floor have no national law);
then the start-up cost: `prestatiecheck --help` against `python -c "import click"`, and
a small check of a shipped example (table output) against
`python -c "import click, yaml, rich.console"`.

Every child runs as after `pip install .`: the package's modules compiled to bytecode
before anything is timed (an environment with PYTHONDONTWRITEBYTECODE=1 would
otherwise compile every module in every run).

Targets (issue 14): national scale, warm, one core <= 3x the floor; peak memory at
national scale <= 150 MB and at scale 2 within 10% of that; cold <= 1.5x warm;
`--jobs 2` >= 1.7x faster than one job (on two free cores); `--help` <= 1.3x
`import click`; the small check <= 2x `import click, yaml, rich.console`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
YEARS = list(range(2016, 2026))
CORPORATIONS = ["alliantie", "portaal", "omnia-wonen"]
PARTIES = ["gemeente", *CORPORATIONS, "hbva"]
SHARE_METRICS = ["verhuringen_urgent", "verhuringen_vrije_toewijzing", "verhuringen_jongeren_kkg"]
VALUE_METRICS = [f"waarde_{i}" for i in range(6)]
COMPARE_PAIRS = [(f"links_{i}", f"rechts_{i}") for i in range(4)]
COUNT_METRICS = [f"aantal_{i}" for i in range(4)]
DEADLINE_METRICS = [f"gedaan_{i}" for i in range(6)]
PER_FILE = 50  # municipalities per figures file
MUNICIPALITIES = 350  # at scale 1
SCALES = (0.25, 0.5, 1.0, 2.0)


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


def municipalities_at(scale: float) -> int:
    return max(1, round(MUNICIPALITIES * scale))


def generate(directory: Path, municipalities: int) -> tuple[Path, list[Path], int]:
    """The index, the figures files and the number of figures, for this many municipalities."""
    rng = random.Random(44)
    (directory / "rules").mkdir(parents=True, exist_ok=True)
    index = ["metrics: metrics.yaml", "agreements:"]
    header = "agreement,period,party,metric,value,note"
    files: list[Path] = []
    rows: list[str] = []
    count = 0
    for i in range(municipalities):
        agreement_id = f"gemeente-{i:03d}"
        (directory / "rules" / f"{agreement_id}.yaml").write_text(rule_file(agreement_id), encoding="utf-8")
        index.append(f"  - {{id: {agreement_id}, file: rules/{agreement_id}.yaml}}")
        rows.extend(figures_rows(agreement_id, rng))
        if (i + 1) % PER_FILE == 0 or i + 1 == municipalities:
            path = directory / f"figures-{len(files) + 1:02d}.csv"
            path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
            files.append(path)
            count += len(rows)
            rows = []
    (directory / "metrics.yaml").write_text(
        (ROOT / "metrics.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (directory / "agreements.yaml").write_text("\n".join(index) + "\n", encoding="utf-8")
    return directory / "agreements.yaml", files, count


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB, the process and the workers it waited for) of one child."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {errors.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def count_results(path: Path) -> int:
    """The results in a JSON document, read a block at a time: this process stays small (a child's
    peak memory, as Linux reports it, is at least the peak of the process that started it)."""
    marker = b'\n    {"rule":'
    count, carried = 0, b""
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            data = carried + block
            count += data.count(marker)
            carried = data[-(len(marker) - 1) :]  # (too short to hold a whole marker again)
    return count


def best(runs: int, args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    found = [timed(args, env) for _ in range(runs)]
    return min(w for w, _ in found), max(m for _, m in found)


def national_option() -> list[str]:
    """The synthetic workload is the agreements' own rules (issue 2): no national law beside them."""
    text = subprocess.run(
        [sys.executable, "-m", "prestatiecheck", "check", "--help"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return ["--no-national"] if "--no-national" in text else []


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale", type=float, action="append", help="fraction of 350 municipalities (repeatable)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each warm measurement (the best counts)"
    )
    parser.add_argument("--no-startup", action="store_true", help="leave out the start-up measurements")
    options = parser.parse_args()
    scales = options.scale or list(SCALES)
    exe = [sys.executable, "-m", "prestatiecheck"]
    extra = national_option()
    compiled = installed_env()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cpu(s) visible, load average {load:.1f} at the start; "
        f"best of {options.repeat} warm run(s)"
    )
    print("floor: bench/floor.py on the same files; cold: empty rule-file cache; warm: filled")
    print()
    head = (
        f"{'scale':>5} {'figures':>8} {'results':>8} {'floor s':>8} {'cold s':>7} {'warm s':>7} "
        f"{'warm/floor':>10} {'cold/warm':>9} {'MB cold':>7} {'MB warm':>7} {'-j2 s':>6} {'-j1/-j2':>7}"
    )
    print(head)
    print("-" * len(head))
    peaks: dict[float, float] = {}
    national_at = max((x for x in scales if x <= 1.0), default=min(scales)) if extra else None
    national_row = ""
    for scale in scales:
        municipalities = municipalities_at(scale)
        with tempfile.TemporaryDirectory(prefix="prestatiecheck-bench-") as tmp:
            index, files, count = generate(Path(tmp), municipalities)
            figure_args = [a for f in files for a in ("-f", str(f))]
            check = [
                *exe, "check", "--agreements", str(index), *figure_args, "--format", "json",
                "--as-of", "2026-06-01", "--output", str(Path(tmp) / "out.json"), *extra,
            ]  # fmt: skip
            env = {**compiled, "PRESTATIECHECK_CACHE_DIR": str(Path(tmp) / "cache")}
            env.pop("PRESTATIECHECK_NO_CACHE", None)
            floor_s, _ = best(
                options.repeat, [sys.executable, str(HERE / "floor.py"), *map(str, files)], compiled
            )
            cold_s, cold_mb = timed(check, env)
            warm_s, warm_mb = best(options.repeat, check, env)
            results = count_results(Path(tmp) / "out.json")
            jobs_s, _ = best(options.repeat, [*check, "--jobs", "2"], env)
            peaks[scale] = warm_mb
            print(
                f"{scale:>5g} {count:>8,} {results:>8,} {floor_s:>8.2f} {cold_s:>7.2f} "
                f"{warm_s:>7.2f} {warm_s / floor_s:>9.2f}x {cold_s / warm_s:>8.2f}x "
                f"{cold_mb:>7.0f} {warm_mb:>7.0f} {jobs_s:>6.2f} {warm_s / jobs_s:>6.2f}x"
            )
            if scale == national_at:
                with_law = [a for a in check if a not in extra]
                timed(with_law, env)  # (untimed: the national rule file into the cache)
                law_s, law_mb = best(options.repeat, with_law, env)
                law_results = count_results(Path(tmp) / "out.json")
                national_row = (
                    f"with the national law applied (check's default), scale {scale:g}, warm: "
                    f"{law_results:,} results, {law_s:.2f} s ({law_s / floor_s:.2f}x the floor, "
                    f"{law_s / warm_s:.2f}x without it), peak {law_mb:.0f} MB"
                )
    print()
    print("targets: warm/floor <= 3 at scale 1; peak <= 150 MB at scale 1 and within 10% of it at scale 2;")
    print("         (MB: the peak memory, max RSS, of the cold run and of the warm run)")
    print("         cold/warm <= 1.5; -j1/-j2 >= 1.7 (two free cores)")
    if 1.0 in peaks and 2.0 in peaks:
        print(f"peak memory, warm, scale 2 / scale 1: {peaks[2.0] / peaks[1.0]:.2f}x")
    if national_row:
        print(national_row)
    if options.no_startup:
        return
    print()
    startup(exe)


def installed_env() -> dict[str, str]:
    """The environment of every timed child, with the package compiled as `pip install .` leaves
    it: bytecode is used (an environment with PYTHONDONTWRITEBYTECODE=1 would otherwise compile
    every module on every start, and measure the compiler rather than the program)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    where = subprocess.run(
        [sys.executable, "-c", "import os, prestatiecheck; print(os.path.dirname(prestatiecheck.__file__))"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=False, env=env)
    return env


def startup(exe: list[str]) -> None:
    # Start-up as after `pip install .` (see installed_env); untimed runs first.
    env = installed_env()
    example = ROOT / "examples" / "amersfoort-2022-2023.csv"
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
    for args in ([*exe, "--help"], small):
        timed(args, env)

    def median(args: list[str], runs: int = 15) -> float:
        return statistics.median(timed(args, env)[0] for _ in range(runs))

    click_s = median([sys.executable, "-c", "import click"])
    help_s = median([*exe, "--help"])
    base_s = median([sys.executable, "-c", "import click, yaml, rich.console"])
    small_s = median(small)
    rows = [
        ("python -c 'import click'", click_s, ""),
        ("prestatiecheck --help", help_s, f"{help_s / click_s:5.2f}x import click (target <= 1.3x)"),
        ("python -c 'import click, yaml, rich.console'", base_s, ""),
        ("small check, table (shipped example)", small_s, f"{small_s / base_s:5.2f}x that (target <= 2x)"),
    ]
    print("start-up (median of 15 runs):")
    for name, seconds, ratio in rows:
        print(f"  {name:<45} {seconds * 1000:6.0f} ms  {ratio}")


if __name__ == "__main__":
    main()
