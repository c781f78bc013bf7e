"""TILT in and out: :func:`to_tilt` writes a TILT document, :func:`from_tilt` reads one, :func:`from_tilt_array`
each document of a JSON array of them.

TILT (the Transparency Information Language and Toolkit) is a JSON Schema for
the transparency information of GDPR Art. 13 and 14. Its unit is the data
category: each ``dataDisclosed`` item names one category with its purposes,
legal bases, recipients, storage and the consequences of not providing it.

Writing
-------
One ``dataDisclosed`` item is written per data category, carrying every
purpose, legal basis, recipient and retention statement the policy links to
that category (through processing statements, or the ``data`` and ``purposes``
of the statements themselves). Statements linked to no category go into one
more item whose ``_id`` is ``privacymodel-unlinked`` and whose category is
``personal-data`` ("personal data, category not stated").

TILT requires fields a policy may not state. They are filled as TILT's own
template does, with empty text, and where empty text is not valid, with a
value that is recognisably no value:

* text fields (``controller.address``, ``dataProtectionOfficer.name``, ...): ``""``;
* country codes: ``ZZ``, the ISO 3166-1 user-assigned code for an unknown country;
* email addresses: ``not-stated@not-stated.invalid`` (``.invalid`` is reserved by
  RFC 2606 for names that are sure to be invalid);
* booleans that TILT requires and gives a default (``nonDisclosure``,
  ``publiclyAvailable``): TILT's default, ``false``; ``accessAndDataPortability``
  is ``available: false`` when the policy states no right of access;
* ``meta``: ``name`` is the first controller's name, ``created`` and
  ``modified`` are the policy's dates (the date of export when it states none),
  ``version`` is the policy's version when it is a whole number and otherwise 1,
  ``language`` is the policy's language, or TILT's default ``en`` when it states
  none, ``status`` is ``active``, ``_id`` is a UUID derived from the policy's URL
  (or title), and ``_hash`` is the SHA-256 of the document written with sorted
  keys, no spaces and ``_hash`` empty;
* names of parties the policy does not name (``your local supervisory
  authority``): the party's description, which TILT reads back as its name.

The text of a category, a purpose's heading and a recipient's ``category`` is
the label where it reads back as the term, else the term; a recipient's kind is
its kind, or the first of its ``kinds``. Express and explicit consent under the
GDPR are written as its Art. 6(1)(a), ``GDPR-6-1-a``, the kind leading the
description (``express-consent: ...``) and read back as it; a custom basis that
keeps a provision is written as it (``x-bdsg-26-1`` of ``x-bdsg``: ``BDSG-26-1``).
``accessAndDataPortability`` holds the right of access (its fee is the fee for a
copy, GDPR Art. 15(3)); the transfer statements to one country are one TILT
transfer, each mechanism's slot described by its statement's description.

Reading a TILT document back recognises every one of these placeholders as
"not stated". Everything a policy states that TILT cannot hold is reported as a
PM404 warning (a fee whose amount has more than 17 digits among it); the
placeholders written are reported as PM405.

Reading
-------
TILT documents as people write them: ``null``, ``""``, ``[]`` and ``{}`` mean
"not stated"; legal-basis references are read in TILT's form (``GDPR-6-1-a``,
``DSGVO-6-1-b``), in prose (``Art. 6(1)(f) GDPR``, ``Artikel 6 Absatz 1
Buchstabe b DSGVO``, ``article 6, paragraphe 1, point a) du RGPD``), several in
one (``Art. 6 Abs. 1 lit. a, b DSGVO``), and as provisions of other laws
(``BDSG-26-1``, ``§ 7 Absatz 3 UWG``; :mod:`.bases`); countries written as
names are read as their codes (:mod:`.countries`); durations such as ``P72H``
are read as meant (``PT72H``); categories, purposes and recipient categories
that match no vocabulary term become ``x-`` custom terms, their text kept as
their ``label``; a fee's amount is written in digits (``1234567 EUR``, ``0.5
EUR``). ``accessAndDataPortability`` is read as the right of access, or of
portability where its description names portability and not access
(:mod:`.rights`). Every field that cannot be carried over is reported as PM402
(among them a right or mechanism marked ``available: false``, an amount of more
than 17 digits, infinite, and a number too long to be read as text), every
value read as meant as PM403.
"""

from __future__ import annotations

from privacymodel.formats.tilt.bases import read_legal_bases, read_legal_basis
from privacymodel.formats.tilt.batch import TiltResult, from_tilt_array, place_in_array, read_tilt_text
from privacymodel.formats.tilt.common import NOT_STATED_EMAIL, TILT_KEYS, UNKNOWN_COUNTRY, UNLINKED_ID
from privacymodel.formats.tilt.read import from_tilt
from privacymodel.formats.tilt.recognise import read_duration
from privacymodel.formats.tilt.write import to_tilt

__all__ = [
    "NOT_STATED_EMAIL",
    "TILT_KEYS",
    "UNKNOWN_COUNTRY",
    "UNLINKED_ID",
    "TiltResult",
    "from_tilt",
    "from_tilt_array",
    "place_in_array",
    "read_duration",
    "read_legal_bases",
    "read_legal_basis",
    "read_tilt_text",
    "to_tilt",
]
