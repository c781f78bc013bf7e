"""Reading and checking a policy imports neither auditing nor comparing; both are found on first use."""

from __future__ import annotations

import subprocess
import sys

import privacymodel as pm
from privacymodel.checks import audit, diff
from tests.conftest import EXAMPLES

_LOADED = (
    "import sys, privacymodel as pm\n"
    "pm.validate_file(sys.argv[1]); pm.check(pm.load(sys.argv[1]))\n"
    "print(sorted(m for m in sys.modules if m.startswith(('privacymodel.checks.audit', 'privacymodel.checks.diff'))))\n"
)


def test_validating_imports_neither_audit_nor_diff() -> None:
    done = subprocess.run([sys.executable, "-c", _LOADED, str(EXAMPLES[0])], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_audit_and_diff_are_found_on_first_use() -> None:
    assert pm.audit is audit.audit
    assert pm.LAWS is audit.LAWS
    assert pm.Finding is audit.Finding
    assert pm.diff is diff.diff
    assert pm.Change is diff.Change
    from privacymodel import LAWS, Change  # the from-import goes through the same lookup

    assert (LAWS, Change) == (audit.LAWS, diff.Change)


def test_every_public_name_is_listed_and_found() -> None:
    assert set(pm.__all__) <= set(dir(pm))
    for name in pm.__all__:
        assert getattr(pm, name) is not None
