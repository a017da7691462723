"""Public indices as benchmarks: EGDI, GTMI, NCSI, OECD DGI, UNDP Compass (bundled) and ITU GCI (imported).

Every dataset is keyed by ISO3 and carries its provenance (``data/provenance.yaml``); editions a
user imports live in the data directory. See ``docs/indices.md``.
"""

from raqmana.indices.countries import name as country_name
from raqmana.indices.countries import to_iso3
from raqmana.indices.datasets import Dataset, index_ids, load_all, load_dataset
from raqmana.indices.groups import egdi_group, egdi_rating_class, gci_tier, gtmi_group
from raqmana.indices.importer import ImportResult, import_edition
from raqmana.indices.peers import (
    PeerGroups,
    Standing,
    arab_states,
    peer_groups,
    peer_table,
    standing,
)
from raqmana.indices.reproduce import Reproduction, reproduce
from raqmana.indices.specs import SPECS, IndexSpec
from raqmana.indices.staleness import Staleness, staleness
from raqmana.indices.table import Record

__all__ = [
    "SPECS",
    "Dataset",
    "ImportResult",
    "IndexSpec",
    "PeerGroups",
    "Record",
    "Reproduction",
    "Staleness",
    "Standing",
    "arab_states",
    "country_name",
    "egdi_group",
    "egdi_rating_class",
    "gci_tier",
    "gtmi_group",
    "import_edition",
    "index_ids",
    "load_all",
    "load_dataset",
    "peer_groups",
    "peer_table",
    "reproduce",
    "staleness",
    "standing",
    "to_iso3",
]
