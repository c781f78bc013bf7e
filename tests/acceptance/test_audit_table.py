"""The README's audit tables are generated from the code: each law's verdicts on the five examples, each example
judged as of its own date, which the first row gives.

Print the tables for the README with ``python -m tests.acceptance.test_audit_table``.
"""

from __future__ import annotations

import privacymodel as pm
from privacymodel.checks.audit import LAWS
from tests.acceptance.test_examples import SEEDS
from tests.conftest import ROOT

COLUMNS = {
    "customertimes-2020.yaml": "Customertimes 2020",
    "customertimes-software-2022.yaml": "CTS 2022",
    "customers-ai-2023.yaml": "Customers.ai 2023",
    "customer360-2014.yaml": "Customer360 2014",
    "click-and-resolve.yaml": "Click and Resolve",
}
"""The examples, in the order of the README's columns, with their column headings."""


def _as_of(when: pm.AuditDate) -> str:
    """The 'as of' cell: the date and where it comes from ('today' for a policy that states none)."""
    if when.reason.startswith("today"):
        return "today (no date stated)"
    return f"{when.date.isoformat()} ({'last updated' if 'last_updated' in when.reason else 'effective'})"


def table(law: str) -> str:
    """The Markdown table of ``law``'s audit of the examples: a row per item, a column per example ('—' where a
    rule reports an item only when it finds something, such as an inconsistency)."""
    policies = [pm.load(ROOT / "examples" / name) for name in COLUMNS]
    results = [{f.item: f.status for f in pm.audit(policy, law)} for policy in policies]
    rows = [
        f"| item | article | {' | '.join(COLUMNS.values())} |",
        "|---|---|" + "---|" * len(COLUMNS),
        f"| as of | | {' | '.join(_as_of(pm.audit_date(policy)) for policy in policies)} |",
    ]
    seen = set()
    for item in LAWS[law].items:
        if item.item not in seen:
            seen.add(item.item)
            rows.append(f"| `{item.item}` {item.title} | {item.article} | {' | '.join(r.get(item.item, '—') for r in results)} |")
    return "\n".join(rows)


def tables() -> str:
    """Every law's table, each after a line naming the law and the date it applies from."""
    return "\n\n".join(
        f"{rule_set.name[0].upper()}{rule_set.name[1:]} (`--law {law}`, from {rule_set.applies_from.date.isoformat()}):"
        f"\n\n{table(law)}"
        for law, rule_set in LAWS.items()
    )


def test_the_columns_are_the_examples() -> None:
    assert sorted(COLUMNS) == sorted(SEEDS)


def test_readme_audit_tables_match_the_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for law in LAWS:
        assert table(law) in readme, f"the README's {law} audit table is out of date: python -m tests.acceptance.test_audit_table"


if __name__ == "__main__":
    print(tables())
