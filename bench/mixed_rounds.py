"""Blind review rounds that judge two engines at once (docs/quality.md, tenth session).

``merge``: two ``bench/quality_sample.py --json`` outputs of one set and seed (the start engine's
and the end engine's) become one item list for a reviewer: an item both drew is listed once, and
the union is shuffled within each text, so the reviewer cannot tell which engine made an item.
It writes the reviewer's list and a map (item number → drawn by start, drawn by end).
``score``: reads the reviewer's table (docs/quality.md's round format) with the map, and prints
each engine's usable count, the items both drew and those only one drew.

    python bench/mixed_rounds.py merge START.json END.json ITEMS.txt MAP.json SEED
    python bench/mixed_rounds.py score ROUND.md MAP.json [ROUND.md MAP.json ...]
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter

KIND_LABELS = {"cloze": "填空", "single": "单选", "multiple": "多选", "judge": "判断"}
VERDICTS = ("usable", "edit", "unusable")


def identity(q: dict) -> tuple:
    """What makes two drawn items the same item for a reviewer."""
    answer = json.dumps(q["answer"], ensure_ascii=False)
    return (q["text"], q["kind"], q["stem_shown"], tuple(sorted(q["options"])), answer)


def item_lines(q: dict, number: int) -> list[str]:
    """An item as bench/quality_sample.py prints it."""
    answer = q["answer"]
    if q["kind"] == "judge":
        answer = "正确" if answer else "错误"
    elif isinstance(answer, list):
        answer = " | ".join(answer)
    lines = [f"## {number}. [{q['text']}] {KIND_LABELS[q['kind']]} ({q['template']})"]
    lines.append(f"   题干: {q['stem_shown']}")
    lines += [f"   {'ABCDE'[k]}. {option}" for k, option in enumerate(q["options"])]
    lines.append(f"   答案: {answer}")
    if q["kind"] == "cloze" and any(len(a) > 1 for a in q["accepted"]):
        lines.append(f"   可接受: {q['accepted']}")
    lines.append(f"   出处: {q['source']}")
    if q["template"].startswith("lex"):  # the formula's members and source (blind16 reviewers)
        lines.append(f"   解析: {q['explanation']}")
    return lines


def merge(start: list[dict], end: list[dict], seed: int) -> tuple[list[str], dict[int, list[bool]]]:
    pool: dict[tuple, tuple[dict, list[bool]]] = {}
    for side, questions in enumerate((start, end)):
        for q in questions:
            pool.setdefault(identity(q), (q, [False, False]))[1][side] = True
    texts = list(dict.fromkeys(key[0] for key in pool))
    rng = random.Random(f"mixed\x1f{seed}")
    ordered: list[tuple] = []
    for text in texts:
        group = [key for key in pool if key[0] == text]
        rng.shuffle(group)
        ordered += group
    lines: list[str] = []
    drawn: dict[int, list[bool]] = {}
    for number, key in enumerate(ordered, 1):
        q, sides = pool[key]
        lines += [*item_lines(q, number), ""]
        drawn[number] = sides
    return lines, drawn


def verdicts(round_path: str) -> dict[int, str]:
    """Item number → verdict, from a reviewer's table (an answer cell may hold a | of its own)."""
    found: dict[int, str] = {}
    for line in open(round_path, encoding="utf-8"):
        cells = [c.strip().strip("*` ").lower() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 7 and cells[0].isdigit():
            found[int(cells[0])] = next((c for c in cells[5:] if c in VERDICTS), "?")
    return found


def score(pairs: list[tuple[str, str]]) -> None:
    totals = Counter()
    for round_path, map_path in pairs:
        drawn = {int(k): v for k, v in json.load(open(map_path)).items()}
        verdict = verdicts(round_path)
        usable = {n for n, v in verdict.items() if v == "usable"}
        row = {}
        for name, side in (("start", 0), ("end", 1)):
            mine = {n for n, sides in drawn.items() if sides[side]}
            only = {n for n in mine if not drawn[n][1 - side]}
            got, alone = len(mine & usable), len(only & usable)
            row[name] = f"{got}/{len(mine)} (only it: {alone}/{len(only)})"
            totals[name] += len(mine & usable)
            totals[name + " items"] += len(mine)
        print(f"{round_path}: start {row['start']}, end {row['end']}")
    for name in ("start", "end"):
        print(f"{name}: {totals[name]}/{totals[name + ' items']}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["merge"] and len(argv) == 6:
        start, end = (json.load(open(p, encoding="utf-8")) for p in argv[1:3])
        lines, drawn = merge(start, end, int(argv[5]))
        open(argv[3], "w", encoding="utf-8").write("\n".join(lines))
        json.dump(drawn, open(argv[4], "w"), indent=0)
        both = sum(all(s) for s in drawn.values())
        print(f"{len(drawn)} items, {both} drawn by both engines")
        return 0
    if argv[:1] == ["score"] and len(argv) >= 3 and len(argv) % 2 == 1:
        score(list(zip(argv[1::2], argv[2::2], strict=True)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
