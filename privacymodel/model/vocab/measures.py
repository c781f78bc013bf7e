"""Vocabularies of safeguards: security measures (DPV) and the mechanisms that legitimise international transfers."""

from __future__ import annotations

from privacymodel.model.vocab.base import DPV, EU_GDPR, Vocabulary

__all__ = ["MeasureTerm", "TransferMechanism"]


class MeasureTerm(Vocabulary):
    """Technical and organisational security measures (W3C DPV measures)."""

    ACCESS_CONTROL = ("access-control", "Access control.", DPV + "AccessControlMethod")
    AUTHENTICATION = ("authentication", "Password or other authentication.", DPV + "PasswordAuthentication")
    MULTI_FACTOR_AUTHENTICATION = (
        "multi-factor-authentication",
        "Multi-factor authentication.",
        DPV + "MultiFactorAuthentication",
    )
    ENCRYPTION = ("encryption", "Encryption.", DPV + "Encryption")
    ENCRYPTION_IN_TRANSFER = (
        "encryption-in-transfer",
        "Encryption in transit (for example SSL/TLS).",
        DPV + "EncryptionInTransfer",
    )
    ENCRYPTION_AT_REST = ("encryption-at-rest", "Encryption at rest.", DPV + "EncryptionAtRest")
    PSEUDONYMISATION = ("pseudonymisation", "Pseudonymisation.", DPV + "Pseudonymisation")
    ANONYMISATION = ("anonymisation", "Anonymisation.", DPV + "Anonymisation")
    FIREWALL = ("firewall", "Firewalls.")
    NETWORK_SECURITY = ("network-security", "Network security protocols.", DPV + "NetworkSecurityProtocols")
    INTRUSION_DETECTION = ("intrusion-detection", "Intrusion detection.", DPV + "IntrusionDetectionSystem")
    DATA_BACKUP = ("data-backup", "Data backup.", DPV + "DataBackupProtocols")
    PHYSICAL_SECURITY = ("physical-security", "Physical security safeguards.")
    SECURITY_PROCEDURE = ("security-procedure", "Security procedures and administrative safeguards.", DPV + "SecurityProcedure")
    INFORMATION_SECURITY_POLICY = (
        "information-security-policy",
        "An information security policy.",
        DPV + "InformationSecurityPolicy",
    )
    CONFIDENTIALITY_AGREEMENTS = ("confidentiality-agreements", "Confidentiality obligations on staff and third parties.")
    NEED_TO_KNOW = ("need-to-know", "Access only for those who need to know.")
    STAFF_TRAINING = ("staff-training", "Staff training.", DPV + "StaffTraining")
    SECURITY_AUDIT = ("security-audit", "Security audits.", DPV + "SecurityAudit")
    DATA_BREACH_NOTIFICATION = ("data-breach-notification", "Notifying people of data breaches.", DPV + "DataBreachNotification")
    DATA_DELETION_POLICY = ("data-deletion-policy", "A policy for deleting data.", DPV + "DataDeletionPolicy")


class TransferMechanism(Vocabulary):
    """Mechanisms that legitimise international transfers (GDPR Chapter V and earlier frameworks)."""

    ADEQUACY = ("adequacy-decision", "GDPR Art. 45(3): an adequacy decision.", EU_GDPR + "A45-3")
    LEGAL_INSTRUMENT = (
        "legal-instrument",
        "GDPR Art. 46(2)(a): a legally binding instrument between public authorities.",
        EU_GDPR + "A46-2-a",
    )
    BINDING_CORPORATE_RULES = ("binding-corporate-rules", "GDPR Art. 46(2)(b): binding corporate rules.", EU_GDPR + "A46-2-b")
    SCC_COMMISSION = (
        "standard-contractual-clauses",
        "GDPR Art. 46(2)(c): standard contractual clauses adopted by the Commission.",
        EU_GDPR + "A46-2-c",
    )
    SCC_SUPERVISORY_AUTHORITY = (
        "scc-supervisory-authority",
        "GDPR Art. 46(2)(d): standard clauses adopted by a supervisory authority.",
        EU_GDPR + "A46-2-d",
    )
    CODE_OF_CONDUCT = ("code-of-conduct", "GDPR Art. 46(2)(e): an approved code of conduct.", EU_GDPR + "A46-2-e")
    CERTIFICATION = ("certification", "GDPR Art. 46(2)(f): an approved certification mechanism.", EU_GDPR + "A46-2-f")
    AD_HOC_CLAUSES = ("ad-hoc-contractual-clauses", "GDPR Art. 46(3)(a): authorised contractual clauses.", EU_GDPR + "A46-3-a")
    ADMINISTRATIVE_ARRANGEMENTS = (
        "administrative-arrangements",
        "GDPR Art. 46(3)(b): administrative arrangements.",
        EU_GDPR + "A46-3-b",
    )
    APPROPRIATE_SAFEGUARDS = (
        "appropriate-safeguards",
        "GDPR Art. 46(1): appropriate safeguards, without saying which of those Art. 46(2) and (3) list.",
    )
    EXPLICIT_CONSENT = ("explicit-consent", "GDPR Art. 49(1)(a): explicit consent to the transfer.", EU_GDPR + "A49-1-a")
    CONTRACT = ("contract", "GDPR Art. 49(1)(b): necessary for a contract with the person.", EU_GDPR + "A49-1-b")
    CONSENT = ("consent", "Consent to the transfer, not stated to be explicit consent under GDPR Art. 49(1)(a).")
    SAFE_HARBOR = ("safe-harbor", "The US-EU and US-Swiss Safe Harbor frameworks (invalidated in 2015).")
    PRIVACY_SHIELD = ("privacy-shield", "The EU-US and Swiss-US Privacy Shield frameworks (invalidated in 2020).")
    DATA_PRIVACY_FRAMEWORK = ("data-privacy-framework", "The EU-US Data Privacy Framework (2023).")
