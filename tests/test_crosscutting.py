"""Cross-cutting checks over the whole app: every route x role with real objects (no 500,
organizer areas guarded), CSRF on every state-changing route, no answer leaks while a question
is open, IDOR between learners, open redirects, security headers, compression and page weight.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_QUESTIONS, SHEET_XML, xlsx_with_sheet
from flask import url_for

from quizapp.extensions import db

ROLES = ["anonymous", "learner", "organizer", "admin"]
LOGIN = "/auth/login"

# Areas that belong to organizers/admins (prefix match on the rule), besides any view that
# carries a role check (security.role_required sets `required_roles`).
ORGANIZER_PREFIXES = ("/admin", "/manage", "/live/rounds", "/contests/paper/new")
LEARNER_FACING = {"workbench.report_question"}  # a learner reports a faulty question
# Endpoints left out of the POST pass: logging out would end the role's session mid-crawl.
SKIP_POST = {"auth.logout"}


@dataclass
class World:
    users: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    study_token: str = ""
    other_study_token: str = ""
    attempt_id: int = 0
    other_attempt_id: int = 0
    live_code: str = ""
    host_token: str = ""
    player_token: str = ""
    answers: list[str] = field(default_factory=list)


@pytest.fixture
def world(app, make_user, make_group, make_bank) -> World:
    """One of everything, so that every URL of the app can be built with real ids."""
    from quizapp.contests import services as paper
    from quizapp.live import services as live
    from quizapp.models import BankQuestion, NotebookEntry, QuestionReport
    from quizapp.study import services as study
    from quizapp.study.owner import Owner

    w = World()
    group = make_group()
    for role in ROLES[1:]:
        w.users[role] = make_user(f"cc_{role}", role=role, group_id=group.id)
    w.users["learner2"] = make_user("cc_learner2", role="learner", group_id=group.id)
    w.users["organizer2"] = make_user("cc_organizer2", role="organizer")
    material_id, qids = make_bank(8, title="交叉检查题库")
    learner = w.users["learner"].id
    with app.app_context():
        questions = [db.session.get(BankQuestion, q) for q in qids]
        w.answers = [json.dumps(q.answer, ensure_ascii=False) for q in questions]
        attempt = study.start_attempt(
            Owner(user_id=learner), questions, mode="exam", material_id=material_id
        )
        other = study.start_attempt(
            Owner(user_id=w.users["learner2"].id), questions, mode="exam", material_id=material_id
        )
        entry = NotebookEntry(user_id=learner, question_id=qids[0], last_response="x")
        report = QuestionReport(
            question_id=qids[0], user_id=learner, reporter_key=f"u{learner}", reason="错字"
        )
        db.session.add_all([entry, report])
        now = paper.now()
        contest = paper.create_contest(
            title="交叉检查答题赛",
            material_id=material_id,
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            kind_counts={"single": 2, "multiple": 2, "judge": 2, "cloze": 2},
            time_limit_s=1800,
            max_attempts=1,
            reveal="after_close",
            created_by_id=w.users["organizer"].id,
        )
        sitting = paper.start_attempt(contest, learner, now)
        other_sitting = paper.start_attempt(contest, w.users["learner2"].id, now)
        round_, w.host_token = live.create_contest(
            questions[:4],
            title="交叉检查现场赛",
            seconds=60,
            material_id=material_id,
            created_by_id=w.users["organizer"].id,
        )
        player, w.player_token, _ = live.join(round_, name="选手甲", team=None, user_id=learner)
        live.advance(round_, live.now_ts())  # question 1 is open
        db.session.commit()
        w.study_token, w.other_study_token = attempt.token, other.token
        w.attempt_id, w.other_attempt_id = sitting.id, other_sitting.id
        w.live_code = round_.code
        first_uid = min(round_.questions, key=lambda q: q.position).uid
        w.values = {
            "material_id": material_id,
            "question_id": qids[0],
            "contest_id": contest.id,
            "attempt_id": sitting.id,
            "user_id": learner,
            "group_id": group.id,
            "direction": "up",
            "code": round_.code,
            "player_id": player.id,
            "uid": first_uid,
            "report_id": report.id,
            "entry_id": entry.id,
            "number": 1,
            "index": 0,
            "fmt": "xlsx",
            "filename": "css/app.css",
        }
    return w


def build_urls(app, world: World) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every rule and method of the app."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            values = {}
            for arg in rule.arguments:
                if arg == "token":
                    values[arg] = world.study_token if rule.endpoint.startswith("study.") else "x"
                else:
                    values[arg] = world.values[arg]
            url = url_for(rule.endpoint, **values)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                urls.append((rule.endpoint, method, url))
    return urls


def is_organizer_area(app, endpoint: str, url: str) -> bool:
    if endpoint in LEARNER_FACING:
        return False
    roles = getattr(app.view_functions[endpoint], "required_roles", None)
    if roles and "learner" not in roles:
        return True
    return url.startswith(ORGANIZER_PREFIXES) or endpoint == "contests.export"


def log_in(client, username: str) -> None:
    response = client.post(LOGIN, data={"username": username, "password": "password123"})
    assert response.status_code == 302, "login should redirect"


# ---------------------------------------------------------------- the crawler


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_every_role_without_a_server_error(app, client, world, role):
    """GET and POST (empty form) on every rule with real ids: never a 500; organizer areas send
    visitors to log in and turn learners away with 403."""
    if role != "anonymous":
        log_in(client, world.users[role].username)
    urls = build_urls(app, world)
    assert len(urls) > 80
    # Reads first, then writes (a delete must not hide a page that the read pass should see).
    ordered = [u for u in urls if u[1] == "GET"] + [u for u in urls if u[1] != "GET"]
    wrong = []
    for endpoint, method, url in ordered:
        if method != "GET" and endpoint in SKIP_POST:
            continue
        try:
            response = client.open(url, method=method, data={})
        except Exception as exc:  # noqa: BLE001  (TESTING propagates errors: each is a 500)
            wrong.append(f"{method} {url}: raised {type(exc).__name__}: {exc}")
            continue
        status = response.status_code
        response.close()
        if status >= 500:
            wrong.append(f"{method} {url}: {status}")
        if is_organizer_area(app, endpoint, url):
            if role == "anonymous":
                location = response.headers.get("Location", "")
                if status != 302 or not location.startswith(LOGIN):
                    wrong.append(f"{method} {url}: anonymous got {status} {location}")
            elif role == "learner" and status != 403:
                wrong.append(f"{method} {url}: learner got {status}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- CSRF


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_every_state_changing_route_needs_a_csrf_token_except_the_bearer_api(app, client, world):
    log_in_with_token(client, world.users["admin"].username)
    wrong = []
    for _endpoint, method, url in build_urls(app, world):
        if method == "GET":
            continue
        response = client.open(url, method=method, data={})
        body = response.get_data(as_text=True)
        csrf_refusal = response.status_code == 400 and "页面已失效" in body
        if url.startswith("/api/v1/"):
            if csrf_refusal:
                wrong.append(f"{method} {url}: the bearer API asks for a CSRF token")
        elif not csrf_refusal:
            wrong.append(f"{method} {url}: {response.status_code} without a CSRF token")
    assert not wrong, "\n".join(wrong)
    # The bearer API works with CSRF on: a player joins with JSON and no token.
    response = client.post(
        f"/api/v1/contests/{world.live_code}/players", json={"name": "无令牌", "team": None}
    )
    assert response.status_code == 201, response.get_json()


def log_in_with_token(client, username: str) -> None:
    page = client.get(LOGIN).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    data = {"username": username, "password": "password123", "csrf_token": token}
    assert client.post(LOGIN, data=data).status_code == 302


# ---------------------------------------------------------------- answers never leak

# An attribute carrying an answer (empty placeholders that the script fills later are fine).
LEAK_MARKERS = re.compile(r'data-(?:answer|correct|right|key)="[^"]+"|"answer"\s*:', re.I)
ANSWER_KEYS = {"answer", "answers", "correct", "right", "right_answer", "accepted", "explanation"}


def answer_keys(data: Any, path: str = "") -> list[str]:
    """Paths of keys in a JSON value that carry (non-empty) answer material."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            # counts (ints) are fine; text, lists and verdicts (bools) are not
            if key in ANSWER_KEYS and (
                isinstance(value, bool) or value and not isinstance(value, int)
            ):
                found.append(f"{path}.{key}")
            found += answer_keys(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += answer_keys(value, f"{path}[{i}]")
    return found


def hidden_answers(world: World) -> list[str]:
    """Answer texts that are not also shown as an option (cloze answers, 判断 truth)."""

    texts = []
    for sample in SAMPLE_QUESTIONS:
        if sample["kind"] == "cloze":
            texts += sample["answer"]
        explanation = sample.get("explanation")
        if explanation:
            texts.append(explanation)
    return texts


def assert_no_leak(text: str, world: World, where: str) -> None:
    assert not LEAK_MARKERS.search(text), f"{where}: {LEAK_MARKERS.search(text)[0]}"
    for secret in hidden_answers(world):
        assert secret not in text, f"{where} shows {secret!r}"


def test_open_exam_and_unanswered_practice_pages_show_no_answers(client, world):
    log_in(client, world.users["learner"].username)
    response = client.get(f"/test/{world.study_token}")
    assert response.status_code == 200
    assert_no_leak(response.get_data(as_text=True), world, "测验 page")
    start = client.post("/test/quick", data={})
    assert start.status_code == 302
    for number in range(1, 5):  # one question of each kind, before it is answered
        url = f"{start.headers['Location']}/q/{number}"
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_leak(response.get_data(as_text=True), world, url)


def test_open_paper_contest_page_shows_no_answers(client, world):
    log_in(client, world.users["learner"].username)
    for url in (
        f"/contests/paper/{world.values['contest_id']}",
        f"/contests/attempts/{world.attempt_id}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_leak(response.get_data(as_text=True), world, url)
    # Handed in while the contest is still open: the score, but no answers yet.
    response = client.post(f"/contests/attempts/{world.attempt_id}/submit", data={})
    assert response.status_code == 302
    result = client.get(f"/contests/attempts/{world.attempt_id}").get_data(as_text=True)
    assert "结束" in result and "正确答案" not in result
    assert_no_leak(result, world, "result before close")


def test_live_player_page_and_api_show_no_answer_while_open(client, world):
    code = world.live_code
    client.set_cookie(f"live_{code}", world.player_token, path=f"/live/{code}")
    page = client.get(f"/live/{code}/play")
    assert page.status_code == 200
    assert_no_leak(page.get_data(as_text=True), world, "player page")
    auth = {"Authorization": f"Bearer {world.player_token}"}
    for url in (f"/api/v1/contests/{code}", f"/api/v1/contests/{code}/me"):
        response = client.get(url, headers=auth)
        assert response.status_code == 200, url
        data = response.get_json()
        if url.endswith(code):
            assert data["status"] == "open"
        assert not answer_keys(data), (url, answer_keys(data))
        for secret in hidden_answers(world):
            assert secret not in json.dumps(data, ensure_ascii=False), (url, secret)
    stats = client.get(f"/api/v1/contests/{code}/questions/{world.values['uid']}/stats")
    assert stats.status_code >= 400 or not answer_keys(stats.get_json()), (
        "question stats reveal the answer while the question is open"
    )
    board = client.get(f"/api/v1/contests/{code}/leaderboard").get_json()
    assert not answer_keys(board)


# ---------------------------------------------------------------- IDOR and redirects


def test_a_learner_cannot_open_another_learners_attempts(client, world):
    log_in(client, world.users["learner"].username)
    for url in (
        f"/test/{world.other_study_token}",
        f"/test/{world.other_study_token}/result",
        f"/contests/attempts/{world.other_attempt_id}",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(f"/contests/attempts/{world.other_attempt_id}/submit", data={})
    assert response.status_code == 404
    client.post("/auth/logout")
    log_in(client, world.users["learner2"].username)
    response = client.post(f"/notebook/{world.values['entry_id']}/mastered", data={})
    assert response.status_code == 404  # someone else's 错题本 entry


def test_registration_cannot_choose_a_role(app, client):
    from quizapp.models import User

    data = {
        "username": "sneaky",
        "display_name": "偷偷",
        "password": "password123",
        "password2": "password123",
        "role": "admin",
        "is_admin": "y",
        "active": "y",
    }
    assert client.post("/auth/register", data=data).status_code == 302
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "sneaky"))
        assert user is not None and user.role == "learner"


def test_an_organizer_cannot_host_another_organizers_round(client, world):
    log_in(client, world.users["organizer2"].username)
    code = world.live_code
    for method, url in [
        ("GET", f"/live/rounds/{code}/host"),
        ("GET", f"/live/rounds/{code}/results"),
        ("GET", f"/live/rounds/{code}/overview.json"),
        ("POST", f"/live/rounds/{code}/advance"),
    ]:
        assert client.open(url, method=method, json={}).status_code == 403, url


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example"]
)
def test_login_never_redirects_off_site(client, world, target):
    response = client.post(
        f"{LOGIN}?next={target}",
        data={"username": world.users["learner"].username, "password": "password123"},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil.example" not in location, location


# ---------------------------------------------------------------- headers, gzip, weight


def test_pages_carry_security_headers(client, world):
    log_in(client, world.users["learner"].username)
    for url in ("/", "/materials", f"/test/{world.study_token}", f"/live/{world.live_code}"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = {
            part.split()[0]: part.split()[1:]
            for part in response.headers["Content-Security-Policy"].split(";")
            if part.strip()
        }
        assert "'unsafe-inline'" not in csp["script-src"], url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url


MAIN_PAGES = [
    "/",
    "/materials",
    "/materials/{material_id}",
    "/test/new",
    "/test/{token}",
    "/me/scores",
    "/notebook",
    "/contests/",
    "/contests/paper/{contest_id}",
    "/contests/attempts/{attempt_id}",
    "/join",
    "/live/{code}/play",
]


def test_main_pages_are_gzipped_and_light(client, world, make_material):
    seed = make_material(title="长文材料")
    log_in(client, world.users["learner"].username)
    values = dict(world.values, token=world.study_token)
    heavy = []
    for template in [*MAIN_PAGES, f"/materials/{seed.id}"]:
        url = template.format(**values)
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200, url
        assert response.headers.get("Content-Encoding") == "gzip", url
        body = response.get_data()
        html = gzip.decompress(body).decode()
        assets = re.findall(r'(?:href|src)="(/static/[^"?]+)', html)
        weight = len(body)
        for asset in assets:
            static = client.get(asset, headers={"Accept-Encoding": "gzip"})
            weight += len(static.get_data())
            static.close()
        if weight > 100 * 1024:
            heavy.append(f"{url}: {weight} bytes")
    assert not heavy, heavy
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers


# ---------------------------------------------------------------- bad input never gives a 500

JUNK_VALUES = ["abc", "-1", "1.5", "99999999999999999999", "=1+1\u202e" + "长" * 3000]
# what WTForms writes itself, in English, when a value cannot be read (quizapp/forms.py)
WTFORMS_ENGLISH = re.compile(
    r"Not a valid|Invalid [Cc]hoice|could not coerce|This field is required|Field must be"
    r"|Number must be|not a valid choice|Invalid input"
)
JUNK_QUERY = (
    "?page=-1&per_page=100000&part=0&q=%E2%80%AE%01&kind=zzz&status=zzz&count=-5&seed=%01"
    "&material=abc&group=abc&role=root&next=//evil.example&t=x&token=x"
)
JUNK_NUMBERS = (
    "?page=99999999999999999999&part=99999999999999999999&material=99999999999999999999"
    "&group=99999999999999999999&count=99999999999999999999&index=99999999999999999999"
)
# Lists whose ?page= and ?material= once overflowed the database (admin A2, workbench W1).
PAGED_LISTS = {
    "admin.users",
    "workbench.questions",
    "workbench.paper",
    "workbench.stats",
    "workbench.stats_export",
    "workbench.audit",
}
JUNK_JSON: list[Any] = [[], "x", 7, None, {"name": 12, "team": []}, {"name": "\u202e" * 40},
                        {"question_id": [], "answer": {}}, {"player_id": "1", "locked": "yes"},
                        {"player_id": 10**30}, {"player_id": True}]  # fmt: skip
JUNK_ANSWERS: list[Any] = [None, {}, {"a": 1}, [[1]], [None], 10**30, 1.5, True, "x" * 20000,
                           ["政治意识"] * 500, ""]  # fmt: skip


def form_fields(html: str) -> list[str]:
    names = re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html)
    return [n for n in dict.fromkeys(names) if n != "csrf_token"]


def test_junk_input_on_every_route_gives_a_message_not_a_server_error(app, client, world):
    """Every form field filled with junk, junk query strings and junk JSON bodies: 4xx or a
    page again, never a 500 (as admin, who reaches every route). The page's messages are
    Chinese: 1.5 in a number box said "Not a valid integer value.", a choice that could not be
    read "Invalid Choice: could not coerce." (web12)."""
    log_in(client, world.users["admin"].username)
    urls = build_urls(app, world)
    pages = {
        url: client.get(url).get_data().decode("utf-8", "replace")
        for endpoint, method, url in urls
        if method == "GET" and endpoint != "static"
    }
    wrong = []

    def hit(method: str, url: str, **kwargs: Any) -> None:
        try:
            response = client.open(url, method=method, **kwargs)
        except Exception as exc:  # noqa: BLE001
            wrong.append(f"{method} {url} {kwargs}: raised {type(exc).__name__}: {exc}")
            return
        body = response.get_data().decode("utf-8", "replace")
        response.close()
        if response.status_code >= 500:
            wrong.append(f"{method} {url} {kwargs}: {response.status_code}")
        elif found := WTFORMS_ENGLISH.search(body):
            wrong.append(f"{method} {url} {str(kwargs)[:80]}: says {found.group()!r} in English")

    for endpoint, method, url in urls:
        if endpoint in SKIP_POST or endpoint == "static":
            continue
        if method == "GET":
            hit("GET", url + JUNK_QUERY)
            hit("GET", url + JUNK_NUMBERS)
            continue
        if url.startswith("/api/") or endpoint.startswith("live.host_"):
            token = world.host_token if "answers" not in url else world.player_token
            for bearer in ("x", token):
                for body in JUNK_JSON:
                    hit(method, url, json=body, headers={"Authorization": f"Bearer {bearer}"})
                hit(method, url, data=b"{not json", content_type="application/json")
            if url.endswith("/answers"):
                for answer in JUNK_ANSWERS:
                    body = {"question_id": world.values["uid"], "answer": answer}
                    hit(method, url, json=body, headers={"Authorization": f"Bearer {token}"})
            continue
        names = form_fields(pages.get(url, "")) or ["question", "answer", "name", "page"]
        for value in JUNK_VALUES:
            hit(method, url, data={name: value for name in names})
    # Ids far beyond the database's integer range: not found, not an overflow.
    huge = World(values={k: 10**20 if isinstance(v, int) else v for k, v in world.values.items()})
    huge.study_token = world.study_token
    for _endpoint, method, url in build_urls(app, huge):
        if "99999" in url or "100000000000000000000" in url:
            hit(method, url, data={})
    assert not wrong, "\n".join(wrong)


def test_huge_page_numbers_on_admin_and_workbench_lists(app, client, world):
    log_in(client, world.users["admin"].username)
    with app.test_request_context():
        urls = [url_for(endpoint) for endpoint in sorted(PAGED_LISTS)]
    broken = [u for u in urls if client.get(u + JUNK_NUMBERS).status_code >= 500]
    assert not broken, broken


def test_nul_characters_are_refused_with_a_message_and_store_nothing(app, client, world):
    """PostgreSQL cannot store NUL in text: every form and query string refuses it up front."""
    from quizapp.models import User

    # JSON bodies are the API's business (names are cleaned there).
    join = client.post(
        f"/api/v1/contests/{world.live_code}/players", json={"name": "甲\u0000乙", "team": None}
    )
    assert join.status_code == 201 and join.get_json()["name"] == "甲乙"
    log_in(client, world.users["learner"].username)
    response = client.post("/auth/settings/profile", data={"display_name": "张\x00三"})
    assert response.status_code == 400
    assert "控制字符" in response.get_data(as_text=True)
    assert client.get("/materials?q=%00").status_code == 400
    with app.app_context():
        assert db.session.get(User, world.users["learner"].id).display_name == "cc_learner"


# ---------------------------------------------------------------- Excel exports stay text


def formula_cells(data: bytes) -> list[str]:
    """Cells that Excel would run on opening the file: text stored as a formula."""
    import io

    from openpyxl import load_workbook

    found = []
    for sheet in load_workbook(io.BytesIO(data)).worksheets:
        for row in sheet.iter_rows():
            found += [
                f"{sheet.title}!{c.coordinate}={c.value!r}" for c in row if c.data_type == "f"
            ]
    return found


@pytest.fixture
def hostile_names(app, world):
    """Names and texts chosen by users that look like spreadsheet formulas."""
    from quizapp.contests import services as paper
    from quizapp.live import services as live
    from quizapp.models import BankQuestion, Group, PaperAttempt, PaperContest, User

    with app.app_context():
        learner = db.session.get(User, world.users["learner"].id)
        learner.display_name = "=2+3"
        db.session.get(Group, world.values["group_id"]).name = "@SUM(1)"
        question = db.session.get(BankQuestion, world.values["question_id"])
        question.stem = "=HYPERLINK(1)（　　）"
        db.session.get(PaperContest, world.values["contest_id"]).title = "=3+4"
        contest = live.find_contest(world.live_code)
        contest.title = "=5+6"
        live.join(contest, name="=1+1", team="+1-1", user_id=None)
        paper.finish_attempt(db.session.get(PaperAttempt, world.attempt_id), paper.now())
        db.session.commit()


SAFE_EXPORTS = [
    "/live/rounds/{code}/export.xlsx",
    "/contests/paper/{contest_id}/results.xlsx",
    "/manage/materials/{material_id}/export.xlsx",
    "/manage/stats.xlsx",
]


@pytest.mark.parametrize("template", SAFE_EXPORTS)
def test_excel_exports_write_formula_like_text_as_text(client, world, hostile_names, template):
    log_in(client, world.users["admin"].username)
    response = client.get(template.format(**world.values))
    assert response.status_code == 200
    assert not formula_cells(response.get_data())


# ---------------------------------------------------------------- hostile uploads


def hostile_rosters() -> dict[str, bytes]:
    return {
        "broken.xlsx": xlsx_with_sheet(b"<worksheet><sheetData><row><c r='A1'"),
        "bad-ref.xlsx": xlsx_with_sheet(
            SHEET_XML
            + b'<sheetData><row r="1"><c r="ZZZZZZ9"><v>1</v></c></row></sheetData></worksheet>'
        ),
        "bomb.xlsx": xlsx_with_sheet(
            SHEET_XML + b"<sheetData>" + b" " * (60 * 1024 * 1024) + b"</sheetData></worksheet>"
        ),
        "not-a-zip.xlsx": b"PK\x03\x04 this is not a zip",
        "long-field.csv": ("姓名\n" + "x" * 140_000 + "\n").encode(),  # < 500 KB: no temp file
    }


def test_hostile_roster_files_get_a_message_and_store_nothing(app, client, world):
    import io

    from quizapp.models import PaperContest

    log_in(client, world.users["organizer"].username)
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(PaperContest.id)))
    for name, data in hostile_rosters().items():
        form = {
            "title": "名单测试",
            "material": str(world.values["material_id"]),
            "opens_at": "2025-01-01T08:00",
            "closes_at": "2099-01-01T08:00",
            "count_single": "1",
            "count_multiple": "0",
            "count_judge": "0",
            "count_cloze": "0",
            "time_limit": "20",
            "max_attempts": "1",
            "reveal": "after_close",
            "roster_file": (io.BytesIO(data), name),
        }
        response = client.post("/contests/paper/new", data=form, content_type="multipart/form-data")
        page = response.get_data(as_text=True)
        response.close()  # closes the uploaded body's temporary file
        assert response.status_code == 200, (name, response.status_code)
        assert "名单" in page and ("无法读取" in page or "太大" in page), name
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PaperContest.id))) == before


