"""Benchmark: privacymodel validate against a bare YAML parse and check-jsonschema.

Builds a corpus in a temporary folder (copies and variations of the examples, plus generated large
policies), then runs the contenders side by side, interleaved, for several rounds, and prints medians and
ratios as Markdown. Run it with ``bash benchmarks/run.sh`` (which installs what it needs) or, in an
environment that has privacymodel and check-jsonschema installed, ``python benchmarks/bench.py``.

Each command is timed as a process, in CPU time (user + system of the child, which is what the targets are
about on a shared machine) and in wall time. The targets checked at the end:

* ``validate --jobs 1`` at most 1.0x the CPU time of the floor (a bare CSafeLoader loop over the same files);
* 10x the files without a higher peak memory (``validate --jobs 1`` over 10x ``--files``);
* one file, process start to exit, at most 0.3x the CPU time of check-jsonschema.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

import privacymodel

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "privacy-policy.schema.json"
BIN = Path(sys.executable).parent

FLOOR = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def build_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` policies: the examples with their titles and ids varied, so no two files are equal."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in examples]
    rng = random.Random(7)  # noqa: S311 - varying ids in test data, not cryptography
    files = []
    for index in range(count):
        text = texts[index % len(texts)]
        text = text.replace("  title: ", f"  title: Variant {index} of ", 1)
        text = text.replace("  - id: ", f"  - id: v{rng.randrange(10**6)}-", 1)  # the first controller's id
        path = folder / f"policy-{index:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def big_policy(path: Path, items: int) -> Path:
    lines = [
        "privacymodel: 1.0.0",
        "document:",
        "  title: Large",
        "controllers:",
        "  - id: acme",
        "    name: Acme",
        "recipients:",
    ]
    for i in range(items):
        lines += [f"  - id: r{i}", f"    name: Recipient {i}", "    kind: advertiser"]
    lines.append("cookies:")
    for i in range(items):
        lines += [f"  - name: c{i}", f"    provider: r{i}", "    lifetime: P1Y", "    technology: http-cookie"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed(command: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_kib(command: Sequence[str]) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def race(contenders: dict[str, Sequence[str]], rounds: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, run interleaved (a, b, c, a, b, c, ...) after one warm-up each."""
    for command in contenders.values():
        timed(command)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, command in contenders.items():
            samples[name].append(timed(command))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in samples.items()
    }


def per_call(function: Callable[[], object], rounds: int, loops: int) -> float:
    """Median seconds per call of ``function``."""
    results = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(loops):
            function()
        results.append((time.perf_counter() - start) / loops)
    return statistics.median(results)


