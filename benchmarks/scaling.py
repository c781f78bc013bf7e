"""Benchmark: how each operation grows with a policy's size, and ``table`` against ``validate`` over a corpus.

Scaling: the Customertimes 2020 example with its data categories, recipients and cookies replicated K times
(unique ids and names; a replicated cookie points at its replicated recipient), so 37, 370, 3,700 and 37,000
items. Each operation is timed in process, in CPU time (``time.process_time``), best of a few runs; the ratio
for each 10x step should stay at or under 12x. ``diff`` compares the policy with a copy in which every tenth
item of each list has a new description.

Corpus: ``privacymodel validate --jobs 1`` and ``privacymodel table --jobs 1`` over the same files (the examples
with their titles and ids varied), as processes, in CPU time of the children; the target is ``table`` at most
1.5x ``validate``.

    python benchmarks/scaling.py                       # both, 37 to 37,000 items and 10,000 files
    python benchmarks/scaling.py --items 3700 --files 1000
    python benchmarks/scaling.py --items 0 --files 10000   # only table against validate
"""

from __future__ import annotations

import argparse
import copy
import gc
import itertools
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import privacymodel as pm

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "customertimes-2020.yaml"
BIN = Path(sys.executable).parent
REPLICATED = ("data_categories", "recipients", "cookies")
TARGET = 12.0


def scaled(plain: dict[str, Any], k: int) -> dict[str, Any]:
    """``plain`` with each replicated list repeated ``k`` times, every copy with unique ids and names."""
    out = copy.deepcopy(plain)
    for copy_number in range(1, k):
        suffix = f"-{copy_number}"
        for item in plain.get("data_categories") or []:
            out["data_categories"].append({**item, "id": item["id"] + suffix})
        for item in plain.get("recipients") or []:
            new = {**item, "id": item["id"] + suffix}
            if "name" in new:
                new["name"] = f"{new['name']} {copy_number}"
            out["recipients"].append(new)
        for item in plain.get("cookies") or []:
            new = dict(item)
            for key in ("id", "name", "name_prefix", "provider"):
                if key in new:
                    new[key] = new[key] + suffix
            if "name" not in new and "name_prefix" not in new:
                new["description"] = f"{new.get('description', '')} {copy_number}"
            out["cookies"].append(new)
    return out


def changed(plain: dict[str, Any]) -> dict[str, Any]:
    """``plain`` with every tenth item of each replicated list given a new description."""
    out = copy.deepcopy(plain)
    for name in REPLICATED:
        for index, item in enumerate(out.get(name) or []):
            if index % 10 == 0:
                item["description"] = f"changed {index}"
    return out


class Case:
    """One size: the policy's YAML text, the policy, and the changed version for diff."""

    def __init__(self, k: int) -> None:
        plain = scaled(pm.unstructure(pm.load(BASE)), k)
        self.policy = pm.structure(plain)
        self.changed = pm.structure(changed(plain))
        self.text = pm.dump(self.policy)
        self.items = sum(len(getattr(self.policy, name) or ()) for name in REPLICATED)


CALLS: dict[str, Callable[[Case], object]] = {
    "loads": lambda c: pm.loads(c.text),
    "validate_text": lambda c: pm.validate_text(c.text),
    "check": lambda c: pm.check(c.policy),
    "audit": lambda c: pm.audit(c.policy, "gdpr"),
    "diff": lambda c: pm.diff(c.policy, c.changed),
    "to_tilt": lambda c: pm.to_tilt(c.policy, notes=[]),
    "to_dpv": lambda c: pm.to_dpv(c.policy, notes=[]),
    "render": lambda c: pm.render(c.policy, "html"),
    "to_tables": lambda c: pm.to_tables([("p", c.policy)]),
}


def cpu(call: Callable[[Case], object], case: Case, budget: float) -> float:
    """The CPU time of one call, best of up to 5 runs within ``budget`` seconds (one run when it takes longer)."""
    best = float("inf")
    spent = 0.0
    for _ in range(5):
        gc.collect()  # a collection owed by the previous call is not charged to this one
        start = time.process_time()
        call(case)
        took = time.process_time() - start
        best, spent = min(best, took), spent + took
        if spent > budget:
            break
    return best


