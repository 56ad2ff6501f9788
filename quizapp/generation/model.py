"""Plain data passed between the steps of the question engine.

Nothing here imports Flask or the database: the engine takes text and returns these objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["cloze", "single", "multiple", "judge"]
KINDS: tuple[Kind, ...] = ("cloze", "single", "multiple", "judge")
KIND_LABELS: dict[str, str] = {
    "cloze": "填空",
    "single": "单选",
    "multiple": "多选",
    "judge": "判断",
}

# The blank written into cloze stems (two ideographic spaces inside full-width brackets).
BLANK = "（　　）"
# printed after a 填空 whose blanks may be answered in any order
ORDER_FREE = "（不分先后）"


# the quiz pick (pipeline.select) compares each candidate with the questions picked so far:
# meant for quizzes (20 of a 1,000-question bank: 3 ms; 60: 16 ms), not for "all of the bank".
# Here rather than in pipeline so that the web app can read it without importing the engine.
PICK_LIMIT = 60


@dataclass(frozen=True)
class Formula:
    """A curated 党建 formula (提法) from the lexicon data file."""

    name: str  # 四个意识
    members: tuple[str, ...]  # 规范表述, in canonical order
    variants: tuple[str, ...] = ()  # loose spellings of the name: 4个意识 …
    origin: str = ""  # where and when it was first put forward
    source: str = ""  # the source checked for the wording
    effective: str = ""  # ISO date the current wording took effect
    category: str = ""  # groups siblings for distractors: 意识/自信/作风/…
    member_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Member aliases that are another wording, no spelling (理论和实践相结合 for 理论联系实际):
    # found in texts as the member, never graded right in its blank.
    member_wordings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    # Sub-groups named inside the formula: 三严三实 → {"三严": (...), "三实": (...)}.
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Real phrases of the same shape that are NOT members: the preferred distractors.
    foils: tuple[str, ...] = ()
    # Foils near one member in the same way (公平, 正义 beside 公正): one of a group per question
    # at most, as two make a wording trap (blind19 RE #5).
    near_foils: tuple[tuple[str, ...], ...] = ()
    # Phrases tied to the formula that must never serve as distractors (制度建设 for 5+2 …).
    related: tuple[str, ...] = ()
    # For long members, the short phrase a cloze blanks: {"以党的政治建设为统领": "党的政治建设"}.
    cores: dict[str, str] = field(default_factory=dict)
    # The whole canonical statement when the members are only its enumerable clauses (新时代党的
    # 建设总要求 goes on past its six clauses): an explanation then quotes it, not "是指" the
    # members, and a stem lists the members as what the formula "包括".
    statement: str = ""
    # Whether the members spelled out in a text count as an occurrence of the formula.
    match_members: bool = True
    # Whether other formula names make sense as wrong options where the text names it (not
    # for a name used as a plain word: “三农”工作, “三农”问题).
    choice_in_text: bool = True
    # A name several formulas share (主题教育总要求 of 2019 and of 2023; 两个大局 of 胸怀两个大局
    # and of 统筹国内国际两个大局): each version is an entry of its own whose ``sense_of`` is the
    # shared spelling; the text's evidence (``cues`` anywhere in it, ``frames`` in the mention's
    # sentence, the version's own members) picks one, and none is asked about without it.
    sense_of: str = ""
    cues: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    # How questions print a version's name (“不忘初心、牢记使命”主题教育总要求): the shared
    # spelling alone would not say which version is asked.
    title: str = ""
    # Members whose wording changed over time → their earlier wordings (全面建设社会主义现代化国家
    # → 全面建成小康社会 of 2014–2020), or () for a member added later (面向人民生命健康, 2020): a
    # text of the earlier era would make them a second answer, so questions show them only where
    # the text's own wording is the current one (docs/generation.md, seventh session).
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Foils that were stated beside the members for a while → (from, until) ISO dates
    # (绿色化 of the 2015 新五化, until the 十九大 spoke of the 四化 again): a text dated in that
    # span is never given one as a lure or a swapped member (blind15 LD #44, LB #53).
    dated_foils: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        """The name as questions print it: the version's title, the shared name, or the name."""
        return self.title or self.sense_of or self.name

    @property
    def spoken(self) -> str:
        """The name as texts write it (the shared spelling of a version)."""
        return self.sense_of or self.name

    def __hash__(self) -> int:  # dict fields are not hashable; a formula is known by its name
        return hash((self.name, self.members))

    def spellings(self, member: str) -> tuple[str, ...]:
        """The member and its accepted aliases, canonical spelling first."""
        return (member, *self.member_aliases.get(member, ()))

    def is_member_text(self, text: str) -> bool:
        """Is ``text`` a member of this formula (or one of its aliases)?"""
        return any(text in self.spellings(m) for m in self.members)


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the whole text
    paragraph: int  # index of its paragraph
    text: str  # original text, as displayed
    start: int  # offset of the sentence in the whole (original) text
    is_heading: bool = False
    is_noise: bool = False  # caption, elision line, headline …

    def __init__(
        self,
        index: int,
        paragraph: int,
        text: str,
        start: int,
        is_heading: bool = False,
        is_noise: bool = False,
    ) -> None:
        # set in one step, as KeyPhrase's fields are (a sentence is made for each of a text's)
        self.__dict__.update(
            index=index,
            paragraph=paragraph,
            text=text,
            start=start,
            is_heading=is_heading,
            is_noise=is_noise,
        )


