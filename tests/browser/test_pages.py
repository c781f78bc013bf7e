"""Every example's page in a real browser, at phone and desktop width: the grids show what the policy says,
nothing runs off the side of the screen, the first screen answers the first questions, and axe-core finds no
WCAG 2 A or AA violation. The change report between two versions is checked the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import privacymodel as pm
from privacymodel.formats.render.changes import change_report
from privacymodel.formats.render.grid import PURPOSE_GROUPS, RECIPIENT_GROUPS
from privacymodel.formats.render.words import term
from tests.browser.conftest import SIZES, open_page
from tests.conftest import EXAMPLES, ROOT

CONSENT = {
    "A6-1-a",
    "A6-1-a-explicit-consent",
    "A6-1-a-non-explicit-consent",
    "A9-2-a",
    "consent",
    "express-consent",
    "explicit-consent",
}
READ_GRIDS = """() => [...document.querySelectorAll("table.grid")].map(t => ({
  columns: [...t.querySelectorAll("thead th[scope=col]")].slice(1).map(th => th.textContent.trim()),
  rows: [...t.querySelectorAll("tbody tr")].map(tr => [
    tr.querySelector("th").textContent.trim(), ...[...tr.querySelectorAll("td")].map(td => td.textContent)])
}))"""
WORDS = ("collected", "shared", "opt-in", "opt-out", "no", "not stated")


Link = tuple[str, "str | None", "str | None", "str | None"]
SHARING = {"share", "disclose", "transfer"}


def _choice_of(policy: pm.PrivacyPolicy, ids: tuple[str, ...] | None) -> str | None:
    bases = {b.id: b for b in policy.legal_bases or ()}
    kinds = {
        None if bases[i].conditional else "opt-in" if str(bases[i].basis) in CONSENT
        else "opt-out" if str(bases[i].basis) == "opt-out-consent" else None
        for i in ids or () if i in bases
    }  # fmt: skip
    return kinds.pop() if len(kinds) == 1 else None


def _links(policy: pm.PrivacyPolicy) -> list[Link]:
    """(data id, purpose id, recipient id, choice) for every statement that ties data to a purpose or a recipient."""
    found: list[Link] = []
    recipient_ids = {r.id for r in policy.recipients or ()}
    for p in policy.processing or ():
        ops = {str(o) for o in p.operations or ()}
        to: list[str | None] = [*(p.recipients or ()), *(i for i in p.by or () if i in recipient_ids)]
        to = to or (["?"] if ops & (SHARING | {"sell"}) else [None])
        uses: list[str | None] = [*(p.purposes or ()), *(["Selling"] if "sell" in ops else [])] or [None]
        found += [(d, u, r, _choice_of(policy, p.legal_bases)) for d in p.data or () for u in uses for r in to]
    for b in policy.legal_bases or ():
        found += [
            (d, u, None, None if b.conditional else _choice_of(policy, (b.id,))) for d in b.data or () for u in b.purposes or ()
        ]
    for r in policy.recipients or ():
        found += [(d, u, r.id, None) for d in r.data or () for u in r.purposes or (None,)]
    for c in policy.cookies or ():
        to_ = c.provider or ("?" if str(c.party) == "third-party" else None)
        choice = _choice_of(policy, c.legal_bases) or ("opt-out" if c.opt_out or c.opt_out_url else None)
        found += [(d, u, to_, choice) for d in c.data or () for u in c.purposes or (None,)]
    for t in policy.retention or ():
        found += [(d, u, None, None) for d in t.data or () for u in t.purposes or ()]
    for t in policy.transfers or ():
        found += [(d, None, r, None) for d in t.data or () for r in t.recipients or ()]
    return found


def _words(links: list[Link], opt_out: bool, no: bool) -> set[str]:
    if not links:
        return {"no"} if no else {"not stated"}
    words = {"shared" if any(r is not None for _, _, r, _ in links) else "collected"}
    if all(c == "opt-in" for *_, c in links):
        return words | {"opt-in"}
    return words | {"opt-out"} if opt_out or any(c == "opt-out" for *_, c in links) else words


def _kind_column(kind: object) -> str:
    kinds = {t: g for g, terms in RECIPIENT_GROUPS.items() for t in terms}
    return kinds.get(str(kind), term(kind)) if isinstance(kind, pm.Vocabulary) else term(kind)  # type: ignore[arg-type]


def _ruled_out(policy: pm.PrivacyPolicy, terms: set[str], column: str, purpose_of: dict[str, str], *, sharing: bool) -> bool:
    """Whether a prohibition of the policy says the cell's use or sharing is not done."""
    for p in policy.prohibitions or ():
        ops = {str(o) for o in p.operations or ()}
        if p.data and not terms & {str(t) for t in p.data}:
            continue
        shares = (ops & SHARING or (not ops and p.recipient_kinds)) and not p.purposes
        if sharing and shares and (not p.recipient_kinds or column in {_kind_column(k) for k in p.recipient_kinds}):
            return True
        if sharing:
            continue
        if not p.recipient_kinds:
            uses = not ops or bool(ops - SHARING - {"sell"})
            columns = {purpose_of.get(str(t), "Other") for t in p.purposes or ()} if uses else set()
            if column in columns | ({"Selling"} if "sell" in ops else set()):
                return True
    return False