def scaling(max_items: int, skip_after: float) -> list[str]:
    """The curve as Markdown: CPU time per call at each size, and the ratio of each 10x step.

    Each size is built, measured and dropped before the next, so the heap holds one size at a time.
    """
    sizes = [k for k in (1, 10, 100, 1000) if 37 * k <= max_items]
    items: list[int] = []
    times: dict[str, list[float | None]] = {name: [] for name in CALLS}
    for k in sizes:
        case = Case(k)
        items.append(case.items)
        for name, call in CALLS.items():
            previous = times[name][-1] if times[name] else 0.0
            if previous is None or previous * 100 > skip_after:
                times[name].append(None)  # even linear growth would pass the limit (or it was skipped before)
            else:
                times[name].append(cpu(call, case, budget=min(2.0, skip_after)))
            print(f"  {name} at {case.items} items: {_seconds(times[name][-1])}", file=sys.stderr)
        del case
    head = "| call | " + " | ".join(f"{n:,} items" for n in items) + " | × per 10× | linear |"
    lines = [head, "|---" * (len(items) + 3) + "|"]
    for name, row in times.items():
        ratios = [b / a for a, b in itertools.pairwise(row) if a and b]
        linear = "yes" if ratios and max(ratios) <= TARGET else "no" if ratios else "?"
        steps = " → ".join(f"{r:.1f}" for r in ratios) or "–"
        lines.append(f"| `{name}` | " + " | ".join(_seconds(t) for t in row) + f" | {steps} | {linear} |")
    return lines


def _seconds(value: float | None) -> str:
    if value is None:
        return "skipped"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def corpus(count: int, rounds: int) -> list[str]:
    """``table`` against ``validate`` over ``count`` files, in CPU time of the child processes (median of ``rounds``)."""
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder) / "corpus"
        files.mkdir()
        examples = sorted((ROOT / "examples").glob("*.yaml"))
        texts = [path.read_text(encoding="utf-8") for path in examples]
        for index in range(count):
            text = texts[index % len(texts)].replace("  title: ", f"  title: Variant {index} of ", 1)
            text = text.replace("  - id: ", f"  - id: v{index}-", 1)
            (files / f"policy-{index:05d}.yaml").write_text(text, encoding="utf-8")
        command = str(BIN / "privacymodel")
        runs = {
            "validate --jobs 1": [command, "validate", "--jobs", "1", "--quiet", str(files)],
            "table --jobs 1": [command, "table", "--jobs", "1", str(files), "--out", str(Path(folder) / "tables")],
        }
        results: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(rounds):
            for name, argv in runs.items():
                results[name].append(_child_cpu(argv))
    medians = {name: sorted(values)[len(values) // 2] for name, values in results.items()}
    ratio = medians["table --jobs 1"] / medians["validate --jobs 1"]
    return [
        "| files | `validate --jobs 1` CPU | `table --jobs 1` CPU | table / validate | target ≤ 1.5× |",
        "|---|---|---|---|---|",
        f"| {count:,} | {medians['validate --jobs 1']:.2f} s | {medians['table --jobs 1']:.2f} s | {ratio:.2f}× | "
        + ("yes |" if ratio <= 1.5 else "no |"),
    ]


def _child_cpu(argv: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=37_000, help="the largest size, in items (default 37000; 0 skips it)")
    parser.add_argument("--skip-after", type=float, default=300.0, help="skip a call expected to take longer (s)")
    parser.add_argument("--files", type=int, default=10_000, help="files for table against validate (0 skips it)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the corpus comparison (median)")
    parser.add_argument("--no-gc", action="store_true", help="time with the cyclic garbage collector off")
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    collector = "off" if args.no_gc else "on"
    print(f"{platform.platform()}, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}, gc {collector}\n")
    if args.items >= 37:
        print("\n".join(scaling(args.items, args.skip_after)) + "\n")
    if args.files:
        print("\n".join(corpus(args.files, args.rounds)))


if __name__ == "__main__":
    main()
