"""``privacymodel diff`` run in process: reports and exit statuses (``audit``'s tests are in ``test_audit.py``)."""

from __future__ import annotations

import json

from tests.helpers import invoke

OLD = "examples/customertimes-2020.yaml"
NEW = "examples/customertimes-software-2022.yaml"


def test_diff_exit_status_says_whether_the_policies_differ() -> None:
    same = invoke("diff", OLD, OLD)
    assert same.returncode == 0
    differ = invoke("diff", "--color", "always", OLD, NEW)
    assert differ.returncode == 1
    assert "\x1b[1mReduces what people are told or can do\x1b[0m" in differ.stdout
    document = json.loads(invoke("diff", "--format", "json", OLD, NEW).stdout)
    assert (document["old"], document["new"], document["same"]) == (OLD, NEW, False)
