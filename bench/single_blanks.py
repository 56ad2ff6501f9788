"""Judged single-key 填空 outside 、-runs: why they fail, and what a rule on them would take out.

Every table row of docs/quality.md's bank and ``--quiz`` rounds on the tuning sets (the rows
bench/judged_rows.py reads) whose kind is a plain 填空 (``填空``, ``填空 cloze``, ``填空 plain``,
tagged ones included: no list, lexicon, heading or provision template) with one answer is matched
to today's bank (``bank_with_reasons``, seed 0). Rows whose blank touches a 、 (an item of a run:
another helper's slice) are left out. Two halves, so that a rule shown to hold on one is checked
on the other: ``early`` (review, transfer, transfer2, transfer3, fresh, blind8–blind11) and
``late`` (blind12–blind16).

Printed:

- the rows not usable as is, by the class their reason names (the first that matches, in the
  order of :data:`CLASSES`), by state today (``strong``: asked normally, ``weak``: asked last,
  ``gone``: not asked) and half;
- for each signal of :data:`SIGNALS`, the strong rows it flags (usable / flagged, per half, and
  failing:usable), beside all strong rows (the rows the weak rules of :data:`SHIPPED` mark are
  counted as the strong rows they were before them). A weak mark or a drop is worth shipping
  when it takes out three failing rows or more per usable one on both halves (the fourteenth
  session's bar).

``--list SIGNAL`` prints the rows a signal flags; ``--class CLASS`` the failing rows of a class.

    PYTHONPATH=. .venv/bin/python bench/single_blanks.py [--list duty] [--class window]
"""

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judged_rows import ALLOWED, match, parse  # noqa: E402
from quality_sample import TEXT_SETS  # noqa: E402

from quizapp.generation import reference  # noqa: E402
from quizapp.generation.builders import _PLAIN_PIECES  # noqa: E402
from quizapp.generation.confidence import is_plain_cloze  # noqa: E402
from quizapp.generation.jieba_setup import cut, is_word, word_tag  # noqa: E402
from quizapp.generation.lexicon import load_lexicon, one_apart_in_place  # noqa: E402
from quizapp.generation.model import BLANK  # noqa: E402
from quizapp.generation.pipeline import (  # noqa: E402
    _figure_tally,
    _open_duty_slot,
    bank_with_reasons,
    document_key,
)

EARLY = {"review", "transfer", "transfer2", "transfer3", "fresh", "blind8", "blind9", "blind10"}
EARLY |= {"blind11"}
# the weak rules this session adds: their rows are measured as the strong ones they were
SHIPPED = ("open_duty_slot", "figure_tally")
OTHER_TEMPLATES = ("list", "lex", "heading", "provision", "body", "term")

# the reviewers' words for each class (first match wins; a reason often names two faults)
CLASSES = [
    ("pairing", r"same quiz|same paper|duplicat|gives the other|each reveals|each gives"),
    (
        "window",
        r"subject|antecedent|referent|主语|no agent|opens (with|on) a bare|dangling|主要包括|主要有"
        r"|quotation mark|mid-(clause|sentence)|\bcut|trunc|stops|ends (on|with|mid)|window"
        r"|restore|abridg|fragment|截",
    ),
    (
        "spelling",
        r"accepted (spelling|variant|list|form)|可接受|variant|not accepted|refused"
        r"|accept (it|them|the|both|as)|spelling|未列入",
    ),
    (
        "low value",
        r"generic|stock|boilerplate|low (key )?value|key value|filler|topic word|incidental"
        r"|not a formula|trivi|procedural|nothing to teach|praise|Point 1|Pt 1|Fails 1"
        r"|rubric 1|idiom|statistic|泛|套话",
    ),
    ("giveaway", r"give(s|n)? (it |the answer )?away|giveaway|give-away|reflex|collocation|cue"),
    ("open", r"fit|defensible|underdetermined|not unique|also|equally|not determined|均可|亦通"),
]


