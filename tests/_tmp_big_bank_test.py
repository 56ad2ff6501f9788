import time, uuid
from conftest import SAMPLE_QUESTIONS
from quizapp.extensions import db
def test_big(app, client, login_as, make_bank):
    from quizapp.models import BankQuestion, Material
    mid, _ = make_bank(1)
    with app.app_context():
        rows = []
        for i in range(20000):
            d = dict(SAMPLE_QUESTIONS[i % 4]); d.setdefault("accepted", [])
            d["stem"] = d["stem"] + str(i)
            rows.append(dict(material_id=mid, uid=uuid.uuid4().hex[:16], origin="manual", **d))
        db.session.execute(db.insert(BankQuestion), rows); db.session.commit()
    login_as("admin")
    out = []
    for url in ["/manage/questions", "/manage/questions?q=核心&page=50", f"/manage/materials/{mid}", "/manage/stats", "/manage/paper?material=%d" % mid,
                "/test/new", f"/materials/{mid}/paper?count=0", "/contests/paper/new", "/live/rounds/new", "/", f"/manage/materials/{mid}/export.xlsx"]:
        t = time.perf_counter(); r = client.get(url); n = len(r.get_data()); 
        out.append(f"{(time.perf_counter()-t)*1000:7.0f} ms {r.status_code} {n:8d} B {url}")
    t = time.perf_counter(); r = client.post("/test/new", data={"material": mid, "count": "0", "mode": "exam", "kinds": ["single","multiple","judge","cloze"]}); 
    out.append(f"{(time.perf_counter()-t)*1000:7.0f} ms {r.status_code} POST /test/new all -> {r.headers.get('Location')}")
    loc = r.headers.get("Location")
    if loc:
        t = time.perf_counter(); r2 = client.get(loc); out.append(f"{(time.perf_counter()-t)*1000:7.0f} ms {r2.status_code} {len(r2.get_data())} B exam page all")
    open("/tmp/big.txt", "w").write("\n".join(out))
