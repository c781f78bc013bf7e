"""Vocabularies of cookies and other trackers: who sets them, the technology, and their category."""

from __future__ import annotations

from privacymodel.model.vocab.base import Vocabulary

__all__ = ["CookieCategory", "TrackerParty", "TrackerTechnology"]


class TrackerParty(Vocabulary):
    """Whether a tracker is set by the site itself or by someone else."""

    FIRST_PARTY = ("first-party", "Set by the website or service itself.")
    THIRD_PARTY = ("third-party", "Set by another party whose content runs on the site.")


class TrackerTechnology(Vocabulary):
    """The technology a tracker uses."""

    HTTP_COOKIE = ("http-cookie", "An HTTP cookie.")
    LOCAL_STORAGE = ("local-storage", "HTML5 local storage in the browser.")
    SESSION_STORAGE = ("session-storage", "HTML5 session storage in the browser.")
    WEB_BEACON = ("web-beacon", "A web beacon, pixel or clear GIF, in pages or emails.")
    TAG = ("tag", "A script tag (for example the LinkedIn Insight Tag).")
    SDK = ("sdk", "A software development kit in an app.")
    FINGERPRINTING = ("fingerprinting", "Device or browser fingerprinting.")
    LOG_FILE = ("log-file", "Server log files.")


class CookieCategory(Vocabulary):
    """Categories of cookies and trackers, as consent tools and regulators use them."""

    STRICTLY_NECESSARY = ("strictly-necessary", "Needed for the service to work (log-in, security, load balancing).")
    FUNCTIONAL = ("functional", "Remember choices and preferences.")
    ANALYTICS = ("analytics", "Measure use and performance (statistics).")
    MARKETING = ("marketing", "Marketing, remarketing and conversion tracking.")
    ADVERTISING = ("advertising", "Select, deliver and measure advertising.")
    SOCIAL_MEDIA = ("social-media", "Set by social networks for sharing, tracking and adverts.")
    SECURITY = ("security", "Detect fraud and abuse.")
    UNCLASSIFIED = ("unclassified", "Not classified by the policy.")
