"""The question engine as a sequence of small named steps.

    text ─ segment ─ extract key phrases ─ build questions ─ check ─ (pick ``count``)

Every step is deterministic: sets are sorted, randomness comes only from ``random.Random``
instances seeded with the caller's seed and the question's stable id.
"""

from __future__ import annotations

import gc
import hashlib
import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from . import distractors as dis
from . import noise
from .builders import Context, build_all
from .jieba_setup import warm_up
from .keyphrases import extract
from .lexicon import Lexicon, load_lexicon
from .model import BLANK, KINDS, Question

__all__ = ["generate_questions", "check_question", "select", "document_key"]


def document_key(text: str) -> str:
    """Hash of the normalised text: part of every question id."""
    return hashlib.sha1(dis.fold_key(text).encode("utf-8")).hexdigest()


def generate_questions(
    text: str,
    *,
    seed: int = 0,
    count: int | None = None,
    lexicon: Lexicon | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Question]:
    """Questions for ``text``.

    ``count=None`` gives every question worth asking, in reading order; with ``count``, a
    seeded pick of that many, balanced over the kinds asked for.
    """
    lexicon = lexicon or load_lexicon()
    warm_up(lexicon)
    wanted = tuple(k for k in KINDS if kinds is None or k in set(kinds))
    if not text or not text.strip() or not wanted:
        return []
    with _collector_paused():
        extraction = extract(text, lexicon=lexicon)
        ctx = Context(extraction, seed, document_key(text))
        questions = [q for q in build_all(ctx) if q.kind in wanted]
        questions = _checked(questions)
        scores = ctx.scores
        # (dropped while the collector is off: its thousands of young objects are freed, not
        # traversed by the collection the first allocation after gc.enable() starts)
        del ctx, extraction
    if count is None:
        return questions
    return select(questions, count, seed, scores, wanted)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while the engine runs.

    A generation makes no reference cycles (nothing is left for the collector afterwards), but
    its tens of thousands of new objects trigger dozens of passes over the young generations:
    some 3% of a long text's time, for nothing. Left alone when it was off already (by the
    caller, or by another thread's generation, which turns it back on when it ends).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# -- step: check --------------------------------------------------------------------------
def check_question(q: Question) -> str | None:
    """The first defect of ``q`` (a short reason), or None when it is fit to ask."""
    texts = [q.stem, *q.options]
    if q.kind == "cloze":
        answers = list(q.answer)
        if q.stem.count(BLANK) != len(answers) or not answers:
            return "blank count"
        folded = dis.fold_key(q.stem.replace(BLANK, "|"))
        if any(dis.fold_key(a) and dis.fold_key(a) in folded for a in answers):
            return "answer readable in stem"
    elif q.kind == "single":
        if len(q.options) != 4 or q.options.count(q.answer) != 1:
            return "single needs 4 options, answer once"
        answers = [q.answer]
    elif q.kind == "multiple":
        answers = list(q.answer)
        if not 4 <= len(q.options) <= 5 or len(answers) < 2:
            return "multiple shape"
        if any(q.options.count(a) != 1 for a in answers) or len(answers) >= len(q.options):
            return "multiple answers"
    elif q.kind == "judge":
        if not isinstance(q.answer, bool):
            return "judge answer"
        answers = []
    else:
        return "kind"
    folded_opts = [dis.fold_key(o) for o in q.options]
    if len(set(folded_opts)) != len(folded_opts):
        return "duplicate options"
    for t in [*answers, *q.options]:
        if noise.has_placeholder(t):
            return "placeholder"
    if q.kind == "single" and len(q.options) > 1:
        others = [len(o) for o in q.options if o != q.answer]
        if len(q.answer) - max(others) >= 5 or min(others) - len(q.answer) >= 5:
            return "answer stands out by length"  # 18 characters among 10–11 (review 13)
    if q.kind in ("single", "multiple"):
        for a in answers:
            for o in q.options:
                if o != a and o not in answers and dis.is_variant(o, a):
                    return "variant of the answer among options"
    del texts
    return None


def _checked(questions: list[Question]) -> list[Question]:
    seen_ids: set[str] = set()
    seen: set[tuple[str, str]] = set()
    out = []
    for q in questions:
        if check_question(q) is not None or q.id in seen_ids:
            continue
        sig = (q.kind, dis.fold_key(q.stem))
        if sig in seen:
            continue
        seen_ids.add(q.id)
        seen.add(sig)
        out.append(q)
    return out


