"""Judged rows whose shown stem opens with no subject, against the rest.

Reads the rows ``bench/judged_rows.py --json`` writes (each judged row of docs/quality.md matched
to today's bank, with its verdict) and sorts the rows still asked by how the stem as shown opens
(:func:`opening_class`): on a verb marked for aspect (积累了…, 形成了…: ``aspect``), an adverb
(始终…, 不断…, 更加…: ``adverb``), a pronoun whose referent the stem does not hold (他们…, 它…,
其…, 这些…: ``pronoun``), a bare verb (坚持…, 加强…: ``verb``, mostly instructions), a coverb
(以…, 在…, 把…: ``coverb``), a lead the engine put in front (X……: ``lead``), a stem with no verb
outside its 、-list (``list``), or anything else (``other``, mostly a subject of its own).
Prints per class the usable share of the rows, for the sets older than blind19 and for
blind19–20 apart (their stems are not read here: aggregate counts only), and per kind.
``--diff OLD.json`` also prints the rows whose state or matched stem differ from ``OLD.json``'s
(a rule's effect), counted by verdict.

    PYTHONPATH=. .venv/bin/python bench/judged_rows.py --json /tmp/rows.json
    PYTHONPATH=. .venv/bin/python bench/subjectless.py /tmp/rows.json [--diff /tmp/old.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.generation.jieba_setup import cut, warm_up, word_tag  # noqa: E402

NEW_SETS = ("blind19", "blind20")
PRONOUNS = ("他们", "她们", "它们", "这些", "它", "其", "此", "该", "他", "她")
NOT_PRONOUNS = ("其中", "此外", "他人", "其他", "其它", "该同志")
BLANK = re.compile(r"（[\s　]*）(〔[^〕]*〕)?")
CLASSES = ("aspect", "adverb", "pronoun", "verb", "coverb", "list", "lead", "other")


def opening_class(stem: str) -> str:
    """How ``stem`` (as shown) opens: one of :data:`CLASSES`."""
    s = BLANK.sub("甲", stem).lstrip('“‘《"—…　 ')
    if "……" in s[:24] and not stem.startswith("……"):
        return "lead"
    if s.startswith(PRONOUNS) and not s.startswith(NOT_PRONOUNS):
        return "pronoun"
    first = re.split(r"[，；。：！？]", s)[0]
    words = cut(first[:12])
    w0 = words[0] if words else ""
    w1 = words[1] if len(words) > 1 else ""
    if word_tag(w0) in ("v", "vn") and w1[:1] in ("了", "着", "过"):
        return "aspect"
    if len(w0) <= 2 and word_tag(w0) == "d":
        return "adverb"
    if word_tag(w0) in ("v", "vn"):
        return "verb"
    if word_tag(w0) == "p":
        return "coverb"
    if "、" in s and not any(word_tag(w) == "v" for w in cut(re.sub(r"[^、，。]*、", "", s))):
        return "list"
    return "other"


def group(row: dict) -> str:
    return "blind19-20" if row["set"] in NEW_SETS else "older"


def table(rows: list[dict]) -> None:
    by_class: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_kind: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for row in rows:
        if row["state"] == "gone":
            continue
        c = opening_class(row["qstem"])
        by_class[group(row), c][row["v"]] += 1
        kind = row["kind"].split()[0] if row["kind"] else "?"
        by_kind[group(row), kind, "subjectless" if c in CLASSES[:3] else "rest"][row["v"]] += 1
    for g in ("older", "blind19-20"):
        print(f"{g}: rows asked, usable share, by how the shown stem opens")
        for c in CLASSES:
            n = by_class[g, c]
            total = sum(n.values())
            if total:
                print(
                    f"  {c:8} {total:5}  usable {n['usable'] / total:4.0%}"
                    f"  (edit {n['edit']}, unusable {n['unusable']})"
                )
        hit = sum((by_class[g, c] for c in CLASSES[:3]), Counter())
        print(
            f"{g}: marking aspect/adverb/pronoun openings weak would take out"
            f" {hit['edit'] + hit['unusable']} failing : {hit['usable']} usable rows"
        )
        print(f"{g}: aspect/adverb/pronoun openings against the rest, by kind")
        for (gg, kind, part), n in sorted(by_kind.items()):
            total = sum(n.values())
            if gg == g and total:
                print(f"  {kind:4} {part:12} {total:5}  usable {n['usable'] / total:4.0%}")


def diff(old: list[dict], new: list[dict]) -> None:
    moved: Counter = Counter()
    for a, b in zip(old, new, strict=True):
        if a.get("qstem") != b.get("qstem") or a["state"] != b["state"]:
            moved[group(a), a["state"], b["state"], a["v"]] += 1
    print("rows whose matched stem or state changed: (group, before, after, verdict) count")
    for k, n in sorted(moved.items()):
        print(f"  {k}: {n}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("--diff")
    args = ap.parse_args()
    warm_up()
    rows = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    table(rows)
    if args.diff:
        diff(json.loads(Path(args.diff).read_text(encoding="utf-8")), rows)


if __name__ == "__main__":
    main()
