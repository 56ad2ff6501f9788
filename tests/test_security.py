"""Security: access matrix, CSRF, headers, cookies, error pages, size limit, compression, weight."""

from __future__ import annotations

import gzip
import io
import re

import pytest
from flask import request

ROLES = ["anonymous", "learner", "organizer", "admin"]
LOGIN = "/auth/login"


@pytest.fixture
def as_role(login_as):
    def become(role: str):
        if role != "anonymous":
            login_as(role)

    return become


def expect(anonymous: int, learner: int, organizer: int, admin: int) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, learner, organizer, admin), strict=True))


ADMIN_ONLY = expect(302, 403, 403, 200)
ORGANIZER = expect(302, 403, 200, 200)
EVERYONE = expect(200, 200, 200, 200)
VISITORS_ONLY = expect(200, 302, 302, 302)

MATRIX = [
    ("GET", "/admin/users", ADMIN_ONLY),
    ("GET", "/admin/users?q=x&group=0&role=admin", ADMIN_ONLY),
    ("GET", "/admin/groups", ADMIN_ONLY),
    ("GET", "/admin/roster", ADMIN_ONLY),
    ("GET", "/admin/", expect(302, 403, 403, 302)),
    ("POST", "/admin/groups", expect(302, 403, 403, 200)),  # empty name: the form again
    ("POST", "/admin/roster/download", expect(302, 403, 403, 400)),
    ("GET", "/auth/login", VISITORS_ONLY),
    ("GET", "/auth/register", VISITORS_ONLY),
    ("GET", "/auth/settings", EVERYONE),
    ("POST", "/auth/settings/font", expect(302, 302, 302, 302)),
    ("POST", "/auth/settings/profile", expect(302, 200, 200, 200)),  # empty name: the form again
    ("POST", "/auth/logout", expect(302, 302, 302, 302)),
    ("GET", "/", EVERYONE),
    ("GET", "/materials", EVERYONE),
    ("GET", "/me/scores", EVERYONE),  # a visitor sees the scores of this browser
    ("GET", "/notebook", EVERYONE),
    ("GET", "/manage/", ORGANIZER),
    ("GET", "/contests/paper/new", ORGANIZER),
    ("GET", "/live/rounds", ORGANIZER),
    ("GET", "/live/rounds/new", ORGANIZER),
]


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, as_role, role):
    """Route x role -> status, one login per role (the table above is the specification)."""
    as_role(role)
    wrong = []
    for method, path, expected in MATRIX:
        response = client.open(path, method=method)
        body = response.get_data(as_text=True)
        if response.status_code != expected[role]:
            wrong.append(f"{method} {path}: {response.status_code}, expected {expected[role]}")
        elif response.status_code == 302 and role == "anonymous" and expected["learner"] == 403:
            if not response.headers["Location"].startswith(LOGIN + "?next="):
                wrong.append(f"{method} {path}: redirects to {response.headers['Location']}")
        elif response.status_code == 403 and "没有权限" not in body:
            wrong.append(f"{method} {path}: 403 page is not the Chinese one")
        if path == "/auth/logout" and role != "anonymous":
            as_role(role)  # log in again for the rest of the table
    assert not wrong, "\n".join(wrong)


def _admin_urls(app) -> list[tuple[str, str]]:
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin"):
            continue
        values = {arg: ("up" if arg == "direction" else 1) for arg in rule.arguments}
        with app.test_request_context():
            from flask import url_for

            url = url_for(rule.endpoint, **values)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            urls.append((method, url))
    return urls


@pytest.mark.parametrize("role", ["anonymous", "learner", "organizer"])
def test_every_admin_route_is_guarded(app, client, as_role, role):
    """Whatever is added to /admin later: visitors are sent to log in, other roles get 403."""
    as_role(role)
    urls = _admin_urls(app)
    assert len(urls) >= 10
    for method, url in urls:
        response = client.open(url, method=method)
        wanted = 302 if role == "anonymous" else 403
        assert response.status_code == wanted, (method, url)
        if wanted == 302:
            assert response.headers["Location"].startswith(LOGIN)


