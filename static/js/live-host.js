// 现场赛 host screen (大屏, projector). Follows the contest's state by polling the small JSON
// endpoints about once a second; advances with the host token; manages players through the
// organizer's own JSON endpoints (session cookie + CSRF header).
(function () {
  "use strict";
  var root = document.getElementById("live-host");
  if (!root) { return; }

  var d = root.dataset;
  var live = window.QuizLive;  // live.js: drawn alike on the phones
  var LETTERS = live.LETTERS;
  var KIND_LABELS = live.KIND_LABELS;
  var offset = 0;
  var offsetKnown = false;
  var state = null;
  var shownKey = "";
  var overview = null;
  var board = null;
  var boardKey = "";
  var busy = false;
  var pollTimer = null;

  var $ = function (sel) { return root.querySelector(sel); };
  var $$ = function (sel) { return root.querySelectorAll(sel); };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  var drawStem = live.drawStem;
  var keyText = live.keyText;
  var answerText = live.answerText;

  function serverNow() { return Date.now() / 1000 + offset; }

  function request(method, url, opts) {
    opts = opts || {};
    var headers = { "Accept": "application/json" };
    if (method !== "GET") { headers["X-CSRFToken"] = d.csrf; }
    var init = { method: method, headers: headers, cache: "no-store", credentials: "same-origin" };
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    return fetch(url, init).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        return { status: resp.status, data: data };
      });
    });
  }

  function notice(text, bad) {
    var n = $("[data-notice]");
    n.textContent = text || "";
    n.hidden = !text;
    n.classList.toggle("is-bad", !!bad);
  }

  // ------------------------------------------------------------------ polling

  function schedule(ms) {
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(poll, ms);
  }

  function poll() {
    var sentAt = Date.now() / 1000;
    Promise.all([request("GET", d.stateUrl), request("GET", d.overviewUrl)]).then(function (res) {
      var receivedAt = Date.now() / 1000;
      var s = res[0];
      if (s.status !== 200) { throw new Error(s.data.message || "状态读取失败"); }
      var sample = s.data.server_time - (sentAt + receivedAt) / 2;
      if (!offsetKnown || Math.abs(sample - offset) > 1) { offset = sample; } else { offset = offset * 0.7 + sample * 0.3; }
      offsetKnown = true;
      if (res[1].status === 200) { overview = res[1].data; }
      $("[data-network]").hidden = true;
      onState(s.data);
      schedule(nextDelay());
    }).catch(function () {
      $("[data-network]").hidden = false;
      schedule(2000);
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
    return 1000;
  }

  // A question past its deadline shows its key only once no late answer can count (the 0.5 s
  // grace, or the settling): the key's arrival is a change of its own.
  function key(s) {
    var q = s.question;
    return s.status + ":" + (q ? q.id + (q.answer !== undefined ? ":key" : "") : "");
  }

  function onState(s) {
    state = s;
    var k = key(s);
    root.dataset.status = s.status;
    if (k !== shownKey) {
      shownKey = k;
      drawStage();
    }
    // the ranking again when someone joins or leaves between questions (a late joiner is
    // ranked at 0 points at once, as their phone says)
    var bk = k + "|" + (overview ? overview.players.filter(function (p) { return !p.removed; }).map(function (p) { return p.id; }).join(",") : "");
    // (not before the key: the question is counted only once no late answer can come)
    var counted = s.status === "finished" || (s.status === "closed" && s.question && s.question.answer !== undefined);
    if (counted && boardKey !== bk) {
      boardKey = bk;
      request("GET", d.leaderboardUrl).then(function (res) {
        if (res.status === 200) { board = res.data; drawBoard(); }
        else { boardKey = ""; }
      }).catch(function () { boardKey = ""; });
    }
    drawLive();
    drawButtons();
    tick();
  }

  // ------------------------------------------------------------------ drawing

  function showStage(name) {
    $$("[data-stage]").forEach(function (v) { v.hidden = v.dataset.stage !== name; });
  }

  function drawStage() {
    var s = state;
    if (s.status === "lobby") { showStage("lobby"); return; }
    var q = s.question;
    if (s.status === "finished") { showStage("finished"); drawBoard(); return; }
    showStage("question");
    $("[data-q-no]").textContent = "第 " + q.number + " / " + q.total + " 题";
    $("[data-q-kind]").textContent = KIND_LABELS[q.kind] || q.kind;
    $("[data-q-kind]").className = "badge badge-" + q.kind;
    drawStem($("[data-q-stem]"), q);
    var open = s.status === "open";
    $("[data-countdown]").hidden = !open;
    $(".timebar").hidden = !open;
    $("[data-closed-label]").hidden = open;
    $("[data-answer-box]").hidden = open;
    if (open) { $("[data-explain]").hidden = true; }
    $("[data-board-box]").hidden = open;
    if (!open) { $("[data-answer]").textContent = keyText(q); }
    drawOptions();
  }

  function isRight(q, option) {
    var a = q.answer;
    if (a === undefined) { return false; }
    if (q.kind === "judge") { return (option === "对") === (a === true); }
    if (Array.isArray(a)) { return a.indexOf(option) >= 0; }
    return a === option;
  }

  function optionList(q) {
    if (q.kind === "judge") { return ["对", "错"]; }
    return q.options || [];
  }

  function drawOptions() {
    var s = state;
    var q = s.question;
    var list = $("[data-options]");
    list.textContent = "";
    var closed = s.status !== "open";
    var dist = overview && overview.distribution && overview.distribution.question_id === q.id ? overview.distribution : null;
    var options = optionList(q);
    if (q.kind === "cloze") {
      list.classList.add("is-cloze");
      if (closed && dist && dist.responses) {
        dist.responses.slice(0, 6).forEach(function (row) {
          list.appendChild(distRow(answerText(row.answer), row.count, dist.answered, row.correct, null));
        });
      }
      return;
    }
    list.classList.remove("is-cloze");
    options.forEach(function (option, i) {
      var row = dist && dist.options ? dist.options[i] : null;
      var right = closed && isRight(q, option);
      list.appendChild(distRow(option, closed ? (row ? row.count : 0) : null, dist ? dist.answered : 0, right, q.kind === "judge" ? null : LETTERS[i]));
    });
  }

  function distRow(text, count, total, right, letter) {
    var li = el("li", "host-option" + (right ? " is-right" : ""));
    if (letter) { li.appendChild(el("span", "host-letter", letter)); }
    li.appendChild(el("span", "host-option-text", text));
    if (count !== null && count !== undefined) {
      var bar = el("span", "dist-bar");
      var fill = el("span", "dist-bar-fill");
      fill.style.width = (total ? Math.round((count / total) * 100) : 0) + "%";
      bar.appendChild(fill);
      li.appendChild(bar);
      li.appendChild(el("span", "host-count", count + " 人"));
    }
    if (right) { li.appendChild(el("span", "host-tick", "✓")); }
    return li;
  }

  function drawLive() {
    var o = overview;
    if (!o) { return; }
    var active = o.players.filter(function (p) { return !p.removed; });
    $$("[data-player-count]").forEach(function (n) { n.textContent = String(active.length); });
    $("[data-locked]").hidden = !o.locked;
    var names = $("[data-names]");
    var sig = active.map(function (p) { return p.id; }).join(",");
    if (names.dataset.sig !== sig) {
      names.dataset.sig = sig;
      names.textContent = "";
      // Newest first; a big meeting gets smaller chips without the team, and the overflow is
      // cut (the count above stays exact).
      var compact = active.length > 24;
      var MAX_NAMES = compact ? 120 : 24;
      names.classList.toggle("is-compact", compact);
      active.slice(-MAX_NAMES).reverse().forEach(function (p) {
        var chip = el("li", "host-name");
        chip.appendChild(el("span", null, p.name));
        if (p.team && !compact) { chip.appendChild(el("small", null, p.team)); }
        names.appendChild(chip);
      });
      if (active.length > MAX_NAMES) {
        names.appendChild(el("li", "host-name host-more", "…等 " + active.length + " 人"));
      }
      $("[data-names-empty]").hidden = active.length > 0;
    }
    if (state && state.question && o.distribution && o.distribution.question_id === state.question.id) {
      $("[data-answered]").textContent = "已作答 " + o.distribution.answered + " / " + active.length;
      var dsig = shownKey + JSON.stringify(o.distribution);
      if (state.status !== "open" && $("[data-options]").dataset.sig !== dsig) {
        $("[data-options]").dataset.sig = dsig;
        drawOptions();
        var explain = $("[data-explain]");
        explain.textContent = o.distribution.explanation || "";
        explain.hidden = !o.distribution.explanation || state.status === "finished";
      }
    }
    drawManage();
  }

  function drawManage() {
    var list = $("[data-manage]");
    var o = overview;
    var sig = o.players.map(function (p) { return p.id + (p.removed ? "x" : ""); }).join(",");
    if (list.dataset.sig === sig) { return; }
    list.dataset.sig = sig;
    list.textContent = "";
    o.players.forEach(function (p) {
      var row = el("li", "manage-row" + (p.removed ? " is-removed" : ""));
      row.appendChild(el("span", "manage-name", p.name + (p.team ? "（" + p.team + "）" : "") + (p.removed ? " · 已移出" : "")));
      if (!p.removed) {
        var rm = el("button", "btn btn-danger", "移出");
        rm.type = "button";
        rm.dataset.playerId = p.id;
        rm.dataset.action = "remove";
        row.appendChild(rm);
      }
      var re = el("button", "btn", p.removed ? "恢复并重新接入" : "换机重连");
      re.type = "button";
      re.dataset.playerId = p.id;
      re.dataset.action = "readmit";
      row.appendChild(re);
      list.appendChild(row);
    });
  }

  // a name that may end in "…" on the screen keeps the whole of it as its title
  function titled(node) {
    if (node.textContent) { node.title = node.textContent; }
    return node;
  }

  // the rank in its circle; a shared one says 并列 above the number (title: 并列第 N 名)
  function rankBadge(row) {
    var badge = el("span", "board-rank" + (row.rank <= 3 ? " is-top" : "") + (row.tied ? " is-tied" : ""), "");
    if (row.tied) {
      badge.appendChild(el("small", "board-tie", "并列"));
      badge.title = "并列第 " + row.rank + " 名";
    }
    badge.appendChild(document.createTextNode(String(row.rank)));
    return badge;
  }

  function drawBoard() {
    if (!board) { return; }
    var top = board.players.slice(0, 10);
    $$("[data-top10]").forEach(function (ol) {
      ol.textContent = "";
      top.forEach(function (p) {
        var li = el("li", "board-row");
        li.appendChild(rankBadge(p));
        li.appendChild(el("span", "board-name", p.name));
        li.appendChild(titled(el("span", "board-team", p.team || "")));
        li.appendChild(el("span", "board-score", String(p.score)));
        ol.appendChild(li);
      });
    });
    if (state && state.status === "finished") {
      var podium = $("[data-podium]");
      podium.textContent = "";
      [1, 0, 2].forEach(function (i) {
        var p = board.players[i];
        if (!p) { return; }  // fewer than three players: no empty step
        // a step's height and number are the player's rank: tied players stand level
        var place = el("div", "podium-place podium-" + Math.min(p.rank, 3));
        place.dataset.rank = String(p.rank);
        place.appendChild(el("div", "podium-name", p.name));
        // three players stand on the podium; those who share the third one's rank but did not
        // fit (all on 0 points, say) are counted under its name and named in the title, so
        // having joined sooner does not look like a better place (qa9)
        var sharing = board.players.filter(function (q) { return q.rank === p.rank; });
        var offPodium = i !== 2 ? [] : board.players.slice(3).filter(function (q) { return q.rank === p.rank; });
        if (offPodium.length) {
          var more = el("div", "podium-more", "另有 " + offPodium.length + " 人并列");
          more.title = "并列第 " + p.rank + " 名：" + sharing.map(function (q) { return q.name; }).join("、");
          place.appendChild(more);
        }
        place.appendChild(titled(el("div", "podium-team", p.team || "")));
        place.appendChild(el("div", "podium-score", p.score + " 分"));
        var block = el("div", "podium-block", "");
        if (p.tied) { block.appendChild(el("small", "podium-tie", "并列")); }
        block.appendChild(document.createTextNode(String(p.rank)));
        place.appendChild(block);
        podium.appendChild(place);
      });
      var teams = $("[data-teams]");
      teams.textContent = "";
      board.teams.forEach(function (t) {
        var li = el("li", "board-row is-team");
        li.appendChild(rankBadge(t));
        li.appendChild(titled(el("span", "board-name", t.team)));
        li.appendChild(el("span", "board-team", t.players + " 人"));
        li.appendChild(el("span", "board-score", String(t.score)));
        teams.appendChild(li);
      });
      $("[data-teams-empty]").hidden = board.teams.length > 0;
    }
  }

  function drawButtons() {
    var s = state;
    var advance = $("[data-advance]");
    var labels = { lobby: "开始比赛", open: "提前结束本题", closed: "下一题", finished: "" };
    if (s.status === "closed" && s.question && s.question.number >= s.question.total) { labels.closed = "公布最终结果"; }
    advance.textContent = labels[s.status];
    advance.hidden = s.status === "finished";
    // (closed by its deadline, the key comes once late answers' half-second grace is over:
    // 下一题 waits for it, or the server refuses it, 409 revealing)
    var revealing = s.status === "closed" && s.question && !("answer" in s.question);
    advance.disabled = busy || Date.now() < restUntil || Boolean(revealing);
    advance.classList.toggle("btn-danger", s.status === "open");
    var lock = $("[data-lock]");
    lock.hidden = s.status === "finished" || !overview;
    if (overview) { lock.textContent = overview.locked ? "开放报名" : "锁定报名"; }
    $("[data-results-link]").hidden = s.status !== "finished";
  }

  function tick() {
    var s = state;
    if (!s || s.status !== "open" || !s.question) { return; }
    var left = Math.max(0, s.question.deadline - serverNow());
    var c = $("[data-countdown]");
    c.textContent = String(Math.ceil(left));
    c.classList.toggle("is-urgent", left <= 5);
    var bar = $("[data-timebar]");
    var total = Number(d.seconds) || 0;
    if (total) { bar.style.width = Math.min(100, (left / total) * 100) + "%"; }
    if (left <= 0) { schedule(100); }
  }

  // ------------------------------------------------------------------ actions

  // A double click must not open a question and close it at once: after each advance the
  // button rests for a moment.
  var restUntil = 0;

  function advance() {
    if (busy || !state || Date.now() < restUntil) { return; }
    busy = true;
    drawButtons();
    request("POST", d.advanceUrl, { body: {} }).then(function (res) {
      busy = false;
      restUntil = Date.now() + 800;
      window.setTimeout(drawButtons, 850);
      if (res.status === 200 && res.data.status) { notice(""); onState(res.data); }
      else { notice(res.data.message || "操作失败，请重试。", true); schedule(0); }
    }).catch(function () {
      busy = false;
      notice("网络异常，操作可能未完成，请稍候。", true);
      schedule(0);
    });
  }

  function post(url, body) {
    return request("POST", url, { body: body || {} }).then(function (res) {
      if (res.status >= 400) { notice(res.data.message || "操作失败。", true); }
      else { notice(""); }
      schedule(0);
      return res;
    }).catch(function () { notice("网络异常，请重试。", true); });
  }

  $("[data-advance]").addEventListener("click", advance);
  $("[data-lock]").addEventListener("click", function () {
    post(d.lockUrl, { locked: !(overview && overview.locked) });
  });
  $("[data-manage]").addEventListener("click", function (event) {
    var b = event.target.closest("button[data-action]");
    if (!b) { return; }
    var id = Number(b.dataset.playerId);
    var player = overview.players.filter(function (p) { return p.id === id; })[0];
    var name = player ? player.name : "";
    if (b.dataset.action === "remove") {
      if (!window.confirm("确定把“" + name + "”移出本场比赛吗？")) { return; }
      post(d.removeUrl, { player_id: id });
    } else {
      if (!window.confirm("为“" + name + "”生成换机重连码？原手机将不能再答题。")) { return; }
      post(d.readmitUrl, { player_id: id }).then(function (res) {
        if (res && res.status === 200) { showReadmit(name, res.data); }
      });
    }
  });

  function showReadmit(name, data) {
    var box = $("[data-readmit]");
    box.querySelector("[data-readmit-name]").textContent = name;
    box.querySelector("[data-readmit-link]").textContent = data.url;
    var img = box.querySelector("[data-readmit-qr]");
    img.src = data.qr_url;
    box.hidden = false;
  }
  $("[data-readmit-close]").addEventListener("click", function () {
    var box = $("[data-readmit]");
    box.hidden = true;
    box.querySelector("[data-readmit-qr]").removeAttribute("src");
  });

  window.setInterval(tick, 200);
  poll();
})();
