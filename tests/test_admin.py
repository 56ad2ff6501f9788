"""Administration: users, roles, disabling, password resets, groups and the roster import."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import logged_in_client, xlsx_bytes
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Group, User


@pytest.fixture
def admin(login_as):
    return login_as("admin", username="boss", display_name="管理员甲")


def users_named(app) -> dict[str, User]:
    with app.app_context():
        users = db.session.scalars(select(User)).all()
        for user in users:
            db.session.expunge(user)
        return {u.username: u for u in users}


def group_names(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Group.name).order_by(Group.sort_order, Group.id)))


# ---------------------------------------------------------------- users


def test_users_list_and_search(client, admin, make_user, make_group):
    group = make_group("机关党支部")
    make_user("zhangsan", display_name="张三", group_id=group.id)
    make_user("lisi", display_name="李四")
    make_user("org1", display_name="王五", role="organizer")
    page = client.get("/admin/users").get_data(as_text=True)
    assert "张三" in page and "李四" in page and "机关党支部" in page
    page = client.get("/admin/users", query_string={"q": "张"}).get_data(as_text=True)
    assert "张三" in page and "李四" not in page
    page = client.get("/admin/users", query_string={"q": "LISI"}).get_data(as_text=True)
    assert "李四" in page and "张三" not in page
    page = client.get("/admin/users", query_string={"group": group.id}).get_data(as_text=True)
    assert "张三" in page and "李四" not in page
    page = client.get("/admin/users", query_string={"role": "organizer"}).get_data(as_text=True)
    assert "王五" in page and "张三" not in page
    page = client.get("/admin/users", query_string={"q": "没有这个人"}).get_data(as_text=True)
    assert "没有符合条件的用户" in page


def test_users_list_pages(app, client, admin):
    with app.app_context():
        for i in range(55):
            db.session.add(User(username=f"member{i:02d}", display_name="成员", password_hash="x"))
        db.session.commit()
    first = client.get("/admin/users").get_data(as_text=True)
    assert "第 1 / 2 页" in first and "member48" in first and "member54" not in first
    second = client.get("/admin/users", query_string={"page": 2}).get_data(as_text=True)
    assert "member54" in second


def test_admin_changes_role_group_and_name(app, client, admin, make_user, make_group):
    user = make_user("zhangsan")
    group = make_group("第二党支部")
    data = {"display_name": "张三丰", "group_id": str(group.id), "role": "organizer"}
    response = client.post(f"/admin/users/{user.id}", data=data)
    assert response.status_code == 302
    changed = users_named(app)["zhangsan"]
    assert (changed.display_name, changed.group_id, changed.role) == (
        "张三丰",
        group.id,
        "organizer",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"role": "superuser"}, "请选择有效的角色。"),
        ({"display_name": ""}, "请填写姓名或显示名。"),
        ({"group_id": "424242"}, "请从列表中选择所属支部/小组。"),
    ],
)
def test_user_edit_rejects_bad_input(app, client, admin, make_user, fields, message):
    user = make_user("zhangsan", display_name="张三")
    data = {"display_name": "张三", "group_id": "0", "role": "learner", **fields}
    response = client.post(f"/admin/users/{user.id}", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert users_named(app)["zhangsan"].role == "learner"


def test_admin_cannot_demote_or_disable_themself(app, client, admin):
    data = {"display_name": "管理员甲", "group_id": "0", "role": "learner"}
    response = client.post(f"/admin/users/{admin.id}", data=data, follow_redirects=True)
    assert "不能取消自己的管理员身份" in response.get_data(as_text=True)
    response = client.post(f"/admin/users/{admin.id}/disable", follow_redirects=True)
    assert "不能停用自己的账号" in response.get_data(as_text=True)
    boss = users_named(app)["boss"]
    assert boss.role == "admin" and boss.active


def test_disable_and_enable_an_account(app, client, admin, make_user):
    user = make_user("lisi")
    client.post(f"/admin/users/{user.id}/disable")
    assert users_named(app)["lisi"].active is False
    other = app.test_client()
    response = other.post("/auth/login", data={"username": "lisi", "password": "password123"})
    assert "这个账号已被停用" in response.get_data(as_text=True)
    client.post(f"/admin/users/{user.id}/enable")
    response = other.post("/auth/login", data={"username": "lisi", "password": "password123"})
    assert response.status_code == 302


def test_reset_password_shows_a_new_one_once(app, client, admin, make_user):
    user = make_user("lisi")
    stolen = app.test_client()  # a session opened with the old password
    stolen.post("/auth/login", data={"username": "lisi", "password": "password123"})
    assert "修改密码" in stolen.get("/auth/settings").get_data(as_text=True)
    response = client.post(f"/admin/users/{user.id}/reset-password")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    password = re.search(r'data-testid="new-password">([^<]+)<', response.get_data(as_text=True))[1]
    assert len(password) == 10
    other = app.test_client()
    assert (
        other.post("/auth/login", data={"username": "lisi", "password": "password123"}).status_code
        == 200
    )
    assert (
        other.post("/auth/login", data={"username": "lisi", "password": password}).status_code
        == 302
    )
    assert password not in client.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "修改密码" not in stolen.get("/auth/settings").get_data(as_text=True)  # logged out


def test_missing_user_is_404(client, admin):
    assert client.get("/admin/users/999999").status_code == 404
    assert client.post("/admin/users/999999/reset-password").status_code == 404


# ---------------------------------------------------------------- groups


def test_groups_add_rename_reorder_delete(app, client, admin, make_user):
    for name in ("一支部", "二支部", "三支部"):
        assert client.post("/admin/groups", data={"name": name}).status_code == 302
    assert group_names(app) == ["一支部", "二支部", "三支部"]
    response = client.post("/admin/groups", data={"name": " 二支部 "})
    assert "已有名为“二支部”的支部/小组" in response.get_data(as_text=True)
    response = client.post("/admin/groups", data={"name": ""})
    assert "请填写支部/小组名称。" in response.get_data(as_text=True)
    assert len(group_names(app)) == 3

    with app.app_context():
        ids = {g.name: g.id for g in db.session.scalars(select(Group))}
    client.post(f"/admin/groups/{ids['三支部']}/move/up")
    assert group_names(app) == ["一支部", "三支部", "二支部"]
    client.post(f"/admin/groups/{ids['一支部']}/move/down")
    assert group_names(app) == ["三支部", "一支部", "二支部"]
    client.post(f"/admin/groups/{ids['三支部']}/move/up")  # already first: nothing moves
    assert group_names(app) == ["三支部", "一支部", "二支部"]
    assert client.post(f"/admin/groups/{ids['三支部']}/move/sideways").status_code == 404

    client.post(f"/admin/groups/{ids['二支部']}/rename", data={"name": "第二党支部"})
    assert "第二党支部" in group_names(app)
    response = client.post(
        f"/admin/groups/{ids['一支部']}/rename", data={"name": "第二党支部"}, follow_redirects=True
    )
    assert "改名失败" in response.get_data(as_text=True)

    make_user("member", group_id=ids["一支部"])
    response = client.post(f"/admin/groups/{ids['一支部']}/delete", follow_redirects=True)
    assert "还有 1 名成员" in response.get_data(as_text=True)
    client.post(f"/admin/groups/{ids['三支部']}/delete")
    assert group_names(app) == ["一支部", "第二党支部"]
    # the register page offers the groups in the admin's order
    anon = app.test_client()
    html = anon.get("/auth/register").get_data(as_text=True)
    assert html.index("一支部") < html.index("第二党支部")


# ---------------------------------------------------------------- roster


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def upload(client, data: bytes, filename: str):
    return client.post(
        "/admin/roster",
        data={"roster": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


GOOD_ROWS = [
    ["姓名", "支部", "账号"],
    ["张三", "第一党支部", "zhangsan"],
    ["李四", "第二党支部", "LiSi"],
    [],
    ["王五", "", "wangwu"],
]


def created_passwords(html: str) -> dict[str, str]:
    pattern = r'data-label="账号">([^<]+)</td><td data-label="初始密码" class="mono">([^<]+)</td>'
    return dict(re.findall(pattern, html))


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("名单.csv", csv_bytes(GOOD_ROWS)),
        ("名单.csv", b"\xef\xbb\xbf" + csv_bytes(GOOD_ROWS)),
        ("roster.CSV", csv_bytes(GOOD_ROWS, "gbk")),
        ("名单.xlsx", xlsx_bytes(GOOD_ROWS)),
    ],
    ids=["utf8", "utf8-bom", "gbk", "xlsx"],
)
def test_roster_creates_accounts_and_missing_groups(app, client, admin, make_group, filename, data):
    make_group("第一党支部")
    response = upload(client, data, filename)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "已创建 3 个账号" in html
    assert "新建了支部/小组：第二党支部" in html
    passwords = created_passwords(html)
    assert set(passwords) == {"zhangsan", "lisi", "wangwu"}
    users = users_named(app)
    assert users["zhangsan"].display_name == "张三"
    assert users["wangwu"].group_id is None
    assert group_names(app) == ["第一党支部", "第二党支部"]
    other = app.test_client()
    response = other.post("/auth/login", data={"username": "lisi", "password": passwords["lisi"]})
    assert response.status_code == 302


def test_roster_accepts_numbers_and_reordered_columns(app, client, admin):
    rows = [["账号", "姓名", "所属支部"], [10086, "赵六", "离退休党支部"]]
    html = upload(client, xlsx_bytes(rows), "r.xlsx").get_data(as_text=True)
    assert "已创建 1 个账号" in html
    assert users_named(app)["10086"].display_name == "赵六"


def test_roster_bad_rows_are_reported_and_nothing_is_written(app, client, admin, make_user):
    make_user("existing")
    rows = [
        ["姓名", "支部", "账号"],
        ["张三", "新支部", "zhangsan"],  # fine, but must not be created
        ["", "新支部", "noname"],  # row 3
        ["李四", "新支部", "zhangsan"],  # row 4: duplicate in file
        ["王五", "新支部", "existing"],  # row 5: already an account
        ["赵六", "新支部", "bad name"],  # row 6
        ["孙七", "新支部", ""],  # row 7
        ["周" * 40, "支" * 70, "zhou"],  # row 8: two problems
    ]
    before = set(users_named(app))
    response = upload(client, csv_bytes(rows), "bad.csv")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "没有创建任何账号" in html
    expected = [
        "第 3 行：姓名为空。",
        "第 4 行：账号“zhangsan”与第 2 行重复。",
        "第 5 行：账号“existing”已经存在。",
        "第 6 行：账号只能包含字母、数字、汉字和 . _ - @。",
        "第 7 行：账号为空。",
        "第 8 行：姓名超过 32 个字；支部名称超过 64 个字。",
    ]
    for line in expected:
        assert line in html
    assert "第 2 行" not in html.replace("与第 2 行", "")
    assert set(users_named(app)) == before
    assert group_names(app) == []


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        (
            "r.csv",
            csv_bytes([["人员", "部门", "工号"], ["张三", "一", "z"]]),
            "表头缺少：姓名、支部、账号",
        ),
        ("r.csv", csv_bytes([["姓名", "账号"], ["张三", "zs"]]), "表头缺少：支部"),
        ("r.csv", b"", "文件是空的。"),
        ("r.csv", csv_bytes([["姓名", "支部", "账号"]]), "文件里只有表头，没有名单。"),
        ("r.xlsx", b"not a zip file", "无法读取这个 Excel 文件"),
        ("r.txt", b"a,b,c", "只支持 .xlsx（Excel）或 .csv 文件。"),
        ("r.xls", b"\xd0\xcf\x11\xe0", "只支持 .xlsx（Excel）或 .csv 文件。"),
    ],
)
def test_roster_bad_files_are_explained(app, client, admin, filename, data, message):
    response = upload(client, data, filename)
    assert response.status_code in (200, 422)
    assert message in response.get_data(as_text=True)
    assert set(users_named(app)) == {"boss"}


def test_roster_without_a_file(client, admin):
    response = client.post("/admin/roster", data={}, content_type="multipart/form-data")
    assert "请选择名单文件。" in response.get_data(as_text=True)


def test_roster_passwords_download_as_csv(client, admin):
    html = upload(client, csv_bytes(GOOD_ROWS), "r.csv").get_data(as_text=True)
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', html)[1]
    import html as html_lib

    response = client.post("/admin/roster/download", data={"payload": html_lib.unescape(payload)})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["姓名", "支部", "账号", "初始密码"]
    passwords = created_passwords(html)
    assert {r[2]: r[3] for r in rows[1:]} == passwords


def test_roster_download_escapes_formulas_and_rejects_garbage(client, admin):
    payload = json.dumps([{"name": "=HYPERLINK(1)", "group": "", "username": "x", "password": "p"}])
    body = client.post("/admin/roster/download", data={"payload": payload}).data.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
    assert client.post("/admin/roster/download", data={"payload": "{not json"}).status_code == 400
    assert client.post("/admin/roster/download", data={"payload": '"text"'}).status_code == 400


def test_roster_import_on_each_database(db_app):
    """Bulk creation, missing groups and the all-or-nothing rule hold on PostgreSQL too."""
    client = logged_in_client(db_app, "boss", "admin", "管理员")
    bad = GOOD_ROWS + [["重复", "第一党支部", "zhangsan"]]
    assert upload(client, csv_bytes(bad), "r.csv").status_code == 422
    html = upload(client, xlsx_bytes(GOOD_ROWS), "r.xlsx").get_data(as_text=True)
    assert "已创建 3 个账号" in html
    with db_app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 4
        assert db.session.scalar(select(func.count(Group.id))) == 2


def test_group_added_twice_at_once_is_a_form_error(app, client, admin, make_group, monkeypatch):
    make_group("一支部")
    monkeypatch.setattr("quizapp.admin.forms.GroupForm.validate_name", lambda self, field: None)
    response = client.post("/admin/groups", data={"name": "一支部"})
    assert response.status_code == 200
    assert "已有名为“一支部”的支部/小组" in response.get_data(as_text=True)
    assert group_names(app) == ["一支部"]


def broken_sheet_xlsx() -> bytes:
    """A real .xlsx whose sheet XML is cut off: the zip opens, the parser fails later."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(GOOD_ROWS)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return out.getvalue()


def test_roster_with_a_broken_excel_file_gets_a_message(app, client, admin):
    response = upload(client, broken_sheet_xlsx(), "r.xlsx")
    assert response.status_code == 422
    assert "无法读取这个 Excel 文件" in response.get_data(as_text=True)
    assert set(users_named(app)) == {"boss"}


def test_users_list_survives_absurd_numbers(db_app):
    """Hand-edited addresses: a page or group number beyond any integer is not a 500."""
    client = logged_in_client(db_app, "boss", "admin", "管理员")
    huge = "99999999999999999999"
    for query in (f"page={huge}", f"group={huge}", "group=-5&page=-1", f"page=abc&role={huge}"):
        response = client.get("/admin/users?" + query)
        assert response.status_code == 200, query
    page = client.get("/admin/users?group=-5&page=-1").get_data(as_text=True)
    assert "boss" in page
