"""What the Virginia and Colorado privacy acts ask of a privacy notice, read once for both.

Both laws ask for the same notice (the categories of personal data processed, the purposes, how to exercise the
consumer rights and appeal a refusal, the categories shared with third parties and the categories of those
third parties), a clear disclosure of any sale or targeted advertising with the way to opt out, and the same
five rights (access, correction, deletion, portability, opting out). A :class:`StateLaw` holds what differs
(the articles, the territory, the date, whether a sale is for money only) and builds the items and the rules;
:mod:`.vcdpa` and :mod:`.cpa` declare one each. Rights are matched by content, under the law or no law, for the
state's residents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Final

from attrs import field, frozen

from privacymodel.checks.audit.facts import Fact
from privacymodel.checks.audit.finding import Finding, Item, Rule, count, listed, paths, stated
from privacymodel.checks.audit.notice import opt_out_choices, request_channels, rights_in, third_party_recipients
from privacymodel.checks.audit.shared import advertising_disclosures
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, PurposeTerm, RightKind
from privacymodel.problems import format_path

__all__ = ["RIGHTS", "StateLaw", "advertising", "profiling"]

RIGHTS: Final = (
    ("right-access", "Right to confirm processing and access the data", RightKind.ACCESS),
    ("right-correct", "Right to correct inaccuracies", RightKind.CORRECT),
    ("right-delete", "Right to delete", RightKind.DELETE),
    ("right-portability", "Right to a portable copy of the data", RightKind.PORTABILITY),
)
"""The rights both laws grant and a notice has to say how to exercise: item id, title, the kind matched."""
_OPT_OUT_KINDS: Final = frozenset(
    {
        RightKind.OPT_OUT_OF_SALE,
        RightKind.OPT_OUT_OF_DISCLOSURE,
        RightKind.OPT_OUT_OF_TARGETED_ADVERTISING,
        RightKind.OPT_OUT_OF_PROFILING,
    }
)
_OWN_TARGETING: Final = frozenset({PurposeTerm.TARGETED_ADVERTISING, PurposeTerm.PERSONALISED_ADVERTISING})


def advertising(policy: PrivacyPolicy) -> list[str]:
    """Paths of what the policy states that can be a sale of personal data or targeted advertising: data sold or
    shared for others' own purposes, :func:`.shared.advertising_disclosures`, and its own targeted advertising."""
    sale = policy.sale_of_data
    found = [f"$.sale_of_data.{key}" for key in ("sold", "shared") if sale is not None and getattr(sale, key) is True]
    found += advertising_disclosures(policy)
    found += [format_path(("purposes", i)) for i, p in enumerate(policy.purposes or ()) if p.term in _OWN_TARGETING]
    return found


def profiling(policy: PrivacyPolicy) -> list[str]:
    """Paths of the decisions made by automated means that the policy states."""
    adm = policy.automated_decision_making
    return ["$.automated_decision_making.used"] if adm is not None and adm.used else []