def expected_grids(policy: pm.PrivacyPolicy) -> list[dict[tuple[str, str], set[str]]]:
    """The words of every cell of the two grids, (row, column) to words, worked out from the policy."""
    by_term = {t: g for g, terms in PURPOSE_GROUPS.items() for t in terms}
    column_of = {p.id: by_term.get(str(p.term), "Other") for p in policy.purposes or ()} | {"Selling": "Selling"}
    groups_of = {
        r.id: list(dict.fromkeys(_kind_column(k) for k in [*([r.kind] if r.kind else []), *(r.kinds or ())])) or ["Others named"]
        for r in policy.recipients or ()
    }
    rows: dict[str, set[str]] = {}
    for d in policy.data_categories or ():
        rows.setdefault(term(d.term, d.description), set()).add(d.id)
    rights = {str(r.kind) for r in policy.rights or ()}
    choices = {str(c.kind) for c in policy.choices or ()}
    opt_outs = {
        "Marketing": bool(rights & {"marketing-opt-out"} or choices & {"unsubscribe"}),
        "Advertising": "industry-opt-out" in choices,
        "Selling": "opt-out-of-sale" in rights,
    }
    consent_for = {u for b in policy.legal_bases or () if not b.data and str(b.basis) in CONSENT for u in b.purposes or ()}
    sale = policy.sale_of_data
    sold = None if sale is None or (sale.sold is False and sale.for_money_only) else sale.sold
    links = _links(policy)
    purpose_columns = {column_of[p.id] for p in policy.purposes or ()}
    purpose_columns |= {"Selling"} if sold is not None or any(u == "Selling" for _, u, _, _ in links) else set()
    for p in policy.prohibitions or ():
        ops = {str(o) for o in p.operations or ()}
        if not p.recipient_kinds:
            if not ops or ops - SHARING - {"sell"}:
                purpose_columns |= {by_term.get(str(t), "Other") for t in p.purposes or ()}
            purpose_columns |= {"Selling"} if "sell" in ops else set()
    recipient_columns = {g for gs in groups_of.values() for g in gs}
    recipient_columns |= {
        _kind_column(k)
        for p in policy.prohibitions or ()
        if ({str(o) for o in p.operations or ()} & SHARING or not p.operations) and not p.purposes
        for k in p.recipient_kinds or ()
    }
    purposes: dict[tuple[str, str], set[str]] = {}
    recipients: dict[tuple[str, str], set[str]] = {}
    for label, ids in rows.items():
        terms = {str(d.term) for d in policy.data_categories or () if d.id in ids}
        for column in purpose_columns:
            mine = [(d, u, r, c or ("opt-in" if u in consent_for else None)) for d, u, r, c in links
                    if d in ids and u in column_of and column_of[u] == column]  # fmt: skip
            no = (column == "Selling" and sold is False) or _ruled_out(policy, terms, column, by_term, sharing=False)
            purposes[(label, column)] = _words(mine, opt_outs.get(column, False), no)
        for column in recipient_columns:
            mine = [k for k in links if k[0] in ids and k[2] in groups_of and column in groups_of[k[2]]]
            recipients[(label, column)] = _words(mine, False, _ruled_out(policy, terms, column, by_term, sharing=True))
    return [purposes, recipients]


def _shown(text: str) -> set[str]:
    """The words of a cell as the page has them (for screen readers and, on wide screens, for the eye)."""
    text = text.replace("opt-in", "\0in").replace("opt-out", "\0out")
    found = {w for w in ("collected", "shared", "not stated") if w in text}
    found |= {"opt-in"} if "\0in" in text else set()
    found |= {"opt-out"} if "\0out" in text else set()
    return found | ({"no"} if " no" in f" {text}" and "not stated" not in text else set())


