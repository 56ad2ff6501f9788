"""A cold engine's start: what loading it costs, and that the shortcuts change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