def test_hostile_bank_import_files_get_a_message(client, world):
    import io

    log_in(client, world.users["organizer"].username)
    wrong = []
    for name, data in hostile_rosters().items():
        if not name.endswith(".xlsx"):
            continue
        form = {"file": (io.BytesIO(data), name), "material": "0"}
        response = client.post("/manage/import", data=form, content_type="multipart/form-data")
        response.close()
        if response.status_code >= 500:
            wrong.append(name)
    assert not wrong, wrong


# ---------------------------------------------------------------- big banks stay bounded


def test_all_questions_of_a_big_bank_is_capped(app, client, make_bank):
    """ "全部" of a bank of thousands would be a page of megabytes: one test or printed paper
    holds at most MAX_QUESTIONS, and the learner is told."""
    import uuid

    from quizapp.models import Attempt, BankQuestion
    from quizapp.study.services import MAX_QUESTIONS

    material_id, _ = make_bank(1)
    with app.app_context():
        rows = [
            dict(SAMPLE_QUESTIONS[0], stem=f"第{i}题（　　）", accepted=[], material_id=material_id,
                 uid=uuid.uuid4().hex[:16], origin="manual")
            for i in range(MAX_QUESTIONS + 20)
        ]  # fmt: skip
        db.session.execute(db.insert(BankQuestion), rows)
        db.session.commit()
    data = {"material": material_id, "count": "0", "mode": "exam", "kinds": ["single"]}
    response = client.post("/test/new", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert f"一次最多出 {MAX_QUESTIONS} 道" in response.get_data(as_text=True)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        assert attempt.total == MAX_QUESTIONS
    paper = client.get(f"/materials/{material_id}/paper?count=0").get_data(as_text=True)
    assert paper.count('class="paper-question"') == MAX_QUESTIONS


def test_immediate_answers_allow_only_one_attempt(app, client, world):
    """Answers shown at 交卷 plus a second try on the same bank would let people learn the key."""
    from quizapp.models import PaperContest

    log_in(client, world.users["organizer"].username)
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(PaperContest.id)))
    form = {
        "title": "立即公布",
        "material": str(world.values["material_id"]),
        "opens_at": "2025-01-01T08:00",
        "closes_at": "2099-01-01T08:00",
        "count_single": "1",
        "count_multiple": "0",
        "count_judge": "0",
        "count_cloze": "0",
        "time_limit": "20",
        "max_attempts": "3",
        "reveal": "immediately",
    }
    response = client.post("/contests/paper/new", data=form)
    assert response.status_code == 200
    assert "每人只能答一次" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PaperContest.id))) == before
    assert client.post("/contests/paper/new", data=dict(form, max_attempts="1")).status_code == 302


