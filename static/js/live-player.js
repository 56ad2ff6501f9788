// 现场赛 player screen (phone). Polls the small state endpoint about once a second; the server owns
// the clock (absolute deadlines), this page only corrects for its own clock offset.
// The player token is kept in localStorage (and the server's cookie) keyed by the contest code, so
// a reload or a lost network brings the same player back with the score intact.
(function () {
  "use strict";
  // The join page: a phone that already joined this round gets a way back to it.
  var enter = document.getElementById("live-enter");
  if (enter) {
    var saved = "";
    try { saved = window.localStorage.getItem("quizapp.live." + enter.dataset.code) || ""; } catch (e) { saved = ""; }
    var resume = enter.querySelector("[data-resume]");
    if (saved && resume) { resume.hidden = false; }
  }
  var root = document.getElementById("live-player");
  if (!root) { return; }

  var code = root.dataset.code;
  var storeKey = "quizapp.live." + code;
  var stateUrl = root.dataset.stateUrl;
  var answerUrl = root.dataset.answerUrl;
  var meUrl = root.dataset.meUrl;
  var joinUrl = root.dataset.joinUrl;
  var live = window.QuizLive;  // live.js: drawn alike on the 大屏
  var BLANK = live.BLANK;
  var LETTERS = live.LETTERS;
  var KIND_LABELS = live.KIND_LABELS;
  var keyText = live.keyText;
  var answerText = live.answerText;
  var choiceText = live.choiceText;
  var LOBBY_ME_MS = 3000;   // the lobby's own asking, and the least gap between two asks for a roster change

  function readToken() {
    try { return window.localStorage.getItem(storeKey) || ""; } catch (e) { return ""; }
  }
  function saveToken(token) {
    try { window.localStorage.setItem(storeKey, token); } catch (e) { /* private mode */ }
  }
  // Only this page's own token: a forgotten tab of a player the host removed must not wipe the
  // token the same phone got by joining again (重新加入) in another tab.
  function dropToken() {
    try {
      if (window.localStorage.getItem(storeKey) === token) { window.localStorage.removeItem(storeKey); }
    } catch (e) { /* private mode */ }
  }

  var token = root.dataset.token || readToken();
  if (!token) { window.location.replace(joinUrl); return; }
  saveToken(token);

  var offset = 0;          // server clock minus this clock, in seconds
  var offsetKnown = false;
  var state = null;        // last state from the server
  var shownKey = "";       // which screen is drawn (status + question id)
  var me = null;           // the player's own standing
  var meKey = "";          // for which state key `me` was asked
  var meFreshKey = "";     // for which state key `me` has arrived
  var meAskedAt = 0;       // when `me` was last asked (Date.now())
  var meRoster = null;     // the state's roster count when `me` was last asked
  var sentAnswer = null;   // what this page sent for the open question
  var sending = false;
  var pollTimer = null;
  var failures = 0;

  var $ = function (sel) { return root.querySelector(sel); };
  var views = root.querySelectorAll("[data-view]");

  function show(name) {
    views.forEach(function (v) { v.hidden = v.dataset.view !== name; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function serverNow() { return Date.now() / 1000 + offset; }

  function api(method, url, body) {
    var headers = { "Accept": "application/json", "Authorization": "Bearer " + token };
    var init = { method: method, headers: headers, cache: "no-store", credentials: "same-origin" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        return { status: resp.status, data: data };
      });
    });
  }

  // ------------------------------------------------------------------ polling

  function schedule(ms) {
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(poll, ms);
  }

  function poll() {
    if (me && me.removed) { return; }  // nothing more for this phone to follow
    var sentAt = Date.now() / 1000;
    api("GET", stateUrl).then(function (res) {
      var receivedAt = Date.now() / 1000;
      if (res.status !== 200) { throw new Error(res.data.message || "状态读取失败"); }
      var sample = res.data.server_time - (sentAt + receivedAt) / 2;
      // Keep the offset from the fastest round trips: smooth, but follow big jumps at once.
      if (!offsetKnown || Math.abs(sample - offset) > 1) { offset = sample; } else { offset = offset * 0.7 + sample * 0.3; }
      offsetKnown = true;
      failures = 0;
      setNetwork(true);
      onState(res.data);
      schedule(nextDelay());
    }).catch(function () {
      failures += 1;
      setNetwork(false);
      schedule(Math.min(1000 * failures, 4000));
    });
  }

  function nextDelay() {
    if (state && state.status === "open" && state.question) {
      var left = state.question.deadline - serverNow();
      if (left > 0 && left < 1) { return Math.max(150, left * 1000 + 120); }
    }
    if (state && state.status === "closed" && state.question && state.question.answer === undefined) {
      return 300;  // the key comes within the grace
    }
    // Waiting for the host (lobby, between questions): look a little more often.
    return state && state.status === "open" ? 1000 : 700;
  }

  function setNetwork(ok) {
    var bar = $("[data-network]");
    if (bar) { bar.hidden = ok; }
  }

  // The key's arrival (a little after the deadline: see live-host.js) is a change of its own:
  // /me tells right or wrong only from then on.
  function stateKey(s) {
    var q = s.question;
    return s.status + ":" + (q ? q.id + (q.answer !== undefined ? ":key" : "") : "");
  }

  function onState(s) {
    state = s;
    var key = stateKey(s);
    if (sentAnswer && (!s.question || sentAnswer.qid !== s.question.id)) { sentAnswer = null; }
    // In the lobby the state stays the same until the start; the phone asks for itself every
    // few seconds so a player the host removed is told so (the public state does not say).
    // Once started, someone joining or being removed changes the 第 N 名 / M 人 of every phone
    // (the state counts those changes): asked again, at most every few seconds for a wave of
    // late joiners, never on a timer.
    var rosterMoved = meRoster !== null && s.roster !== undefined && s.roster !== meRoster;
    var due = Date.now() - meAskedAt >= LOBBY_ME_MS;
    if (meKey !== key || ((s.status === "lobby" || rosterMoved) && due)) {
      refreshMe(key);
    }
    if (key !== shownKey) {
      shownKey = key;
      draw();
    }
    tick();
  }

  function refreshMe(key) {
    meKey = key;
    meAskedAt = Date.now();
    meRoster = state ? state.roster : null;
    api("GET", meUrl).then(function (res) {
      if (res.status === 401) { dropToken(); window.location.replace(joinUrl); return; }
      if (res.status === 403) { me = { removed: true }; draw(); return; }
      if (res.status !== 200) { meKey = ""; return; }
      me = res.data;
      meFreshKey = key;
      if (me.removed) { draw(); return; }
      drawMe();
      if (state && (state.status === "closed" || state.status === "finished")) { drawResult(); }
      if (state && state.status === "open" && me.current && me.current.answered && !sentAnswer) {
        sentAnswer = { qid: state.question.id, answer: me.current.answer };
        drawSent();
      }
    }).catch(function () { meKey = ""; });
  }

  // ------------------------------------------------------------------ drawing

  function drawMe() {
    if (!me) { return; }
    root.querySelectorAll("[data-me-name]").forEach(function (n) { n.textContent = me.name || ""; });
    root.querySelectorAll("[data-me-team]").forEach(function (n) { n.textContent = me.team || "未选支部"; });
    root.querySelectorAll("[data-me-score]").forEach(function (n) { n.textContent = String(me.score || 0); });
    root.querySelectorAll("[data-me-rank]").forEach(function (n) {
      // players equal in score and time share a rank (see live/ranking.py): 并列第 1 名
      n.textContent = me.rank ? ((me.tied ? "并列" : "") + "第 " + me.rank + " 名 / " + me.players + " 人") : "—";
    });
  }

  function draw() {
    if (me && me.removed) { drawRemoved(); return; }
    var s = state;
    if (!s) { return; }
    if (s.status === "lobby") { show("lobby"); return; }
    if (s.status === "open") { drawQuestion(s.question); show("question"); return; }
    if (s.status === "closed") { drawResult(); show("result"); return; }
    if (s.status === "finished") { drawResult(); show("finished"); }
  }

  // Removed by the host: this phone's token no longer works. Polling stops; 重新加入 goes to the
  // join page without the old token (the host can let the same player back in with a new one).
  function drawRemoved() {
    window.clearTimeout(pollTimer);
    setNetwork(true);
    dropToken();
    show("removed");
  }

  function headline(q, container) {
    container.textContent = "";
    container.appendChild(el("span", "live-qno", "第 " + q.number + " / " + q.total + " 题"));
    container.appendChild(el("span", "badge badge-" + q.kind, KIND_LABELS[q.kind] || q.kind));
  }

  var drawStem = live.drawStem;

  function blankCount(stem) {
    var n = stem.split(BLANK).length - 1;
    return n > 0 ? n : 1;
  }

  function drawQuestion(q) {
    var view = $("[data-view=question]");
    headline(q, view.querySelector("[data-q-head]"));
    drawStem(view.querySelector("[data-q-stem]"), q);
    var form = view.querySelector("[data-q-form]");
    form.textContent = "";
    form.classList.remove("is-locked");
    form.dataset.qid = q.id;
    view.querySelector("[data-q-msg]").textContent = "";
    if (q.kind === "single" || q.kind === "judge") {
      var opts = q.kind === "judge" ? [["对", true], ["错", false]] : q.options.map(function (o) { return [o, o]; });
      var list = el("div", "live-choices" + (q.kind === "judge" ? " live-judge" : ""));
      opts.forEach(function (pair, i) {
        var b = el("button", "live-choice");
        b.type = "button";
        b.dataset.index = String(i);
        if (q.kind !== "judge") { b.appendChild(el("span", "option-letter", LETTERS[i])); }
        b.appendChild(el("span", "live-choice-text", pair[0]));
        b.addEventListener("click", function () { submit(q, pair[1], b); });
        list.appendChild(b);
      });
      form.appendChild(list);
    } else if (q.kind === "multiple") {
      var box = el("div", "live-choices");
      q.options.forEach(function (o, i) {
        var label = el("label", "live-choice live-check");
        var input = el("input");
        input.type = "checkbox";
        input.value = o;
        label.appendChild(input);
        label.appendChild(el("span", "option-letter", LETTERS[i]));
        label.appendChild(el("span", "live-choice-text", o));
        box.appendChild(label);
      });
      form.appendChild(box);
      form.appendChild(submitButton(function (btn) {
        var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
        if (!chosen.length) { message("请至少选择一项。"); return; }
        submit(q, chosen, btn);
      }));
    } else {
      var n = blankCount(q.stem);
      var hints = q.blanks || [];
      for (var i = 0; i < n; i++) {
        var input = el("input", "live-blank");
        var which = n > 1 ? "第 " + (i + 1) + " 空" : "答案";
        input.type = "text";
        input.autocomplete = "off";
        input.maxLength = 40;
        input.setAttribute("aria-label", hints[i] ? which + "（" + hints[i] + "字）" : which);
        if (hints[i]) {
          input.placeholder = (n > 1 ? which + "：" : "") + hints[i] + "个字";
        } else {
          input.placeholder = n > 1 ? which : "填写答案";
        }
        form.appendChild(input);
      }
      form.appendChild(submitButton(function (btn) {
        var values = Array.prototype.map.call(form.querySelectorAll("input.live-blank"), function (i) { return i.value.trim(); });
        if (values.some(function (v) { return !v; })) { message("请填写每一个空。"); return; }
        submit(q, values, btn);
      }));
    }
    if (sentAnswer && sentAnswer.qid === q.id) { drawSent(); }
  }

  function submitButton(onClick) {
    var b = el("button", "btn btn-primary btn-block live-submit", "提交答案");
    b.type = "button";
    b.addEventListener("click", function () { onClick(b); });
    return b;
  }

  function message(text, cls) {
    var m = $("[data-q-msg]");
    m.textContent = text;
    m.className = "live-msg " + (cls || "");
  }

  function lockForm() {
    var form = $("[data-q-form]");
    form.querySelectorAll("button, input").forEach(function (n) { n.disabled = true; });
    form.classList.add("is-locked");
  }

  function drawSent() {
    if (!sentAnswer) { return; }
    lockForm();
    var form = $("[data-q-form]");
    var a = sentAnswer.answer;
    form.querySelectorAll(".live-choice").forEach(function (b) {
      var text = b.querySelector(".live-choice-text").textContent;
      var input = b.querySelector("input");
      var picked = Array.isArray(a) ? a.indexOf(text) >= 0 : (answerText(a) === text);
      if (input) { input.checked = picked; }
      b.classList.toggle("is-picked", picked);
    });
    if (Array.isArray(a)) {
      form.querySelectorAll("input.live-blank").forEach(function (inp, i) { if (a[i] !== undefined) { inp.value = a[i]; } });
    }
    message("已提交：" + (state && state.question ? choiceText(state.question, a) : answerText(a)) + "。等待揭晓…", "live-msg-ok");
  }

  function submit(q, answer, button) {
    if (sending || (sentAnswer && sentAnswer.qid === q.id)) { return; }
    if (q.deadline - serverNow() <= 0) { message("本题已截止。", "live-msg-bad"); return; }
    sending = true;
    if (button) { button.classList.add("is-busy"); }
    message("正在提交…");
    var body = { question_id: q.id, answer: answer };
    var attempt = 0;
    function done() {
      sending = false;
      if (button) { button.classList.remove("is-busy"); }
    }
    // No network, or the server restarting (a 5xx from it or its proxy): the same answer sent
    // again is harmless (an identical repeat is accepted once), so it is sent again, 0.5 s,
    // 1 s, 2 s … apart (at most 3 s), while the question is open: the server takes an answer
    // by when it arrives, so one that gets through only after the deadline does not count.
    function retry() {
      if (q.deadline - serverNow() > 0) {
        message("未提交：连接中断，正在重试…（请不要离开本页）", "live-msg-bad");
        window.setTimeout(send, Math.min(3000, 500 * Math.pow(2, attempt - 1)));
        return;
      }
      done();
      lockForm();
      message("连接中断，本题答案没能在时间内提交。", "live-msg-bad");
    }
    function send() {
      attempt += 1;
      api("POST", answerUrl, body).then(function (res) {
        if (res.status >= 500) { retry(); return; }
        done();
        if (res.status === 200) {
          sentAnswer = { qid: q.id, answer: answer };
          drawSent();
        } else if (res.status === 401) {
          dropToken(); window.location.replace(joinUrl);
        } else if (res.status === 403) {
          me = { removed: true }; draw();
        } else if (res.status === 409) {
          message(res.data.message || "本题已不能作答。", "live-msg-bad");
          lockForm();
          meKey = "";
        } else {
          message(res.data.message || "提交失败，请重试。", "live-msg-bad");
        }
      }).catch(retry);
    }
    send();
  }

  function drawResult() {
    var s = state;
    if (!s || !s.question) { return; }
    var finished = s.status === "finished";
    var view = $(finished ? "[data-view=finished]" : "[data-view=result]");
    var q = s.question;
    var head = view.querySelector("[data-q-head]");
    if (head) { headline(q, head); }
    var verdict = view.querySelector("[data-verdict]");
    var points = view.querySelector("[data-points]");
    var answerBox = view.querySelector("[data-answer]");
    if (answerBox) { answerBox.textContent = keyText(q); }
    var fresh = meFreshKey === stateKey(s);
    var cur = fresh && me && me.current && me.current.question_id === q.id ? me.current : null;
    var pending = !fresh || q.answer === undefined;  // the key (and the verdict) still to come
    if (verdict) {
      verdict.className = "live-verdict";
      if (pending) {
        verdict.textContent = "正在揭晓…";
        verdict.classList.add("is-none");
      } else if (!cur || !cur.answered) {
        verdict.textContent = "本题未作答";
        verdict.classList.add("is-none");
      } else if (cur.correct) {
        verdict.textContent = "回答正确";
        verdict.classList.add("is-right");
      } else {
        verdict.textContent = "回答错误";
        verdict.classList.add("is-wrong");
      }
    }
    if (points) { points.textContent = pending ? "" : (cur && cur.points ? "+" + cur.points + " 分" : "+0 分"); }
    var mine = view.querySelector("[data-mine]");
    if (mine) { mine.textContent = cur && cur.answered ? "你的答案：" + choiceText(q, cur.answer) : ""; }
    drawMe();
  }

  // ------------------------------------------------------------------ countdown

  function tick() {
    var s = state;
    var clock = root.querySelector("[data-view=question] [data-countdown]");
    if (s && s.status === "open" && s.question && clock) {
      var total = s.question.seconds || Number(root.dataset.seconds) || 0;
      var left = Math.max(0, s.question.deadline - serverNow());
      clock.textContent = String(Math.ceil(left));
      clock.classList.toggle("is-urgent", left <= 5);
      var bar = root.querySelector("[data-view=question] [data-timebar]");
      if (bar && total) { bar.style.width = Math.min(100, (left / total) * 100) + "%"; }
      if (left <= 0) {
        // (a form already locked keeps its own message: refused, or not sent in time)
        var locked = $("[data-q-form]").classList.contains("is-locked");
        if (!sentAnswer && !sending && !locked) { lockForm(); message("时间到。", "live-msg-bad"); }
      }
    }
  }

  window.setInterval(tick, 200);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { schedule(0); }
  });
  window.addEventListener("online", function () { schedule(0); });
  poll();
})();