# -- step: pick -----------------------------------------------------------------------------
def select(
    questions: list[Question],
    count: int,
    seed: int,
    scores: dict[str, float] | None = None,
    kinds: Iterable[str] = KINDS,
) -> list[Question]:
    """A seeded pick of ``count`` questions, round-robin over the kinds, best keys first.

    Within a kind, questions are ranked by their key's score plus a seeded jitter (so another
    seed picks others among near-equals); a key or a source sentence already asked is avoided
    while fresh ones remain, and no question is taken that prints a picked question's answer
    (or whose answer a picked question prints) while another kind can go instead.
    """
    if count <= 0:
        return []
    scores = scores or {}
    rng = random.Random(seed)
    by_kind: dict[str, list[Question]] = {}
    for q in sorted(questions, key=lambda q: q.id):
        by_kind.setdefault(q.kind, []).append(q)
    for items in by_kind.values():
        jitter = {q.id: rng.random() * 0.3 for q in items}
        items.sort(key=lambda q: (-(scores.get(q.id, 0.5) + jitter[q.id]), q.id))
    if "judge" in by_kind:
        # true and false statements alternate, so a short quiz is not all 正确
        trues = [q for q in by_kind["judge"] if q.answer is True]
        falses = [q for q in by_kind["judge"] if q.answer is not True]
        mixed: list[Question] = []
        for k in range(max(len(trues), len(falses))):
            mixed.extend(x[k] for x in (falses, trues) if k < len(x))
        by_kind["judge"] = mixed
    shown_order = [k for k in kinds if by_kind.get(k)]
    # 判断 choose first, then the scarcest kind: a false statement names a formula's members,
    # so picked after the choices it would be blocked and a quiz's 判断 all 正确 (review 14),
    # while clozes have others to choose from
    order = sorted(shown_order, key=lambda k: (k != "judge", len(by_kind[k])))
    picked: list[Question] = []
    used_keys: set[str] = set()
    used_sources: set[str] = set()
    picked_ids: set[str] = set()

    def key_of(q: Question) -> str:
        return dis.fold_key(q.keys[0]) if q.keys else q.id

    def answers_of(q: Question) -> list[str]:
        found = q.answer if isinstance(q.answer, list) else [q.answer]
        return [dis.fold_key(a) for a in found if isinstance(a, str) and len(a) >= 2]

    shown: list[str] = []  # folded stems and options of the picked questions
    answers: list[str] = []  # folded answers of the picked questions

    def fresh(q: Question) -> bool:
        return q.source not in used_sources and no_leak(q)

    def no_leak(q: Question) -> bool:
        # another question from a sentence already asked is fine as long as neither prints the
        # other's answer (伟大斗争、（　　）… after （　　）、伟大工程…)
        text = dis.fold_key(q.stem + "|" + "|".join(q.options))
        return (
            key_of(q) not in used_keys
            and not any(a in text for a in answers)
            and not any(a in t for a in answers_of(q) for t in shown)
        )

    # round robin over the kinds keeps them balanced; within a kind the pick prefers a question
    # from a sentence not yet asked, then one that gives no picked answer away. A kind with
    # neither waits its turn; only when no kind has one is a question that leaks taken (a short
    # text asks few sentences: balance gives way before an answer is printed twice)
    for leaks_allowed in (False, True):
        progress = True
        while len(picked) < count and progress:
            progress = False
            # a last, partial round gives its places in the kinds' own order (填空 first)
            last_round = count - len(picked) < len(order)
            for kind in shown_order if last_round else order:
                if len(picked) >= count:
                    break
                left = [q for q in by_kind[kind] if q.id not in picked_ids]
                q = next((q for q in left if fresh(q)), None)
                q = q or next((q for q in left if no_leak(q)), None)
                if q is None and leaks_allowed and left:
                    q = left[0]
                if q is None:
                    continue
                picked.append(q)
                picked_ids.add(q.id)
                used_keys.add(key_of(q))
                used_sources.add(q.source)
                shown.append(dis.fold_key(q.stem + "|" + "|".join(q.options)))
                answers.extend(answers_of(q))
                progress = True
    # shown in the kinds' own order, round-robin (填空, 单选, 多选, 判断, 填空 …)
    queues = {k: [q for q in picked if q.kind == k] for k in shown_order}
    return [
        queues[k][n]
        for n in range(max((len(v) for v in queues.values()), default=0))
        for k in shown_order
        if n < len(queues[k])
    ]
