"""All models, imported here so the metadata (and Alembic) sees every table."""

from ._common import UTCDateTime, utcnow
from .accounts import ROLE_LABELS, ROLES, Group, User
from .materials import BankQuestion, Material
from .study import Attempt, AttemptAnswer, NotebookEntry

__all__ = [
    "ROLES", "ROLE_LABELS", "Group", "User", "Material", "BankQuestion", "Attempt",
    "AttemptAnswer", "NotebookEntry", "UTCDateTime", "utcnow",
]  # fmt: skip

# Area models (contests, workbench) are appended below by their modules' owners.
