"""填空 over one item of a 、-run: judged rows per signal, on the earlier and the later sets.

Every judged row of docs/quality.md's bank and ``--quiz`` rounds on the tuning sets (the rows
bench/judged_rows.py reads) is matched to today's bank with the dropped rules' questions kept
(``bank_with_reasons(undropped=True)``, seed 0). Among the plain 填空 over a whole item of a
、-run that no weak rule marks, or that ``rival_slot`` marks (the rule this measures), each
signal below prints usable / judged rows it flags, with the failing rows whose reason says
another answer fits (``open``) and the others (``other``), for the earlier sets (review,
transfer*, fresh, blind8–blind12) and the later ones (blind13–blind16). A rule is worth
shipping when it flags three failing rows or more per usable one on both halves.

- ``rival_slot``: the engine's rule (pipeline._rival_slot_blank): items of one shape, a
  lexicon list holds the key and a printed item and another item of the key's length the stem
  does not print, no lexicon list holds the key beside a printed neighbour (either order).
  Shipped (dropped).
- ``edge_rhetoric``: items sharing an ending with the key (凝聚力、（影响力）、执行力; 早X; X者),
  no lexicon list complete in the run, no other reference text writing the key beside a printed
  neighbour, no run of the 十九大/二十大 reports holding it beside one: the text's own rhetoric.
- ``official_rival``: a run of the 十九大/二十大 reports (../shared/corpus) holds the key and a
  printed item and another item of the key's length the stem does not print, and no run of
  theirs holds the key beside its printed neighbours: the reports as the curated list of
  standing runs (the brief's "asks well" side).

    PYTHONPATH=. .venv/bin/python bench/run_items.py [--list rival_slot]
"""

from __future__ import annotations

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
from reference_keys import reference_texts  # noqa: E402
from standing_runs import aligned, fits, text_runs  # noqa: E402

from quizapp.generation.confidence import is_plain_cloze  # noqa: E402
from quizapp.generation.keyphrases import common_suffix  # noqa: E402
from quizapp.generation.lexicon import load_lexicon  # noqa: E402
from quizapp.generation.model import BLANK, Question  # noqa: E402
from quizapp.generation.pipeline import (  # noqa: E402
    _blank_run_items,
    _raw_run_parts,
    _whole_item,
    bank_with_reasons,
    document_key,
)

LATER = {"blind13", "blind14", "blind15", "blind16"}
OPEN = re.compile(
    r"fits?\b|defensible|not unique|not determined|underdetermin|equally|also (fit|right)|"
    r"arguably|Pt ?2\b|Point 2|Fails 2|均可|同样|亦通|也可|不能唯一|tempting|more than one answer",
    re.I,
)
REPORTS = ("report19_full.txt", "report20_full.txt")


class Signals:
    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.texts = [
            (document_key(t), re.sub(r"\s", "", t))
            for t in (p.read_text(encoding="utf-8") for p in reference_texts())
        ]
        corpus = ROOT.parent / "shared" / "corpus"
        runs: set[tuple[str, ...]] = set()
        for name in REPORTS:
            runs |= text_runs((corpus / name).read_text(encoding="utf-8"))
        self.official: dict[str, list[tuple[str, ...]]] = {}
        for run in runs:
            for item in set(run):
                self.official.setdefault(item, []).append(run)

    def run(self, q: Question) -> tuple[list[str], int, list[str]] | None:
        """The raw parts, the blank's index and the items of the run ``q``'s key is a whole
        item of, or None."""
        run, items = _raw_run_parts(q), _blank_run_items(q)
        if run is None or items is None or not _whole_item(*run):
            return None
        return run[0], run[1], items[:-1]

    def edge_rhetoric(self, q: Question, reason: str | None, document: str) -> bool:
        parts, k, listed = self.run(q)
        key = q.answer[0]
        siblings = [x for i, x in enumerate(listed) if i != k]
        if not common_suffix([key, *siblings]) or self.lexicon.complete_list(listed):
            return False
        if any(aligned(r, parts, k, key) for r in self.official.get(key, ())):
            return False
        near = set(siblings)
        if k > 0:
            near |= {parts[k - 1][-j:] for j in range(2, len(parts[k - 1]) + 1)}
        if k < len(parts) - 1:
            near |= {parts[k + 1][:j] for j in range(2, len(parts[k + 1]) + 1)}
        pairs = [f"{a}{j}{b}" for n in near if n for a, b in ((key, n), (n, key)) for j in "、和"]
        return not any(doc != document and any(p in t for p in pairs) for doc, t in self.texts)

    def official_rival(self, q: Question, reason: str | None, document: str) -> bool:
        parts, k, _ = self.run(q)
        key, last = q.answer[0], len(parts) - 1
        runs = self.official.get(key, ())
        if any(aligned(r, parts, k, key) for r in runs):
            return False

        def printed(x: str) -> bool:
            return any(fits(x, p, i == 0, i == last) for i, p in enumerate(parts) if i != k)

        return any(
            any(x != key and printed(x) for x in r)
            and any(x != key and len(x) == len(key) and x not in q.stem for x in r)
            for r in runs
        )

    def all(self):
        return {
            "rival_slot": lambda q, reason, document: reason == "rival_slot",
            "edge_rhetoric": self.edge_rhetoric,
            "official_rival": self.official_rival,
        }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", help="print the judged rows this signal flags")
    args = ap.parse_args()
    banks = {}
    for st in ALLOWED:
        for label, path in TEXT_SETS[st]:
            text = path.read_text(encoding="utf-8")
            bank, reasons = bank_with_reasons(text, seed=0, undropped=True)
            banks[st, label] = (bank, reasons, document_key(text))
    signals = Signals()
    tests = signals.all()
    counts: dict[tuple[str, bool], Counter] = {}
    for (name, st, _quiz), rows in parse().items():
        if st not in ALLOWED:
            continue
        for row in rows:
            bank, reasons, document = banks[st, row["label"]]
            q, _ = match(row, bank)
            if q is None or not is_plain_cloze(q) or q.stem.count(BLANK) != 1:
                continue
            reason = reasons.get(q.id)
            if reason not in (None, "rival_slot") or signals.run(q) is None:
                continue
            verdict = (
                "usable"
                if row["v"] == "usable"
                else "open"
                if OPEN.search(row["reason"])
                else "other"
            )
            later = st in LATER
            counts.setdefault(("all", later), Counter())[verdict] += 1
            for signal, test in tests.items():
                if test(q, reason, document):
                    counts.setdefault((signal, later), Counter())[verdict] += 1
                    if args.list == signal:
                        at = q.stem.find(BLANK)
                        print(
                            f"{verdict:7} {st} {name} #{row['n']} {q.answer[0]} | "
                            f"{q.stem[max(0, at - 30) : at + 34]}"
                        )
    print(f"{'signal':15} {'earlier: usable/judged (open, other)':>40} {'later':>28}")
    for signal in ("all", *tests):
        cells = []
        for later in (False, True):
            c = counts.get((signal, later), Counter())
            n = sum(c.values())
            share = f" {c['usable'] / n:4.0%}" if n else ""
            cells.append(f"{c['usable']}/{n}{share} ({c['open']}, {c['other']})")
        print(f"{signal:15} {cells[0]:>40} {cells[1]:>28}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
