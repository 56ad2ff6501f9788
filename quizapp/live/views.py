"""Web screens of the live round (现场赛): join pages, the player's phone, the host's 大屏, and the
organizer's pages (create, list, results, Excel export).

The phone and the 大屏 are static pages driven by static/js/live-player.js and live-host.js, which
poll the JSON API v1 (quizapp.api.views). The host's actions go through the organizer's session
here (JSON POSTs with the CSRF header), so the host token never has to reach a web page.
"""

from __future__ import annotations

import io
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy import func, select
from wtforms import SelectChoice

from ..bank.pick import GIVEAWAY_NOTE
from ..bank.services import materials_awaiting_review
from ..database import begin_write
from ..extensions import db, login_manager
from ..models import BankQuestion, Group, LiveAnswer, LiveContest, LivePlayer, Material
from ..security import organizer_required
from . import ratelimit
from . import services as live
from .export import contest_results, results_workbook
from .forms import CreateLiveForm, JoinCodeForm, PlayerJoinForm, ResumeForm
from .qr import qr_svg
from .services import LiveError
from .state import LiveStatus, key_public

bp = Blueprint("live", __name__, url_prefix=None)

STATUS_LABELS = {
    "lobby": "等待开始",
    "open": "答题中",
    "closed": "本题已结束",
    "finished": "已结束",
}
COOKIE_MAX_AGE = 2 * 24 * 3600


@bp.context_processor
def labels() -> dict[str, Any]:
    return {"STATUS_LABELS": STATUS_LABELS}


def cookie_name(code: str) -> str:
    return f"live_{code}"


def api_urls(code: str) -> dict[str, str]:
    base = f"/api/v1/contests/{code}"
    return {
        "state": base,
        "answers": f"{base}/answers",
        "me": f"{base}/me",
        "leaderboard": f"{base}/leaderboard",
    }


def load_contest(code: str) -> LiveContest:
    """The round with this code; a miss counts against the shared code-guess limit (429 over it)."""
    contest = live.find_contest(code)
    if contest is None:
        if request.method == "GET":
            begin_write()
        allowed = ratelimit.allow("guess", current_app.config["CODE_GUESS_RATE_PER_MINUTE"])
        db.session.commit()
        abort(404 if allowed else 429)
    return contest


def status_now(contest: LiveContest) -> LiveStatus:
    return live.status_of(contest, live.current_question(contest), live.now_ts())


# ---------------------------------------------------------------- joining (players)


@bp.route("/join", methods=["GET", "POST"])
def join():
    form = JoinCodeForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        contest = live.find_contest(form.code.data)
        if contest is not None:
            return redirect(url_for("live.enter", code=contest.code))
        allowed = ratelimit.allow("guess", current_app.config["CODE_GUESS_RATE_PER_MINUTE"])
        db.session.commit()
        form.code.errors.append(
            "没有这个竞赛码，请核对大屏上的竞赛码。"
            if allowed
            else "输错竞赛码的次数太多，请稍后再试。"
        )
    return render_template("live/join.html", form=form)


def group_names() -> list[str]:
    return list(db.session.scalars(select(Group.name).order_by(Group.sort_order, Group.name)))


def cookie_player(contest: LiveContest) -> tuple[str | None, LivePlayer | None]:
    """The token in this browser's cookie and its player (None when it no longer works)."""
    token = request.cookies.get(cookie_name(contest.code))
    if not token:
        return None, None
    try:
        return token, live.player_for_token(contest, token)
    except LiveError as exc:
        return (token, None) if exc.status == 403 else (None, None)


def plays_already(contest: LiveContest) -> bool:
    """A logged-in user with a place in this round gets it back (on any device) by joining."""
    if not current_user.is_authenticated:
        return False
    return (
        db.session.scalar(
            select(LivePlayer.id).where(
                LivePlayer.contest_id == contest.id,
                LivePlayer.user_id == current_user.id,
                LivePlayer.removed.is_(False),
            )
        )
        is not None
    )


