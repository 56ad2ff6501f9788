"""A cold engine's start: what loading it costs, and that the shortcuts change nothing."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from quizapp.generation import patterns

ROOT = Path(__file__).resolve().parent.parent

# the modules a generation loads, each with its compiled patterns
ENGINE_MODULES = (
    "builders",
    "checking",
    "confidence",
    "distractors",
    "fields",
    "frames",
    "hints",
    "jieba_setup",
    "keyphrases",
    "lexicon",
    "model",
    "noise",
    "normalize",
    "pipeline",
    "provisions",
    "reader",
    "reference",
    "segment",
    "shapes",
    "spellings",
)


def _engine_patterns() -> list[re.Pattern[str]]:
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for name in ENGINE_MODULES:
        module = importlib.import_module(f"quizapp.generation.{name}")
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault((value.pattern, value.flags), value)
    return list(found.values())


def _code(pattern: re.Pattern[str]) -> list[int]:
    return sre_compile._code(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags)


def test_the_engine_loads_and_generates_without_flask() -> None:
    # an upload's worker forks after the web app loaded, but the engine alone (the bench's cold
    # figure, a script) must not pay for Flask: quizapp's own __init__ imports it only to build
    # the app
    code = (
        "import json, sys\n"
        "from quizapp.generation import generate_questions\n"
        "n = len(generate_questions('坚持和加强党的全面领导，增强“四个意识”。'))\n"
        "print(json.dumps({'flask': 'flask' in sys.modules, 'n': n}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout.strip().splitlines()[-1])
    assert got["flask"] is False
    assert got["n"] > 0


def test_re_works_out_each_character_class_once_the_engine_is_loaded() -> None:
    assert sre_compile._optimize_charset is patterns._shared_charset
    before = len(patterns._charset_memo)
    re.compile("[甲乙丙丁戊]{2}子")  # (a class no pattern held before)
    grown = len(patterns._charset_memo)
    assert grown > before
    re.compile("丑[甲乙丙丁戊]+")  # (the same class in another pattern: taken as it was)
    assert len(patterns._charset_memo) == grown


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_shared_class_compiles_to_the_code_re_makes_alone(
    flags: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every pattern of the engine's modules, each compiled with the shared classes (the memo
    # full of the others' classes) and as re works them out alone: the same code, so the same
    # matches; IGNORECASE takes the case-folding helpers through the memo's key
    compiled = [re.compile(p.pattern, p.flags | flags) for p in _engine_patterns()]
    assert len(compiled) > 300
    shared = [_code(p) for p in compiled]
    assert patterns._charset_memo
    monkeypatch.setattr(sre_compile, "_optimize_charset", patterns._plain_charset)
    alone = [_code(p) for p in compiled]
    assert shared == alone