def _guarded_urls(app) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every route whose view carries a role check, with dummy values for its arguments."""
    from flask import url_for

    urls = []
    for rule in app.url_map.iter_rules():
        roles = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if not roles:
            continue
        values = {
            arg: 1 if "Integer" in type(rule._converters[arg]).__name__ else "x"
            for arg in rule.arguments
        }
        with app.test_request_context():
            url = url_for(rule.endpoint, **values)
        urls += [(m, url, roles) for m in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return urls


ORGANIZER_AREAS = ("/manage",)  # live rounds have their own host check (a host link)
LEARNER_FACING = {"workbench.report_question"}  # a learner reports a faulty question


def test_organizer_areas_check_roles_on_every_route(app):
    unguarded = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(ORGANIZER_AREAS)
        and rule.endpoint not in LEARNER_FACING
        and not getattr(app.view_functions[rule.endpoint], "required_roles", None)
    ]
    assert not unguarded


@pytest.mark.parametrize("role", ["anonymous", "learner"])
def test_every_role_checked_route_turns_the_wrong_people_away(app, client, as_role, role):
    as_role(role)
    urls = _guarded_urls(app)
    assert len(urls) >= 10
    wrong = []
    for method, url, roles in urls:
        response = client.open(url, method=method)
        if role == "anonymous":
            ok = response.status_code == 302 and response.headers["Location"].startswith(LOGIN)
        else:
            ok = response.status_code == 403 or "learner" in roles
        if not ok:
            wrong.append(f"{method} {url}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- CSRF


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_post_without_csrf_token_is_rejected_in_chinese(client, make_user):
    make_user("zhang")
    for path, data in [
        ("/auth/login", {"username": "zhang", "password": "password123"}),
        ("/auth/register", {"username": "new1"}),
        ("/auth/logout", {}),
        ("/auth/settings/font", {"large_font": "y"}),
    ]:
        response = client.post(path, data=data)
        assert response.status_code == 400, path
        assert "页面已失效" in response.get_data(as_text=True)
    response = client.post(
        "/auth/login", data={"username": "zhang", "password": "password123", "csrf_token": "forged"}
    )
    assert response.status_code == 400
    with client.session_transaction() as sess:
        assert "_user_id" not in sess


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_stale_form_leads_back_to_its_page_instead_of_asking_to_refresh_the_error(client):
    """A form posted after its session went (the browser closed, a phone's old tab brought
    back) said 表单已失效（缺少或错误的安全令牌），请刷新页面后重新提交 with only 回到首页:
    refreshing that error page posts the stale form again. It now says what happened in plain
    words and offers the page the form was on; a page's script is told to refresh itself."""
    client.get("/test/new")
    response = client.post(
        "/test/new", data={"csrf_token": "stale"}, headers={"Referer": "http://localhost/test/new"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "这个页面已失效（可能打开太久，或浏览器关闭过）" in page and "安全令牌" not in page
    assert '<a class="btn btn-primary" href="/test/new">回到刚才的页面</a>' in page
    # without a Referer: the form's own page when it has one (GET on the same address)
    page = client.post("/test/new", data={}).get_data(as_text=True)
    assert 'href="/test/new">回到刚才的页面</a>' in page
    reply = client.post("/test/new", data={}, headers={"Accept": "application/json"})
    assert reply.status_code == 400 and "请刷新页面后重新提交" in reply.get_json()["message"]


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_post_with_the_page_token_works(client, make_user):
    make_user("zhang")
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    data = {"username": "zhang", "password": "password123", "csrf_token": token}
    assert client.post("/auth/login", data=data).status_code == 302
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]  # the logout button
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302


# ---------------------------------------------------------------- headers and cookies


def test_security_headers(client):
    response = client.get("/auth/login")
    headers = response.headers
    csp = dict(
        (part.split()[0], part.split()[1:])
        for part in headers["Content-Security-Policy"].split(";")
        if part.strip()
    )
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    static = client.get("/static/css/app.css")
    assert static.headers["X-Content-Type-Options"] == "nosniff"
    static.close()


def test_session_and_remember_cookies_are_httponly_and_lax(client, make_user):
    make_user("zhang")
    response = client.post(
        "/auth/login", data={"username": "zhang", "password": "password123", "remember": "y"}
    )
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    for name in ("session", "remember_token"):
        assert "HttpOnly" in cookies[name], name
        assert "SameSite=Lax" in cookies[name], name


# ---------------------------------------------------------------- error pages and limits


def test_404_page_is_chinese(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "页面不存在" in html and "回到首页" in html


@pytest.mark.parametrize("app_config", [{"TESTING": False}])
def test_500_page_is_chinese(app, client):
    def boom():
        raise RuntimeError("kaboom")

    app.add_url_rule("/boom-for-test", "boom_for_test", boom)
    response = client.get("/boom-for-test")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "服务器出错" in html and "kaboom" not in html


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 64 * 1024}])
def test_oversized_request_gets_413_in_chinese(app, client, login_as):
    login_as("admin")
    big = io.BytesIO(b"x" * (100 * 1024))
    response = client.post(
        "/admin/roster", data={"roster": (big, "r.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "上传的内容太大，不能超过 64 KB。" in response.get_data(as_text=True)


def back_links(html: str) -> list[str]:
    """The buttons of an error page, as (label, address) pairs."""
    return re.findall(r'<a class="btn[^"]*" href="([^"]*)">([^<]*)</a>', html)


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 64 * 1024}])
@pytest.mark.parametrize(
    ("referrer", "back"),
    [
        # the upload page the organizer came from, with its query (the material chosen)
        (
            "http://localhost/manage/materials/upload?material=3",
            "/manage/materials/upload?material=3",
        ),
        # another site, or an address that would leave this one: the form that was posted
        ("http://elsewhere.example/manage", "/manage/materials/upload"),
        ("http://localhost//elsewhere.example/x", "/manage/materials/upload"),
        (None, "/manage/materials/upload"),
    ],
)
def test_too_large_upload_page_leads_back_to_the_form(app, client, login_as, referrer, back):
    """The 413 page offers a way back to choose a smaller file, not only 回到首页."""
    login_as("organizer")
    headers = {"Referer": referrer} if referrer else {}
    big = io.BytesIO(b"x" * (100 * 1024))
    response = client.post("/manage/materials/upload", data={"file": (big, "big.txt")},
                           content_type="multipart/form-data", headers=headers)  # fmt: skip
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert back_links(html) == [(back, "返回重新选择文件"), ("/", "回到首页")]
    assert "请换一个小一些的文件再上传" in html


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 64 * 1024}])
def test_too_large_post_to_an_action_leads_an_organizer_to_the_upload_page(app, client, login_as):
    """A post that is no form page of its own (an action) has nothing to go back to: an
    organizer is offered the material upload page, anyone else the home page only."""

    def action():
        return str(len(request.form))

    app.add_url_rule("/big-action-for-test", "big_action_for_test", action, methods=["POST"])
    big = {"text": "x" * (100 * 1024)}
    login_as("learner")
    learner = client.post("/big-action-for-test", data=big)
    assert learner.status_code == 413
    assert back_links(learner.get_data(as_text=True)) == [("/", "回到首页")]
    client.post("/auth/logout")
    login_as("organizer")
    organizer = client.post("/big-action-for-test", data=big)
    assert back_links(organizer.get_data(as_text=True)) == [
        ("/manage/materials/upload", "返回重新选择文件"),
        ("/", "回到首页"),
    ]


