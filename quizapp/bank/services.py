"""Add a material and (re)generate its bank.

Services add and flush; the caller (view or CLI command) commits once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from .. import generation
from ..extensions import db
from ..models import BankQuestion, Material, utcnow

DEFAULT_MATERIAL_PATH = Path(__file__).resolve().parent.parent / "data" / "seed_speech.txt"
DEFAULT_MATERIAL_TITLE = "在理论学习专题班上的讲话"
DEFAULT_MATERIAL_SOURCE = "随应用附带的默认学习材料"


@dataclass
class BankStats:
    added: int = 0
    updated: int = 0  # generated rows the engine now words differently, rewritten
    unchanged: int = 0  # generated rows the engine produces exactly as stored
    kept: int = 0  # edited, disabled, in review, manual or imported rows left as they are
    retired: int = 0  # generated rows the engine no longer produces (disabled, not deleted)
    revived: int = 0  # retired rows the engine produces again (active again)
    duplicates: int = 0  # new generated questions skipped: a kept row already asks them
    rescored: int = 0  # updated or revived rows whose stored answers were re-scored
    split: int = 0  # answered rows the engine now asks otherwise: kept apart, new row added

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.kept + self.revived + self.split


def content_hash(text: str) -> str:
    """Hash of the folded text: the same speech with other widths or spaces is the same text."""
    folded = generation.normalize.fold(text)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def find_material_by_text(text: str) -> Material | None:
    return db.session.scalar(select(Material).where(Material.content_hash == content_hash(text)))


def new_material(
    text: str,
    *,
    title: str,
    source: str = "",
    created_by_id: int | None = None,
    is_default: bool = False,
) -> Material:
    """A material row without its bank yet (the caller generates it, now or in the background)."""
    material = Material(
        title=title.strip()[:200] or "未命名材料",
        source=source.strip()[:300],
        text=text,
        content_hash=content_hash(text),
        char_count=len(text),
        created_by_id=created_by_id,
        is_default=is_default,
    )
    db.session.add(material)
    db.session.flush()
    return material


def add_material(
    text: str,
    *,
    title: str,
    source: str = "",
    created_by_id: int | None = None,
    is_default: bool = False,
    lexicon: generation.Lexicon | None = None,
) -> tuple[Material, bool]:
    """Store a text as a material with its generated bank; an already-known text is returned."""
    existing = find_material_by_text(text)
    if existing is not None:
        return existing, False
    material = new_material(
        text, title=title, source=source, created_by_id=created_by_id, is_default=is_default
    )
    regenerate_bank(material, lexicon=lexicon)
    return material, True


def _kept(row: BankQuestion) -> bool:
    """A row whose content regeneration must leave as it is (its ``pick_score`` and, unless
    edited or confirmed, ``weak`` still follow the engine). A confirmed row is kept: the
    organizer let this wording be served, not whatever the engine words next."""
    return (
        row.edited
        or row.confirmed
        or row.origin != "generated"
        or (row.status != "active" and not row.retired)
    )


def doubted_count(material_id: int, kinds: Iterable[str] | None = None) -> int:
    """Active questions of the material (of ``kinds``, when given) held back from learners and
    contests because the engine doubts them (``weak``, not ``BankQuestion.servable``) until an
    organizer confirms or edits them: what a short pool's message adds."""
    query = select(func.count()).where(
        BankQuestion.material_id == material_id, BankQuestion.doubted
    )
    kinds = list(kinds or [])
    if kinds:
        query = query.where(BankQuestion.kind.in_(kinds))
    return int(db.session.scalar(query) or 0)


def materials_awaiting_review() -> list[tuple[Material, int]]:
    """Materials none of whose questions may be served yet, every active one doubted by the
    engine, with how many wait: a contest form lists no such material, and says why."""
    servable = select(BankQuestion.material_id).where(BankQuestion.servable)
    rows = db.session.execute(
        select(Material, func.count(BankQuestion.id))
        .join(BankQuestion, BankQuestion.material_id == Material.id)
        .where(BankQuestion.doubted, Material.id.not_in(servable))
        .group_by(Material.id)
        .order_by(Material.id)
    )
    return [(material, n) for material, n in rows]


def _same_key(kind: str, stem: str) -> tuple[str, str]:
    return kind, generation.normalize.fold(stem)


@dataclass
class EngineOutput:
    """What the engine makes of a text: its questions and key phrases (no database involved)."""

    questions: list[generation.Question]
    key_phrases: list[dict[str, Any]]


def run_engine(text: str, lexicon: generation.Lexicon) -> EngineOutput:
    """The slow part of (re)generation; call it outside a write transaction."""
    questions = generation.generate_questions(text, lexicon=lexicon)
    phrases = [
        {"text": k.text, "type": k.type, "start": k.start, "end": k.end, "formula": k.formula}
        for k in generation.find_key_phrases(text, lexicon=lexicon)
    ]
    return EngineOutput(questions, phrases)


