"""Question engine: turn a Chinese study text into questions a 党课 teacher would accept.

Pure Python, no Flask: the web app, the CLI and the benchmark all call the functions below.
See docs/generation.md for the pipeline, step by step.
"""

from __future__ import annotations

from .checking import InvalidAnswer, canonical_response, check_answer
from .jieba_setup import warm_up
from .keyphrases import find_key_phrases
from .lexicon import Lexicon, load_lexicon
from .model import BLANK, KIND_LABELS, KINDS, Formula, KeyPhrase, Question
from .pipeline import generate_questions
from .reader import DocumentError, decode_text, read_document

__all__ = [
    "BLANK",
    "KINDS",
    "KIND_LABELS",
    "DocumentError",
    "Formula",
    "InvalidAnswer",
    "KeyPhrase",
    "Lexicon",
    "Question",
    "canonical_response",
    "check_answer",
    "decode_text",
    "find_key_phrases",
    "generate_questions",
    "load_lexicon",
    "read_document",
    "warm_up",
]
