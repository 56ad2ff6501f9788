"""The organizer's workbench through HTTP: access, upload and decoding, review, import/export."""

from __future__ import annotations

import io
import re
import zipfile
from urllib.parse import quote, unquote

import pytest
from conftest import SHEET_XML, logged_in_client, xlsx_bytes, xlsx_with_sheet
from openpyxl import load_workbook
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.generation.doubts import DOUBT_NOTES, GENERIC_NOTE
from quizapp.models import AuditEntry, BankQuestion, Material, QuestionReport, UploadDraft
from quizapp.workbench import exporting

ROLES = ["anonymous", "learner", "organizer", "admin"]


@pytest.fixture
def app_config():
    return {"WORKBENCH_GENERATE_INLINE": True}


@pytest.fixture
def as_role(login_as):
    def become(role: str):
        return None if role == "anonymous" else login_as(role)

    return become


@pytest.fixture
def bank(make_bank):
    material_id, ids = make_bank(4)
    return material_id, ids


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


# ------------------------------------------------------------------ access matrix

ORGANIZER_GETS = [
    "/manage/",
    "/manage/materials/upload",
    "/manage/materials/{m}",
    "/manage/questions",
    "/manage/questions?material={m}&kind=single&status=active&q=意识",
    "/manage/questions/{q}/edit",
    "/manage/materials/{m}/questions/new",
    "/manage/import",
    "/manage/import/template.xlsx",
    "/manage/materials/{m}/export.xlsx",
    "/manage/materials/{m}/export.json",
    "/manage/materials/{m}/export.gift",
    "/manage/paper?material={m}",
    "/manage/paper?ids={q}",
    "/manage/stats",
    "/manage/stats.xlsx",
    "/manage/audit",
]
ORGANIZER_POSTS = [
    "/manage/materials/{m}/regenerate",
    "/manage/questions/{q}/disable",
    "/manage/questions/{q}/enable",
    "/manage/questions/{q}/confirm",
    "/manage/questions/{q}/delete",
    "/manage/import",
    "/manage/materials/upload",
    "/manage/reports/1/resolve",
    "/manage/reports/1/dismiss",
]
ADMIN_GETS = ["/manage/lexicon", "/manage/lexicon/edit", "/manage/lexicon/edit?name=四个意识"]


EXPECTED = {
    "organizer": {"anonymous": 302, "learner": 403, "organizer": 200, "admin": 200},
    "admin": {"anonymous": 302, "learner": 403, "organizer": 403, "admin": 200},
}


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix_route_by_role(client, as_role, bank, role):
    """Every workbench page × role: anonymous → login, learner → 403, organizer/admin → 200."""
    material_id, ids = bank
    as_role(role)
    got = {}
    for path in ORGANIZER_GETS + ADMIN_GETS:
        response = client.get(path.format(m=material_id, q=ids[0]))
        got[path] = response.status_code
        if response.status_code == 302:
            assert "/auth/login" in response.headers["Location"], path
    expected = {p: EXPECTED["organizer"][role] for p in ORGANIZER_GETS}
    expected.update({p: EXPECTED["admin"][role] for p in ADMIN_GETS})
    assert got == expected


@pytest.mark.parametrize("role", ["anonymous", "learner"])
def test_organizer_actions_are_refused_to_others(client, as_role, bank, role):
    material_id, ids = bank
    as_role(role)
    for path in ORGANIZER_POSTS:
        response = client.post(path.format(m=material_id, q=ids[0]))
        assert response.status_code == (302 if role == "anonymous" else 403), path
    assert count(client.application, BankQuestion, BankQuestion.status == "disabled") == 0
    assert count(client.application, BankQuestion) == 4


# ------------------------------------------------------------------ upload and decoding


def upload(client, data: bytes, filename: str):
    return client.post(
        "/manage/materials/upload",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def draft_text(app) -> str:
    with app.app_context():
        return db.session.scalars(select(UploadDraft)).one().text


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (40 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "expected_start"),
    [
        ("seed_gb18030.txt", None),
        ("gov2018_utf8_bom.txt", "政府工作报告"),
        ("rural2018_utf8_crlf.txt", None),
    ],
)
def test_shared_encodings_upload_to_a_clean_preview(
    client, login_as, shared_dir, seed_text, name, expected_start
):
    login_as("organizer")
    data = (shared_dir / "corpus" / "encodings" / name).read_bytes()
    response = upload(client, data, name)
    assert (
        response.status_code == 302 and "/manage/materials/draft/" in response.headers["Location"]
    )
    text = draft_text(client.application)
    assert "\r" not in text and "\ufeff" not in text
    if name == "seed_gb18030.txt":
        assert text == "\n".join(line.strip() for line in seed_text.splitlines() if line.strip())
    if expected_start:
        assert text.startswith(expected_start)
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert text.split("\n")[1][:20] in preview


def test_made_up_encodings_decode_to_the_same_text(client, login_as, seed_text, app):
    login_as("organizer")
    expected = "\n".join(line.strip() for line in seed_text.splitlines() if line.strip())
    for encoding in ("gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"):
        response = upload(client, seed_text.encode(encoding), "讲话.txt")
        assert response.status_code == 302, encoding
        with app.app_context():
            draft = db.session.scalars(select(UploadDraft).order_by(UploadDraft.id.desc())).first()
            assert draft.text == expected, encoding


def test_docx_paragraphs_and_tables_are_read(client, login_as):
    login_as("organizer")
    data = make_docx(
        ["关于开展主题教育的通知", "各党支部要增强“四个意识”、坚定“四个自信”。"],
        [["时间", "内容"], ["三月", "学习党章党规"]],
    )
    assert upload(client, data, "通知.docx").status_code == 302
    text = draft_text(client.application)
    assert "坚定“四个自信”" in text and "学习党章党规" in text


