"""Shared fixtures: apps on a real SQLite file (and the machine's PostgreSQL), clients,
factories, and headless Chromium for browser tests.

PostgreSQL and Chromium tests skip with a reason on a machine without them, unless
QUIZAPP_REQUIRE_PG=1 / QUIZAPP_REQUIRE_BROWSER=1 (set by .ci/run), which turn a skip into a
failure.
"""

from __future__ import annotations

import functools
import itertools
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from quizapp import create_app
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HELDOUT = ROOT / "bench" / "heldout_texts"
PG_URL = os.environ.get("QUIZAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
QA_PHONE = {"width": 390, "height": 844}  # the organizer walk-through's phone
QA_DESKTOP = {"width": 1366, "height": 900}  # and its projector
DEFAULT_PASSWORD = "password123"


def _required(var: str) -> bool:
    return os.environ.get(var, "") == "1"


def skip_or_fail(var: str, reason: str) -> None:
    if _required(var):
        pytest.fail(f"{reason} ({var}=1 makes this required)")
    pytest.skip(reason)


# ---------------------------------------------------------------- shared texts


def _heldout_file(name: str) -> str:
    return name if name.endswith(".txt") else f"{name}.txt"


def heldout_text(name: str) -> str:
    """The tuning text ``bench/heldout_texts/name`` (``.txt`` may be left off)."""
    return (HELDOUT / _heldout_file(name)).read_text(encoding="utf-8")


def heldout_bank(name: str) -> tuple:
    """Every question made of the tuning text ``name`` (seed 0; cached, so read only; ``.txt``
    may be left off, and either spelling reads the one cached bank)."""
    return _heldout_bank(_heldout_file(name))


@functools.lru_cache(maxsize=8)
def _heldout_bank(file_name: str) -> tuple:
    from quizapp.generation import generate_questions

    return tuple(generate_questions(heldout_text(file_name), seed=0))


def undropped(text: str, seed: int = 0) -> tuple[list, dict[str, str]]:
    """Every question the engine makes of ``text`` before the bank drops the rules of
    ``pipeline.DROPPED_WEAK`` (those still there, weak), and the rule marking each weak one:
    what a test of a dropped question's lures or of its rule reads."""
    from quizapp.generation.pipeline import bank_with_reasons

    return bank_with_reasons(text, seed=seed, undropped=True)


def heldout_undropped(name: str) -> tuple[tuple, dict[str, str]]:
    """:func:`undropped` of the tuning text ``name`` (seed 0; cached, so read only)."""
    return _heldout_undropped(_heldout_file(name))


@functools.lru_cache(maxsize=8)
def _heldout_undropped(file_name: str) -> tuple[tuple, dict[str, str]]:
    bank, reasons = undropped(heldout_text(file_name))
    return tuple(bank), reasons


def dropped_over(name: str, fragment: str, answer: str) -> list[tuple[str, str]]:
    """(kind, weak rule) of each question of the tuning text ``name`` over ``fragment`` and
    ``answer`` (:func:`asked_over`) the engine makes and its bank drops; a question of them the
    bank keeps is listed with the rule "kept"."""
    made, reasons = heldout_undropped(name)
    kept = {q.id for q in heldout_bank(name)}
    return [
        (q.kind, "kept" if q.id in kept else reasons.get(q.id, "strong"))
        for q in asked_over(list(made), fragment, answer)
    ]


def plain_cloze(
    stem: str, answer: str, *, qid: str = "q", source: str | None = None, template: str = "cloze"
) -> Any:
    """A hand-made plain one-blank 填空 over ``answer`` (its source the stem with the key put
    back, unless given), for the engine's question-level rules."""
    from quizapp.generation.model import BLANK, Question

    return Question(
        id=qid,
        kind="cloze",
        stem=stem,
        options=[],
        answer=[answer],
        keys=[answer],
        source=source if source is not None else stem.replace(BLANK, answer),
        explanation="",
        accepted=[[answer]],
        template=template,
    )


def one_key(question: Any) -> str:
    """The one key of a 填空 or 单选 ("" for any other question)."""
    if isinstance(question.answer, str):
        return question.answer
    answer = question.answer
    return answer[0] if isinstance(answer, list) and len(answer) == 1 else ""


def texts(value: Any) -> list[str]:
    """The strings of an answer (a question's or a JSON dump's): itself, a list's strings, or
    none (a 判断's True/False)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def named(question: Any) -> list[str]:
    """Every phrase ``question`` names: its keys and the whole phrases it asks part of."""
    return [*question.keys, *question.covers]


def asked_over(bank: list, fragment: str, answer: str) -> list:
    """The questions of ``bank`` whose stem holds ``fragment`` with its ``_`` the one blank,
    over ``answer`` (例: asked_over(bank, "全链条、_、开放式", "网络化"))."""
    from quizapp.generation.model import BLANK

    wanted = fragment.replace("_", BLANK)
    return [q for q in bank if one_key(q) == answer and wanted in q.stem]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (corpus and seed speech) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "quizapp" / "data" / "seed_speech.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- databases


def base_config(database_url: str, instance: Path) -> dict[str, Any]:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-" + uuid.uuid4().hex,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "INSTANCE_PATH": str(instance / "instance"),
    }


@pytest.fixture(scope="session")
def pg_available() -> str:
    try:
        engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001
        skip_or_fail("QUIZAPP_REQUIRE_PG", f"PostgreSQL at {PG_URL} is not reachable: {exc}")
    return PG_URL


@pytest.fixture
def pg_schema_url(pg_available: str) -> Iterator[str]:
    """A fresh schema in the test database, dropped afterwards (tests may run side by side)."""
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_available.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in pg_available else "?"
    yield f"{pg_available}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _make_app(database_url: str, tmp_path: Path, extra: dict[str, Any] | None = None):
    config = base_config(database_url, tmp_path)
    config.update(extra or {})
    app = create_app(config)
    with app.app_context():
        db.create_all()
    return app


@pytest.fixture
def app_config() -> dict[str, Any]:
    """Override in a test module to change the test app's configuration."""
    return {}


@pytest.fixture
def app(tmp_path: Path, app_config: dict[str, Any]) -> Iterator:
    app = _make_app("sqlite:///" + str(tmp_path / "test.db"), tmp_path, app_config)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_app(request, tmp_path: Path, app_config: dict[str, Any]) -> Iterator:
    """The test app on each backend: the suite's SQLite file and the machine's PostgreSQL."""
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "test.db")
    else:
        url = request.getfixturevalue("pg_schema_url")
    app = _make_app(url, tmp_path, app_config)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def ctx(app) -> Iterator:
    """An app context, for tests that call services directly."""
    with app.app_context():
        yield app


