"""Benchmark: privacymodel validate against a bare YAML parse and check-jsonschema.

Builds a corpus in a temporary folder (copies and variations of the examples, plus generated large
policies), then runs the contenders side by side, interleaved, for several rounds, and prints medians and
ratios as Markdown. Run it with ``bash benchmarks/run.sh`` (which installs what it needs) or, in an
environment that has privacymodel and check-jsonschema installed, ``python benchmarks/bench.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
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


def timed(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_kib(command: Sequence[str]) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def race(contenders: dict[str, Sequence[str]], rounds: int) -> dict[str, float]:
    """Median seconds of each command, run interleaved (a, b, c, a, b, c, ...) after one warm-up each."""
    for command in contenders.values():
        timed(command)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, command in contenders.items():
            samples[name].append(timed(command))
    return {name: statistics.median(values) for name, values in samples.items()}


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

    command = str(BIN / "privacymodel")
    check_jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if check_jsonschema is None:
        print("check-jsonschema is not installed: run 'bash benchmarks/run.sh'", file=sys.stderr)
        return 2
    python = sys.executable

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        corpus.mkdir()
        files = [str(p) for p in build_corpus(corpus, args.files)]
        one = files[0]
        print(f"# privacymodel benchmark\n\nMachine: {platform.platform()}, Python {platform.python_version()}, "
              f"{os.cpu_count()} cores. {args.files} files, {args.rounds} rounds, medians.\n")  # fmt: skip

        many = race(
            {
                "floor (CSafeLoader loop)": [python, "-c", FLOOR, *files],
                "privacymodel validate": [command, "validate", "--quiet", str(corpus)],
                "privacymodel validate --jobs 1": [command, "validate", "--quiet", "--jobs", "1", str(corpus)],
                "check-jsonschema": [check_jsonschema, "--schemafile", str(SCHEMA), *files],
            },
            args.rounds,
        )
        floor = many["floor (CSafeLoader loop)"]
        print(f"## {args.files} files\n\n| command | seconds | × floor | check-jsonschema ÷ this |\n|---|---|---|---|")
        for name, seconds in many.items():
            print(f"| {name} | {seconds:.3f} | {seconds / floor:.2f} | {many['check-jsonschema'] / seconds:.1f} |")

        single = race(
            {
                "privacymodel validate FILE": [command, "validate", "--quiet", one],
                "check-jsonschema FILE": [check_jsonschema, "--schemafile", str(SCHEMA), one],
                "floor (one file)": [python, "-c", FLOOR, one],
            },
            args.rounds * 2,
        )
        print("\n## One file (process start to exit)\n\n| command | seconds |\n|---|---|")
        for name, seconds in single.items():
            print(f"| {name} | {seconds:.3f} |")
        print(f"\nprivacymodel ÷ check-jsonschema: {single['privacymodel validate FILE'] / single['check-jsonschema FILE']:.2f}")

        small = big_policy(folder / "big-1000.yaml", 1_000)
        large = big_policy(folder / "big-10000.yaml", 10_000)
        scale = race(
            {
                "validate 1,000 cookies + 1,000 recipients": [command, "validate", "--quiet", str(small)],
                "validate 10,000 cookies + 10,000 recipients": [command, "validate", "--quiet", str(large)],
                "floor 1,000": [python, "-c", FLOOR, str(small)],
                "floor 10,000": [python, "-c", FLOOR, str(large)],
            },
            args.rounds,
        )
        print("\n## Scale\n\n| command | seconds |\n|---|---|")
        for name, seconds in scale.items():
            print(f"| {name} | {seconds:.3f} |")
        # In process, so that start-up does not hide the growth.
        small_time = per_call(lambda: privacymodel.validate_text(small.read_bytes()), args.rounds, 3)
        large_time = per_call(lambda: privacymodel.validate_text(large.read_bytes()), args.rounds, 1)
        print(
            f"\nIn process: {small_time:.3f} s for 1,000 of each, {large_time:.3f} s for 10,000: "
            f"10× the items costs {large_time / small_time:.1f}× the time."
        )

        floor_peak = peak_kib([python, "-c", FLOOR, *files])
        serial_peak = peak_kib([command, "validate", "--quiet", "--jobs", "1", str(corpus)])
        parallel_peak = peak_kib([command, "validate", "--quiet", str(corpus)])
        print("\n## Peak memory (largest process, KiB)\n\n| command | KiB | × floor |\n|---|---|---|")
        for name, kib in (("floor", floor_peak), ("validate --jobs 1", serial_peak), ("validate (parallel)", parallel_peak)):
            print(f"| {name} | {kib} | {kib / floor_peak:.2f} |")

        text = Path(ROOT / "examples" / "customer360-2014.yaml").read_text(encoding="utf-8")
        bare, ours = in_process(text, args.rounds, 100)
        print(
            f"\n## In process\n\nyaml.load(CSafeLoader) {bare * 1000:.2f} ms, privacymodel.loads {ours * 1000:.2f} ms "
            f"per call on customer360-2014.yaml: {ours / bare:.2f}×."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