def regenerate_bank(
    material: Material,
    *,
    lexicon: generation.Lexicon | None = None,
    output: EngineOutput | None = None,
) -> BankStats:
    """Bring a material's generated questions up to date with the engine.

    Rows are matched by the engine's stable id (``uid``):

    * a row a person edited, confirmed, disabled, sent to review, made by hand or imported keeps
      every field a person can see; a kept generated row still takes the engine's
      ``pick_score`` (and ``weak``, unless edited or confirmed);
    * an untouched generated row takes the engine's new version;
    * a generated row the engine no longer produces is retired (status "disabled", ``retired``
      set), never deleted, so answers stored against it keep their question; if the engine
      produces it again later it comes back as active;
    * a generated question a person deleted (a tombstone) is not brought back, and a new
      generated question asking what a kept row already asks (same kind and folded stem) is
      skipped: regeneration never duplicates a question.

    ``output`` is the engine's result computed beforehand (see :func:`run_engine`), so that a
    long text is not worked on while the database's write lock is held.
    """
    from ..models import QuestionTombstone

    if output is None:
        if lexicon is None:
            from .lexicon import current_lexicon

            lexicon = current_lexicon()
        output = run_engine(material.text, lexicon)
    generated = output.questions
    material.key_phrases = output.key_phrases
    existing = {
        q.uid: q
        for q in db.session.scalars(
            select(BankQuestion).where(BankQuestion.material_id == material.id)
        )
    }
    tombstones = set(
        db.session.scalars(
            select(QuestionTombstone.uid).where(QuestionTombstone.material_id == material.id)
        )
    )
    generated_ids = {q.id for q in generated}
    taken = {
        _same_key(row.kind, row.stem)
        for row in existing.values()
        if _kept(row) or row.uid not in generated_ids
    }
    stats = BankStats()
    seen: set[str] = set()
    for question in generated:
        if question.id in tombstones or question.id in seen:
            continue
        seen.add(question.id)
        row = existing.get(question.id)
        if row is None:
            key = _same_key(question.kind, question.stem)
            if key in taken:
                stats.duplicates += 1
                continue
            taken.add(key)
            db.session.add(question_row(material.id, question))
            stats.added += 1
        elif _kept(row):
            _refresh_pick(row, question)
            stats.kept += 1
        elif not row.retired and _same_as_generated(row, question):
            row.doubt = question.doubt  # (the reason alone is no new version)
            stats.unchanged += 1
        else:
            _take_new_version(material, row, question, stats)
    for uid, row in existing.items():
        if uid in seen:
            continue
        if not _kept(row) and not row.retired:
            row.status = "disabled"
            row.retired = True
            stats.retired += 1
        elif _kept(row):
            stats.kept += 1
    material.generated_at = utcnow()
    db.session.flush()
    return stats


def _take_new_version(
    material: Material, row: BankQuestion, question: generation.Question, stats: BankStats
) -> None:
    """An untouched generated row (active, or retired and produced again) takes the engine's
    version. Its stored answers must not end up judged by a key they were not given against
    (workbench.regrade.regenerated_fate): the same question with another key re-scores them
    as an organizer's correction does; another question under the same id leaves the old
    version to them, retired under a new uid, and the engine's version becomes a new row."""
    from ..workbench.regrade import regenerated_fate, rescore

    fate = regenerated_fate(row, question.to_dict())
    if fate == "split":
        row.uid = f"{row.uid}~{row.id}"[:40]
        row.status = "disabled"
        row.retired = True
        db.session.flush()  # the engine's uid is free before the new row takes it
        db.session.add(question_row(material.id, question))
        stats.split += 1
        return
    before = row.to_engine_dict()
    apply_generated(row, question)
    if row.retired:
        row.retired = False
        row.status = "active"
        stats.revived += 1
    else:
        stats.updated += 1
    if fate == "rescore":
        db.session.flush()
        rescore(row, before, user=None, why="重新生成后答案有变")
        stats.rescored += 1


def question_row(material_id: int, question: generation.Question) -> BankQuestion:
    row = BankQuestion(material_id=material_id, uid=question.id, origin="generated")
    apply_generated(row, question)
    return row


def _same_as_generated(row: BankQuestion, question: generation.Question) -> bool:
    data = question.to_dict()
    return all(
        getattr(row, name) == data[name] for name in BankQuestion.ENGINE_FIELDS if name != "doubt"
    )


def apply_generated(row: BankQuestion, question: generation.Question) -> None:
    data = question.to_dict()
    for name in BankQuestion.ENGINE_FIELDS:
        setattr(row, name, data[name])


def _refresh_pick(row: BankQuestion, question: generation.Question) -> None:
    """What the quiz pick reads follows the engine on a kept generated row too (no person sets
    it; a bank stored before the columns existed gets it this way), except that an edited or
    confirmed row stays not weak: a person's edit or 确认可用 clears the flag (its ``doubt``,
    the reason, is then left as it was: nothing shows it)."""
    if row.origin != "generated":
        return
    row.pick_score = question.pick_score
    if not row.edited and not row.confirmed:
        row.weak = question.weak
        row.doubt = question.doubt


def ensure_default_material() -> tuple[Material, bool]:
    text = DEFAULT_MATERIAL_PATH.read_text(encoding="utf-8")
    return add_material(
        text, title=DEFAULT_MATERIAL_TITLE, source=DEFAULT_MATERIAL_SOURCE, is_default=True
    )