@dataclass(frozen=True)
class KeyPhrase:
    """A phrase worth testing, found in the text."""

    text: str
    type: str  # lexicon|member|formula|heading|quotation|definition|quoted|enumeration|term
    sentence: int  # Sentence.index where it occurs (first occurrence used for questions)
    start: int  # offset in the original text
    end: int
    score: float = 0.0
    formula: str | None = None  # lexicon formula name, when it is one or a member of one
    group: tuple[str, ...] = ()  # the enumeration / formula members it belongs with

    def __init__(
        self,
        text: str,
        type: str,
        sentence: int,
        start: int,
        end: int,
        score: float = 0.0,
        formula: str | None = None,
        group: tuple[str, ...] = (),
    ) -> None:
        # the fields set in one step: a frozen dataclass's own __init__ calls
        # object.__setattr__ once per field, twice the cost, for the thousands of keys of a text
        self.__dict__.update(
            text=text,
            type=type,
            sentence=sentence,
            start=start,
            end=end,
            score=score,
            formula=formula,
            group=group,
        )


@dataclass
class Question:
    """One generated (or hand-made) question, in the engine's contract format."""

    id: str
    kind: Kind
    stem: str
    options: list[str]
    answer: Any  # cloze: list[str]; single: str; multiple: list[str]; judge: bool
    keys: list[str]
    source: str
    explanation: str
    accepted: list[list[str]] = field(default_factory=list)  # cloze only: per blank
    ordered: bool = True  # cloze with several blanks: does their order matter
    paragraph: int | None = None
    difficulty: float = 0.5
    template: str = ""  # which template made it (for ids, stats and review)
    formula: str | None = None  # lexicon formula it is built on, if any
    # Whole phrases the question asks part of, where a key spans the blank and its context
    # (the saying 江山就是人民，人民就是江山 of 江山就是人民，（　　）; 时间不少于一周):
    # ``keys`` holds what the contract allows, phrases printed in the stem, an answer or an
    # option; the gold-list coverage (bench/coverage.py) reads both.
    covers: list[str] = field(default_factory=list)
    # What the quiz pick (pipeline.select) reads besides the question itself, filled by
    # generate_questions for every question so that a stored bank is picked from as the engine
    # picks: its key's score from the extraction, and whether the engine doubts it (the weak
    # rules, pipeline.weak_reasons). ``select`` asks a doubted question last; what a learner is
    # served holds none until a person confirms or edits it (pipeline.servable: the "asked
    # last" of the weak rules' comments is ``select``'s, no longer the app's). A hand-made
    # question is neither.
    pick_score: float = 0.5
    weak: bool = False
    # the weak rule that doubts it ("" when not weak): the organizer's review reads why
    # (doubts.doubt_note)
    doubt: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in data.items() if k in names})
