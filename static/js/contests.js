// 答题赛: the paper's countdown (from the server's deadline), saving answers as they go,
// submitting by itself when time is up; the bank sizes on the create form.
(function () {
  "use strict";

  // ------------------------------------------------------------ create form: bank sizes
  var bank = document.querySelector("[data-bank-sizes]");
  if (bank) {
    var sizes = JSON.parse(bank.getAttribute("data-bank-sizes") || "{}");
    var select = bank.querySelector("select");
    var out = document.getElementById("bank-sizes");
    var names = { single: "单选", multiple: "多选", judge: "判断", cloze: "填空" };
    var show = function () {
      var s = sizes[select.value];
      out.textContent = "";
      if (!s) { return; }
      out.appendChild(document.createTextNode("该题库现有："));
      ["single", "multiple", "judge", "cloze"].forEach(function (k, i) {
        if (i) { out.appendChild(document.createTextNode("，")); }
        var count = document.createElement("span");
        count.className = "nowrap";  // "单选 3 道" on one line
        count.textContent = names[k] + " " + (s[k] || 0) + " 道";
        out.appendChild(count);
      });
    };
    select.addEventListener("change", show);
    show();
  }

  // ------------------------------------------------------------ sitting a paper
  var paper = document.getElementById("pc-paper");
  var bar = document.getElementById("pc-bar");
  if (!paper || !bar) { return; }

  var deadline = parseFloat(bar.dataset.deadline) * 1000;
  // Correct for the phone's clock: the server's time when the page was made vs ours now.
  var offset = parseFloat(bar.dataset.serverNow) * 1000 - Date.now();
  var remainingEl = document.getElementById("pc-remaining");
  var statusEl = document.getElementById("pc-status");
  var answeredEl = document.getElementById("pc-answered");
  var csrf = paper.querySelector("input[name=csrf_token]");
  var submitting = false;
  var timers = {};
  // 交卷 and the hand-in at the deadline carry only the questions changed in this tab, so a tab
  // opened earlier, still blank where another tab answered, does not erase those answers.
  var touched = window.QuizTouched(paper);
  // An answer changed but not saved yet (no network, the server restarting) survives a reload
  // or the tab being dropped: kept in this browser per question until its save got through
  // (QuizDrafts.forPaper in app.js), put back and saved when the paper is opened again; never
  // handed in by itself.
  var drafts = window.QuizDrafts;
  var paperDrafts = drafts.on && paper.dataset.draft
    ? drafts.forPaper(paper.dataset.draft, paper.querySelectorAll("fieldset[data-question]")) : null;
  var restoredNote = "";  // said with the saves until the learner changes something
  var restoring = false;

  function serverNow() { return Date.now() + offset; }

  // 已答: for a question whose latest change has reached the server, whether the server holds
  // an answer (its reply lists them, from every tab of this paper); for one whose save has not
  // got through yet (an outage, a hand-in waiting to be sent), what the page shows. So the
  // counter keeps the answers given while the server is away, and another tab's count too.
  var serverHas = {};   // question id -> true: the server holds an answer
  var changes = {};     // question id -> how many changes this tab made
  var pendingFrom = {}; // question id -> the change not yet saved (absent: saved)
  paper.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
    if (fieldset.querySelector("[data-saved].is-saved")) { serverHas[fieldset.dataset.question] = true; }
  });

  function hasAnswer(fieldset) {
    return Array.prototype.some.call(fieldset.querySelectorAll("input"), function (input) {
      if (input.type === "radio" || input.type === "checkbox") { return input.checked; }
      return input.type === "text" && input.value.trim() !== "";
    });
  }

  function countAnswered() {
    var n = 0;
    paper.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var qid = fieldset.dataset.question;
      if (pendingFrom[qid] ? hasAnswer(fieldset) : serverHas[qid]) { n += 1; }
    });
    answeredEl.textContent = String(n);
  }

  function changed(qid) {
    changes[qid] = (changes[qid] || 0) + 1;
    pendingFrom[qid] = changes[qid];
    countAnswered();
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    var left = Math.max(0, Math.floor((deadline - serverNow()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    remainingEl.textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s);
    bar.classList.toggle("is-urgent", left <= 60);
    // Submit a moment before the deadline so what is on the page still counts.
    if (!submitting && deadline - serverNow() <= 1200) {
      handIn("时间到，正在交卷…");
      return;
    }
    window.setTimeout(tick, 250);
  }

  // One save per question on the way at a time (QuizInOrder in app.js): a change made while
  // it travels is sent once it is back, so an older answer never arrives after a newer one; a
  // save that did not get through (no network, the server restarting) is sent again until it
  // does, and the bar says how many answers wait for it.
  var inOrder = window.QuizInOrder(function (failing) {
    if (submitting) { return; }
    statusEl.classList.toggle("is-error", failing.length > 0);
    if (failing.length) {
      statusEl.textContent = failing.length + " 题未保存，正在重试…";
    } else if (statusEl.dataset.failed) {
      statusEl.textContent = "已恢复，全部已保存";
    }
    statusEl.dataset.failed = failing.length ? "1" : "";
  });

  function save(fieldset) {
    inOrder(fieldset.dataset.question, function () { return send(fieldset); });
  }

  // Resolves to false when the save did not get through and is worth sending again.
  function send(fieldset) {
    if (submitting) { return null; }  // the hand-in carries this answer
    var qid = fieldset.dataset.question;
    var version = changes[qid];
    var sent = paperDrafts ? drafts.read(fieldset) : null;
    var body = new URLSearchParams();
    body.append("question", qid);
    if (csrf) { body.append("csrf_token", csrf.value); }
    fieldset.querySelectorAll("input").forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
      body.append(input.name, input.value);
    });
    var mark = fieldset.querySelector("[data-saved]");
    if (!mark.classList.contains("is-retry")) {  // a retry keeps saying 未保存 until it is in
      mark.textContent = "保存中…";
      mark.classList.remove("is-error");
    }
    var failed = function () {
      mark.textContent = submitting ? "随交卷提交" : "未保存，正在重试…";
      mark.classList.add("is-error", "is-retry");
      mark.classList.remove("is-saved");
      return false;
    };
    return fetch(paper.dataset.saveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf ? csrf.value : "" }
    }).then(function (response) {
      if (response.status >= 500) { return failed(); }  // the server restarting, a proxy's 502
      return response.json().then(function (data) {
        mark.classList.remove("is-retry");
        if (changes[qid] === version) { delete pendingFrom[qid]; }  // the server has the latest
        // answered (saved, or refused for good): a draft of what was sent is no longer needed
        if (paperDrafts) { paperDrafts.saved(qid, sent); }
        if (response.ok) {
          mark.textContent = data.saved ? "已保存" : "";
          mark.classList.toggle("is-saved", !!data.saved);
          if (!statusEl.dataset.failed && !submitting) { statusEl.textContent = restoredNote + "已自动保存"; }
          // the server's answers: those saved from another tab of this paper count too
          if (data.answered_ids) {
            serverHas = {};
            data.answered_ids.forEach(function (id) { serverHas[String(id)] = true; });
          }
        } else {
          mark.textContent = data.message || "没有保存";
          mark.classList.add("is-error");
          mark.classList.remove("is-saved");
          if ((data.error === "closed" || data.error === "late") && !submitting) {
            window.location.reload();
          }
        }
        countAnswered();
        return true;
      }, failed);
    }, failed);
  }

  paper.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
    var qid = fieldset.dataset.question;
    fieldset.addEventListener("change", function () {
      if (!restoring) { restoredNote = ""; }
      if (paperDrafts) { paperDrafts.keep(qid); }
      window.clearTimeout(timers[qid]);
      changed(qid);
      save(fieldset);
    });
    fieldset.addEventListener("input", function (event) {
      if (event.target.type !== "text") { return; }
      restoredNote = "";
      if (paperDrafts) { paperDrafts.keep(qid); }
      window.clearTimeout(timers[qid]);
      changed(qid);
      timers[qid] = window.setTimeout(function () { save(fieldset); }, 700);
    });
  });

  // 交卷 (pressed, or at the deadline) is sent by the page with every answer changed in this
  // tab, frozen as they were; one that does not get through (the server restarting, no network)
  // is sent again (QuizInOrder) until it does, then the page goes to the result. The server
  // closes a paper once: a repeat (the first got through but its reply was lost) only points
  // to the result; one that arrives after the deadline keeps what was saved in time and says
  // so there. A paper whose hand-in never arrives is closed at its deadline by the server.
  var leaving = false;  // going to the result: no "leave this page?" question
  function handIn(text) {
    if (submitting) { return; }
    submitting = true;
    var data = new URLSearchParams(new FormData(paper));
    touched.addTo(data);
    paper.classList.add("is-handing-in");
    paper.inert = true;
    paper.querySelectorAll("[data-saved].is-retry").forEach(function (mark) {
      mark.textContent = "随交卷提交";
    });
    statusEl.classList.remove("is-error");
    statusEl.textContent = text;
    inOrder("hand-in", function () {
      return fetch(paper.getAttribute("action"), {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": csrf ? csrf.value : "" }
      }).then(function (response) {
        if (response.status >= 500) { return retrying(); }
        return response.json().then(function (body) {
          if (body.url) {
            leaving = true;
            if (paperDrafts) { paperDrafts.done(); }
            window.location.href = body.url;
          } else {  // refused (signed out, an expired form): say why, the answers stay here
            submitting = false;
            paper.dataset.sent = "";
            paper.querySelectorAll(".is-busy").forEach(function (b) { b.classList.remove("is-busy"); });
            paper.classList.remove("is-handing-in");
            paper.inert = false;
            statusEl.classList.add("is-error");
            statusEl.textContent = body.message || "交卷没有成功，请刷新页面后再试。";
          }
          return true;
        }, function () {  // not the app's JSON: let the browser show what the server says
          leaving = true;
          touched.stamp();
          HTMLFormElement.prototype.submit.call(paper);
          return true;
        });
      }).catch(retrying);
    });
  }

  function retrying() {
    statusEl.classList.add("is-error");
    statusEl.textContent = "正在交卷…网络或服务器暂时不通，正在重试，请不要关闭本页";
    return false;
  }

  window.addEventListener("beforeunload", function (event) {
    if (inOrder.pending() && !leaving) { event.preventDefault(); event.returnValue = ""; }
  });
  // Heard on window, after app.js has asked "确定交卷吗？": a 交卷 called off leaves the
  // countdown to hand the paper in when time is up.
  window.addEventListener("submit", function (event) {
    if (event.target !== paper || event.defaultPrevented) { return; }
    event.preventDefault();
    handIn("正在交卷…");
  });
  if (paperDrafts) {
    var restored = paperDrafts.restore();
    if (restored.length) {
      restoredNote = "已恢复刚才还没保存的 " + restored.length + " 题，";
      statusEl.textContent = restoredNote + "保存中…";
    }
    restoring = true;
    restored.forEach(function (fieldset) {  // as if changed again: touched, counted, saved
      fieldset.querySelector("input[name^=q]").dispatchEvent(new Event("change", { bubbles: true }));
    });
    restoring = false;
  }
  tick();
})();
