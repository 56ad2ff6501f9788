"""The `material` and `bank` commands, as scripts and outside checks call them."""

from __future__ import annotations

import json

from conftest import xlsx_bytes
from openpyxl import load_workbook
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import AuditEntry, BankQuestion, Material
from quizapp.workbench import exporting


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_material_add_prints_the_material_and_its_questions(runner, app, shared_dir, tmp_path):
    path = shared_dir / "corpus" / "encodings" / "seed_gb18030.txt"
    result = runner.invoke(args=["material", "add", str(path), "--title", "讲话（GB18030）"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"material_id", "questions"} and payload["questions"] > 20
    with app.app_context():
        material = db.session.get(Material, payload["material_id"])
        assert material.title == "讲话（GB18030）" and "四个意识" in material.text
        assert db.session.scalars(select(AuditEntry.actor)).all() == ["命令行"]
    # the same text again (here as UTF-8) returns the same material
    utf8 = tmp_path / "again.txt"
    utf8.write_text(path.read_bytes().decode("gb18030"), encoding="utf-8")
    again = json.loads(runner.invoke(args=["material", "add", str(utf8)]).stdout)
    assert again == payload
    assert count(app, Material) == 1


def test_material_add_refuses_a_bad_file_with_one_line_and_stores_nothing(runner, app, tmp_path):
    for name, data in (
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02\xff" * 200),
        ("big5.txt", "增強四個意識，堅定四個自信。".encode("big5") * 30),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        result = runner.invoke(args=["material", "add", str(path)])
        assert result.exit_code != 0, name
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误："), result.stderr
    missing = runner.invoke(args=["material", "add", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "找不到文件" in missing.stderr
    assert count(app, Material) == 0 and count(app, BankQuestion) == 0


def test_bank_export_in_each_format(runner, make_bank, tmp_path):
    material_id, _ = make_bank(4)
    xlsx = tmp_path / "bank.xlsx"
    result = runner.invoke(
        args=["bank", "export", str(material_id), "--format", "xlsx", "-o", str(xlsx)]
    )
    assert result.exit_code == 0, result.output
    sheet = load_workbook(xlsx).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exporting.TEMPLATE_HEADER and len(rows) == 5
    assert rows[2][0] == "多选" and rows[2][exporting.TEMPLATE_HEADER.index("答案")] == "ABD"

    out = tmp_path / "bank.json"
    runner.invoke(args=["bank", "export", str(material_id), "--format", "json", "-o", str(out)])
    assert [q["kind"] for q in json.loads(out.read_text("utf-8"))] == [
        "single",
        "multiple",
        "judge",
        "cloze",
    ]

    gift = tmp_path / "bank.gift"
    runner.invoke(args=["bank", "export", str(material_id), "--format", "gift", "-o", str(gift)])
    assert gift.read_text("utf-8").count("::") == 8

    bad = runner.invoke(args=["bank", "export", "999", "--format", "json", "-o", str(out)])
    assert bad.exit_code != 0 and "999" in bad.stderr


def test_bank_import_round_trip_and_rejected_rows(runner, app, make_bank, tmp_path):
    material_id, _ = make_bank(4)
    out = tmp_path / "bank.xlsx"
    runner.invoke(args=["bank", "export", str(material_id), "--format", "xlsx", "-o", str(out)])
    # add two bad rows to the exported sheet, then a trailing empty row
    workbook = load_workbook(out)
    sheet = workbook.worksheets[0]
    sheet.append(["单选", "没有答案的题", "甲", "乙"])
    sheet.append(["论述", "不认识的题型", "", "", "", "", "", "", "x"])
    sheet.append([None])
    workbook.save(out)
    result = runner.invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["imported"] == 4
    assert [r["row"] for r in payload["rejected"]] == [6, 7]
    assert (
        "答案为空" in payload["rejected"][0]["reason"]
        and "论述" in payload["rejected"][1]["reason"]
    )
    new_id = payload["material_id"]
    assert new_id != material_id

    def bank(mid):
        with app.app_context():
            return sorted(
                (q.kind, q.stem, tuple(q.options), json.dumps(q.answer, ensure_ascii=False))
                for q in db.session.scalars(
                    select(BankQuestion).where(BankQuestion.material_id == mid)
                )
            )

    assert bank(new_id) == bank(material_id)
    # into an existing material: rows it already has are rejected, nothing doubles
    again = json.loads(
        runner.invoke(args=["bank", "import", str(out), "--material", str(new_id)]).stdout
    )
    assert again["material_id"] == new_id and again["imported"] == 0
    assert count(app, BankQuestion, BankQuestion.material_id == new_id) == 4


def test_bank_import_json_and_bad_files(runner, make_bank, tmp_path):
    material_id, _ = make_bank(4)
    out = tmp_path / "bank.json"
    runner.invoke(args=["bank", "export", str(material_id), "--format", "json", "-o", str(out)])
    payload = json.loads(runner.invoke(args=["bank", "import", str(out)]).stdout)
    assert payload["imported"] == 4 and payload["rejected"] == []

    not_a_bank = tmp_path / "names.xlsx"
    not_a_bank.write_bytes(xlsx_bytes([["姓名", "支部"]]))
    result = runner.invoke(args=["bank", "import", str(not_a_bank)])
    assert result.exit_code != 0 and "表头" in result.stderr and result.stdout == ""
    csv = tmp_path / "bank.csv"
    csv.write_text("题干,答案", encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(csv)])
    assert result.exit_code != 0 and ".xlsx" in result.stderr
