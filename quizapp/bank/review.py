"""The bundled material ships with its bank reviewed.

The default speech is the first thing every learner is asked about, so its generated bank was
judged question by question as a 党课 teacher would (docs/quality.md, "The bundled material's
bank"). The verdicts live in ``data/seed_review.json``, keyed by the engine's stable question id:
an unusable question is disabled and a question a small edit saves is stored edited, exactly as
an organizer would do it in the workbench, with an audit entry each. Applied once, when init-db
first stores the default material; from then on the rows are the organizer's to change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import BankQuestion, Material
from ..workbench.services import FIELD_LABELS, confirm_question, record_question

REVIEW_PATH = Path(__file__).resolve().parent.parent / "data" / "seed_review.json"
VERDICTS = ("usable", "edit", "unusable")
# the fields an edit may replace: the learner-facing ones, never the id, key or source
EDIT_FIELDS = ("stem", "options", "answer", "accepted", "explanation")
TAG_DISABLED = "审阅停用"
TAG_EDITED = "审阅修改"


@dataclass(frozen=True)
class Verdict:
    uid: str
    kind: str
    verdict: str
    reason: str  # in Chinese: an organizer reads it in the audit log
    edit: dict[str, Any] | None
    fingerprint: str  # of the question as judged (see question_fingerprint)


@dataclass
class ReviewStats:
    disabled: int = 0
    edited: int = 0
    confirmed: int = 0


def load_review(path: Path = REVIEW_PATH) -> dict[str, Verdict]:
    """The shipped verdicts by question id."""
    data = json.loads(path.read_text(encoding="utf-8"))
    verdicts = {}
    for item in data["questions"]:
        if item["verdict"] not in VERDICTS:
            raise ValueError(f"{path.name}: unknown verdict {item['verdict']!r} for {item['id']}")
        edit = item.get("edit") or None
        verdicts[item["id"]] = Verdict(
            uid=item["id"],
            kind=item["kind"],
            verdict=item["verdict"],
            reason=item.get("reason_zh", ""),
            edit={k: v for k, v in edit.items() if k in EDIT_FIELDS} if edit else None,
            fingerprint=item["fingerprint"],
        )
    return verdicts


def question_fingerprint(question: Mapping[str, Any]) -> str:
    """What a verdict judged: the stem, options, answer and explanation a learner sees. The id
    stays when an engine change gives a question other lures or another explanation; the
    fingerprint does not, so a verdict is never applied to a question nobody judged."""
    seen = [question[name] for name in ("stem", "options", "answer", "explanation")]
    text = json.dumps(seen, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def apply_review(
    material: Material, verdicts: dict[str, Verdict] | None = None, *, confirm_only: bool = False
) -> ReviewStats:
    """Disable the generated rows judged unusable, store the judged edits and confirm the
    questions the engine doubts that were judged usable as they read (确认可用: served).

    Only untouched generated rows are changed (a row a person already edited, disabled or made
    by hand is theirs), and only when the verdict is about the row as it reads now.
    ``confirm_only``: the confirmations alone, for a database whose default material was stored
    before doubted questions waited for a person (init-db on an upgrade): a disable or an edit
    applied then would overrule what its organizers have done since (a question they enabled
    again is untouched as far as this can tell).
    """
    verdicts = load_review() if verdicts is None else verdicts
    stats = ReviewStats()
    rows = db.session.scalars(
        select(BankQuestion)
        .where(BankQuestion.material_id == material.id)
        .order_by(BankQuestion.id)
    )
    for row in rows:
        verdict = verdicts.get(row.uid)
        if verdict is None or verdict.kind != row.kind or not _untouched(row):
            continue
        if verdict.fingerprint != question_fingerprint(row.to_engine_dict()):
            continue  # the engine now asks it otherwise: the verdict was not about this
        if verdict.verdict == "usable" and row.weak:
            # as an organizer's 确认可用 (weak is only ever true of an active row here)
            stats.confirmed += confirm_question(row, user=None, review=verdict.reason)
        elif confirm_only:
            continue
        elif verdict.verdict == "unusable":
            row.status = "disabled"
            row.tags = [*(row.tags or []), TAG_DISABLED]
            record_question(
                row,
                "question.status",
                f"随附审阅停用了题目 #{row.id}：{verdict.reason}",
                details={"status": ["active", "disabled"], "review": verdict.reason},
            )
            stats.disabled += 1
        elif verdict.verdict == "edit" and verdict.edit:
            edit = dict(verdict.edit)
            if "accepted" in edit:  # the review's spellings added to the engine's, never fewer
                edit["accepted"] = _with_spellings(row.accepted or [], edit["accepted"])
            changes = {
                name: [getattr(row, name), value]
                for name, value in edit.items()
                if getattr(row, name) != value
            }
            if not changes:
                continue
            for name, (_, value) in changes.items():
                setattr(row, name, value)
            row.tags = [*(row.tags or []), TAG_EDITED]
            row.edited = True  # a person's decision: regeneration leaves the row as it is
            row.weak = False  # as an organizer's edit (workbench.services.update_question)
            record_question(
                row,
                "question.edit",
                f"随附审阅修改了题目 #{row.id}（{'、'.join(FIELD_LABELS[k] for k in changes)}）："
                + verdict.reason,
                details={**changes, "review": verdict.reason},
            )
            stats.edited += 1
    db.session.flush()
    return stats


def _with_spellings(engine: list[list[str]], reviewed: list[list[str]]) -> list[list[str]]:
    """Per blank, the reviewed spellings followed by any the engine accepts that they lack: an
    engine that learned another spelling since the review keeps accepting it."""
    merged = []
    for index, spellings in enumerate(reviewed):
        more = engine[index] if index < len(engine) else []
        merged.append([*spellings, *(s for s in more if s not in spellings)])
    return merged


def _untouched(row: BankQuestion) -> bool:
    return (
        row.origin == "generated" and not row.edited and row.status == "active" and not row.retired
    )