BAD_FILES = [
    (b"", "empty.txt", "文件是空的"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "photo.txt", "不是文本文件"),
    (
        "增強四個意識，堅定四個自信，做到兩個維護。".encode("big5") * 20,
        "big5.txt",
        "不是正常的中文",
    ),
    ("四つの意識を強化する。".encode("shift_jis") * 20, "sjis.txt", "不是正常的中文"),
    (None, "bomb.docx", "解压"),
    (b"PK\x03\x04 broken", "broken.docx", ".docx"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 600, "old.doc", ".doc"),
    ("中文".encode(), "notes.pdf", ".pdf"),
]


def test_bad_files_get_a_clear_message_and_nothing_is_stored(client, login_as, app):
    login_as("organizer")
    for data, filename, message in BAD_FILES:
        response = upload(client, zip_bomb() if data is None else data, filename)
        assert response.status_code == 400, filename
        assert message in response.get_data(as_text=True), filename
    assert count(app, UploadDraft) == 0
    assert count(app, Material) == 0


def multipart(field: str, filename: str, data: bytes) -> tuple[bytes, str]:
    """A multipart body built by hand (the test client would spool it to an unclosed tempfile)."""
    boundary = "----wb-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    return (
        head + data + f"\r\n--{boundary}--\r\n".encode(),
        f"multipart/form-data; boundary={boundary}",
    )