def test_default_request_limit_fits_a_roster_file(app):
    assert 5 * 1024 * 1024 <= app.config["MAX_CONTENT_LENGTH"] <= 8 * 1024 * 1024


# ---------------------------------------------------------------- compression and page weight


def test_text_responses_are_gzipped(client):
    for path in ("/auth/register", "/static/css/app.css"):
        response = client.get(path, headers={"Accept-Encoding": "gzip, deflate"})
        assert response.headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(response.data)
        response.close()


def _page_weight(client, path: str) -> tuple[int, str]:
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200, path
    total = len(response.data)
    html = (
        gzip.decompress(response.data).decode()
        if response.headers.get("Content-Encoding")
        else response.get_data(as_text=True)
    )
    for asset in set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html)):
        part = client.get(asset, headers={"Accept-Encoding": "gzip"})
        total += len(part.data)
        part.close()
    return total, html


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


def test_account_and_admin_pages_are_light_and_script_clean(app, client, login_as):
    from quizapp.extensions import db
    from quizapp.models import Group, User

    with app.app_context():  # a realistic organisation: 20 groups, a full page of users
        groups = [Group(name=f"第{i}党支部", sort_order=i) for i in range(20)]
        db.session.add_all(groups)
        for i in range(60):
            name = f"成员{i}"
            db.session.add(
                User(username=f"m{i}", display_name=name, password_hash="x", group=groups[i % 20])
            )
        db.session.commit()
    pages = ["/auth/login", "/auth/register", "/auth/settings"]
    weights = {}
    for path in pages:
        weights[path], html = _page_weight(client, path)
        assert not INLINE_SCRIPT.search(html) and not INLINE_HANDLER.search(html), path
    login_as("admin")
    for path in [
        "/auth/settings",
        "/admin/users",
        "/admin/groups",
        "/admin/roster",
        "/admin/users/1",
    ]:
        weights[path], html = _page_weight(client, path)
        assert not INLINE_SCRIPT.search(html) and not INLINE_HANDLER.search(html), path
        assert " style=" not in html, path
    assert max(weights.values()) <= 100 * 1024, weights