def in_process(text: str, rounds: int, loops: int) -> tuple[float, float]:
    """Seconds per call of yaml.load(CSafeLoader) and of privacymodel.loads on the same text."""
    return (
        per_call(lambda: yaml.load(text, Loader=yaml.CSafeLoader), rounds, loops),
        per_call(lambda: privacymodel.loads(text), rounds, loops),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (default 5)")
    args = parser.parse_args()

    check_jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if check_jsonschema is None:
        print("check-jsonschema is not installed: run 'bash benchmarks/run.sh'", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        corpus.mkdir()
        files = [str(p) for p in build_corpus(corpus, args.files)]
        print(f"# privacymodel benchmark\n\nMachine: {platform.platform()}, Python {platform.python_version()}, "
              f"{os.cpu_count()} cores. {args.files} files, {args.rounds} rounds, medians.\n")  # fmt: skip
        targets = [
            _many_files(corpus, files, check_jsonschema, args.rounds),
            _one_file(files[0], check_jsonschema, args.rounds),
            _memory(folder, corpus, args.files),
        ]
        _scale(folder, args.rounds)
        text = Path(ROOT / "examples" / "customer360-2014.yaml").read_text(encoding="utf-8")
        bare, ours = in_process(text, args.rounds, 100)
        print(
            f"\n## In process\n\nyaml.load(CSafeLoader) {bare * 1000:.2f} ms, privacymodel.loads {ours * 1000:.2f} ms "
            f"per call on customer360-2014.yaml: {ours / bare:.2f}×."
        )
    print("\n## Targets\n\n| target | measured | met |\n|---|---|---|")
    for target, measured, met in targets:
        print(f"| {target} | {measured} | {'yes' if met else 'no'} |")
    return 0


_Target = tuple[str, str, bool]


def _many_files(corpus: Path, files: list[str], check_jsonschema: str, rounds: int) -> _Target:
    """The corpus through each contender; the target: ``validate --jobs 1`` at most the floor's CPU time."""
    command = str(BIN / "privacymodel")
    many = race(
        {
            "floor (CSafeLoader loop)": [sys.executable, "-c", FLOOR, *files],
            "privacymodel validate": [command, "validate", "--quiet", str(corpus)],
            "privacymodel validate --jobs 1": [command, "validate", "--quiet", "--jobs", "1", str(corpus)],
            "check-jsonschema": [check_jsonschema, "--schemafile", str(SCHEMA), *files],
        },
        rounds,
    )
    wall_floor, cpu_floor = many["floor (CSafeLoader loop)"]
    print(
        f"## {len(files)} files\n\n| command | CPU s | × floor | wall s | × floor | check-jsonschema ÷ this (CPU) |\n"
        "|---|---|---|---|---|---|"
    )
    for name, (wall, cpu) in many.items():
        print(
            f"| {name} | {cpu:.3f} | {cpu / cpu_floor:.2f} | {wall:.3f} | {wall / wall_floor:.2f} | "
            f"{many['check-jsonschema'][1] / cpu:.1f} |"
        )
    ratio = many["privacymodel validate --jobs 1"][1] / cpu_floor
    return f"{len(files):,} files: `validate --jobs 1` at most 1.0× the floor's CPU time", f"{ratio:.2f}×", ratio <= 1.0


def _one_file(one: str, check_jsonschema: str, rounds: int) -> _Target:
    """One file, process start to exit; the target: at most 0.3x check-jsonschema's CPU time."""
    single = race(
        {
            "privacymodel validate FILE": [str(BIN / "privacymodel"), "validate", "--quiet", one],
            "check-jsonschema FILE": [check_jsonschema, "--schemafile", str(SCHEMA), one],
            "floor (one file)": [sys.executable, "-c", FLOOR, one],
            "python -c pass": [sys.executable, "-c", "pass"],
        },
        rounds * 2,
    )
    print("\n## One file (process start to exit)\n\n| command | CPU s | wall s |\n|---|---|---|")
    for name, (wall, cpu) in single.items():
        print(f"| {name} | {cpu:.3f} | {wall:.3f} |")
    ratio = single["privacymodel validate FILE"][1] / single["check-jsonschema FILE"][1]
    print(f"\nprivacymodel ÷ check-jsonschema, CPU: {ratio:.2f}")
    return "one file: at most 0.3× check-jsonschema's CPU time", f"{ratio:.2f}×", ratio <= 0.3


def _memory(folder: Path, corpus: Path, count: int) -> _Target:
    """Peak memory of the floor and the command, over the corpus and over 10x as many files."""
    command = str(BIN / "privacymodel")
    larger = folder / "corpus-10x"
    larger.mkdir()
    build_corpus(larger, count * 10)
    floor_peak = peak_kib([sys.executable, "-c", FLOOR, *sorted(map(str, corpus.iterdir()))])
    serial_peak = peak_kib([command, "validate", "--quiet", "--jobs", "1", str(corpus)])
    parallel_peak = peak_kib([command, "validate", "--quiet", str(corpus)])
    larger_peak = peak_kib([command, "validate", "--quiet", "--jobs", "1", str(larger)])
    print("\n## Peak memory (largest process, KiB)\n\n| command | KiB | × floor |\n|---|---|---|")
    for name, kib in (
        ("floor", floor_peak),
        ("validate --jobs 1", serial_peak),
        ("validate (parallel)", parallel_peak),
        (f"validate --jobs 1, {count * 10:,} files", larger_peak),
    ):
        print(f"| {name} | {kib} | {kib / floor_peak:.2f} |")
    return (
        f"{count * 10:,} files: peak memory no higher than {count:,} files' (`--jobs 1`)",
        f"{larger_peak / 1024:.1f} MiB against {serial_peak / 1024:.1f} MiB",
        larger_peak <= serial_peak,
    )


def _scale(folder: Path, rounds: int) -> None:
    """One large policy at two sizes, as processes and in process."""
    command = str(BIN / "privacymodel")
    small = big_policy(folder / "big-1000.yaml", 1_000)
    large = big_policy(folder / "big-10000.yaml", 10_000)
    scale = race(
        {
            "validate 1,000 cookies + 1,000 recipients": [command, "validate", "--quiet", str(small)],
            "validate 10,000 cookies + 10,000 recipients": [command, "validate", "--quiet", str(large)],
            "floor 1,000": [sys.executable, "-c", FLOOR, str(small)],
            "floor 10,000": [sys.executable, "-c", FLOOR, str(large)],
        },
        rounds,
    )
    print("\n## Scale\n\n| command | CPU s | wall s |\n|---|---|---|")
    for name, (wall, cpu) in scale.items():
        print(f"| {name} | {cpu:.3f} | {wall:.3f} |")
    # In process, so that start-up does not hide the growth.
    small_time = per_call(lambda: privacymodel.validate_text(small.read_bytes()), rounds, 3)
    large_time = per_call(lambda: privacymodel.validate_text(large.read_bytes()), rounds, 1)
    print(
        f"\nIn process: {small_time:.3f} s for 1,000 of each, {large_time:.3f} s for 10,000: "
        f"10× the items costs {large_time / small_time:.1f}× the time."
    )


if __name__ == "__main__":
    sys.exit(main())
