"""The cycle collector around a generation: an upload's first generation pays no pass over the
objects it keeps, and the caller's own collector settings are left as they were."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.generation import generate_questions

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (ROOT / "quizapp" / "data" / "seed_speech.txt").read_text(encoding="utf-8")


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations of the collections that start while the test runs."""
    started: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield started
    finally:
        gc.callbacks.remove(record)


def test_a_first_generation_starts_no_collection(collections: list[int]) -> None:
    generate_questions(SEED_TEXT, seed=0)  # (jieba and the engine warm)
    text = SEED_TEXT.replace("。", "。\n", 3) + "\n坚持和加强党的全面领导。"  # never seen
    collections.clear()
    questions = generate_questions(text, seed=0)
    # (before, the first allocation after the run walked every object the run kept: its
    # extraction, the caches' new entries and the questions, about a tenth of a long text's time)
    assert questions and collections == []
    assert gc.isenabled()


def test_a_caller_s_frozen_objects_stay_frozen() -> None:
    # (a server may freeze what it loaded before forking its workers, to keep pages shared)
    loaded = [["四个意识"]]
    gc.freeze()
    try:
        generate_questions(SEED_TEXT + "\n增强“四个意识”。", seed=0)
        # (a frozen object is in no generation the collector walks)
        assert not any(o is loaded for o in gc.get_objects())
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        assert generate_questions(SEED_TEXT + "\n坚定“四个自信”。", seed=0)
        assert not gc.isenabled()
    finally:
        gc.enable()
