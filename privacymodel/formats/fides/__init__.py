"""fideslang out: :func:`to_fides` writes a policy as a manifest for Fides, in fideslang's taxonomy.

The manifest is plain data, ``{"system": [...], "dataset": [...]}``, written as
YAML by ``privacymodel export --to fides``, the way Fides manifests are kept.

* The ``system`` is the service the policy covers: ``fides_key`` the first
  controller's id, ``name`` the policy's title, ``description`` what it applies
  to, ``system_type`` ``Service``, ``privacy_policy`` its URL, ``legal_name``
  and ``legal_address`` the first controller's, ``responsibility`` the
  controllers' roles, ``joint_controller_info`` the other controllers, ``dpo``,
  ``data_security_practices``, ``does_international_transfers`` and
  ``legal_basis_for_transfers``, ``uses_cookies`` and ``uses_non_cookie_access``.
* Its ``privacy_declarations`` are one per processing statement and purpose it
  names (``<statement id>: <purpose id>``), where the policy links data,
  purposes and data subjects, with the statement's links (where it names
  none, those the policy links to the purpose; its recipients include those
  that carry it out); then one per purpose no statement names (named by its
  id), with every data category of the policy. The data subjects are those
  the statement names, else those the policy names for the declaration's data
  categories. Each holds its ``data_use``, ``data_categories`` and
  ``data_subjects``, the one
  ``legal_basis_for_processing`` and ``special_category_legal_basis`` the
  policy links to it (none where it links several), ``retention_period`` in
  words, and ``data_shared_with_third_parties``, ``third_parties`` and
  ``shared_categories`` from its recipients.
* The ``dataset`` (``<key>-data``), where some data category has a fideslang
  category, has one collection, ``personal_data``, with a field per data
  category (its id, description, fideslang category and data subjects).

Terms are mapped with the tables of facts in :mod:`privacymodel.formats.fides.terms`. A term with no
counterpart is left out and reported (PM404), and so is every field fideslang cannot hold
(:mod:`privacymodel.formats.fides.coverage`).
"""

from __future__ import annotations

from privacymodel.formats.fides.write import to_fides

__all__ = ["to_fides"]
