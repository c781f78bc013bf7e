"""The vocabulary of whose data it is: kinds of data subjects (W3C DPV ``dpv:DataSubject`` and its subclasses)."""

from __future__ import annotations

from privacymodel.model.vocab.base import DPV, Vocabulary

__all__ = ["DataSubjectTerm"]


class DataSubjectTerm(Vocabulary):
    """Kinds of people whose personal data is processed (W3C DPV data subjects, ``dpv:``)."""

    VISITOR = ("visitor", "People visiting a website, app or place, for a while.", DPV + "Visitor")
    USER = ("user", "People who use the service.", DPV + "User")
    CUSTOMER = ("customer", "People who buy goods or services.", DPV + "Customer")
    CLIENT = ("client", "Clients: people who receive services.", DPV + "Client")
    CONSUMER = ("consumer", "Consumers: people who buy or use goods or services for their own use.", DPV + "Consumer")
    SUBSCRIBER = ("subscriber", "People who subscribe to a service or newsletter.", DPV + "Subscriber")
    MEMBER = ("member", "Members of a group, organisation or programme.", DPV + "Member")
    EMPLOYEE = ("employee", "Employees.", DPV + "Employee")
    JOB_APPLICANT = ("job-applicant", "People who apply for a job.", DPV + "JobApplicant")
    APPLICANT = ("applicant", "Applicants in some other context (for a programme, an account, a grant).", DPV + "Applicant")
    CHILD = ("child", "Children, below the age the policy or the law sets.", DPV + "Child")
    ADULT = ("adult", "Adults.", DPV + "Adult")
    PARENT = ("parent", "Parents of data subjects such as children.", DPV + "ParentOfDataSubject")
    GUARDIAN = ("guardian", "Legal guardians of data subjects such as children.", DPV + "GuardianOfDataSubject")
    STUDENT = ("student", "Students.", DPV + "Student")
    PATIENT = ("patient", "Patients: people who receive medical care or health services.", DPV + "Patient")
    PARTICIPANT = ("participant", "Participants, in a study, an event or a programme.", DPV + "Participant")
    CITIZEN = ("citizen", "Citizens of a jurisdiction.", DPV + "Citizen")
    END_USER_OF_CUSTOMER = (
        "end-user-of-customer",
        (
            "The end users or contacts of the controller's business customers, whose data the controller processes "
            "for those customers."
        ),
    )
    BUSINESS_CONTACT = (
        "business-contact",
        "People acting for an organisation: its staff, agents and representatives.",
    )