def reason_class(reason: str) -> str:
    return next((name for name, p in CLASSES if re.search(p, reason, re.I)), "other")


def plain_row(row) -> bool:
    kind = row["kind"]
    return (
        kind.startswith("填空")
        and not any(t in kind for t in OTHER_TEMPLATES)
        and "|" not in row["ans"]
        and "\\" not in row["ans"]
    )


def run_item(stem: str) -> bool:
    m = re.search(r"（[\s\u3000]*）(〔[^〕]*〕)?", stem)
    if m is None:
        return False
    return stem[m.start() - 1 : m.start()] == "、" or stem[m.end() : m.end() + 1] == "、"


# -- signals measured on the strong plain 填空 (q: the question, ctx: its text's facts) -------
def _duty(q, ctx):
    return _open_duty_slot(q, ctx["lexicon"])


def _figure(q, ctx):
    return _figure_tally(q)


def _idiom(q, ctx):
    return ctx["tags"].get(q.answer[0]) in ("i", "l")


def _short_modifier(q, ctx):
    at = q.stem.find(BLANK)
    nxt = q.stem[at + len(BLANK) : at + len(BLANK) + 1]
    short = len(q.stem) - len(BLANK) <= 30
    return short and "\u4e00" <= nxt <= "\u9fff" and nxt not in "的是和与及"


def _class_unpinned(q, ctx):
    lex = ctx["lexicon"]
    key = q.answer[0]
    cls = lex.term_class(key)
    return cls == "政治素养" and not any(t in q.stem for t in lex.class_terms(cls) if t != key)


def _one_apart(q, ctx):
    key = q.answer[0]
    return len(key) >= 4 and any(
        p != key and p not in q.stem and one_apart_in_place(p, key)
        for p in ctx["by_length"].get(len(key), ())
    )


def _verb_opening(q, ctx):
    stem = q.stem.lstrip("…“")
    if q.source.lstrip("“").startswith(stem[:6]):
        return False
    words = cut(stem[:8].replace(BLANK, ""), hmm=False)
    return bool(words) and word_tag(words[0]) == "v"


def _piece_in_stem(q, ctx):
    shown = q.stem.replace(BLANK, "|")
    return any(
        len(w) >= 2 and w not in _PLAIN_PIECES and w in shown for w in cut(q.answer[0], hmm=False)
    )


def _in_title(q, ctx):
    title = ctx["title"]
    return len(title) < 60 and q.answer[0] in title


def _many_texts(q, ctx):
    return len(reference.texts_having(q.answer[0], ctx["doc"]) or ()) >= 5


def _cross_left(q, ctx):
    at = q.stem.find(BLANK)
    key = q.answer[0]
    return len(key) >= 3 and at >= 2 and is_word(q.stem[at - 2 : at] + key[:2])


SIGNALS = {
    "duty": (_duty, "shipped: a duty any verb of its kind takes (pipeline._open_duty_slot)"),
    "figure": (_figure, "shipped: a figure the clause reports of the key (_figure_tally)"),
    "idiom": (_idiom, "jieba tags the key an idiom (i, l): 求真务实, 举一反三"),
    "short_modifier": (_short_modifier, "30 characters or fewer, the key modifying a noun after"),
    "class_unpinned": (_class_unpinned, "a 政治X quality (class 政治素养), no mate printed"),
    "one_apart": (_one_apart, "a lexicon or reference phrase one character apart, unprinted"),
    "verb_opening": (_verb_opening, "the window opens past its sentence's start, on a verb"),
    "piece_in_stem": (_piece_in_stem, "a word of the key printed elsewhere in the stem"),
    "in_title": (_in_title, "the key is in the text's title line (the topic word)"),
    "many_texts": (_many_texts, "five or more other reference texts use the key"),
    "cross_left": (_cross_left, "the two characters before the blank and the key's first two"),
}