# ---------------------------------------------------------------- factories

_counter = itertools.count(1)


def _committed(row: Any) -> Any:
    """``row``, in the session, committed and detached with its columns loaded (a factory's
    result, read after its app context ends)."""
    db.session.commit()
    db.session.refresh(row)
    db.session.expunge(row)
    return row


def new_user(
    username: str,
    *,
    role: str = "learner",
    password: str = DEFAULT_PASSWORD,
    display_name: str | None = None,
    group_id: int | None = None,
) -> Any:
    """Inside an app context, whichever app (a live server's ``setup`` too): a user with
    ``password``, added to the session, not committed."""
    from quizapp.models import User

    user = User(
        username=username, display_name=display_name or username, role=role, group_id=group_id
    )
    user.set_password(password)
    db.session.add(user)
    return user


@pytest.fixture
def make_group(app) -> Callable[..., Any]:
    from quizapp.models import Group

    def make(name: str | None = None) -> Group:
        with app.app_context():
            group = Group(name=name or f"第{next(_counter)}党支部")
            db.session.add(group)
            return _committed(group)

    return make


@pytest.fixture
def make_user(app) -> Callable[..., Any]:
    from quizapp.models import User

    def make(
        username: str | None = None,
        *,
        role: str = "learner",
        password: str = DEFAULT_PASSWORD,
        display_name: str | None = None,
        group_id: int | None = None,
    ) -> User:
        with app.app_context():
            user = new_user(
                username or f"user{next(_counter)}",
                role=role,
                password=password,
                display_name=display_name,
                group_id=group_id,
            )
            return _committed(user)

    return make


@pytest.fixture
def make_material(app, seed_text: str) -> Callable[..., Any]:
    """Adds a material with its generated bank (the bundled speech unless text is given)."""
    from quizapp.bank.services import add_material

    def make(text: str | None = None, *, title: str = "测试材料", source: str = ""):
        with app.app_context():
            material, _ = add_material(text or seed_text, title=title, source=source)
            return _committed(material)

    return make