@bp.route("/live/<code>", methods=["GET", "POST"])
def enter(code: str):
    contest = load_contest(code)
    if contest.code != code:
        return redirect(url_for("live.enter", code=contest.code))
    token, player = cookie_player(contest)
    if player is not None:
        return redirect(url_for("live.play", code=contest.code))
    form = PlayerJoinForm()
    form.set_groups(group_names())
    if request.method == "GET" and current_user.is_authenticated:
        form.name.data = form.name.data or current_user.display_name[:16]
        if current_user.group and form.uses_groups:
            form.team.data = current_user.group.name
    closed_message = None
    if contest.finished_at is not None:
        closed_message = "这场比赛已经结束。"
    elif contest.lobby_locked and not plays_already(contest):
        closed_message = "主持人已锁定入场，不能再加入本场比赛。"
    if closed_message is None and form.validate_on_submit():
        allowed = ratelimit.allow(f"join:{contest.id}", current_app.config["JOIN_RATE_PER_MINUTE"])
        db.session.commit()
        if not allowed:
            form.form_errors.append("加入的人太多，请稍等几秒再试。")
        else:
            try:
                player, token, _ = live.join(
                    contest,
                    name=form.name.data,
                    team=form.team_value(),
                    user_id=current_user.id if current_user.is_authenticated else None,
                )
            except LiveError as exc:
                db.session.rollback()
                (form.name.errors if exc.code in ("name_taken", "bad_request") else
                 form.form_errors).append(exc.message)  # fmt: skip
            else:
                db.session.commit()
                return with_player_cookie(redirect(url_for("live.play", code=contest.code)),
                                          contest.code, token)  # fmt: skip
    return render_template(
        "live/enter.html", contest=contest, form=form, closed_message=closed_message
    )


def with_player_cookie(response: Response, code: str, token: str) -> Response:
    response.set_cookie(
        cookie_name(code),
        token,
        max_age=COOKIE_MAX_AGE,
        path=f"/live/{code}",
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )
    return response


