"""Policies as tables: normalised Apache Arrow tables keyed by policy, written as Parquet or CSV.

:func:`to_tables` turns policy files, folders or policy objects into one Arrow table per part of a policy
(policies, parties, data categories, purposes, legal bases, processing, recipients, cookies, retention,
rights, transfers and the rest), link tables for lists of ids, the problems of every file and, with an
audit, its findings. :func:`write_tables` writes them in bounded memory, one file per table;
:mod:`~privacymodel.formats.tables.corpus` does the same over a Dask cluster. The tables follow the model
classes by reflection (:mod:`~privacymodel.formats.tables.layout`); the README's data dictionary lists every
column. pyarrow (and, for a cluster, dask) are optional: ``pip install 'privacymodel[tables]'``.
"""

from privacymodel.formats.tables.arrow import INSTALL, Sink, arrow_tables, require, schemas
from privacymodel.formats.tables.build import BATCH_SIZE, Summary, batches, to_tables, write_tables
from privacymodel.formats.tables.layout import TABLES, data_dictionary
from privacymodel.formats.tables.sources import policy_id

__all__ = [
    "BATCH_SIZE",
    "INSTALL",
    "TABLES",
    "Sink",
    "Summary",
    "arrow_tables",
    "batches",
    "data_dictionary",
    "policy_id",
    "require",
    "schemas",
    "to_tables",
    "write_tables",
]