def _pos_tags(keys):
    import jieba.posseg as pseg

    tags = {}
    for key in keys:
        words = pseg.lcut(key)
        tags[key] = words[0].flag if len(words) == 1 else ""
    return tags


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", choices=sorted(SIGNALS))
    ap.add_argument("--class", dest="cls", choices=[c for c, _ in CLASSES] + ["other"])
    args = ap.parse_args()
    lexicon = load_lexicon()
    banks, facts = {}, {}
    by_length: dict[int, set[str]] = {}
    for phrase in lexicon.known_phrases():
        by_length.setdefault(len(phrase), set()).add(phrase)
    for st in ALLOWED:
        for label, path in TEXT_SETS[st]:
            text = path.read_text(encoding="utf-8")
            banks[st, label] = bank_with_reasons(text, seed=0)
            facts[st, label] = dict(
                lexicon=lexicon,
                by_length=by_length,
                doc=document_key(text),
                title=text.lstrip().split("\n", 1)[0],
            )
    classes = Counter()
    strong = []  # (row, question, half)
    listed = []
    for (_name, st, _quiz), rows in parse().items():
        if st not in ALLOWED:
            continue
        for row in rows:
            if (st, row["label"]) not in banks or not plain_row(row):
                continue
            bank, reasons = banks[st, row["label"]]
            q, _ = match(row, bank)
            if q is not None and not is_plain_cloze(q):
                continue
            if run_item(q.stem if q is not None else row["stem"]):
                continue
            half = "early" if st in EARLY else "late"
            state = "gone" if q is None else "weak" if q.weak else "strong"
            # (the questions this session's weak rules mark were strong before them: measured
            # as they were)
            before = q is not None and (not q.weak or reasons.get(q.id) in SHIPPED)
            if row["v"] != "usable":
                cls = reason_class(row["reason"])
                classes[cls, state, half] += 1
                if args.cls == cls:
                    listed.append((state, st, row))
            if before:
                strong.append((row, q, half, facts[st, row["label"]]))
    tags = _pos_tags({q.answer[0] for _, q, _, _ in strong})
    for *_, ctx in strong:
        ctx["tags"] = tags

    print("rows not usable as is, by the class of their reason (strong/weak/gone, early|late)")
    names = [c for c, _ in CLASSES] + ["other"]
    total = Counter()
    for cls in names:
        cells = []
        for state in ("strong", "weak", "gone"):
            e, lt = classes[cls, state, "early"], classes[cls, state, "late"]
            total[state, "early"] += e
            total[state, "late"] += lt
            cells.append(f"{state} {e:3}|{lt:<3}")
        print(f"  {cls:10} " + "  ".join(cells))
    cells = [f"{s} {total[s, 'early']:3}|{total[s, 'late']:<3}" for s in ("strong", "weak", "gone")]
    print(f"  {'all':10} " + "  ".join(cells))

    def line(name, flagged):
        c = Counter((half, row["v"] == "usable") for row, _q, half, _ in flagged)
        cells = [
            f"{half} {c[half, True]}/{c[half, True] + c[half, False]}" for half in ("early", "late")
        ]
        bad = c["early", False] + c["late", False]
        good = c["early", True] + c["late", True]
        return f"  {name:15} {cells[0]:>15} {cells[1]:>15}   failing:usable {bad}:{good}"

    print("\nstrong rows a signal flags (usable/flagged per half)")
    print(line("all strong", strong))
    for name, (test, _doc) in SIGNALS.items():
        flagged = [x for x in strong if test(x[1], x[3])]
        print(line(name, flagged))
        if args.list == name:
            for row, q, half, _ in flagged:
                print(f"    {row['v']:8} {half:5} {q.answer[0]} | {q.stem[:70]}")
    for state, st, row in listed:
        print(f"  {state:6} {st:10} {row['ans']} | {row['stem'][:50]} | {row['reason'][:90]}")


if __name__ == "__main__":
    main()
