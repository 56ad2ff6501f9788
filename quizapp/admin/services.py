"""Admin services: users, roles, groups, password resets and the roster import.

Services add and flush; the view commits once. Problems a user should read are raised as
AdminError with a Chinese message.
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from werkzeug.security import generate_password_hash

from ..auth.forms import normalize_username, username_problem
from ..extensions import db
from ..models import ROLES, Group, User
from ..tables import TableError, read_table

PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied by hand
GENERATED_PASSWORD_LENGTH = 10
# A generated password is random (~49 bits), so a lighter hash is safe and keeps a roster of a
# thousand people within one request; a password the user chooses later gets the full default.
GENERATED_PASSWORD_METHOD = "pbkdf2:sha256:60000"
ROSTER_MAX_ROWS = 3000
NAME_MAX = 32
GROUP_NAME_MAX = 64

HEADER_ALIASES = {
    "name": ("姓名", "名字", "显示名"),
    "group": ("支部", "所属支部", "小组", "支部/小组", "所属支部/小组", "党支部", "学习小组"),
    "username": ("账号", "帐号", "用户名", "登录账号"),
}


class AdminError(Exception):
    """An admin action that cannot be done, with the reason in Chinese."""


def generate_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(GENERATED_PASSWORD_LENGTH))


# ---------------------------------------------------------------- users


def user_query(q: str = "", group_id: int = 0, role: str = ""):  # noqa: ANN201
    query = select(User).order_by(User.id)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(func.lower(User.username).like(like), func.lower(User.display_name).like(like))
        )
    if group_id > 0:
        query = query.where(User.group_id == group_id)
    if role in ROLES:
        query = query.where(User.role == role)
    return query


def _active_admins_besides(user: User) -> int:
    return db.session.scalar(
        select(func.count(User.id)).where(
            User.role == "admin", User.active.is_(True), User.id != user.id
        )
    )


def update_user(
    user: User, *, display_name: str, group_id: int | None, role: str, acting: User
) -> None:
    if role not in ROLES:
        raise AdminError("无效的角色。")
    if user.role == "admin" and role != "admin":
        if user.id == acting.id:
            raise AdminError("不能取消自己的管理员身份，请让另一位管理员操作。")
        if user.active and _active_admins_besides(user) == 0:
            raise AdminError("至少要保留一位管理员。")
    user.display_name = display_name
    user.group_id = group_id or None
    user.role = role
    db.session.flush()


def set_active(user: User, active: bool, *, acting: User) -> None:
    if not active:
        if user.id == acting.id:
            raise AdminError("不能停用自己的账号。")
        if user.role == "admin" and _active_admins_besides(user) == 0:
            raise AdminError("至少要保留一位可用的管理员。")
    user.active = active
    db.session.flush()


def reset_password(user: User) -> str:
    """Give the user a new random password and return it (shown once to the admin)."""
    password = generate_password()
    user.set_password(password)
    db.session.flush()
    return password


# ---------------------------------------------------------------- groups


def ordered_groups() -> list[Group]:
    return list(db.session.scalars(select(Group).order_by(Group.sort_order, Group.id)))


def member_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(User.group_id, func.count(User.id)).group_by(User.group_id)
    ).all()
    return {group_id: count for group_id, count in rows if group_id is not None}


def _next_sort_order() -> int:
    return (db.session.scalar(select(func.max(Group.sort_order))) or 0) + 1


def add_group(name: str) -> Group:
    group = Group(name=name.strip(), sort_order=_next_sort_order())
    db.session.add(group)
    db.session.flush()
    return group


def rename_group(group: Group, name: str) -> None:
    group.name = name.strip()
    db.session.flush()


def move_group(group: Group, direction: str) -> bool:
    """Swap a group with its neighbour above ("up") or below ("down"); False at either end."""
    groups = ordered_groups()
    for position, row in enumerate(groups):  # renumber: older rows may share a sort order
        row.sort_order = position + 1
    index = groups.index(group)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(groups):
        return False
    groups[index].sort_order, groups[other].sort_order = (
        groups[other].sort_order,
        groups[index].sort_order,
    )
    db.session.flush()
    return True


def delete_group(group: Group) -> None:
    count = db.session.scalar(select(func.count(User.id)).where(User.group_id == group.id))
    if count:
        raise AdminError(f"“{group.name}”还有 {count} 名成员，先把他们调到其他支部/小组再删除。")
    db.session.delete(group)
    db.session.flush()


# ---------------------------------------------------------------- roster import


@dataclass
class RosterRow:
    row: int  # the row number as the spreadsheet shows it
    name: str
    group: str
    username: str


@dataclass
class RosterProblem:
    row: int  # 0: the file as a whole
    reason: str


@dataclass
class RosterResult:
    rows: list[RosterRow] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)


@dataclass
class CreatedAccount:
    name: str
    group: str
    username: str
    password: str


def check_upload(filename: str, data: bytes) -> RosterResult:
    """Read and check an uploaded roster; an unreadable file is one problem of the whole file."""
    try:
        table = read_table(filename, data, max_rows=ROSTER_MAX_ROWS + 50)
    except TableError as exc:
        return RosterResult(problems=[RosterProblem(0, exc.message)])
    return check_roster(table)


def _find_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        title = title.replace(" ", "")
        for key, aliases in HEADER_ALIASES.items():
            if title in aliases and key not in columns:
                columns[key] = index
    return columns


def check_roster(table: list[list[str]]) -> RosterResult:
    """Validate every row; the import goes ahead only when there is no problem at all."""
    result = RosterResult()
    start = next((i for i, row in enumerate(table) if any(row)), None)
    if start is None:
        result.problems.append(RosterProblem(0, "文件是空的。"))
        return result
    columns = _find_columns(table[start])
    missing = [HEADER_ALIASES[k][0] for k in ("name", "group", "username") if k not in columns]
    if missing:
        result.problems.append(
            RosterProblem(
                start + 1, "表头缺少：" + "、".join(missing) + "（第一行应为 姓名、支部、账号）。"
            )
        )
        return result

    def cell(row: list[str], key: str) -> str:
        index = columns[key]
        return row[index] if index < len(row) else ""

    seen: dict[str, int] = {}
    for offset, values in enumerate(table[start + 1 :], start=start + 2):
        if not any(values):
            continue
        row = RosterRow(
            offset,
            cell(values, "name"),
            cell(values, "group"),
            normalize_username(cell(values, "username")),
        )
        reasons = []
        if not row.name:
            reasons.append("姓名为空")
        elif len(row.name) > NAME_MAX:
            reasons.append(f"姓名超过 {NAME_MAX} 个字")
        if len(row.group) > GROUP_NAME_MAX:
            reasons.append(f"支部名称超过 {GROUP_NAME_MAX} 个字")
        problem = username_problem(row.username)
        if problem:
            reasons.append(problem.rstrip("。").replace("请填写账号", "账号为空"))
        elif row.username in seen:
            reasons.append(f"账号“{row.username}”与第 {seen[row.username]} 行重复")
        else:
            seen[row.username] = row.row
        if reasons:
            result.problems.append(RosterProblem(row.row, "；".join(reasons) + "。"))
        result.rows.append(row)
    if not result.rows and not result.problems:
        result.problems.append(RosterProblem(0, "文件里只有表头，没有名单。"))
    if len(result.rows) > ROSTER_MAX_ROWS:
        result.problems.append(RosterProblem(0, f"一次最多导入 {ROSTER_MAX_ROWS} 人，请分批导入。"))
    if seen:
        existing = _existing_usernames(list(seen))
        for username in sorted(existing, key=seen.__getitem__):
            result.problems.append(RosterProblem(seen[username], f"账号“{username}”已经存在。"))
    result.problems.sort(key=lambda p: p.row)
    return result


def _existing_usernames(usernames: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(usernames), 500):
        chunk = usernames[start : start + 500]
        found.update(
            db.session.scalars(
                select(func.lower(User.username)).where(func.lower(User.username).in_(chunk))
            )
        )
    return found


def import_roster(rows: list[RosterRow]) -> tuple[list[CreatedAccount], list[str]]:
    """Create the accounts and missing groups; return the accounts with passwords, new groups."""
    groups = {g.name: g for g in ordered_groups()}
    folded = {name.lower(): g for name, g in groups.items()}
    new_groups: list[str] = []
    created: list[CreatedAccount] = []
    for row in rows:
        group = None
        if row.group:
            group = groups.get(row.group) or folded.get(row.group.lower())
            if group is None:
                group = add_group(row.group)
                groups[group.name] = folded[group.name.lower()] = group
                new_groups.append(group.name)
        password = generate_password()
        user = User(username=row.username, display_name=row.name, role="learner", group=group)
        user.password_hash = generate_password_hash(password, method=GENERATED_PASSWORD_METHOD)
        db.session.add(user)
        created.append(
            CreatedAccount(row.name, group.name if group else "", row.username, password)
        )
    db.session.flush()
    return created, new_groups


def accounts_csv(accounts: list[dict[str, str]]) -> bytes:
    """A CSV of new accounts that Excel opens with the Chinese intact (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["姓名", "支部", "账号", "初始密码"])
    for account in accounts:
        writer.writerow(
            [_csv_safe(account.get(k, "")) for k in ("name", "group", "username", "password")]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_safe(value: object) -> str:
    """Keep a spreadsheet from running a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
