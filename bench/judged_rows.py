"""Judged rows of docs/quality.md matched to today's engine, weak or not.

Every table row of a round on a tuning set (bank and ``--quiz`` rounds of review, transfer,
transfer2, transfer3, fresh and blind8–blind15; never fresh_test, blind6 or blind7,
whose gold lists are held out) is matched to today's bank (``generate_questions(text, seed=0)``)
by text label, kind, template, answer and the words of the abridged stem (its pieces must make up
60% of the question's stem). Printed per set and round type: usable / judged rows the engine asks
normally (``strong``), marks weak (``weak``), or no longer asks (``gone``). ``--json`` writes
every row with its match (id, template, stem as shown, answer, options, accepted spellings,
reason) for sorting the failing ones by reason and template; diff two runs to see which judged
rows a rule moves.

    PYTHONPATH=. .venv/bin/python bench/judged_rows.py [--json rows.json] [--sets blind12,blind13]
"""

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality_sample import TEXT_SETS, shown_stem  # noqa: E402

from quizapp.generation import KIND_LABELS, generate_questions  # noqa: E402

ALLOWED = ["review", "transfer", "transfer2", "transfer3", "fresh"] + [
    f"blind{n}" for n in range(8, 27)
]
LABEL_KIND = {v: k for k, v in KIND_LABELS.items()}
TextKey = tuple[str, str]  # (set, label)
Round = tuple[str, str, bool]  # (name, set, quiz)
Made = TypeVar("Made")


def parse(path=ROOT / "docs" / "quality.md"):
    rounds = {}
    cur = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("## Round"):
            m = re.search(r"--set (\w+)( --quiz)?", line)
            name = line.split()[2]
            st = m.group(1) if m else "review"
            quiz = bool(m and m.group(2))
            cur = (name, st, quiz)
            rounds[cur] = []
            continue
        if line.startswith("## "):
            cur = None
            continue
        if cur and line.startswith("|"):
            # (a cell's own | is written \| : 多选 answers, 道路自信 \| 理论自信)
            cells = [
                c.strip().replace("\\|", "|")
                for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))
            ]
            if len(cells) >= 6 and cells[0].isdigit():
                v = next(
                    (
                        c.strip("* ").lower()
                        for c in cells[5:]
                        if c.strip("* ").lower() in ("usable", "edit", "unusable")
                    ),
                    "?",
                )
                reason = cells[-1] if len(cells) >= 7 else ""
                rounds[cur].append(
                    dict(
                        n=cells[0],
                        label=cells[1],
                        kind=cells[2],
                        stem=cells[3],
                        ans=cells[4],
                        v=v,
                        reason=reason,
                    )
                )
    return rounds


def ansstr(q):
    a = q.answer
    if isinstance(a, list):
        return "|".join(a)
    if isinstance(a, bool):
        return "正确" if a else "错误"
    return a


def norm(s):
    return re.sub(r"[\s\\|/、，,；;“”\"'‘’（）()　]", "", s)


BLANKS = re.compile(r"（[\s　]*）(〔[^〕]*〕)?|\(\s*\)(〔[^〕]*〕)?|〔[^〕]*〕|\[[^\]]*\]")


OPTIONS_TAIL = re.compile(
    r"\s*A[\s.．]?(?=[\u4e00-\u9fff“])[^A-E]*B[\s.．]?[^A-E]*C[\s.．]?[^A-E]*D[\s.．]?[^A-E]*$"
)


def frags(stem):
    stem = re.sub(r"\(\+.*?\)$", "", stem)  # (+ options) note
    stem = re.sub(r"\s\(.*?\)$", "", stem)
    # the options a 单选 row prints after its stem (…的首要任务。A 党的制度建设 B … D 党的思想建设)
    stem = OPTIONS_TAIL.sub("", stem)
    parts = re.split(r"…+|\.\.\.|——|" + BLANKS.pattern, stem)
    out = []
    for p in parts:
        if not p:
            continue
        p = norm(p)
        if len(p) >= 2:
            out.append(p)
    return out


def stem_score(row_stem, q):
    fs = frags(row_stem)
    if not fs:
        return 0.5
    target = norm(BLANKS.sub("", q.stem))
    tot = sum(len(f) for f in fs)
    hit = 0
    for f in fs:
        if f in target:
            hit += len(f)
        else:  # partial: longest common run of 4+
            best = 0
            for i in range(len(f)):
                for j in range(i + 4, len(f) + 1):
                    if f[i:j] in target:
                        best = max(best, j - i)
                    else:
                        break
            hit += best * 0.8
    return hit / tot