def test_oversized_upload_gets_413_in_chinese(client, login_as, app):
    login_as("organizer")
    limit = app.config["MAX_UPLOAD_BYTES"]
    body, content_type = multipart("file", "big.txt", "党".encode() * (limit // 3 + 10))
    response = client.post("/manage/materials/upload", data=body, content_type=content_type)
    assert response.status_code == 413
    assert "不能超过 5 MB" in response.get_data(as_text=True)
    assert count(app, UploadDraft) == 0
    # the form carries the same limit and message for the page's own check before sending
    for path in ("/manage/materials/upload", "/manage/import"):
        form = client.get(path).get_data(as_text=True)
        assert f'data-max-bytes="{limit}"' in form
        assert 'data-too-large="上传的内容太大，不能超过 5 MB。"' in form
        assert '最大 <span class="nowrap">5 MB</span>。' in form  # one piece on a phone


def test_preview_then_generate_builds_the_bank_and_a_duplicate_returns_it(
    client, login_as, seed_text, app
):
    login_as("organizer")
    response = upload(client, seed_text.encode("gb18030"), "讲话稿.txt")
    preview_url = response.headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    assert "保存并生成题库" in page and 'name="title"' in page
    response = client.post(preview_url, data={"title": "理论学习讲话", "source": "专题班"})
    assert response.status_code == 302
    generating = response.headers["Location"]
    assert generating.endswith("/generating")
    status = client.get(generating.replace("/generating", "/status")).get_json()
    assert status["state"] == "done" and status["questions"] > 20
    done = client.get(generating)
    with app.app_context():
        material = db.session.scalars(select(Material)).one()
        held = db.session.scalar(select(func.count()).where(BankQuestion.doubted))
    # a bank with questions the engine doubts lands on the material page, which counts them
    assert held and done.status_code == 302
    assert done.headers["Location"].endswith(f"/manage/materials/{material.id}")
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert f"其中 {held} 道是存疑题：审核后才会出给学员和竞赛。" in page
    assert f"{held} 道存疑题</a>" in page
    with app.app_context():
        material = db.session.scalars(select(Material)).one()
        assert material.title == "理论学习讲话" and material.source == "专题班"
        assert material.key_phrases and material.generated_at is not None
        actions = db.session.scalars(select(AuditEntry.action)).all()
        assert actions == ["material.add", "bank.generate"]
        material_id = material.id
    # the same text again (other encoding, other width of spaces) is the existing material
    again = upload(client, seed_text.encode("utf-16"), "再传一次.txt")
    assert again.status_code == 302 and again.headers["Location"].endswith(
        f"/manage/materials/{material_id}"
    )
    assert count(app, Material) == 1 and count(app, UploadDraft) == 0


def test_a_preview_sent_twice_leads_to_the_material_it_made(client, login_as, seed_text, app):
    """保存并生成题库 sent a second time (a double tap without the page's script, the back
    button): the first send made the material and took the draft, and the second said 这份上传
    已过期或已经生成，请重新上传 on the upload page. It now lands on the materials list, where
    the new material is first, and says so."""
    login_as("organizer")
    preview_url = upload(client, seed_text.encode(), "讲话稿.txt").headers["Location"]
    form = {"title": "理论学习讲话", "source": ""}
    assert client.post(preview_url, data=form).status_code == 302
    again = client.post(preview_url, data=form)
    assert again.status_code == 302 and again.headers["Location"].endswith("/manage/")
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "这份上传已经保存过，或者已经过期：保存过的材料在下面的列表里" in page
    assert "重新上传" in page and "理论学习讲话" in page
    assert count(app, Material) == 1


def test_a_text_that_gives_no_question_says_what_to_do(client, login_as):
    """The engine asks nothing of a text too short: the bank page said, in green,
    生成题库：0 道新题, and nothing about learners unable to test themselves on it."""
    login_as("organizer")
    draft = upload(client, "今天下午三点开会。".encode(), "通知.txt").headers["Location"]
    generating = client.post(draft, data={"title": "开会通知", "source": ""}).headers["Location"]
    page = client.get(generating, follow_redirects=True).get_data(as_text=True)
    assert "0 道新题" in page
    assert "flash-warning" in page and "目前没有可用的题目" in page and "手工加题" in page


def test_background_generation_reports_progress_until_done(app, client, login_as, seed_text):
    app.config["WORKBENCH_GENERATE_INLINE"] = False
    login_as("organizer")
    response = upload(client, seed_text.encode(), "讲话.txt")
    response = client.post(response.headers["Location"], data={"title": "讲话", "source": ""})
    generating = response.headers["Location"]
    import time

    states = []
    for _ in range(100):
        state = client.get(generating.replace("/generating", "/status")).get_json()["state"]
        states.append(state)
        if state == "done":
            break
        if len(states) == 1:
            page = client.get(generating)
            assert page.status_code in (200, 302)
            if page.status_code == 200:
                assert "正在生成题库" in page.get_data(as_text=True)
        time.sleep(0.1)
    assert states[-1] == "done"
    assert count(app, BankQuestion) > 20


# ------------------------------------------------------------------ reviewing the bank


def question_form(row: dict, **changes) -> dict:
    data = {
        "kind": row["kind"],
        "stem": row["stem"],
        "answer": row["answer_text"],
        "explanation": "",
        "tags": "",
        "status": "active",
        "accepted": "",
    }
    for letter, option in zip("ABCDEF", row.get("options", []), strict=False):
        data[f"option_{letter}"] = option
    data.update(changes)
    return data


def test_edit_every_field_is_saved_and_audited(client, login_as, bank, app):
    _, ids = bank
    user = login_as("organizer", display_name="李组织")
    single = {
        "kind": "single",
        "stem": "增强“四个意识”中，居于核心地位的是（　　）。",
        "options": ["政治意识", "大局意识", "核心意识", "看齐意识"],
        "answer_text": "C",
    }
    response = client.post(
        f"/manage/questions/{ids[0]}/edit",
        data=question_form(
            single,
            stem="“四个意识”中居于核心地位的是（　　）。",
            option_D="纪律意识",
            answer="c",
            explanation="核心意识是关键。",
            tags="四个意识，核心",
        ),
    )
    assert response.status_code == 302
    with app.app_context():
        row = db.session.get(BankQuestion, ids[0])
        assert row.stem == "“四个意识”中居于核心地位的是（　　）。"
        assert row.options[3] == "纪律意识" and row.answer == "核心意识"
        assert row.explanation == "核心意识是关键。" and row.tags == ["四个意识", "核心"]
        assert row.edited is True
        entry = db.session.scalars(select(AuditEntry)).one()
        assert (
            entry.user_id == user.id and entry.actor == "李组织" and entry.action == "question.edit"
        )
        assert set(entry.details) == {"stem", "options", "explanation", "tags"}
        assert entry.details["stem"][0].startswith("增强")
    audit = client.get("/manage/audit").get_data(as_text=True)
    assert "李组织" in audit and "修改了题目" in audit and "纪律意识" in audit


def test_cloze_accepted_variants_are_edited(client, login_as, bank, app):
    _, ids = bank
    login_as("organizer")
    cloze = {
        "kind": "cloze",
        "stem": "党的政治建设是党的（　　）建设，决定着党的建设方向和效果。",
        "answer_text": "根本性",
    }
    response = client.post(
        f"/manage/questions/{ids[3]}/edit", data=question_form(cloze, accepted="根本；根本的")
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(BankQuestion, ids[3]).accepted == [["根本性", "根本", "根本的"]]


def test_a_bad_edit_shows_the_reason_and_changes_nothing(client, login_as, bank, app):
    _, ids = bank
    login_as("organizer")
    single = {
        "kind": "single",
        "stem": "新题干（　　）",
        "options": ["甲", "乙"],
        "answer_text": "F",
    }
    response = client.post(f"/manage/questions/{ids[0]}/edit", data=question_form(single))
    assert response.status_code == 400
    assert "不是已有的选项" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(BankQuestion, ids[0]).stem.startswith("增强")
    assert count(app, AuditEntry) == 0


def test_several_letters_for_a_single_choice_key_say_only_one_is_allowed(
    client, login_as, bank, app
):
    """Typing CD as the key of a 单选 said 答案“cd”不是已有的选项（A～D）: but C and D are both
    there. The message now says a 单选 takes one letter."""
    _, ids = bank
    login_as("organizer")
    single = {
        "kind": "single",
        "stem": "新题干（　　）",
        "options": ["甲", "乙", "丙", "丁"],
        "answer_text": "cd",
    }
    response = client.post(f"/manage/questions/{ids[0]}/edit", data=question_form(single))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "单选题只填一个字母（如 C），“cd”填了 2 个字母" in page
    assert "不是已有的选项" not in page


def test_add_by_hand_disable_enable_and_delete(client, login_as, bank, app):
    material_id, ids = bank
    login_as("organizer")
    response = client.post(
        f"/manage/materials/{material_id}/questions/new",
        data={
            "kind": "judge",
            "stem": "“两学一做”是学党章党规、学系列讲话，做合格党员。",
            "answer": "对",
            "status": "active",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        row = db.session.scalars(
            select(BankQuestion).where(
                BankQuestion.origin == "manual",
                BankQuestion.kind == "judge",
                BankQuestion.stem.like("“两学%"),
            )
        ).one()
        new_id = row.id
    # the same question twice is refused
    again = client.post(
        f"/manage/materials/{material_id}/questions/new",
        data={
            "kind": "judge",
            "stem": "“两学一做”是学党章党规、学系列讲话，做合格党员。",
            "answer": "对",
            "status": "active",
        },
    )
    assert again.status_code == 400 and "相同" in again.get_data(as_text=True)

    assert client.post(f"/manage/questions/{ids[1]}/disable").status_code == 302
    with app.app_context():
        row = db.session.get(BankQuestion, ids[1])
        assert row.status == "disabled" and row.retired is False
    client.post(f"/manage/questions/{ids[1]}/enable")
    assert client.post(f"/manage/questions/{new_id}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(BankQuestion, new_id) is None
        actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["question.add", "question.status", "question.status", "question.delete"]


def test_an_answered_question_cannot_be_deleted(client, login_as, bank, app, make_user):
    from quizapp.models import Attempt, AttemptAnswer

    material_id, ids = bank
    learner = make_user()
    with app.app_context():
        attempt = Attempt(token="t1", user_id=learner.id, material_id=material_id, mode="practice")
        db.session.add(attempt)
        db.session.flush()
        db.session.add(
            AttemptAnswer(
                attempt_id=attempt.id, question_id=ids[0], response="核心意识", is_correct=True
            )
        )
        db.session.commit()
    login_as("organizer")
    response = client.post(f"/manage/questions/{ids[0]}/delete", follow_redirects=True)
    assert "请改为“停用”" in response.get_data(as_text=True)
    assert count(app, BankQuestion, BankQuestion.id == ids[0]) == 1


def test_review_list_filters_search_and_pages(client, login_as, make_bank, make_question, app):
    material_id, _ = make_bank(4)
    for n in range(25):
        make_question(
            material_id,
            sample=2,
            stem=f"判断题第{n}号：“三严三实”是正确的提法。",
            tags=["作风"] if n % 5 == 0 else [],
        )
    login_as("organizer")
    page = client.get(f"/manage/questions?material={material_id}").get_data(as_text=True)
    assert "共 29 道题" in page and "第 1/2 页" in page
    page = client.get(f"/manage/questions?material={material_id}&kind=multiple").get_data(
        as_text=True
    )
    assert "共 1 道题" in page and "四个自信" in page
    page = client.get(f"/manage/questions?material={material_id}&tag=作风").get_data(as_text=True)
    assert "共 5 道题" in page
    page = client.get(f"/manage/questions?material={material_id}&q=第7号").get_data(as_text=True)
    assert "共 1 道题" in page
    page = client.get(f"/manage/questions?material={material_id}&phrase=四个意识").get_data(
        as_text=True
    )
    assert "共 1 道题" in page and "居于核心地位" in page
    page = client.get(f"/manage/questions?material={material_id}&page=2").get_data(as_text=True)
    assert "第 2 / 2 页" in page


def test_review_list_shows_and_filters_what_the_engine_doubts(client, login_as, make_bank, app):
    material_id, ids = make_bank(4)
    first, second, in_review = ids[1], ids[2], ids[3]
    with app.app_context():
        for qid in (first, second, in_review):
            db.session.get(BankQuestion, qid).weak = True
        db.session.get(BankQuestion, in_review).status = "review"  # 待复核: not served either way
        # (``second`` stored before the reason was kept: the generic note)
        db.session.get(BankQuestion, first).doubt = "coined"
        db.session.commit()
    login_as("organizer")
    page = client.get(f"/manage/questions?material={material_id}").get_data(as_text=True)
    assert "共 4 道题" in page and page.count(">存疑</span>") == 2
    listing = f"/manage/questions?material={material_id}&status=doubtful"
    text = client.get(listing).get_data(as_text=True)
    assert "共 2 道题" in text and f"/manage/questions/{first}/edit" in text
    assert f"/manage/questions/{ids[0]}/edit" not in text
    assert f"/manage/questions/{in_review}/edit" not in text
    assert text.count("原文：") == 2  # its sentence, to judge it by without opening it
    # and why the engine doubts it, so the organizer knows what to check
    notes = re.findall(r'data-testid="doubt-note">存疑原因：([^<]+)<', text)
    assert notes == [DOUBT_NOTES["coined"], GENERIC_NOTE]
    assert "词库和其他学习材料里都没有" in notes[0]
    # 确认可用 brings the organizer back to where they were reading: the question after the one
    # confirmed (the one before, for the last)
    forms = dict(re.findall(r'<form id="wb-confirm-(\d+)"[^>]*action="([^"]+)"', text))
    assert forms[str(first)].endswith(f"%23q-{second}") and f'id="q-{second}"' in text
    assert forms[str(second)].endswith(f"%23q-{first}")
    # the material page says how many wait and why, beside how many are served; the edit page
    # explains and offers 确认可用
    page = client.get(f"/manage/materials/{material_id}").get_data(as_text=True)
    assert "2 道存疑题</a>不会出给学员和竞赛" in page
    counts = {
        label: n for n, label in re.findall(r'class="stat">(\d+)</span><span>([^<]+)</span>', page)
    }
    assert {k: counts[k] for k in ("可出题", "存疑", "待复核")} == {
        "可出题": "1",
        "存疑": "2",
        "待复核": "1",
    }
    served = client.get(f"/manage/questions?material={material_id}&status=servable")
    assert "共 1 道题" in served.get_data(as_text=True)
    page = client.get(f"/manage/questions/{first}/edit").get_data(as_text=True)
    assert "确认可用或修改保存之前" in page and f"/manage/questions/{first}/confirm" in page
    assert f"存疑原因：{DOUBT_NOTES['coined']}" in page
    assert "确认可用或修改保存之前" not in client.get(
        f"/manage/questions/{in_review}/edit").get_data(as_text=True)  # fmt: skip
    # 编辑 from the filtered list comes back to it (返回题库 and 确认可用 on the edit page); a
    # back path that is not the list's is not followed
    edit = re.search(rf'href="(/manage/questions/{first}/edit\?back=[^"]+)"', text).group(1)
    page = client.get(edit.replace("&amp;", "&")).get_data(as_text=True)
    back = f"{listing}#q-{first}".replace("&", "&amp;")
    assert f'href="{back}">返回题库</a>' in page
    action = re.search(rf'action="(/manage/questions/{first}/confirm\?next=[^"]+)"', page).group(1)
    assert unquote(action.split("next=", 1)[1]) == f"{listing}#q-{first}"  # 确认可用's way back
    for hostile in ("//evil.example/x", "/manage/questions\\evil", "https://evil.example"):
        page = client.get(f"/manage/questions/{first}/edit?back={quote(hostile)}")
        assert "evil" not in page.get_data(as_text=True)
    # confirmed from the filtered list, the organizer lands back on it, at the next question
    target = f"{listing}#q-{second}"
    response = client.post(f"/manage/questions/{first}/confirm?next={quote(target)}")
    assert response.status_code == 302 and response.headers["Location"] == target
    text = client.get(listing).get_data(as_text=True)
    assert "已确认这道题可用" in text and "共 1 道题" in text
    with app.app_context():
        row = db.session.get(BankQuestion, first)
        assert row.servable and row.confirmed
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "question.confirm"))
        assert entry is not None and entry.target_id == first
    # …or dropped there: 停用 from the list, back at the same place
    text = client.get(listing).get_data(as_text=True)
    drops = dict(re.findall(r'<form id="wb-drop-(\d+)"[^>]*action="([^"]+)"', text))
    assert set(drops) == {str(second)} and "%23q-" in drops[str(second)]
    response = client.post(f"/manage/questions/{second}/disable?next={quote(listing)}")
    assert response.status_code == 302 and response.headers["Location"] == listing
    assert "共 0 道题" in client.get(listing).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(BankQuestion, second).status == "disabled"
    # a 待复核 row is not confirmed: it would still not be served
    refused = client.post(f"/manage/questions/{in_review}/confirm", follow_redirects=True)
    assert "只有启用中的存疑题需要确认" in refused.get_data(as_text=True)
    page = client.get(f"/manage/materials/{material_id}").get_data(as_text=True)
    assert "道存疑题</a>" not in page  # one confirmed, one dropped: none waits


# ------------------------------------------------------------------ 纠错 reports


def test_anyone_can_report_a_question_and_it_lands_in_the_review_list(client, bank, app, login_as):
    material_id, ids = bank
    page = client.get(f"/manage/questions/{ids[0]}/report")
    assert page.status_code == 200 and "核心地位" in page.get_data(as_text=True)
    assert "核心意识 ✓" not in page.get_data(as_text=True)
    response = client.post(
        f"/manage/questions/{ids[0]}/report",
        data={"category": "answer", "reason": "答案应为政治意识", "next": "/materials"},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/materials"
    # a second report of the same question by the same reader is not stored twice
    again = client.post(
        f"/manage/questions/{ids[0]}/report", data={"category": "answer", "reason": "再说一次"}
    )
    assert again.status_code == 409
    assert count(app, QuestionReport) == 1

    login_as("organizer")
    listing = client.get("/manage/questions?status=reported").get_data(as_text=True)
    assert "共 1 道题" in listing and "纠错 1" in listing
    home = client.get("/manage/").get_data(as_text=True)
    assert "1</strong> 条学员纠错待处理" in home
    edit = client.get(f"/manage/questions/{ids[0]}/edit").get_data(as_text=True)
    assert "答案应为政治意识" in edit
    with app.app_context():
        report_id = db.session.scalars(select(QuestionReport.id)).one()
    client.post(f"/manage/reports/{report_id}/resolve")
    assert count(app, QuestionReport, QuestionReport.status == "resolved") == 1


def test_reports_are_rate_limited(client, make_bank, app):
    material_id, ids = make_bank(8)
    codes = [
        client.post(
            f"/manage/questions/{qid}/report", data={"category": "other", "reason": "有问题"}
        ).status_code
        for qid in ids[:7]
    ]
    assert codes[:5] == [302] * 5 and codes[5:] == [429, 429]
    assert count(app, QuestionReport) == 5


def test_report_needs_a_reason(client, bank):
    _, ids = bank
    response = client.post(
        f"/manage/questions/{ids[0]}/report", data={"category": "other", "reason": ""}
    )
    assert response.status_code == 400 and "请写一下哪里不对" in response.get_data(as_text=True)


# ------------------------------------------------------------------ import and export


def test_excel_import_keeps_good_rows_and_reports_bad_ones(client, login_as, app):
    login_as("organizer")
    data = xlsx_bytes(
        [
            ["某县党建题库"],
            ["题目", "题型", "A", "B", "C", "正确答案", "备注"],
            ["“四个意识”的核心是（ ）", "单选题", "政治意识", "核心意识", "看齐意识", "B", "x"],
            ["错的行", "单选题", "甲", "乙", "", "D", ""],
            ["“三严三实”包括严以修身。", "判断", "", "", "", "对", ""],
        ]
    )
    response = client.post(
        "/manage/import",
        data={"file": (io.BytesIO(data), "县题库.xlsx"), "material": "0"},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2</span> 道题已导入" in page and "备注" in page
    assert re.search(r"<td>4</td><td>[^<]*不是已有的选项", page)
    with app.app_context():
        material = db.session.scalars(select(Material)).one()
        assert material.title == "某县党建题库"
        origins = db.session.scalars(select(BankQuestion.origin)).all()
        assert origins == ["imported", "imported"]
        assert db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all() == [
            "material.add",
            "bank.import",
        ]


def test_import_of_an_unreadable_file_stores_nothing(client, login_as, app):
    login_as("organizer")
    response = client.post(
        "/manage/import",
        data={"file": (io.BytesIO(b"nonsense"), "x.xlsx"), "material": "0"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "不是有效的 .xlsx" in response.get_data(as_text=True)
    assert count(app, Material) == 0


def test_export_xlsx_reimports_into_another_material_without_duplicates(
    client, login_as, bank, app
):
    material_id, ids = bank
    login_as("organizer")
    client.post(f"/manage/questions/{ids[1]}/disable")
    response = client.get(f"/manage/materials/{material_id}/export.xlsx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exporting.TEMPLATE_HEADER and len(rows) == 4  # disabled one left out
    # importing it into the same material changes nothing: every row is already there
    again = client.post(
        "/manage/import",
        data={"file": (io.BytesIO(response.data), "bank.xlsx"), "material": str(material_id)},
        content_type="multipart/form-data",
    )
    assert "0</span> 道题已导入" in again.get_data(as_text=True)
    assert count(app, BankQuestion, BankQuestion.material_id == material_id) == 4


def test_export_json_and_gift(client, login_as, bank):
    material_id, _ = bank
    login_as("organizer")
    data = client.get(f"/manage/materials/{material_id}/export.json").get_json()
    assert [q["kind"] for q in data] == ["single", "multiple", "judge", "cloze"]
    assert set(data[0]) >= {"id", "kind", "stem", "options", "answer", "source", "explanation"}
    response = client.get(f"/manage/materials/{material_id}/export.gift")
    gift = response.get_data(as_text=True)
    assert gift.count("::单选") == 1 and "{TRUE" in gift
    # one charset: a doubled "; charset=utf-8; charset=utf-8" is a malformed header
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert client.get(f"/manage/materials/{material_id}/export.pdf").status_code == 404


def test_printing_with_nothing_ticked_goes_back_to_the_same_filtered_list(client, login_as, bank):
    material_id, _ = bank
    login_as("organizer")
    listed = f"/manage/questions?material={material_id}&kind=single"
    response = client.get("/manage/paper?title=", headers={"Referer": "http://localhost" + listed})
    assert response.status_code == 302 and response.headers["Location"] == listed
    assert "请先在题库列表里勾选题目" in client.get(listed).get_data(as_text=True)
    # a referrer elsewhere (another site, another page) falls back to the whole list
    for referrer in ("http://evil.example/manage/questions?x=1", "http://localhost/manage/"):
        response = client.get("/manage/paper", headers={"Referer": referrer})
        assert response.headers["Location"] == "/manage/questions"


def test_printable_paper_has_the_answer_key_on_a_separate_page(client, login_as, bank):
    material_id, ids = bank
    login_as("organizer")
    page = client.get(f"/manage/paper?ids={ids[1]}&ids={ids[0]}&title=支部测验").get_data(
        as_text=True
    )
    assert "支部测验" in page and "一、单项选择题" in page and "二、多项选择题" in page
    paper, key = page.split("wb-answer-key page-break", 1)
    assert "核心地位" in paper and "参考答案" in key
    assert re.search(r"<li>\s*C\s", key) and re.search(r"<li>\s*ABD\s", key)
    assert "ABD" not in paper
    cloze = client.get(f"/manage/paper?ids={ids[3]}").get_data(as_text=True)
    paper = cloze.split("wb-answer-key page-break", 1)[0]
    # 根本性: one box per character to write in, and no answer on the paper itself
    assert re.search(r'党的<span class="blank-cells"[^>]*>(<span></span>){3}</span>建设', paper)
    assert "根本性" not in paper


# ------------------------------------------------------------------ lexicon


def test_changing_a_formula_flags_its_questions_for_review(
    client, login_as, make_bank, make_question, app
):
    material_id, _ = make_bank(1)
    on_formula = make_question(
        material_id, sample=0, stem="四个意识哪个居核心？（　　）", formula="四个意识"
    ).id
    other = make_question(material_id, sample=1, formula="四个自信").id
    login_as("admin", display_name="王管理")
    form = client.get("/manage/lexicon/edit?name=四个意识").get_data(as_text=True)
    assert "政治意识" in form
    response = client.post(
        "/manage/lexicon/edit?name=四个意识",
        data={
            "name": "四个意识",
            "members": "政治意识\n大局意识\n核心意识\n看齐意识\n测试意识",
            "effective": "2020-01-01",
            "source": "测试来源",
            "category": "意识",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(BankQuestion, on_formula).status == "review"
        assert db.session.get(BankQuestion, other).status == "active"
        from quizapp.bank.lexicon import current_lexicon

        formula = current_lexicon().get("四个意识")
        assert formula.members[-1] == "测试意识" and formula.source == "测试来源"
        assert formula.effective == "2020-01-01"
        entry = db.session.scalars(select(AuditEntry)).one()
        assert entry.action == "lexicon.edit" and entry.actor == "王管理"
        assert entry.details["flagged"] == 1
    lexicon_page = client.get("/manage/lexicon").get_data(as_text=True)
    assert "测试意识" in lexicon_page and "已修改" in lexicon_page


def test_adding_a_formula_and_refusing_a_bad_one(client, login_as, app):
    login_as("admin")
    response = client.post(
        "/manage/lexicon/edit",
        data={
            "name": "三个务必（测试）",
            "members": "谦虚谨慎、艰苦奋斗、敢于斗争",
            "effective": "2022-10-16",
            "source": "二十大报告",
        },
    )
    assert response.status_code == 302
    bad = client.post(
        "/manage/lexicon/edit",
        data={"name": "一个", "members": "只有一项", "effective": "2022-10-16", "source": ""},
    )
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "至少要有两项" in page and "请填写核对所依据的来源" in page
    with app.app_context():
        from quizapp.bank.lexicon import current_lexicon

        assert current_lexicon().get("三个务必（测试）").members == (
            "谦虚谨慎",
            "艰苦奋斗",
            "敢于斗争",
        )
        assert current_lexicon().get("一个") is None


def test_a_report_goes_back_to_the_page_the_reader_came_from(client, bank):
    _, ids = bank
    form = client.get(
        f"/manage/questions/{ids[0]}/report", headers={"Referer": "http://localhost/exam/abc?x=1"}
    )
    assert 'value="/exam/abc?x=1"' in form.get_data(as_text=True)
    elsewhere = client.get(
        f"/manage/questions/{ids[0]}/report", headers={"Referer": "https://evil.example/x"}
    )
    assert 'name="next" type="hidden" value=""' in elsewhere.get_data(as_text=True)
    response = client.post(
        f"/manage/questions/{ids[0]}/report",
        data={"category": "stem", "reason": "有歧义", "next": "//evil.example/x"},
    )
    assert response.headers["Location"].startswith(f"/manage/questions/{ids[0]}/report")


def test_generating_page_shows_a_sign_of_life_and_a_stale_job_can_be_retried(client, login_as, app):
    from datetime import timedelta

    from quizapp.bank.services import new_material
    from quizapp.models import GenerationJob, utcnow

    with app.app_context():
        material = new_material("很长的一份材料。" * 4000, title="长材料")
        job = GenerationJob(material_id=material.id, state="running", started_at=utcnow())
        db.session.add(job)
        db.session.commit()
        material_id, job_id = material.id, job.id
    login_as("organizer")
    page = client.get(f"/manage/materials/{material_id}/generating").get_data(as_text=True)
    assert "正在生成题库" in page and "大约需要 8 秒" in page
    assert f'data-status-url="/manage/materials/{material_id}/status"' in page
    assert '<meta http-equiv="refresh" content="3">' in page  # without JavaScript too
    status = client.get(f"/manage/materials/{material_id}/status").get_json()
    assert status["state"] == "running"
    with app.app_context():
        db.session.get(GenerationJob, job_id).started_at = utcnow() - timedelta(hours=1)
        db.session.commit()
    assert client.get(f"/manage/materials/{material_id}/status").get_json()["state"] == "failed"
    page = client.get(f"/manage/materials/{material_id}/generating").get_data(as_text=True)
    assert "重新生成" in page and "正在生成题库…" not in page and "http-equiv" not in page


# ------------------------------------------------------------------ big banks, absurd input


def add_questions(app, material_title: str, questions: list[dict]) -> tuple[int, list[int]]:
    import uuid

    from conftest import SAMPLE_QUESTIONS

    with app.app_context():
        material = Material(
            title=material_title, text=uuid.uuid4().hex, content_hash=uuid.uuid4().hex
        )
        db.session.add(material)
        db.session.flush()
        rows = []
        for fields in questions:
            data = dict(SAMPLE_QUESTIONS[fields.pop("sample", 0)], accepted=[], origin="manual")
            data.update(fields)
            rows.append(BankQuestion(material_id=material.id, uid=uuid.uuid4().hex[:16], **data))
        db.session.add_all(rows)
        db.session.commit()
        return material.id, [r.id for r in rows]


def listed(client, query: str) -> tuple[int, list[int]]:
    """(total, ids on the page) of the review list for a query string."""
    page = client.get("/manage/questions?" + query)
    assert page.status_code == 200, query
    html = page.get_data(as_text=True)
    total = re.search(r"共 (\d+) 道题", html)
    return int(total.group(1)) if total else 0, [
        int(i) for i in re.findall(r'name="ids" value="(\d+)"', html)
    ]


def test_review_list_filters_in_sql_on_each_database(db_app, monkeypatch):
    """Search, key phrase and tag narrow the bank in SQL (JSON columns included, on SQLite and
    PostgreSQL); only the candidates are matched exactly, and only one page is loaded."""
    from sqlalchemy import event

    from quizapp.workbench import filtering

    filler = [{"sample": n % 4, "stem": f"第{n}题：“三严三实”是正确的提法。"} for n in range(45)]
    special = [
        {"sample": 2, "stem": "要坚持長期不懈地学习。", "tags": ["党史", "作风建设"]},
        {
            "sample": 0,
            "stem": "下列哪一项是人民民主的本质（　　）。",
            "options": ["全过程人民民主", "代议民主", "协商", "选举"],
            "answer": "全过程人民民主",
            "tags": ["100%"],
        },
        {"sample": 2, "stem": "坚定⽂化自信（康熙部首写法）。", "tags": ["党史"]},
        {"sample": 3, "stem": "第二个（　　）填空", "keys": ["两个维护"], "formula": "两个维护"},
    ]
    material_id, ids = add_questions(db_app, "大题库", filler + special)
    long_stem, option_q, kangxi_q, phrase_q = ids[-4:]
    client = logged_in_client(db_app, "wb_org", "organizer", "组织者")

    calls = []
    real_matches = filtering.matches
    monkeypatch.setattr(
        filtering, "matches", lambda row, **kw: calls.append(row.id) or real_matches(row, **kw)
    )
    loaded = []

    def on_load(target, context):  # noqa: ANN001, ANN202
        loaded.append(target.id)

    event.listen(BankQuestion, "load", on_load)
    try:
        assert listed(client, f"material={material_id}") == (49, ids[:20])
        assert len(loaded) == 20 and calls == []  # one page from SQL, no Python filtering
        loaded.clear()
        assert listed(client, "q=长期") == (1, [long_stem])  # simplified finds traditional
        assert listed(client, "q=全过程人民民主") == (1, [option_q])  # only in the JSON options
        assert calls == [long_stem, option_q] and loaded == [long_stem, option_q]
        assert listed(client, "q=坚定 文化自信") == (1, [kangxi_q])  # ⽂ (a Kangxi radical) is 文
        assert listed(client, "tag=党史") == (2, [long_stem, kangxi_q])
        assert listed(client, "tag=党") == (0, [])  # a tag is matched whole
        assert listed(client, "tag=100%")[1] == [option_q]
        assert listed(client, "tag=1_0%") == (0, [])  # LIKE wildcards are taken literally
        assert listed(client, "phrase=“两个维护”") == (1, [phrase_q])
        calls.clear()
        total, _ = listed(client, "phrase=四个意识&q=三严三实")
        assert total == 12 and len(calls) == 12  # sample 0 fillers: n % 4 == 0, n < 45
        total, page_ids = listed(client, "q=三严三实&page=99999999999999999999")
        # 45 fillers, and two specials whose explanation is about 三严三实; past the end: the
        # last page
        assert total == 47 and page_ids == [*ids[40:45], long_stem, kangxi_q]
    finally:
        event.remove(BankQuestion, "load", on_load)


HUGE = "99999999999999999999"


ABSURD_ADDRESSES = [
    (f"/manage/questions?page={HUGE}", 200, "第 2/2 页"),
    ("/manage/questions?page=-3&material=0", 200, "第 1/2 页"),
    (f"/manage/questions?material={HUGE}", 404, ""),
    (f"/manage/questions?material={HUGE}&q=意识&tag=x", 404, ""),
    (f"/manage/paper?material={HUGE}", 404, ""),
    (f"/manage/paper?ids={HUGE}&ids=²&ids={'9' * 5000}", 302, ""),  # nothing valid chosen
    (f"/manage/stats?material={HUGE}", 404, ""),
    (f"/manage/stats.xlsx?material={HUGE}", 404, ""),
    (f"/manage/audit?page={HUGE}", 200, "操作记录"),
    (f"/manage/audit?material={HUGE}", 404, ""),
    (f"/manage/audit?question={HUGE}", 404, ""),
    ("/manage/audit?material=-1", 404, ""),
]


def test_absurd_numbers_in_workbench_addresses_are_not_a_server_error(db_app):
    """Page numbers and ids beyond the database's integers (SQLite and PostgreSQL alike): the
    last page, or "not found"; never an overflow."""
    add_questions(db_app, "小题库", [{"sample": n % 4} for n in range(25)])
    client = logged_in_client(db_app, "wb_org", "organizer", "组织者")
    for url, status, text in ABSURD_ADDRESSES:
        response = client.get(url)
        assert response.status_code == status, url
        assert text in response.get_data(as_text=True), url


def test_paper_keeps_the_valid_ids_among_absurd_ones(client, login_as, bank):
    _, ids = bank
    login_as("organizer")
    response = client.get(f"/manage/paper?ids={HUGE}&ids={ids[0]}&ids=-4")
    assert response.status_code == 200 and "居于核心地位" in response.get_data(as_text=True)


def test_import_of_a_sheet_broken_inside_gets_a_message(client, login_as, app):
    """A bad cell reference only fails while the rows are read (read-only mode): 400 and a
    Chinese message, nothing stored."""
    broken = xlsx_with_sheet(
        SHEET_XML + b'<sheetData><row r="1"><c r="ZZZZZZ9"><v>1</v></c></row></sheetData>'
        b"</worksheet>"
    )
    login_as("organizer")
    response = client.post(
        "/manage/import",
        data={"file": (io.BytesIO(broken), "坏.xlsx"), "material": "0"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "无法读取这个 .xlsx 文件" in response.get_data(as_text=True)
    assert count(app, Material) == 0 and count(app, BankQuestion) == 0


# ------------------------------------------------------------------ a form sent twice at once


def at_once(app, client, url: str, data, times: int = 6) -> list[int]:
    """``times`` copies of one POST by ``client``'s browser, sent at the same moment (a form
    sent twice: a double click without the page's script, a browser sending it again); the
    status codes, or the error of a request that raised."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    cookie = client.get_cookie("session").value
    barrier = Barrier(times)

    def send(_: int) -> int | str:
        browser = app.test_client()
        browser.set_cookie("session", cookie)
        barrier.wait(timeout=10)
        try:
            return browser.post(url, data=data(), content_type="multipart/form-data").status_code
        except Exception as exc:  # noqa: BLE001 - reported in the result
            return repr(exc)

    with ThreadPoolExecutor(times) as pool:
        return list(pool.map(send, range(times)))


def test_workbench_forms_sent_at_once_change_the_bank_once(db_app):
    """Saving an upload, adding a question by hand, importing a sheet, deleting a question and
    a 纠错, each sent six times at the same moment: one material, one question, one import,
    one report, and the others told so (PostgreSQL answered 500 to the extra saves and
    deletes, and kept six copies of the added and the imported question)."""
    app = db_app
    client = logged_in_client(app, "wb_twice", "organizer", "组织者")
    text = "党的政治建设是党的根本性建设，决定党的建设方向和效果。\n必须坚定“四个自信”。"
    draft = client.post(
        "/manage/materials/upload",
        data={"file": (io.BytesIO(text.encode()), "通知.txt")},
        content_type="multipart/form-data",
    ).headers["Location"]
    codes = at_once(app, client, draft, lambda: {"title": "通知", "source": ""})
    assert set(codes) == {302}, codes
    assert count(app, Material) == 1 and count(app, UploadDraft) == 0
    with app.app_context():
        material_id = db.session.scalar(select(Material.id))

    stem = "并发加的判断题是对的。"
    codes = at_once(
        app, client, f"/manage/materials/{material_id}/questions/new",
        lambda: {"kind": "judge", "stem": stem, "answer": "对", "status": "active"},
    )  # fmt: skip
    assert set(codes) <= {302, 400} and codes.count(302) == 1, codes
    assert count(app, BankQuestion, BankQuestion.stem == stem) == 1

    sheet = xlsx_bytes([["题型", "题干", "答案"], ["判断", "导入的判断题是对的。", "对"]])
    codes = at_once(
        app, client, "/manage/import",
        lambda: {"material": str(material_id), "file": (io.BytesIO(sheet), "题库.xlsx")},
    )  # fmt: skip
    assert set(codes) == {200}, codes
    assert count(app, BankQuestion, BankQuestion.stem == "导入的判断题是对的。") == 1

    with app.app_context():
        qid = db.session.scalar(select(BankQuestion.id).where(BankQuestion.stem == stem))
    codes = at_once(
        app, client, f"/manage/questions/{qid}/report",
        lambda: {"category": "answer", "reason": "答案似乎不对"},
    )  # fmt: skip
    assert set(codes) <= {302, 409} and codes.count(302) == 1, codes
    assert count(app, QuestionReport) == 1

    codes = at_once(app, client, f"/manage/questions/{qid}/delete", lambda: {})
    assert set(codes) <= {302, 404} and codes.count(302) == 1, codes
    assert count(app, BankQuestion, BankQuestion.stem == stem) == 0


@pytest.mark.parametrize(
    "target", ["/\\evil.example/x", "/\\/evil.example/x", "/\t/evil.example", "https:evil.example"]
)
def test_a_report_never_sends_the_reader_off_site(client, bank, target):
    """`/\\evil.example` passed as a path on this site: browsers read a backslash as a slash,
    so the reader who filed a report from a crafted link (?next=…) went to another site."""
    _, ids = bank
    form = client.get(f"/manage/questions/{ids[0]}/report", query_string={"next": target})
    assert 'name="next" type="hidden" value=""' in form.get_data(as_text=True)
    response = client.post(
        f"/manage/questions/{ids[0]}/report",
        data={"category": "stem", "reason": "有歧义", "next": target},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/manage/questions/{ids[0]}/report")