@frozen(kw_only=True)
class StateLaw:
    """One state's privacy act: what differs between the laws this module reads, and the items and rules built
    from it.

    ``notice`` holds the articles of the five contents of the notice, in order; ``sale`` the article on
    disclosing a sale or targeted advertising; ``rights`` the articles of the four rights of :data:`RIGHTS`
    and of the right to opt out; ``appeal`` the article on appeals; ``definitions`` where 'sale' and 'third
    party' are defined; ``money_only`` whether a sale is only for money (Virginia) or also for other valuable
    consideration (Colorado).
    """

    law: LawTerm
    name: str
    applies_from: Fact
    territory: frozenset[str]
    notice: tuple[str, str, str, str, str]
    sale: str
    rights: tuple[str, str, str, str, str]
    appeal: str
    definitions: str
    money_only: bool
    _items: dict[str, Item] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        law = self.law.value
        notice = zip(
            ("categories", "purposes", "requests", "shared-categories", "third-parties"),
            (
                "Categories of personal data processed",
                "Purposes of the processing",
                "How and where to exercise the consumer rights",
                "Categories of personal data shared with third parties",
                "Categories of third parties data is shared with",
            ),
            self.notice,
            strict=True,
        )
        items = [Item(law, item, title, article) for item, title, article in notice]
        items.append(Item(law, "appeal", "How to appeal a refused request", f"{self.notice[2]}, {self.appeal}"))
        items.append(Item(law, "sale-targeted", "Sale or targeted advertising, and how to opt out", self.sale))
        items += [Item(law, item, title, article) for (item, title, _), article in zip(RIGHTS, self.rights[:4], strict=True)]
        items.append(Item(law, "right-opt-out", "Right to opt out of targeted advertising, sale and profiling", self.rights[4]))
        object.__setattr__(self, "_items", {item.item: item for item in items})

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in the order reports list them."""
        return tuple(self._items.values())

    def item(self, item_id: str) -> Item:
        """The item ``item_id``."""
        return self._items[item_id]

    def rules(self) -> tuple[Rule, ...]:
        """The rules, in the order their findings are reported."""
        return (self.notice_rule, self.requests_rule, self.third_parties_rule, self.sale_rule, self.rights_rule)

    def rights_of(self, policy: PrivacyPolicy, kinds: Iterable[RightKind]) -> tuple[str, ...]:
        """Paths of the rights of ``kinds`` (or the same by other names) the state's residents have."""
        return rights_in(policy, kinds, {self.law}, self.territory)

    def not_sold(self, policy: PrivacyPolicy) -> bool:
        """Whether the policy states data is not sold, in the law's sense, and states nothing that can be one."""
        sale = policy.sale_of_data
        if sale is None or sale.sold is not False or (sale.for_money_only and not self.money_only):
            return False
        return not advertising(policy)

    def notice_rule(self, policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        """The categories of personal data processed, and the purposes."""
        categories = policy.data_categories or ()
        yield self.item("categories").disclosed(
            paths("data_categories", categories), count(len(categories), "data category"), "no categories are stated"
        )
        yield self.item("purposes").disclosed(
            paths("purposes", policy.purposes), count(len(policy.purposes or ()), "purpose"), "no purposes are stated"
        )

    def requests_rule(self, policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        """How and where to exercise the rights (a contact for them), and how to appeal a refusal."""
        channels, reserved = request_channels(policy, {self.law}, self.territory)
        item = self.item("requests")
        if channels:
            yield item.present("a way to exercise the rights is stated", channels)
        elif reserved:
            yield item.missing(
                f"the only contacts for requests ({listed(reserved)}) are given for rights under another law", reserved
            )
        else:
            yield item.missing("no way to exercise the rights is stated")
        if appeals := self.rights_of(policy, {RightKind.APPEAL}):
            yield self.item("appeal").present("a way to appeal a refused request is stated", appeals)
        else:
            yield self.item("appeal").missing(
                f"the policy states no way to appeal a refused request ({self.appeal}), which the notice has to describe"
            )

    def third_parties_rule(self, policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        """The categories of personal data shared with third parties, and the categories of those third parties."""
        shared, kinds = self.item("shared-categories"), self.item("third-parties")
        recipients = policy.recipients
        if recipients is None:
            for item in (shared, kinds):
                yield item.missing("the policy does not say whether personal data is shared, or with whom")
            return
        if not recipients:
            for item in (shared, kinds):
                yield item.present("the policy states no one receives personal data", ["$.recipients"])
            return
        third = third_party_recipients(policy)
        if not third:
            for item in (shared, kinds):
                yield item.not_applicable(
                    f"the recipients stated are processors or affiliates, not third parties ({self.definitions})"
                )
            return
        with_data = {rid for p in policy.processing or () if p.data for rid in p.recipients or ()}
        with_data |= {rid for t in policy.transfers or () if t.data for rid in t.recipients or ()}
        told = [format_path(("recipients", i)) for i in third if recipients[i].data or recipients[i].id in with_data]
        untold = [format_path(("recipients", i)) for i in third if not recipients[i].data and recipients[i].id not in with_data]
        if told and not untold:
            yield shared.present("the data each third party receives is stated", told)
        elif told:
            yield shared.unclear(f"the data some third parties receive is not stated ({listed(untold)})", [*told, *untold])
        else:
            yield shared.missing(f"third parties are named ({listed(untold)}) but not which personal data they receive", untold)
        named = [format_path(("recipients", i)) for i in third]
        yield kinds.present(count(len(named), "third party"), named)

    def sale_rule(self, policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        """A sale of personal data or targeted advertising, disclosed with how to opt out of it."""
        item = self.item("sale-targeted")
        signals = advertising(policy)
        opt_outs = [*self.rights_of(policy, _OPT_OUT_KINDS), *opt_out_choices(policy)]
        sale = policy.sale_of_data
        if signals and opt_outs:
            yield item.present(
                f"what can be a sale or targeted advertising is stated ({listed(signals)}), with a way to opt out",
                [*signals, *opt_outs],
            )
        elif signals:
            yield item.missing(
                f"the policy states what can be a sale of personal data or targeted advertising ({listed(signals)}), "
                f"but not how to opt out of it ({self.sale})",
                signals,
            )
        elif self.not_sold(policy):
            yield item.not_applicable("the policy states personal data is not sold and describes no targeted advertising")
        elif sale is not None and sale.sold is False and sale.for_money_only:
            yield item.unclear(
                f"the policy says data is not sold for money, but a sale includes other valuable consideration "
                f"({self.definitions})",
                ["$.sale_of_data.for_money_only"],
            )
        else:
            yield item.unclear("the policy does not say whether personal data is sold or used for targeted advertising")

    def rights_rule(self, policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
        """Each right, matched by content; opting out is not owed where nothing is sold, targeted or decided by machine."""
        for item_id, _, kind in RIGHTS:
            item = self.item(item_id)
            yield item.disclosed(self.rights_of(policy, {kind}), stated(item.title, True), stated(item.title, False))
        item = self.item("right-opt-out")
        if found := self.rights_of(policy, _OPT_OUT_KINDS):
            yield item.present(stated(item.title, True), found)
        elif self.not_sold(policy) and not profiling(policy):
            yield item.not_applicable(
                "the policy states personal data is not sold and describes no targeted advertising or automated decisions"
            )
        elif choices := opt_out_choices(policy):
            yield item.unclear(
                f"opting out of advertising is offered only at industry or provider pages ({listed(choices)}), not as a "
                "request to the controller",
                choices,
            )
        else:
            yield item.missing(stated(item.title, False))