class AuthActions:
    def __init__(self, client) -> None:
        self._client = client

    def login(self, username: str, password: str = DEFAULT_PASSWORD, **kwargs: Any):
        return self._client.post(
            "/auth/login", data={"username": username, "password": password}, **kwargs
        )

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def login_as(make_user, auth) -> Callable[..., Any]:
    """Create a user with the role and log the test client in as them."""

    def login(role: str = "learner", **kwargs: Any):
        user = make_user(role=role, **kwargs)
        response = auth.login(user.username)
        assert response.status_code in (302, 303), "login should redirect"
        return user

    return login


# ---------------------------------------------------------------- live server and browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Start a threaded server for an app with real CSRF; returns (app, base_url).

    ``live_server.stop()`` takes the last server down (its port refuses connections, as while
    the real one restarts) and ``live_server.resume()`` serves the same app on the same port."""
    from werkzeug.serving import make_server

    servers = []

    def serve(app, port: int) -> None:
        server = make_server("127.0.0.1", port, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread, app))

    def start(extra: dict[str, Any] | None = None, setup: Callable | None = None):
        config = {"WTF_CSRF_ENABLED": True, "TESTING": False}
        config.update(extra or {})
        app = _make_app("sqlite:///" + str(tmp_path / "live.db"), tmp_path, config)
        if setup is not None:
            with app.app_context():
                setup(app)
                db.session.commit()
        port = free_port()
        serve(app, port)
        return app, f"http://127.0.0.1:{port}"

    def stop() -> None:
        server, thread, _app = servers[-1]
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    def resume() -> None:
        server, _thread, app = servers[-1]
        serve(app, server.server_port)

    start.stop = stop  # type: ignore[attr-defined]
    start.resume = resume  # type: ignore[attr-defined]
    yield start
    for server, thread, app in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        skip_or_fail("QUIZAPP_REQUIRE_BROWSER", f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover
        skip_or_fail("QUIZAPP_REQUIRE_BROWSER", f"playwright is not installed: {exc}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium) -> Iterator[Callable[..., Any]]:
    """Opens a page in a browser context of its own: zh-CN, ``viewport``, device scale factor
    ``scale``, other context ``options`` (accept_downloads=True); logged in as ``user`` at
    ``base`` when both are given. Every context it opened is closed after the test (a test may
    close one sooner: ``page.context.close()``)."""
    contexts: list[Any] = []

    def open_(
        viewport: dict[str, int],
        base: str | None = None,
        user: str | None = None,
        *,
        scale: float = 1,
        **options: Any,
    ) -> Any:
        context = chromium.new_context(
            viewport=viewport, device_scale_factor=scale, locale="zh-CN", **options
        )
        contexts.append(context)
        page = context.new_page()
        if base is not None and user is not None:
            log_in_page(page, base, user)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(open_page) -> Any:
    return open_page(PHONE, scale=2)


def log_in_page(page: Any, base: str, username: str, password: str = DEFAULT_PASSWORD) -> None:
    """A browser page logs ``username`` in through the login form and lands on the home page."""
    page.goto(f"{base}/auth/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(base + "/")


def lines_of(element: Any) -> int:
    """How many lines the text of an element takes on the screen (lines its element clips away,
    after a "…", are not shown)."""
    return element.evaluate(
        """e => {
          const tops = [];
          const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          for (let node = walk.nextNode(); node; node = walk.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            const clip = node.parentElement.getBoundingClientRect();
            for (const r of range.getClientRects()) {
              if (r.width > 0 && r.bottom <= clip.bottom + 1) tops.push(r.top);
            }
          }
          tops.sort((a, b) => a - b);
          return tops.filter((t, i) => i === 0 || t - tops[i - 1] > 8).length;
        }"""
    )


def _every(request: Any) -> bool:
    return True


def answer_503(
    page: Any,
    url: str,
    body: str = "<h1>503 Service Unavailable</h1>",
    counted: Callable[[Any], bool] = _every,
) -> list[str]:
    """Answers every request of ``page`` to ``url`` (a Playwright route pattern) with a 503, as
    a server that is down: ``body`` is sent as JSON when it starts with "{" (as the app's own
    error handler answers a fetch), else as HTML (a proxy's page). Returns the methods of the
    refused requests ``counted`` picks, the list growing as they come."""
    refused: list[str] = []
    content_type = "application/json" if body.startswith("{") else "text/html"

    def unavailable(route: Any) -> None:
        if counted(route.request):
            refused.append(route.request.method)
        route.fulfill(status=503, content_type=content_type, body=body)

    page.route(url, unavailable)
    return refused


def lose_first_reply(page: Any, url: str, counted: Callable[[Any], bool] = _every) -> list[int]:
    """The first request of ``page`` to ``url`` that ``counted`` picks reaches the server, but
    its reply is lost (a 503 from the proxy instead); every other request goes through.
    Returns one entry per counted request, the list growing as they come."""
    sent: list[int] = []

    def lose_first(route: Any) -> None:
        if not counted(route.request):
            route.continue_()
            return
        sent.append(1)
        if len(sent) == 1:
            route.fetch()  # handled at the server; the reply never reaches the page
            route.fulfill(status=503, content_type="text/html", body="<h1>503</h1>")
        else:
            route.continue_()

    page.route(url, lose_first)
    return sent


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[..., Path]:
    """Save a screenshot into the test's temporary folder: the full page, or (full_page=False)
    what the screen shows, e.g. a sticky status line over a long paper."""
    folder = tmp_path / "screenshots"
    folder.mkdir(exist_ok=True)

    def shoot(page: Any, name: str, *, full_page: bool = True) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return shoot


# ---------------------------------------------------------------- hand-made banks

SAMPLE_QUESTIONS: list[dict[str, Any]] = [
    {
        "kind": "single",
        "stem": "增强“四个意识”中，居于核心地位的是（　　）。",
        "options": ["政治意识", "大局意识", "核心意识", "看齐意识"],
        "answer": "核心意识",
        "keys": ["核心意识", "四个意识"],
        "source": "增强“四个意识”、坚定“四个自信”，做到“两个维护”。",
        "explanation": "四个意识：政治意识、大局意识、核心意识、看齐意识。",
    },
    {
        "kind": "multiple",
        "stem": "下列属于“四个自信”的有（　　）。",
        "options": ["道路自信", "理论自信", "忧患意识", "文化自信", "纪律意识"],
        "answer": ["道路自信", "理论自信", "文化自信"],
        "keys": ["四个自信"],
        "source": "坚定“四个自信”。",
        "explanation": "四个自信：道路自信、理论自信、制度自信、文化自信。",
    },
    {
        "kind": "judge",
        "stem": "“三严三实”中的“三实”是谋事要实、创业要实、做人要实。",
        "options": [],
        "answer": True,
        "keys": ["三严三实"],
        "source": "“三严三实”",
        "explanation": "三严三实：严以修身、严以用权、严以律己；谋事要实、创业要实、做人要实。",
    },
    {
        "kind": "cloze",
        "stem": "党的政治建设是党的（　　）建设，决定着党的建设方向和效果。",
        "options": [],
        "answer": ["根本性"],
        "accepted": [["根本性"]],
        "keys": ["根本性建设"],
        "source": "党的政治建设是党的根本性建设，决定着党的建设方向和效果。",
        "explanation": "",
    },
]


@pytest.fixture
def make_question(app) -> Callable[..., Any]:
    """Adds one hand-made question to a material (sample i of SAMPLE_QUESTIONS, overridable)."""
    from quizapp.models import BankQuestion

    def make(material_id: int, sample: int = 0, **fields: Any) -> BankQuestion:
        data = dict(SAMPLE_QUESTIONS[sample % len(SAMPLE_QUESTIONS)])
        data.update(fields)
        data.setdefault("accepted", [])
        data.setdefault("uid", uuid.uuid4().hex[:16])
        data.setdefault("origin", "manual")
        with app.app_context():
            row = BankQuestion(material_id=material_id, **data)
            db.session.add(row)
            return _committed(row)

    return make


def add_hand_bank(
    samples: Iterable[int] = range(len(SAMPLE_QUESTIONS)),
    *,
    title: str = "手工题库",
    text: str = "（手工题库）",
    content_hash: str | None = None,
    uid: str | None = None,
    origin: str = "manual",
) -> tuple[Any, list[Any]]:
    """Inside an app context, whichever app (a live server's ``setup`` too): a material of
    hand-made questions, the SAMPLE_QUESTIONS ``samples`` (indices taken in turn), added and
    flushed, not committed; returns (material, questions). The questions' uids are ``uid``
    and their place (random without it); ``content_hash`` is random without it."""
    from quizapp.models import BankQuestion, Material

    material = Material(title=title, text=text, content_hash=content_hash or uuid.uuid4().hex)
    db.session.add(material)
    db.session.flush()
    rows = []
    for place, sample in enumerate(samples):
        data = dict(SAMPLE_QUESTIONS[sample % len(SAMPLE_QUESTIONS)])
        data.setdefault("accepted", [])
        rows.append(
            BankQuestion(
                material_id=material.id,
                uid=f"{uid}{place}" if uid is not None else uuid.uuid4().hex[:16],
                origin=origin,
                **data,
            )
        )
    db.session.add_all(rows)
    db.session.flush()
    return material, rows


def add_statement_bank(n: int, *, title: str = "判断题库") -> tuple[Any, list[Any]]:
    """Inside an app context: a material of ``n`` distinct true 判断 on distinct sentences and
    keys, flushed. SAMPLE_QUESTIONS taken in turn repeat themselves, and a learner's quiz never
    asks one question twice nor one whose answer another prints (``select(repeats=False)``):
    a test of which questions a quiz of several picks needs questions that are all different."""
    from quizapp.models import BankQuestion, Material

    material = Material(title=title, text="（判断题库）", content_hash=uuid.uuid4().hex)
    db.session.add(material)
    db.session.flush()
    rows = [
        BankQuestion(
            material_id=material.id,
            uid=uuid.uuid4().hex[:16],
            kind="judge",
            origin="manual",
            stem=f"第{place + 1}条要点：坚持党的全面领导是第{place + 1}项要求。",
            answer=True,
            source=f"原文第{place + 1}句。",
            keys=[f"第{place + 1}项要求"],
            explanation="正确。",
        )
        for place in range(n)
    ]
    db.session.add_all(rows)
    db.session.flush()
    return material, rows


@pytest.fixture
def make_bank(app) -> Callable[..., Any]:
    """A material with `n` hand-made questions of all four kinds; returns (material_id, [ids])."""

    def make(n: int = 8, title: str = "手工题库") -> tuple[int, list[int]]:
        with app.app_context():
            material, rows = add_hand_bank(
                range(n), title=title, text="（手工题库）" + uuid.uuid4().hex
            )
            made = material.id, [row.id for row in rows]
            db.session.commit()
            return made

    return make


def hand_bank(n: int = 4) -> list[Any]:
    """Inside an app context, whichever backend: a material with ``n`` hand-made questions
    (SAMPLE_QUESTIONS in turn), committed; returns the rows (the make_bank fixture adds its
    own to the ``app`` fixture only)."""
    _, rows = add_hand_bank(range(n), text="（手工）")
    db.session.commit()
    return rows


def logged_in_client(app, username: str, role: str, display_name: str) -> Any:
    """A test client of ``app`` logged in as a new user (for the ``db_app`` tests, which the
    make_user and login_as fixtures, bound to ``app``, do not reach)."""
    with app.app_context():
        new_user(username, role=role, display_name=display_name)
        db.session.commit()
    client = app.test_client()
    response = client.post("/auth/login", data={"username": username, "password": DEFAULT_PASSWORD})
    assert response.status_code in (302, 303)
    return client


# a worksheet's opening tag, for sheet XML written by hand
SHEET_XML = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def xlsx_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """An .xlsx workbook whose first sheet holds ``rows``."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    """A valid .xlsx workbook whose first sheet's XML is replaced by ``sheet_xml``."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            target.writestr(item.filename, data)
    return out.getvalue()


# ---------------------------------------------------------------- speed


@pytest.fixture(autouse=True)
def light_password_hashing(monkeypatch) -> None:
    """scrypt costs ~70 ms a hash (more on a busy CI machine) and most tests log someone in:
    tests hash with a light pbkdf2 instead, still a real salted hash checked the same way."""
    from werkzeug.security import generate_password_hash

    import quizapp.models.accounts as accounts

    def light(password: str) -> str:
        return generate_password_hash(password, method="pbkdf2:sha256:1000")

    monkeypatch.setattr(accounts, "generate_password_hash", light)
