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
from .paper import (  # noqa: E402  (paper contests, quizapp/contests)
    PaperAnswer,
    PaperAttempt,
    PaperContest,
    PaperRosterGroup,
    PaperRosterUser,
)

__all__ += ["PaperContest", "PaperRosterGroup", "PaperRosterUser", "PaperAttempt", "PaperAnswer"]
from .workbench import (  # noqa: E402
    AuditEntry,
    GenerationJob,
    LexiconEntry,
    QuestionReport,
    QuestionTombstone,
    UploadDraft,
)

__all__ += [
    "AuditEntry", "GenerationJob", "LexiconEntry", "QuestionReport", "QuestionTombstone",
    "UploadDraft",
]  # fmt: skip

from .live import LiveAnswer, LiveContest, LivePlayer, LiveQuestion, RateCounter  # noqa: E402

__all__ += ["LiveContest", "LiveQuestion", "LivePlayer", "LiveAnswer", "RateCounter"]
