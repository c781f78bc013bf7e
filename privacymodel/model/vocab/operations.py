"""The vocabulary of what is done with data: processing operations (W3C DPV ``dpv:Processing`` and its subclasses)."""

from __future__ import annotations

from privacymodel.model.vocab.base import DPV, Vocabulary

__all__ = ["OperationTerm"]


class OperationTerm(Vocabulary):
    """Operations performed on personal data (W3C DPV processing operations, ``dpv:``)."""

    COLLECT = ("collect", "Gather data from people.", DPV + "Collect")
    OBTAIN = ("obtain", "Solicit or gather data from someone, in any way.", DPV + "Obtain")
    RECORD = ("record", "Make a record of data (audio, video, logs).", DPV + "Record")
    STORE = ("store", "Keep data for future use.", DPV + "Store")
    USE = ("use", "Use data.", DPV + "Use")
    ANALYSE = ("analyse", "Study or examine data in detail.", DPV + "Analyse")
    COMBINE = ("combine", "Join or merge data, from the same or other sources.", DPV + "Combine")
    MATCH = ("match", "Compare or match data from different sources.", DPV + "Match")
    IDENTIFY = (
        "identify",
        "Recognise who a person is, for example resolve a visitor or an email address to a named person.",
    )
    INFER = ("infer", "Infer new data from existing data.", DPV + "Infer")
    DERIVE = ("derive", "Create new data derived from the original data.", DPV + "Derive")
    PROFILE = ("profile", "Create a profile that describes or represents a person.", DPV + "Profiling")
    MONITOR = ("monitor", "Monitor data or activity for some criteria.", DPV + "Monitor")
    TRACK = ("track", "Track a person or their activities across contexts.", DPV + "Tracking")
    TRACK_FIRST_PARTY = ("track-first-party", "Tracking by the controller itself, as first party.", DPV + "TrackingByFirstParty")
    TRACK_THIRD_PARTY = ("track-third-party", "Tracking by a third party.", DPV + "TrackingByThirdParty")
    TRACK_ACROSS_SITES = (
        "track-across-sites",
        "Follow a person across websites, apps or devices that are not the controller's own.",
    )
    SHARE = ("share", "Give data, or part of it, to others.", DPV + "Share")
    DISCLOSE = ("disclose", "Make data known to others.", DPV + "Disclose")
    TRANSFER = ("transfer", "Move data from one place to another (including to other countries).", DPV + "Transfer")
    SELL = ("sell", "Exchange data for money or other valuable consideration.")
    TRAIN_MODELS = ("train-models", "Use data to train machine-learning or AI models.")
    ANONYMISE = ("anonymise", "Alter data irreversibly so that no one can be identified from it.", DPV + "Anonymise")
    PSEUDONYMISE = ("pseudonymise", "Replace identifying data with artificial identifiers.", DPV + "Pseudonymise")
    ERASE = ("erase", "Remove data beyond retrieval.", DPV + "Erase")
    AGGREGATE = ("aggregate", "Aggregate data.", DPV + "Aggregate")
