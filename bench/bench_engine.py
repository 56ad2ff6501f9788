"""Speed and memory of the question engine (`make bench`). Not a test: it prints figures.

Figures, each from fresh processes where "cold" is meant:
- jieba cold load: import jieba and cut one word, in a fresh process;
- engine cold start: import the engine and warm_up(), in a fresh process;
- bundled speech, warm: median ms of generate_questions over N runs in one process;
- report20_full.txt (33k characters), warm: median of generate_questions, and its ratio to the
  median of a bare jieba.lcut of the same text in the same process; the engine keeps per-sentence
  work in bounded caches, so this is a text generated again. Also the first generation of the
  text in a warm process (jieba and the engine loaded on another text), the figure an upload
  costs, with its ratio to a bare jieba.lcut of it in that process;
- report20 cold: the first call in a fresh process (imports included), against import jieba +
  the first lcut in another fresh process;
- CLI start-up: `flask --app app --help` (loads create_app, generates nothing), median wall time,
  and create_app() alone in a fresh process;
- peak memory (ru_maxrss) of a process that generated the report.

Targets from issue 2: speech < 50 ms warm; report <= 2x bare lcut, cold and warm; start-up < 1 s.
Corpus figures are skipped with a message when ../shared is not beside the checkout.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the checkout's engine, not the one the venv's editable install points at (the in-process
# figures read another tree's engine when the venv is shared; the fresh processes, started in
# ROOT, always read this one)
sys.path.insert(0, str(ROOT))
SEED = ROOT / "quizapp" / "data" / "seed_speech.txt"
REPORT = ROOT.parent / "shared" / "corpus" / "report20_full.txt"
PY = sys.executable
FLASK = Path(PY).with_name("flask")
RUNS_SPEECH = 30
RUNS_REPORT = 7
RUNS_STARTUP = 5
RUNS_COLD = 3  # fresh processes per cold figure (median; the machine may be shared)

_ENV = dict(os.environ, PYTHONWARNINGS="ignore")
_ENV.pop("DATABASE_URL", None)


def in_fresh_process(code: str) -> dict:
    """Run ``code`` in a new interpreter; it must print one JSON object as its last line."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(_ENV, QUIZAPP_INSTANCE=str(Path(tmp) / "instance"))
        result = subprocess.run(
            [PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


JIEBA_COLD = """
import json, logging, time
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.lcut("四个意识")
print(json.dumps({"s": time.perf_counter() - t}))
"""

ENGINE_COLD = """
import json, logging, time
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
import quizapp.generation as g
if hasattr(g, "warm_up"):
    g.warm_up()
else:
    g.generate_questions("增强“四个意识”。")
print(json.dumps({"s": time.perf_counter() - t}))
"""

FIRST_CALL = """
import json, logging, resource, time
text = open({path!r}, encoding="utf-8").read()
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
{body}
elapsed = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"s": elapsed, "maxrss_kb": rss, "n": n}}))
"""
FIRST_GENERATE = """
from quizapp.generation import generate_questions
n = len(generate_questions(text, seed=0))
"""
FIRST_LCUT = """
n = len(jieba.lcut(text))
"""

# A text the process has not seen, after jieba and the engine are warm: what an organizer's
# upload costs in a running worker (the per-sentence caches hold nothing of this text yet).
FIRST_IN_WARM = """
import json, logging, time
import jieba
jieba.setLogLevel(logging.WARNING)
from quizapp.generation import generate_questions, warm_up
warm_up()
other = open({seed!r}, encoding="utf-8").read()
generate_questions(other, seed=0)
jieba.lcut(other)
text = open({path!r}, encoding="utf-8").read()
t = time.perf_counter()
generate_questions(text, seed=0)
gen = time.perf_counter() - t
t = time.perf_counter()
jieba.lcut(text)
cut = time.perf_counter() - t
print(json.dumps({{"gen": gen, "cut": cut}}))
"""

CREATE_APP = """
import json, time
t = time.perf_counter()
from quizapp import create_app
create_app()
print(json.dumps({"s": time.perf_counter() - t}))
"""


def median_ms(func, runs: int, vary_seed: bool = False) -> float:
    times = []
    for i in range(runs):
        t = time.perf_counter()
        func(i) if vary_seed else func()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def line(label: str, value: str, note: str = "") -> None:
    print(f"{label:<48} {value:>14}  {note}")


def main() -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"question engine benchmark — python {sys.version.split()[0]}, {os.cpu_count()} CPU,"
        f" load average {load} (cold and start-up figures suffer on a busy machine)"
    )
    jieba_cache = Path(tempfile.gettempdir()) / "jieba.cache"
    cache_note = "(jieba's dictionary cache present)" if jieba_cache.exists() else "(no cache)"

    cold = statistics.median(in_fresh_process(JIEBA_COLD)["s"] for _ in range(RUNS_COLD))
    line(
        f"jieba cold load, import + first cut (median {RUNS_COLD})",
        f"{cold * 1000:.0f} ms",
        cache_note,
    )
    engine = statistics.median(in_fresh_process(ENGINE_COLD)["s"] for _ in range(RUNS_COLD))
    line(f"engine cold start, import + warm_up (median {RUNS_COLD})", f"{engine * 1000:.0f} ms")

    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    import quizapp.generation as generation

    if hasattr(generation, "warm_up"):
        generation.warm_up()
    speech = SEED.read_text(encoding="utf-8")
    count = len(generation.generate_questions(speech, seed=0))
    ms = median_ms(lambda i: generation.generate_questions(speech, seed=i), RUNS_SPEECH, True)
    target = "OK" if ms < 50 else "over the 50 ms target"
    line(
        f"bundled speech, warm (median of {RUNS_SPEECH})",
        f"{ms:.1f} ms",
        f"{len(speech)} chars, {count} questions — {target}",
    )

    if not REPORT.exists():
        print(f"skipped: {REPORT} is absent (../shared not beside this checkout)")
    else:
        report = REPORT.read_text(encoding="utf-8")
        generation.generate_questions(report, seed=0)
        jieba.lcut(report)
        gen_ms = median_ms(
            lambda i: generation.generate_questions(report, seed=i), RUNS_REPORT, True
        )
        cut_ms = median_ms(lambda: jieba.lcut(report), RUNS_REPORT)
        ratio = gen_ms / cut_ms
        line(
            f"report20, warm generation (median of {RUNS_REPORT})",
            f"{gen_ms:.0f} ms",
            f"{len(report)} chars",
        )
        line("report20, warm bare jieba.lcut (same process)", f"{cut_ms:.0f} ms")
        line(
            "report20 warm ratio (text generated before)",
            f"{ratio:.2f}x",
            "OK" if ratio <= 2 else "over the 2x target",
        )
        firsts = [
            in_fresh_process(FIRST_IN_WARM.format(seed=str(SEED), path=str(REPORT)))
            for _ in range(RUNS_COLD)
        ]
        first_gen = statistics.median(f["gen"] for f in firsts)
        first_cut = statistics.median(f["cut"] for f in firsts)
        first_ratio = first_gen / first_cut
        line(
            f"report20, first generation, warm process (median {RUNS_COLD})",
            f"{first_gen * 1000:.0f} ms",
            "jieba and engine warm, this text never seen",
        )
        line("report20, bare jieba.lcut in that process", f"{first_cut * 1000:.0f} ms")
        line(
            "report20 warm ratio (text never seen)",
            f"{first_ratio:.2f}x",
            "OK" if first_ratio <= 2 else "over the 2x target",
        )

        path = str(REPORT)
        gens, cuts = [], []
        for _ in range(RUNS_COLD):  # interleaved, so both see the same machine load
            gens.append(in_fresh_process(FIRST_CALL.format(path=path, body=FIRST_GENERATE)))
            cuts.append(in_fresh_process(FIRST_CALL.format(path=path, body=FIRST_LCUT)))
        gen_cold = {"s": statistics.median(g["s"] for g in gens), "maxrss_kb": gens[0]["maxrss_kb"]}
        cut_cold = {"s": statistics.median(c["s"] for c in cuts), "maxrss_kb": cuts[0]["maxrss_kb"]}
        cold_ratio = gen_cold["s"] / cut_cold["s"]
        line(
            f"report20, cold first generation (median {RUNS_COLD})",
            f"{gen_cold['s'] * 1000:.0f} ms",
            "import + first call, fresh process",
        )
        line(
            f"report20, cold import jieba + first lcut (median {RUNS_COLD})",
            f"{cut_cold['s'] * 1000:.0f} ms",
        )
        line(
            "report20 cold ratio",
            f"{cold_ratio:.2f}x",
            "OK" if cold_ratio <= 2 else "over the 2x target",
        )
        line(
            "peak memory, process generating report20",
            f"{gen_cold['maxrss_kb'] / 1024:.0f} MB",
            f"(bare jieba + lcut: {cut_cold['maxrss_kb'] / 1024:.0f} MB)",
        )

    speech_mem = in_fresh_process(FIRST_CALL.format(path=str(SEED), body=FIRST_GENERATE))
    line("peak memory, process generating the speech", f"{speech_mem['maxrss_kb'] / 1024:.0f} MB")

    startup = []
    command = [str(FLASK)] if FLASK.exists() else [PY, "-m", "flask"]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(_ENV, QUIZAPP_INSTANCE=str(Path(tmp) / "instance"))
        for _ in range(RUNS_STARTUP):
            t = time.perf_counter()
            subprocess.run(
                [*command, "--app", "app", "--help"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                check=True,
                timeout=120,
            )
            startup.append(time.perf_counter() - t)
    start_ms = statistics.median(startup) * 1000
    line(
        f"CLI start-up `flask --app app --help` (median {RUNS_STARTUP})",
        f"{start_ms:.0f} ms",
        "OK" if start_ms < 1000 else "over the 1 s target",
    )
    factory = statistics.median(in_fresh_process(CREATE_APP)["s"] for _ in range(RUNS_STARTUP))
    line(
        f"create_app() in a fresh process (median {RUNS_STARTUP})",
        f"{factory * 1000:.0f} ms",
        "OK" if factory < 1 else "over the 1 s target",
    )


if __name__ == "__main__":
    main()