LETTERS = re.compile(r"^[A-E](\s*[A-E])*$")


def answer_ok(row, q):
    ra = norm(row["ans"])
    if LETTERS.match(row["ans"].replace(",", " ").strip()):
        if q.kind != "multiple":
            return False
        letters = row["ans"].replace(",", " ").split()
        try:
            picked = {q.options["ABCDE".index(x)] for x in letters}
        except (IndexError, ValueError):
            return False
        return picked == set(q.answer) or None  # None: letters can't be checked reliably
    qa = norm(ansstr(q))
    if ra == qa:
        return True
    # answers abridged (政治/大局/核心/看齐意识) or listed with other separators
    if q.kind == "multiple" and set(re.split(r"[/、|，, ]+", row["ans"])) == set(q.answer):
        return True
    return False


def match(row, bank):
    """(the bank question a judged row stands for, its score), or (None, 0.0): of its kind, its
    answer not contradicted, the best stem match (a template or an unchecked answer costs a
    little; a row naming only its kind, as later rounds do, names no template), if it reaches
    0.6."""
    kind_label = row["kind"].split()[0] if row["kind"] else ""
    kind = LABEL_KIND.get(kind_label)
    tmpl = row["kind"].split()[1] if len(row["kind"].split()) > 1 else None
    if tmpl == kind:
        # (later rounds name the kind, not the template: “判断 judge”, “多选 multiple” name no
        # template, and were charged as another template's for every question they stand for)
        tmpl = None
    cands = []
    for q in bank:
        if kind and q.kind != kind:
            continue
        ok = answer_ok(row, q)
        if ok is False:
            continue
        s = stem_score(row["stem"], q)
        if tmpl and q.template != tmpl:
            s -= 0.3
        if ok is None:
            s -= 0.1
        cands.append((s, q))
    cands.sort(key=lambda c: -c[0])
    return (cands[0][1], cands[0][0]) if cands and cands[0][0] >= 0.6 else (None, 0.0)


def text_banks(make: Callable[[str], Made], sets: Iterable[str] = ALLOWED) -> dict[TextKey, Made]:
    """What ``make`` makes of each text of ``sets`` (the tuning sets by default: never the
    held-out fresh_test, blind6 or blind7, nor a blind set ``ALLOWED`` does not list), by
    (set, label), in the order of ``sets``."""
    return {
        (st, label): make(path.read_text(encoding="utf-8"))
        for st in sets
        for label, path in TEXT_SETS[st]
    }


def judged_matches(
    made: Mapping[TextKey, Made], bank_of: Callable[[Made], list] = lambda bank: bank
) -> Iterator[tuple[Round, dict, Made, Any, float]]:
    """Each judged row of docs/quality.md whose text ``made`` holds (by its round's set and its
    label), with its round, what was made of its text, and the question of that text's bank
    (``bank_of``: the bank itself by default) it stands for and its score (:func:`match`)."""
    for (name, st, quiz), rows in parse().items():
        for row in rows:
            entry = made.get((st, row["label"]))
            if entry is not None:
                yield (name, st, quiz), row, entry, *match(row, bank_of(entry))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(ALLOWED))
    ap.add_argument("--json")
    args = ap.parse_args()
    sets = [s for s in args.sets.split(",") if s in ALLOWED]
    banks = text_banks(lambda text: generate_questions(text, seed=0), sets)
    tot = Counter()
    per_set = defaultdict(Counter)
    out = []
    for (name, st, quiz), row, _, q, score in judged_matches(banks):
        good = row["v"] == "usable"
        state = "gone" if q is None else "weak" if q.weak else "strong"
        tot[state, good] += 1
        per_set[st, quiz][state, good] += 1
        rec = dict(round=name, set=st, quiz=quiz, **row, state=state)
        if q is not None:
            rec.update(
                id=q.id,
                template=q.template,
                qstem=shown_stem(q),
                qans=ansstr(q),
                options=q.options,
                accepted=q.accepted,
                score=round(score, 2),
                source=q.source,
            )
        out.append(rec)
    for (st, quiz), c in sorted(per_set.items()):
        s = f"{st}{' quiz' if quiz else ''}"
        print(
            f"{s:16} strong {c['strong', True]}/{c['strong', True] + c['strong', False]}"
            f"  weak {c['weak', True]}/{c['weak', True] + c['weak', False]}"
            f"  gone {c['gone', True]}/{c['gone', True] + c['gone', False]}"
        )
    line = "  ".join(
        f"{state} {tot[state, True]}/{tot[state, True] + tot[state, False]}"
        for state in ("strong", "weak", "gone")
    )
    print(f"all: {line}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
