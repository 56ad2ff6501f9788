"""The lexicon in force: the packaged formulas, overlaid by admins' edits (workbench).

An admin's :class:`~quizapp.models.LexiconEntry` replaces the packaged formula of the same name
(its members, variants, category, origin, source, date and foils; the packaged aliases, parts and
cores are kept where they still name a member) or adds a new formula.
"""

from __future__ import annotations

import json
from typing import Any

from flask import has_app_context
from sqlalchemy import func, select

from ..generation import forget_lexicon_caches
from ..generation.lexicon import DEFAULT_LEXICON_PATH, Lexicon, load_lexicon

_cache: dict[tuple[Any, ...], Lexicon] = {}


def packaged_formulas() -> list[dict[str, Any]]:
    data = json.loads(DEFAULT_LEXICON_PATH.read_text(encoding="utf-8"))
    return list(data.get("formulas", []))


def merge_entry(base: dict[str, Any] | None, entry: Any) -> dict[str, Any]:
    """The formula dict for an admin's entry, keeping what still fits of the packaged one."""
    merged: dict[str, Any] = dict(base or {})
    merged.update(dict(entry.extra or {}) if base is None else {})
    members = list(entry.members)
    merged.update(
        name=entry.name,
        members=members,
        variants=list(entry.variants or []),
        category=entry.category or "",
        origin=entry.origin or "",
        source=entry.source or "",
        effective=entry.effective or "",
        note=entry.note or "",
        foils=list(entry.foils or []),
    )
    member_set = set(members)
    for key in ("member_aliases", "member_wordings", "cores", "changed"):
        if isinstance(merged.get(key), dict):
            merged[key] = {k: v for k, v in merged[key].items() if k in member_set}
    if isinstance(merged.get("parts"), dict):
        merged["parts"] = {
            k: v for k, v in merged["parts"].items() if all(m in member_set for m in v)
        }
    return merged


def formula_dicts() -> list[dict[str, Any]]:
    """Every formula in force, as dicts of the packaged file's shape, sorted by name."""
    from ..extensions import db
    from ..models import LexiconEntry

    by_name = {item["name"]: item for item in packaged_formulas()}
    for entry in db.session.scalars(select(LexiconEntry)):
        by_name[entry.name] = merge_entry(by_name.get(entry.name), entry)
    return [by_name[name] for name in sorted(by_name)]


def current_lexicon() -> Lexicon:
    """The packaged lexicon with admins' edits applied (packaged only outside an app)."""
    if not has_app_context():
        return load_lexicon()
    from ..extensions import db
    from ..models import LexiconEntry

    count, latest = db.session.execute(
        select(func.count(LexiconEntry.id), func.max(LexiconEntry.updated_at))
    ).one()
    if not count:
        return load_lexicon()
    key = (str(db.engine.url), count, latest)
    lexicon = _cache.get(key)
    if lexicon is None:
        lexicon = Lexicon.from_json({"formulas": formula_dicts()})
        if _cache:  # the replaced lexicon's entries in the engine's caches go with it
            forget_lexicon_caches()
        _cache.clear()
        _cache[key] = lexicon
    return lexicon
