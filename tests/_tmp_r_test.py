def test_r(client, make_bank):
    mid, qids = make_bank(1)
    page = client.get(f"/manage/questions/{qids[0]}/report?next=/%5Cevil.example/x")
    html = page.get_data(as_text=True)
    import re
    print(re.findall(r'name="next"[^>]*', html), re.findall(r'<(?:select|input|textarea)[^>]*name="([^"]+)"', html))
    r = client.post(f"/manage/questions/{qids[0]}/report", data={"next": "/\\evil.example/x", "category": "other", "reason": "题干有错别字需要修改"})
    print(r.status_code, r.headers.get("Location"))