# ---------------------------------------------------------------- one voice: 你


@pytest.mark.parametrize("role", ROLES)
def test_every_page_says_ni_to_its_user_never_nin(app, client, world, role):
    """The pages addressed the user as 您 in the 答题赛, 纠错, sign-up and error pages and as 你
    in the study pages, the 现场赛 and the 错题本 (a member saw 您的答案 on one page and 你的答案 on
    the next). Every page, for every role, now says 你 (docs/pages.md, fourteenth session)."""
    if role != "anonymous":
        log_in(client, world.users[role].username)
    saying_nin = []
    for _endpoint, method, url in build_urls(app, world):
        if method != "GET":
            continue
        response = client.get(url)
        if response.mimetype in ("text/html", "application/json") and "您" in response.get_data(
            as_text=True
        ):
            saying_nin.append(url)
        response.close()
    assert not saying_nin


def test_no_message_the_app_can_show_says_nin():
    """Flash messages, form errors and API messages are Python strings, and the phones' texts
    live in static/js: none of them says 您 (the engine and its data, which quote source texts,
    are left out)."""
    root = Path(__file__).resolve().parent.parent
    sources = [*root.glob("templates/**/*.html"), *root.glob("static/js/*.js")]
    sources += [
        p
        for p in root.glob("quizapp/**/*.py")
        if not p.is_relative_to(root / "quizapp" / "generation")
    ]
    assert len(sources) > 100
    assert [str(p.relative_to(root)) for p in sources if "您" in p.read_text("utf-8")] == []
