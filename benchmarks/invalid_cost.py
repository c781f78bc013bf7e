"""Benchmark: what an invalid policy costs ``privacymodel validate`` against a valid one of the same size.

For each size (4 MB and 16 MB by default) it writes a valid policy and invalid ones of equal size: unknown keys
in every item, misspelt vocabulary terms in every item, and a mix of every kind of error (unknown and misspelt
keys and terms, wrong types, bad formats, dangling references, duplicate ids, missing fields). Each file is
validated by ``privacymodel validate FILE`` in a process of its own, with its problems written to a pipe that is
counted and thrown away. CPU time (user + system) and peak memory (largest resident set) come from
``getrusage(RUSAGE_CHILDREN)`` of a wrapper process that starts only that command. It prints a Markdown table:
each invalid file's medians against the valid file's, and whether they are within the targets (at most twice
the CPU time and 1.5 times the peak memory).

Run it with ``bash benchmarks/run.sh --invalid-cost [options]`` or, where privacymodel is installed,
``python benchmarks/invalid_cost.py [--sizes 4,16] [--rounds 3] [--timeout 900]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent
TIME_TARGET = 2.0
MEMORY_TARGET = 1.5

HEAD = """\
privacymodel: 1.0.0
document:
  title: Large policy
controllers:
  - id: acme
    name: Acme
"""

# Items as (list, text): 0 recipients, 1 data categories, 2 cookies. ``{i}`` is the item's number and ``{r}`` the
# number of the recipient at the start of its round of templates, which its cookie names as provider.
Templates = tuple[tuple[int, str], ...]
RECIPIENT = (0, "  - id: r{i}\n    name: Recipient {i}\n    kind: advertiser\n    description: A partner that shows ads.\n")
CATEGORY = (1, "  - id: d{i}\n    term: email-address\n    description: The address used to write to a customer.\n")
COOKIE = (
    2,
    "  - name: c{i}\n    provider: r{r}\n    lifetime: P1Y\n    technology: http-cookie\n    description: Counts visits.\n",
)
VALID: Templates = (RECIPIENT, CATEGORY, COOKIE)
UNKNOWN: Templates = (
    (0, "  - id: r{i}\n    name: Recipient {i}\n    knd: advertiser\n    descripton: A partner that shows ads.\n"),
    (1, "  - id: d{i}\n    term: email-address\n    colour: blue\n    descriptio: The address used to write to a customer.\n"),
    (2, "  - name: c{i}\n    provider: r{r}\n    liftime: P1Y\n    tech: http-cookie\n    describe: Counts visits.\n"),
)
TYPOS: Templates = (
    (0, "  - id: r{i}\n    name: Recipient {i}\n    kind: advertisr\n    description: A partner that shows ads.\n"),
    (1, "  - id: d{i}\n    term: emial-address\n    description: The address used to write to a customer.\n"),
    (2, "  - name: c{i}\n    provider: r{r}\n    lifetime: P1Y\n    technology: http-cookei\n    description: Counts visits.\n"),
)
REFERENCES: Templates = (
    (0, "  - id: same\n    name: Recipient {i}\n    kind: advertiser\n    description: A partner that shows ads.\n"),
    (1, "  - id: same\n    term: email-address\n    description: The address used to write to a customer.\n"),
    (
        2,
        "  - name: c{i}\n    provider: nobody{i}\n    lifetime: P1Y\n    technology: http-cookie\n    description: Counts visits.\n",
    ),
)
MIXED: Templates = (
    UNKNOWN[0],
    TYPOS[1],
    (2, "  - name: c{i}\n    provider: r{r}\n    lifetime: P1X\n    technology: http-cookie\n    description: Counts visits.\n"),
    (0, "  - id: r{i}\n    name: [Recipient, {i}]\n    kind: 12\n    description: A partner that shows ads.\n"),
    (1, "  - id: d{i}\n    description: The address used to write to a customer, with no term given.\n"),
    (2, "  - name: c{i}\n    provider: r{r}\n    lifetime: ~\n    technology: http-cookie\n    description: Counts visits.\n"),
    (0, "  - id: r{i}\n    name: Recipient {i}\n    kind: advertiser\n    website: not a web address\n"),
    (1, "  - id: d{i}\n    term: email-address\n    sources: not-a-list\n    description: The address used.\n"),
    TYPOS[2],
)
SECTIONS = ("recipients", "data_categories", "cookies")


def write_policy(path: Path, templates: Templates, size: int) -> Path:
    """A policy of at least ``size`` bytes made of ``templates`` in turn, each item in its list."""
    lists: list[list[str]] = [[], [], []]
    total = len(HEAD)
    i = 0
    while total < size:
        section, template = templates[i % len(templates)]
        item = template.format(i=i, r=i - i % len(templates))
        lists[section].append(item)
        total += len(item)
        i += 1
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEAD)
        for name, items in zip(SECTIONS, lists, strict=True):
            if items:
                handle.write(f"{name}:\n")
                handle.writelines(items)
    return path


WRAPPER = """
import json, resource, subprocess, sys
out = lines = 0
try:
    with subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as child:
        while chunk := child.stdout.read(1 << 20):
            out += len(chunk)
            lines += chunk.count(b"\\n")
        rc = child.wait(timeout=float(sys.argv[1]))
