"""Accounts: register, log in, log out, settings, visitor data kept on registration."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, User


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


def get_user(app, username: str) -> User:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        db.session.expunge(user)
        return user


def register_data(group_id: int | str = "", **fields: str) -> dict[str, str]:
    data = {
        "username": "liming",
        "display_name": "李明",
        "password": "secret-pass-1",
        "password2": "secret-pass-1",
        "group_id": str(group_id),
    }
    data.update(fields)
    return data


# ---------------------------------------------------------------- register


def test_register_page_lists_groups_as_a_select(client, make_group):
    make_group("第一党支部")
    make_group("第二党支部")
    html = client.get("/auth/register").get_data(as_text=True)
    assert '<select id="group_id" name="group_id"' in html
    assert "第一党支部" in html and "第二党支部" in html
    assert "请选择所属支部/小组" in html


def test_register_creates_hashed_account_and_logs_in(app, client, make_group):
    group = make_group("第一党支部")
    response = client.post("/auth/register", data=register_data(group.id, username=" LiMing "))
    assert response.status_code == 302
    user = get_user(app, "liming")  # stored without spaces and in lower case
    assert user.display_name == "李明"
    assert user.group_id == group.id
    assert user.role == "learner"
    assert user.password_hash != "secret-pass-1" and user.check_password("secret-pass-1")
    page = client.get("/auth/settings").get_data(as_text=True)
    assert "liming" in page and "第一党支部" in page


def test_register_works_before_any_group_exists(app, client):
    page = client.get("/auth/register").get_data(as_text=True)
    assert "<select" not in page and "管理员还没有设置支部/小组" in page
    response = client.post("/auth/register", data=register_data(""))
    assert response.status_code == 302
    assert get_user(app, "liming").group_id is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": ""}, "请填写账号。"),
        ({"username": "a"}, "账号长度应为 2–32 个字符。"),
        ({"username": "x" * 33}, "账号长度应为 2–32 个字符。"),
        ({"username": "li ming"}, "账号只能包含字母、数字、汉字和 . _ - @。"),
        ({"username": "<script>"}, "账号只能包含字母、数字、汉字和 . _ - @。"),
        ({"username": "TAKEN"}, "这个账号已被注册"),
        ({"display_name": "  "}, "请填写姓名或显示名。"),
        ({"display_name": "长" * 33}, "显示名不能超过 32 个字。"),
        ({"password": "short", "password2": "short"}, "密码至少 8 位。"),
        ({"password": "", "password2": ""}, "请设置密码。"),
        ({"password2": "different-1"}, "两次输入的密码不一致。"),
        ({"group_id": ""}, "请从列表中选择所属支部/小组。"),
        ({"group_id": "0"}, "请从列表中选择所属支部/小组。"),
        ({"group_id": "999999"}, "请从列表中选择所属支部/小组。"),
        ({"group_id": "abc"}, "请从列表中选择所属支部/小组。"),
    ],
)
def test_register_bad_input_gives_chinese_form_errors(
    app, client, make_group, make_user, fields, message
):
    group = make_group()
    make_user("taken")
    before = count_users(app)
    response = client.post("/auth/register", data={**register_data(group.id), **fields})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert "Invalid" not in html and "This field" not in html
    assert count_users(app) == before


def test_register_keeps_what_the_visitor_did_in_this_browser(app, client):
    visitor = uuid.uuid4().hex
    with app.app_context():
        db.session.add(Attempt(token=uuid.uuid4().hex, visitor_id=visitor, mode="practice"))
        db.session.commit()
    with client.session_transaction() as sess:
        sess["visitor_id"] = visitor
    client.post("/auth/register", data=register_data(""))
    user = get_user(app, "liming")
    with app.app_context():
        attempt = db.session.scalar(select(Attempt))
        assert attempt.user_id == user.id and attempt.visitor_id is None
    with client.session_transaction() as sess:
        assert "visitor_id" not in sess


def test_registered_user_does_not_see_the_register_form(client, login_as):
    login_as()
    response = client.get("/auth/register")
    assert response.status_code == 302


# ---------------------------------------------------------------- login and logout


def test_login_and_logout(app, client, auth, make_user):
    user = make_user("wanghong", display_name="王红")
    response = auth.login("WangHong")  # account names ignore case
    assert response.status_code == 302
    assert "王红" in client.get("/").get_data(as_text=True)
    assert get_user(app, "wanghong").last_login_at is not None
    assert client.get("/auth/login").status_code == 302  # already logged in
    response = auth.logout()
    assert response.status_code == 302
    assert "王红" not in client.get("/").get_data(as_text=True)
    assert user.id


def test_logout_is_post_only(client, login_as):
    login_as()
    assert client.get("/auth/logout").status_code == 405


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("nobody", "password123", "账号或密码不正确。"),
        ("known", "wrong-password", "账号或密码不正确。"),
        ("", "password123", "请填写账号。"),
        ("known", "", "请填写密码。"),
    ],
)
def test_login_failures_are_explained(client, auth, make_user, username, password, message):
    make_user("known")
    response = auth.login(username, password)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with client.session_transaction() as sess:
        assert "_user_id" not in sess


def test_disabled_account_cannot_log_in_and_is_logged_out(app, client, auth, make_user):
    user = make_user("zhao")
    assert auth.login("zhao").status_code == 302
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert "修改密码" not in client.get("/auth/settings").get_data(as_text=True)  # a visitor again
    response = auth.login("zhao")
    assert "这个账号已被停用" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/materials", "/materials"),
        ("/auth/settings?x=1", "/auth/settings?x=1"),
        ("http://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("https:evil.example", "/"),
        ("materials", "/"),
    ],
)
def test_login_follows_only_safe_next_targets(client, make_user, target, expected):
    make_user("sun")
    response = client.post(
        "/auth/login",
        query_string={"next": target},
        data={"username": "sun", "password": "password123"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_login_keeps_what_the_visitor_did(app, client, auth, make_user):
    user = make_user("qian")
    visitor = uuid.uuid4().hex
    with app.app_context():
        db.session.add(Attempt(token=uuid.uuid4().hex, visitor_id=visitor, mode="exam"))
        db.session.commit()
    with client.session_transaction() as sess:
        sess["visitor_id"] = visitor
    auth.login("qian")
    with app.app_context():
        assert db.session.scalar(select(Attempt.user_id)) == user.id


@pytest.mark.parametrize("app_config", [{"LOGIN_MAX_FAILURES": 3}])
def test_repeated_wrong_passwords_are_throttled(client, auth, make_user):
    make_user("li")
    for _ in range(3):
        assert "账号或密码不正确" in auth.login("li", "wrong-guess").get_data(as_text=True)
    response = auth.login("li")  # even the right password waits now
    assert response.status_code == 429
    assert "登录失败次数过多" in response.get_data(as_text=True)
    # another account from the same browser is not blocked
    make_user("zhou")
    assert auth.login("zhou").status_code == 302


# ---------------------------------------------------------------- settings


def test_visitor_large_font_is_kept_in_the_session(client):
    assert 'href="/auth/settings">字号设置</a>' in client.get("/").get_data(as_text=True)
    page = client.get("/auth/settings").get_data(as_text=True)
    assert "大字号" in page and "修改密码" not in page
    assert 'class="large-font' not in client.get("/").get_data(as_text=True)
    response = client.post("/auth/settings/font", data={"large_font": "y"})
    assert response.status_code == 302
    assert 'class="large-font' in client.get("/").get_data(as_text=True)
    client.post("/auth/settings/font", data={})
    assert 'class="large-font' not in client.get("/").get_data(as_text=True)


def test_user_large_font_is_stored_on_the_account(app, client, auth, login_as):
    user = login_as()
    client.post("/auth/settings/font", data={"large_font": "y"})
    assert get_user(app, user.username).large_font is True
    auth.logout()
    with client.session_transaction() as sess:
        sess.pop("large_font", None)
    auth.login(user.username)  # a new browser session: the account remembers
    assert 'class="large-font' in client.get("/").get_data(as_text=True)


def test_change_display_name(app, client, login_as):
    user = login_as()
    response = client.post("/auth/settings/profile", data={"display_name": " 新名字 "})
    assert response.status_code == 302
    assert get_user(app, user.username).display_name == "新名字"
    response = client.post("/auth/settings/profile", data={"display_name": ""})
    assert "请填写姓名或显示名。" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"current": "wrong-password"}, "当前密码不正确。"),
        ({"password": "short", "password2": "short"}, "密码至少 8 位。"),
        ({"password2": "other-password"}, "两次输入的密码不一致。"),
    ],
)
def test_change_password_errors(app, client, login_as, fields, message):
    user = login_as()
    data = {"current": "password123", "password": "brand-new-pw", "password2": "brand-new-pw"}
    response = client.post("/auth/settings/password", data={**data, **fields})
    assert message in response.get_data(as_text=True)
    assert get_user(app, user.username).check_password("password123")


def test_change_password(app, client, auth, login_as):
    user = login_as()
    elsewhere = app.test_client()  # the same account logged in on another phone
    elsewhere.post("/auth/login", data={"username": user.username, "password": "password123"})
    assert "修改密码" in elsewhere.get("/auth/settings").get_data(as_text=True)
    data = {"current": "password123", "password": "brand-new-pw", "password2": "brand-new-pw"}
    assert client.post("/auth/settings/password", data=data).status_code == 302
    assert "修改密码" in client.get("/auth/settings").get_data(as_text=True)  # still logged in
    assert "修改密码" not in elsewhere.get("/auth/settings").get_data(as_text=True)  # logged out
    auth.logout()
    assert auth.login(user.username, "password123").status_code == 200
    assert auth.login(user.username, "brand-new-pw").status_code == 302


def test_settings_forms_need_an_account(client):
    response = client.post("/auth/settings/password", data={"current": "x"})
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_register_and_login_on_each_database(db_app):
    """The account flow also runs on PostgreSQL."""
    from quizapp.models import Group

    client = db_app.test_client()
    with db_app.app_context():
        db.session.add(Group(name="第三党支部"))
        db.session.commit()
        group_id = db.session.scalar(select(Group.id))
    assert client.post("/auth/register", data=register_data(group_id)).status_code == 302
    client.post("/auth/logout")
    response = client.post("/auth/register", data=register_data(group_id, username="LIMING"))
    assert "这个账号已被注册" in response.get_data(as_text=True)
    assert (
        client.post(
            "/auth/login", data={"username": "liming", "password": "secret-pass-1"}
        ).status_code
        == 302
    )


def test_register_race_for_the_same_account_is_a_form_error(app, client, make_user, monkeypatch):
    """Two people registering one account at the same moment: the second sees a message."""
    make_user("liming")
    monkeypatch.setattr("quizapp.auth.forms.username_taken", lambda *args, **kwargs: False)
    response = client.post("/auth/register", data=register_data(""))
    assert response.status_code == 200
    assert "这个账号已被注册" in response.get_data(as_text=True)
    assert count_users(app) == 1