@bp.get("/live/<code>/play")
def play(code: str):
    contest = load_contest(code)
    token, _ = cookie_player(contest)
    response = Response(
        render_template(
            "live/play.html",
            contest=contest,
            token=token,
            urls=api_urls(contest.code),
        )  # fmt: skip
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/live/<code>/resume", methods=["GET", "POST"])
def resume(code: str):
    """A re-admitted player's new phone. The GET shows who they continue as; the POST (a tap)
    takes the player: the host's QR code is good once (its token is exchanged for this phone's
    own, ``live.claim_resume_token``, in a write transaction begun as such), then play."""
    contest = load_contest(code)
    form = ResumeForm(t=request.args.get("t", ""))
    try:
        if form.validate_on_submit():
            _, token = live.claim_resume_token(contest, form.t.data)
            db.session.commit()
            return with_player_cookie(redirect(url_for("live.play", code=contest.code)),
                                      contest.code, token)  # fmt: skip
        player = live.player_for_token(contest, form.t.data)
    except LiveError as exc:
        db.session.rollback()
        if cookie_player(contest)[1] is not None:  # this phone took the player already
            return redirect(url_for("live.play", code=contest.code))
        used = "这个换机二维码已经失效（每个只能用一次）。" if exc.status == 401 else exc.message
        flash(used + "请让主持人重新生成换机二维码。", "error")
        return redirect(url_for("live.enter", code=contest.code))
    response = Response(render_template("live/resume.html", contest=contest, player=player,
                                        form=form))  # fmt: skip
    response.headers["Cache-Control"] = "no-store"
    return response


def svg_response(data: str) -> Response:
    response = Response(qr_svg(data), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def join_url(contest: LiveContest) -> str:
    return url_for("live.enter", code=contest.code, _external=True)


@bp.get("/live/<code>/qr.svg")
def qr(code: str):
    return svg_response(join_url(load_contest(code)))


# ---------------------------------------------------------------- organizer pages


HOST_GRANTS = "live_host"


def host_only(view):  # noqa: ANN001, ANN201
    """Pages of one round for its host: a browser that opened the round's host link (with the
    host token), or its creator, any admin, or any organizer for a round without a creator."""

    @wraps(view)
    def wrapped(code: str, *args: Any, **kwargs: Any):  # noqa: ANN202
        contest = load_contest(code)
        if contest.id in session.get(HOST_GRANTS, []):
            return view(contest, *args, **kwargs)
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_organizer:
            abort(403)
        owner = contest.created_by_id
        if owner is not None and owner != current_user.id and not current_user.is_admin:
            abort(403)
        return view(contest, *args, **kwargs)

    return wrapped


@bp.get("/live/<code>/host")
def host_by_token(code: str):
    """The host link printed by `flask contest create`: the token admits this browser as host."""
    contest = load_contest(code)
    try:
        live.check_host(contest, request.args.get("token"))
    except LiveError:
        abort(403)
    grants = [cid for cid in session.get(HOST_GRANTS, []) if cid != contest.id][-19:]
    session[HOST_GRANTS] = [*grants, contest.id]
    return redirect(url_for("live.host", code=contest.code))


@bp.get("/live/rounds")
@organizer_required
def index():
    stmt = select(LiveContest).order_by(LiveContest.id.desc()).limit(200)
    if not current_user.is_admin:
        stmt = stmt.where(LiveContest.created_by_id == current_user.id)
    contests = list(db.session.scalars(stmt))
    counts = dict(
        db.session.execute(
            select(LivePlayer.contest_id, func.count())
            .where(
                LivePlayer.contest_id.in_([c.id for c in contests]), LivePlayer.removed.is_(False)
            )
            .group_by(LivePlayer.contest_id)
        ).all()
    )
    rows = [
        {"contest": c, "status": str(status_now(c)), "players": counts.get(c.id, 0)}
        for c in contests
    ]
    return render_template("live/index.html", rows=rows)


def material_choices() -> list[SelectChoice]:
    rows = db.session.execute(
        select(Material.id, Material.title, Material.contest_only, func.count(BankQuestion.id))
        .join(BankQuestion, BankQuestion.material_id == Material.id)
        .where(BankQuestion.servable)
        .group_by(Material.id, Material.title, Material.contest_only)
        .order_by(Material.id.desc())
    ).all()
    return [
        SelectChoice(mid, f"{title}（{n} 题{'，仅用于竞赛' if hidden else ''}）")
        for mid, title, hidden, n in rows
    ]


@bp.route("/live/rounds/new", methods=["GET", "POST"])
@organizer_required
def create():
    form = CreateLiveForm()
    form.material_id.choices = material_choices()
    if request.method == "GET" and request.args.get("material_id", "").isdigit():
        form.material_id.data = int(request.args["material_id"])
    if form.validate_on_submit():
        material = db.session.get(Material, form.material_id.data)
        if material is None:
            form.material_id.errors.append("材料不存在。")
        else:
            try:
                questions = live.pick_questions(material.id, form.count.data, form.kinds.data)
                if len(questions) < form.count.data:
                    # the pick never asks a question another one gives away (select: repeats):
                    # said here, on the organizer's form, not on the 大屏 the room watches, and
                    # the count set to what it holds, so that one more tap creates the round
                    n = len(questions)
                    form.count.data, form.count.raw_data = n, [str(n)]
                    raise LiveError(
                        409,
                        "short_pick",
                        f"题库里{GIVEAWAY_NOTE}，按这个设置只能出 {n} 道题。题目数量已改成 {n}，"
                        "再点创建即可；想多出题，可以多选几种题型，或先在题库审核中确认存疑题。",
                    )
                contest, _ = live.create_contest(
                    questions,
                    title=(form.title.data or "").strip() or f"{material.title[:90]} 现场赛",
                    seconds=form.seconds.data,
                    points=form.points.data,
                    streak=live.LIVE_STREAK_MAX if form.streak.data else 0,
                    material_id=material.id,
                    created_by_id=current_user.id,
                )
            except LiveError as exc:
                db.session.rollback()
                form.count.errors.append(exc.message)
            else:
                db.session.commit()
                return redirect(url_for("live.host", code=contest.code))
    return render_template("live/create.html", form=form, waiting=materials_awaiting_review())


@bp.get("/live/rounds/<code>/host")
@host_only
def host(contest: LiveContest):
    now = live.now_ts()
    players = db.session.scalar(
        select(func.count())
        .select_from(LivePlayer)
        .where(LivePlayer.contest_id == contest.id, LivePlayer.removed.is_(False))
    )
    url = join_url(contest)
    return render_template(
        "live/host.html",
        contest=contest,
        state=live.contest_state(contest, now),
        player_count=players,
        urls=api_urls(contest.code),
        join_url=url,
        join_host=urlsplit(url).netloc,
    )


@bp.get("/live/rounds/<code>/results")
@host_only
def results(contest: LiveContest):
    return render_template(
        "live/results.html",
        contest=contest,
        status=str(status_now(contest)),
        results=contest_results(contest),
    )


@bp.get("/live/rounds/<code>/export.xlsx")
@host_only
def export(contest: LiveContest):
    data = results_workbook(contest, contest_results(contest))
    return send_file(
        io.BytesIO(data),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        as_attachment=True,
        download_name=f"{contest.title[:40]}-{contest.code}-成绩.xlsx",
    )


# ---------------------------------------------------------------- host actions (JSON + CSRF)


@bp.errorhandler(LiveError)
def live_error(exc: LiveError):  # noqa: ANN201
    db.session.rollback()
    return jsonify(error=exc.code, message=exc.message), exc.status


def json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise LiveError(400, "bad_request", "请求体应为 JSON 对象。")
    return body


def player_id_from_body() -> int:
    player_id = json_body().get("player_id")
    if not isinstance(player_id, int) or isinstance(player_id, bool) or not 0 < player_id < 2**31:
        raise LiveError(400, "bad_request", "缺少选手编号。")
    return player_id


@bp.get("/live/rounds/<code>/overview.json")
@host_only
def host_overview(contest: LiveContest):
    """What the 大屏 needs besides the public state: players and the current question's answers.

    While a question is open, and in the grace after its deadline, only the number of answers is
    given; the distribution (which tells the key) comes once it has closed for good.
    """
    now = live.now_ts()
    question = live.current_question(contest)
    distribution = None
    if question is not None and question.opened_at is not None:
        status = live.status_of(contest, question, now)
        public = key_public(question.deadline, question.closed_at, live.to_dt(now))
        if status == LiveStatus.OPEN or not public:  # (the grace after the deadline: no key)
            answered = db.session.scalar(
                select(func.count())
                .select_from(LiveAnswer)
                .where(LiveAnswer.question_id == question.id)
            )
            distribution = {"question_id": question.uid, "answered": answered}
        else:
            distribution = live.question_stats(contest, question.uid, now)
    return jsonify(
        locked=contest.lobby_locked,
        players=live.players_list(contest, include_removed=True),
        distribution=distribution,
    )


@bp.post("/live/rounds/<code>/advance")
@host_only
def host_advance(contest: LiveContest):
    now = live.now_ts()
    live.advance(contest, now)
    db.session.commit()
    return jsonify(live.contest_state(db.session.get(LiveContest, contest.id), now))


@bp.post("/live/rounds/<code>/lock")
@host_only
def host_lock(contest: LiveContest):
    locked = json_body().get("locked", True)
    if not isinstance(locked, bool):
        raise LiveError(400, "bad_request", "locked 应为 true 或 false。")
    live.set_locked(contest, locked)
    db.session.commit()
    return jsonify(locked=locked)


@bp.post("/live/rounds/<code>/remove")
@host_only
def host_remove(contest: LiveContest):
    player = live.remove_player(contest, player_id_from_body())
    payload = {"player_id": player.id, "name": player.name, "removed": True}
    db.session.commit()
    return jsonify(payload)


@bp.post("/live/rounds/<code>/readmit")
@host_only
def host_readmit(contest: LiveContest):
    """A new token for a player who changed phones; the 大屏 shows it as a QR code to scan."""
    player, token = live.readmit_player(contest, player_id_from_body())
    payload = {"player_id": player.id, "name": player.name}
    db.session.commit()
    url = url_for("live.resume", code=contest.code, t=token, _external=True)
    payload.update(url=url, qr_url=url_for("live.resume_qr", code=contest.code, t=token))
    return jsonify(payload)


@bp.get("/live/rounds/<code>/resume-qr.svg")
@host_only
def resume_qr(contest: LiveContest):
    token = request.args.get("t", "")
    if not token or len(token) > 64:
        abort(404)
    response = svg_response(url_for("live.resume", code=contest.code, t=token, _external=True))
    response.headers["Cache-Control"] = "no-store"
    return response