except subprocess.TimeoutExpired:
    child.kill()
    rc = None
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "kib": usage.ru_maxrss, "rc": rc, "out": out, "lines": lines}))
"""


def measure(command: list[str], timeout: float) -> dict[str, float]:
    """CPU seconds, peak KiB, exit status and output size of one run of ``command``, alone in a wrapper."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, str(timeout), *command], capture_output=True, text=True, check=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"cpu": float("inf"), "kib": float("nan"), "rc": -1, "out": 0, "lines": 0}
    result: dict[str, float] = json.loads(done.stdout)
    return result


def interleaved(commands: dict[str, list[str]], rounds: int, timeout: float) -> dict[str, dict[str, float]]:
    """Median CPU time and peak memory of each command over ``rounds`` runs taken in turn (a, b, c, a, b, c, ...),
    so that a change in the machine's load falls on all alike; a command whose first run took over a minute
    runs once."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for round_ in range(rounds):
        for name, command in commands.items():
            if round_ == 0 or runs[name][0]["cpu"] < 60:
                runs[name].append(measure(command, timeout))
    return {
        name: {
            "cpu": statistics.median(r["cpu"] for r in done),
            "kib": statistics.median(r["kib"] for r in done),
            "rc": done[0]["rc"],
            "out": done[0]["out"],
            "lines": done[0]["lines"],
        }
        for name, done in runs.items()
    }


KINDS: dict[str, Templates] = {
    "valid": VALID,
    "unknown keys": UNKNOWN,
    "misspelt terms": TYPOS,
    "broken references": REFERENCES,
    "every kind": MIXED,
}


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def table(size_mb: int, results: dict[str, dict[str, float]], sizes: dict[str, int]) -> tuple[list[str], bool]:
    """Markdown rows for one size, and whether every invalid file met both targets."""
    base = results["valid"]
    rows = []
    met_all = True
    for kind, result in results.items():
        cpu_ratio = result["cpu"] / base["cpu"]
        kib_ratio = result["kib"] / base["kib"]
        met = cpu_ratio <= TIME_TARGET and kib_ratio <= MEMORY_TARGET
        if kind != "valid":
            met_all &= met
        verdict = "—" if kind == "valid" else ("yes" if met else "no")
        rows.append(
            f"| {size_mb} MB | {kind} | {sizes[kind] / 1e6:.1f} | {result['rc']} | {result['lines']:,.0f} "
            f"| {result['out'] / 1e6:.1f} | {result['cpu']:.2f} | {cpu_ratio:.2f} | {_mib(result['kib'])} | {kib_ratio:.2f} "
            f"| {verdict} |"
        )
    return rows, met_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="4,16", help="file sizes in MB, comma-separated (default 4,16)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per file; the median is shown (default 3)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is stopped (default 900)")
    parser.add_argument("--format", default="text", help="the --format of validate (default text)")
    parser.add_argument("--max-problems", default=None, help="passed to validate (default: validate's own default)")
    parser.add_argument(
        "--command", default=str(BIN / "privacymodel"), help="the command to run, split on spaces (default: privacymodel)"
    )
    args = parser.parse_args(argv)
    options = ["validate", "--format", args.format]
    if args.max_problems is not None:
        options += ["--max-problems", args.max_problems]
    command = [*args.command.split(), *options]
    print(
        f"# Cost of invalid input\n\nMachine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. `{' '.join(['privacymodel', *options])} FILE`, one process per run, "
        f"median of {args.rounds} taken in turn (one run if it takes over a minute). Targets: at most {TIME_TARGET:g}× the CPU "
        f"time and {MEMORY_TARGET:g}× the peak memory of the valid file of the same size.\n"
    )
    print("| size | file | MB | exit | output lines | output MB | CPU s | × valid | peak MiB | × valid | met |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    met_all = True
    with tempfile.TemporaryDirectory() as tmp:
        for size_mb in (int(s) for s in args.sizes.split(",")):
            paths = {
                kind: write_policy(Path(tmp) / f"{kind.replace(' ', '-')}-{size_mb}.yaml", templates, size_mb * 1_000_000)
                for kind, templates in KINDS.items()
            }
            results = interleaved({kind: [*command, str(path)] for kind, path in paths.items()}, args.rounds, args.timeout)
            rows, met = table(size_mb, results, {kind: path.stat().st_size for kind, path in paths.items()})
            for path in paths.values():
                path.unlink()
            met_all &= met
            print("\n".join(rows), flush=True)
    print(f"\nTargets met for every invalid file: {'yes' if met_all else 'no'}.")
    return 0 if met_all else 1


if __name__ == "__main__":
    sys.exit(main())
