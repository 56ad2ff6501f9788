"""Signals that another answer fits a plain 填空's blank, measured on the judged rows.

Every judged row of docs/quality.md's bank and ``--quiz`` rounds on the tuning sets (the rows
bench/judged_rows.py reads) is matched to today's bank (``bank_with_reasons``, seed 0). Among the
plain 填空 the engine asks normally (no weak rule marks them), each candidate signal below is
tested, and the script prints, per signal, usable / judged rows it would take out of the normal
questions: for the older rounds and for blind11–blind15 (rounds GA–GP, HA–HL, JA–JF, KA–KL,
LA–LF, MA–MF), and how many of the failing rows say another answer fits (``open``). A signal
worth a rule takes out rows that are mostly not usable; the strong plain 填空 as a whole are the
baseline (``all``). ``--list SIGNAL`` prints the rows a signal flags.

Signals (each reads the stem, the key and the lexicon or the reference texts of
bench/reference_keys.py):
- ``edge_run``: the key is a whole item of a 、-run whose items share an opening or an ending
  with it (凝聚力、（影响力）、执行力), the lexicon neither completes the run nor lists a printed
  item with the key, and no other reference text writes the key beside a printed neighbour;
- ``partial_list``: a standard list or formula holding the key has a member the stem prints and
  another of the key's length it does not (国家富强、（人民幸福）: 民族振兴);
- ``order_rival``: the printed neighbour's neighbour in that list's order is another member
  (不作为、（乱作为）: the list says 不作为、慢作为、乱作为);
- ``de_frame``: the frame of frame_fillers.tsv (two characters before, one after) with a lead
  ending on 的/之, which the shipped rule leaves out, holds another word of the key's length;
- ``right_frame``: the character before the blank and the two after it frame another jieba word
  of the key's length in another reference text;
- ``lead4``: the four characters before the blank and the mark after it frame another reference
  key or lexicon phrase of the key's length in another reference text (尊重人民（　　）).

Signals on the standing runs of bench/standing_runs.py (the runs of short items the reference
texts repeat, as printed and in order, and the lexicon's lists and formula members; the
question's own text never counts):
- ``edge_standing2`` / ``edge_standing1``: edge_run's shape (a whole item of a 、-run sharing an
  edge with the key) where no standing run two / one other reference text writes holds the key
  beside its printed neighbours in their order;
- ``partial_standing``: a standing run (two other texts, or the lexicon) holds the key and an
  item the run prints, and a member of the key's length it does not print, and no standing run
  pins the key between its two printed neighbours (国家富强、（人民幸福）: 民族振兴);
- ``suffix3_standing``: ``edge_standing1`` on runs of three-character items with one last
  character (凝聚力、影响力、执行力; 参与者、建设者、贡献者).

    PYTHONPATH=. .venv/bin/python bench/open_blanks.py [--list edge_standing1]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from frame_fillers import jieba_words  # noqa: E402
from judged_rows import judged_matches, text_banks  # noqa: E402
from reference_keys import reference_texts  # noqa: E402
from standing_runs import aligned, by_item, fits, having, standing_runs  # noqa: E402

from quizapp.generation import frames, reference  # noqa: E402
from quizapp.generation.confidence import is_plain_cloze  # noqa: E402
from quizapp.generation.keyphrases import common_prefix, common_suffix  # noqa: E402
from quizapp.generation.lexicon import load_lexicon  # noqa: E402
from quizapp.generation.model import BLANK, Question  # noqa: E402
from quizapp.generation.pipeline import (  # noqa: E402
    _blank_run_items,
    _raw_run_parts,
    bank_with_reasons,
    document_key,
)

RECENT = {"blind11", "blind12", "blind13", "blind14", "blind15"}
OPEN = re.compile(
    r"fits?\b|defensible|not unique|not determined|underdetermin|equally|also (fit|right)|"
    r"arguably|Pt ?2\b|Point 2|Fails 2|均可|同样|亦通|也可|不能唯一",
    re.I,
)
LIST_JOINS = "、和与及"


class Signals:
    """The candidate signals, with what they read built once."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.texts = [
            (document_key(t), re.sub(r"\s", "", t))
            for t in (p.read_text(encoding="utf-8") for p in reference_texts())
        ]
        _, keys = reference._table()
        self.phrases = {k for k in keys if "、" not in k and 3 <= len(k) <= 8} | {
            p for p in self.lexicon.known_phrases() if 3 <= len(p) <= 8
        }
        self._right: dict[str, dict[str, set[str]]] | None = None
        # every run of short items any reference text writes (bench/standing_runs.py)
        self.run_docs, every = having()
        self.runs = by_item(every)

    def all(self) -> dict[str, Callable[[Question, str], bool]]:
        return {
            "edge_run": self.edge_run,
            "partial_list": self.partial_list,
            "order_rival": self.order_rival,
            "de_frame": self.de_frame,
            "right_frame": self.right_frame,
            "lead4": self.lead4,
            "edge_standing2": lambda q, d: self.edge_standing(q, d, 2),
            "edge_standing1": lambda q, d: self.edge_standing(q, d, 1),
            "partial_standing": self.partial_standing,
            "suffix3_standing": self.suffix3_standing,
        }

    def _other(self, key: str, stem: str, q: Question) -> Callable[[str], bool]:
        skip = {key, *(q.accepted[0] if q.accepted else ())}
        return lambda w: len(w) == len(key) and w not in skip and w not in stem

    def edge_run(self, q: Question, document: str) -> bool:
        run, items = _raw_run_parts(q), _blank_run_items(q)
        if run is None or items is None:
            return False
        parts, k = run
        blank = parts[k]
        whole = (
            blank == "\x00"
            or k == 0
            and blank.endswith("\x00")
            or k == len(parts) - 1
            and blank.startswith("\x00")
        )
        if not whole:
            return False
        key = q.answer[0]
        listed = items[:-1]
        siblings = [x for i, x in enumerate(listed) if i != k]
        clean = [p for i, p in enumerate(parts) if i not in (k, 0)]
        if not (common_suffix([key, *siblings]) or (clean and common_prefix([key, *clean]))):
            return False
        if self.lexicon.complete_list(listed) is not None:
            return False
        mates = {m for g in self.lexicon.groups_of(key) for m in g if m != key}
        if any(m in q.stem for m in mates):
            return False
        # the printed neighbours as another text may write them: any edge of two characters
        # or more of the one before (its lead included), any opening of the one after
        near = set(siblings)
        if k > 0:
            near |= {parts[k - 1][-j:] for j in range(2, len(parts[k - 1]) + 1)}
        if k < len(parts) - 1:
            near |= {parts[k + 1][:j] for j in range(2, len(parts[k + 1]) + 1)}
        pairs = [f"{a}{j}{b}" for n in near if n for a, b in ((key, n), (n, key)) for j in "、和"]
        return not any(
            doc != document and any(pair in text for pair in pairs) for doc, text in self.texts
        )

    def _edge_shape(self, q: Question) -> tuple[list[str], int] | None:
        """The raw parts of the run whose whole item ``q``'s key is, when its items share an
        opening or an ending with the key (edge_run's shape, none of its exemptions)."""
        run, items = _raw_run_parts(q), _blank_run_items(q)
        if run is None or items is None:
            return None
        parts, k = run
        blank, last = parts[k], len(parts) - 1
        if not (
            blank == "\x00"
            or k == 0
            and blank.endswith("\x00")
            or k == last
            and blank.startswith("\x00")
        ):
            return None
        key = q.answer[0]
        siblings = [x for i, x in enumerate(items[:-1]) if i != k]
        clean = [p for i, p in enumerate(parts) if i not in (k, 0)]
        if not (common_suffix([key, *siblings]) or (clean and common_prefix([key, *clean]))):
            return None
        return parts, k

    def _standing(self, key: str, document: str, least: int) -> list[tuple[str, ...]]:
        own = self.run_docs.get(document)
        return standing_runs(key, own, self.runs, self.lexicon, least)

    def edge_standing(self, q: Question, document: str, least: int) -> bool:
        """edge_run's shape, the key beside its printed neighbours in no standing run (one
        ``least`` other reference texts write, or a lexicon list or formula's members)."""
        shape = self._edge_shape(q)
        if shape is None:
            return False
        parts, k = shape
        key = q.answer[0]
        return not any(aligned(r, parts, k, key) for r in self._standing(key, document, least))

    def suffix3_standing(self, q: Question, document: str) -> bool:
        """edge_standing (one other text) on runs of three-character items ending alike
        (凝聚力、影响力、执行力; 参与者、建设者、贡献者), the X力/X者/X感 runs only."""
        items = _blank_run_items(q)
        if items is None or len(q.answer[0]) != 3 or not self.edge_standing(q, document, 1):
            return False
        return len({i[-1] for i in items[:-1]}) == 1 and all(len(i) == 3 for i in items[:-1])

    def partial_standing(self, q: Question, document: str) -> bool:
        """A standing run holding the key and a printed item of its run, with a member of the
        key's length the stem does not print, where no standing run pins the key on both
        sides (创新、（协调）、绿色 is pinned; 国家富强、（人民幸福） is not: 民族振兴)."""
        run = _raw_run_parts(q)
        if run is None:
            return False
        parts, k = run
        key, last = q.answer[0], len(parts) - 1
        found = self._standing(key, document, 2)
        other = self._other(key, q.stem, q)
        printed = [p for i, p in enumerate(parts) if i != k]
        for r in found:
            if key not in r:
                continue
            j = r.index(key)
            if (
                0 < j < len(r) - 1
                and 0 < k < last
                and fits(r[j - 1], parts[k - 1], k - 1 == 0, False)
                and fits(r[j + 1], parts[k + 1], False, k + 1 == last)
            ):
                return False
        for r in found:
            mates = [m for m in r if m != key]
            shown = [m for m in mates if any(m in p for p in printed)]
            if shown and any(other(m) for m in mates if m not in shown):
                return True
        return False

    def _groups_with_printed(self, q: Question):
        key = q.answer[0]
        for group in self.lexicon.groups_of(key):
            if any(m != key and m in q.stem for m in group):
                yield list(group)

    def partial_list(self, q: Question, document: str) -> bool:
        other = self._other(q.answer[0], q.stem, q)
        return any(any(other(m) for m in g) for g in self._groups_with_printed(q))

    def order_rival(self, q: Question, document: str) -> bool:
        at = q.stem.find(BLANK)
        before, after = q.stem[:at], q.stem[at + len(BLANK) :]
        left = before[:-1] if before[-1:] in LIST_JOINS else ""
        right = after[1:] if after[:1] in LIST_JOINS else ""
        other = self._other(q.answer[0], q.stem, q)
        for g in self._groups_with_printed(q):
            for i, m in enumerate(g):
                if left and left.endswith(m) and i + 1 < len(g) and other(g[i + 1]):
                    return True
                if right and right.startswith(m) and i > 0 and other(g[i - 1]):
                    return True
        return False

    def de_frame(self, q: Question, document: str) -> bool:
        key, stem = q.answer[0], q.stem
        at = stem.find(BLANK)
        lead, after = stem[max(0, at - 2) : at], stem[at + len(BLANK) : at + len(BLANK) + 1]
        if not frames.is_lead(lead) or lead[-1] not in "的之" or after in LIST_JOINS:
            return False
        documents, table = frames._table()
        own, other = documents.get(document), self._other(key, stem, q)
        fillers = table.get(lead + frames.closing(after), ())
        return any(other(w) and any(i != own for i in ids) for w, ids in fillers)

    def right_frame(self, q: Question, document: str) -> bool:
        if self._right is None:
            words, self._right = jieba_words(), {}
            for doc, text in self.texts:
                for at in range(len(text)):
                    before = frames.closing(text[at - 1 : at]) if at else frames.CLOSE
                    for n in range(frames.MIN_LEN, frames.MAX_LEN + 1):
                        word = text[at : at + n]
                        if len(word) < n or frames.has_mark(word):
                            break
                        tail = text[at + n : at + n + 2]
                        if word in words and len(tail) == 2 and not frames.has_mark(tail):
                            frame = self._right.setdefault(before + tail, {})
                            frame.setdefault(word, set()).add(doc)
        key, stem = q.answer[0], q.stem
        at = stem.find(BLANK)
        before, tail = stem[at - 1 : at], stem[at + len(BLANK) : at + len(BLANK) + 2]
        if (
            len(tail) < 2
            or frames.has_mark(tail)
            or before in LIST_JOINS
            or tail[0] in "和与及的之"
        ):
            return False
        other = self._other(key, stem, q)
        fillers = self._right.get(frames.closing(before) + tail, {})
        return any(other(w) and docs - {document} for w, docs in fillers.items())

    def lead4(self, q: Question, document: str) -> bool:
        key, stem = q.answer[0], q.stem
        at = stem.find(BLANK)
        lead, after = stem[max(0, at - 4) : at], stem[at + len(BLANK) : at + len(BLANK) + 1]
        if len(lead) < 4 or frames.has_mark(lead) or after in LIST_JOINS:
            return False
        closing, other, n = frames.closing(after), self._other(key, stem, q), len(key)
        for doc, text in self.texts:
            if doc == document:
                continue
            i = text.find(lead)
            while i >= 0:
                word = text[i + 4 : i + 4 + n]
                if (
                    word in self.phrases
                    and other(word)
                    and frames.closing(text[i + 4 + n : i + 5 + n]) == closing
                ):
                    return True
                i = text.find(lead, i + 1)
        return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", help="print the judged rows this signal flags")
    args = ap.parse_args()
    banks = text_banks(lambda text: (*bank_with_reasons(text, seed=0), document_key(text)))
    signals = Signals()
    tests = signals.all()
    counts: dict[tuple[str, bool], Counter] = {}
    for (name, st, _quiz), row, (_, reasons, document), q, _ in judged_matches(
        banks, itemgetter(0)
    ):
        if q is None or q.id in reasons or not is_plain_cloze(q) or q.stem.count(BLANK) != 1:
            continue
        verdict = (
            "usable" if row["v"] == "usable" else "open" if OPEN.search(row["reason"]) else "other"
        )
        recent = st in RECENT
        counts.setdefault(("all", recent), Counter())[verdict] += 1
        for signal, test in tests.items():
            if test(q, document):
                counts.setdefault((signal, recent), Counter())[verdict] += 1
                if args.list == signal:
                    print(f"{verdict:7} {name} #{row['n']} {q.answer[0]} | {q.stem[-60:]}")
    older, recent_head = "older: usable/judged (open)", "blind11-15: usable/judged (open)"
    print(f"{'signal':14} {older:>30} {recent_head:>34}")
    for signal in ("all", *tests):
        cells = []
        for recent in (False, True):
            c = counts.get((signal, recent), Counter())
            n = sum(c.values())
            share = f" {c['usable'] / n:4.0%}" if n else ""
            cells.append(f"{c['usable']}/{n}{share} ({c['open']})")
        print(f"{signal:14} {cells[0]:>30} {cells[1]:>34}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