def _html(example: Path) -> str:
    return pm.render(pm.load(example), "html")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_grids_show_what_the_policy_says(browser: Any, example: Path, size: str) -> None:
    policy = pm.load(example)
    page = open_page(browser, _html(example), size)
    grids = page.evaluate(READ_GRIDS)
    expected = [grid for grid in expected_grids(policy) if grid]
    assert len(grids) == len(expected)
    for shown, cells in zip(grids, expected, strict=True):
        assert set(shown["columns"]) == {column for _, column in cells}
        assert len(shown["rows"]) == len({row for row, _ in cells})
        for label, *values in shown["rows"]:
            for column, text in zip(shown["columns"], values, strict=True):
                assert _shown(text) == cells[(label, column)], (label, column, text)
    page.close()


def _overflow(page: Any) -> list[Any]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_nothing_runs_off_the_screen(browser: Any, example: Path, size: str) -> None:
    page = open_page(browser, _html(example), size)
    width, inner = _overflow(page)
    assert width <= inner
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 700, "height": 1000})  # an A4 page's printable width
    width, inner = _overflow(page)
    assert width <= inner
    page.close()


FIRST = ["Is your data sold", "Used for marketing or ads", "How long it is kept", "How to delete your data"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_first_screen_answers_the_first_questions(browser: Any, example: Path, size: str) -> None:
    """Sold or not, marketing, how long and how to delete start on the first screen, before any scrolling."""
    page = open_page(browser, _html(example), size)
    tops = page.evaluate(
        """(questions) => questions.map(q => [...document.querySelectorAll(".facts th")]
             .find(th => th.textContent === q).nextElementSibling.getBoundingClientRect().top)""",
        FIRST,
    )
    assert max(tops) < SIZES[size][1], dict(zip(FIRST, tops, strict=False))
    page.close()


CONTRAST = """() => {
  const rgb = c => c.match(/[0-9.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width <= 1 || box.height <= 1) continue;
    const [a, b] = [lum(rgb(getComputedStyle(el).color).slice(0, 3)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(el.outerHTML.slice(0, 80) + " " + ratio.toFixed(2));
  }
  return low;
}"""


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_text_has_a_contrast_of_at_least_4_5(browser: Any, example: Path, size: str, media: str) -> None:
    """Symbols included, which axe-core leaves as 'incomplete': every visible text against its background."""
    page = open_page(browser, _html(example), size)
    page.emulate_media(media=media)
    assert page.evaluate(CONTRAST) == []
    page.close()


def _violations(page: Any, axe: str) -> list[str]:
    page.add_script_tag(content=axe)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['html'][:120]})" for v in result["violations"]]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_axe_finds_no_violations(browser: Any, axe: str, example: Path, size: str) -> None:
    page = open_page(browser, _html(example), size)
    assert _violations(page, axe) == []
    page.close()


CHANGES = [("customertimes-2020", "customertimes-software-2022"), ("customertimes-software-2022", "customertimes-2020")]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("old", "new"), CHANGES)
def test_the_change_report_reads_on_any_screen(browser: Any, axe: str, old: str, new: str, size: str) -> None:
    before, after = (pm.load(ROOT / "examples" / f"{name}.yaml") for name in (old, new))
    page = open_page(browser, change_report(before, after, pm.diff(before, after), "html"), size)
    width, inner = _overflow(page)
    assert width <= inner
    assert _violations(page, axe) == []
    page.close()


def test_the_reckoning_here_agrees_with_the_page_on_format_1_1() -> None:
    """The cells worked out above agree with the renderer on a policy that uses every statement the grids read."""
    from privacymodel.formats.render.grid import purpose_grid, recipient_grid
    from tests.formats.test_render import CONTACT, V11, V11_GRID

    policy = pm.loads(
        V11 + CONTACT + V11_GRID + "cookies:\n  - name: c\n    provider: meta\n    data: [email]\n    legal_bases: [ok]\n"
    )
    for grid, expected in zip((purpose_grid(policy), recipient_grid(policy)), expected_grids(policy), strict=True):
        shown = {
            (row, column): set(cell.words.split(", "))
            for row, cells in grid.rows
            for column, cell in zip(grid.columns, cells, strict=True)
        }
        assert shown == expected
