// Self-test pages: the 测验 autosave and countdown, and the print button. No answers live here:
// the server keeps the answers and decides the time.
(function () {
  "use strict";

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }

  // 练习/复习: a choice made but not sent yet survives a reload or the tab being dropped
  // (QuizDrafts in app.js): put back when the question is shown again, never sent by itself
  // (the learner still presses 提交答案), forgotten once the answer is stored (the feedback page).
  var drafts = window.QuizDrafts;
  var stored = document.querySelector("[data-draft-stored]");
  if (stored) { drafts.forget(stored.getAttribute("data-draft-stored")); }

  // 练习/复习: 提交答案 is sent by the page. A moment without network (or the server
  // restarting) used to leave the learner on the browser's error page, the answer not sent; now
  // the page says so and sends it again (QuizInOrder in app.js: 1 s, 2 s, 4 s … and at once when
  // the browser is back online) with what the form holds then, and shows the feedback once it
  // got through. The server keeps the first answer to a question, so a repeat whose first
  // reply was lost only shows it. Anything but the feedback page (an empty answer, an expired
  // form) is left to the form's own post, so the server's page says what went wrong.
  var answerForm = document.querySelector("form[data-practice-answer]");
  if (answerForm) {
    var answerStatus = answerForm.querySelector("[data-answer-status]");
    var draftKey = answerForm.getAttribute("data-draft");
    if (drafts.on && draftKey) {
      var keptDraft = drafts.get(draftKey);
      // a form the server sent back with a message holds what was sent: that stands
      var hasErrors = !!answerForm.querySelector(".error");
      if (keptDraft && keptDraft.choices && !hasErrors && drafts.putBack(answerForm, keptDraft.choices)
          && answerStatus) {
        answerStatus.textContent = "已恢复你刚才的选择（还没有提交）。";
        answerStatus.hidden = false;
      }
      var keepDraft = function () {
        var choices = drafts.read(answerForm);
        if (drafts.isEmpty(choices)) { drafts.forget(draftKey); } else { drafts.put(draftKey, { choices: choices }); }
      };
      answerForm.addEventListener("change", keepDraft);
      answerForm.addEventListener("input", keepDraft);
    }
    var answerSending = false;
    var answerLeaving = false;
    var answerQueue = window.QuizInOrder(function (failing) {
      if (!failing.length || !answerStatus) { return; }
      answerStatus.textContent = "网络或服务器暂时不通，答案还没提交，正在自动重试…（请不要关闭本页）";
      answerStatus.classList.add("is-error");
      answerStatus.hidden = false;
    });
    var sendAnswer = function () {
      // The redirect is not followed here: the page goes to the question's address itself,
      // which shows the feedback (or the result of a test closed meanwhile), one request as
      // the form's own post made.
      var action = answerForm.getAttribute("action");
      return fetch(action, {
        method: "POST", body: new FormData(answerForm), credentials: "same-origin",
        redirect: "manual"
      }).then(function (response) {
        if (response.status >= 500) { return false; }
        answerLeaving = true;
        if (response.type === "opaqueredirect") {
          if (draftKey) { drafts.forget(draftKey); }  // stored: the feedback page follows
          window.location.href = action;
        } else {
          HTMLFormElement.prototype.submit.call(answerForm);
        }
        return true;
      }, function () { return false; });
    };
    answerForm.addEventListener("submit", function (event) {
      event.preventDefault();
      if (answerSending) { return; }  // a second tap: the first is on its way or retried
      answerSending = true;
      answerQueue("answer", sendAnswer);
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { answerSending = false; answerLeaving = false; }
    });
    window.addEventListener("beforeunload", function (event) {
      if (answerQueue.pending() && !answerLeaving) { event.preventDefault(); event.returnValue = ""; }
    });
  }

  var form = document.getElementById("exam-form");
  if (!form) { return; }
  var status = form.querySelector("[data-save-status]");
  var timer = form.querySelector("[data-timer]");
  var submitting = false;
  var leaving = false;  // going to the result: no "leave this page?" question
  var saveTimer = null;

  // Only the questions changed in this tab are sent as changes (see QuizTouched in app.js).
  var touched = window.QuizTouched(form);
  if (form.hasAttribute("data-unsaved")) { touched.touchAll(); }

  // An answer changed but not autosaved yet survives a reload or the tab being dropped: kept in
  // this browser per question until a save carrying it got through (QuizDrafts.forPaper in
  // app.js), put back and autosaved when the page is opened again; never handed in by itself.
  var paperDrafts = drafts.on && form.dataset.draft
    ? drafts.forPaper(form.dataset.draft, form.querySelectorAll("[data-question]")) : null;
  var restoredNote = "";
  function keepDraftOf(input) {
    var card = paperDrafts && input.closest && input.closest("[data-question]");
    if (card) { paperDrafts.keep(card.dataset.question); }
  }

  // A count in the text ("已保存 12 题") is kept on one line.
  function setStatus(text, failing) {
    if (!status) { return; }
    status.textContent = "";
    text.split(/(\d+ 题)/).forEach(function (part, i) {
      if (!part) { return; }
      if (i % 2) {
        var count = document.createElement("span");
        count.className = "nowrap";
        count.textContent = part;
        status.appendChild(count);
      } else {
        status.appendChild(document.createTextNode(part));
      }
    });
    status.classList.toggle("is-error", !!failing);
  }

  // Every save (the autosave and the 保存答案 button) goes through one queue (QuizInOrder in
  // app.js): one due while another travels is sent once it is back, with what the page holds
  // then, so an older state never arrives last; one that did not get through is sent again
  // until it does.
  var inOrder = window.QuizInOrder(function (failing) {
    if (failing.length && !submitting) {
      setStatus("未保存：网络或服务器暂时不通，正在自动重试…（请不要关闭本页）", true);
    }
  });

  function save(byButton) {
    if (submitting) { return; }
    window.clearTimeout(saveTimer);
    inOrder("paper", function () { return send(byButton); });
  }

  // Resolves to false when the save did not get through and is worth sending again.
  function send(byButton) {
    if (submitting) { return null; }
    var data = new FormData(form);
    data.set("action", "save");
    touched.addTo(data);
    var sent = paperDrafts ? paperDrafts.snapshot() : {};
    if (byButton) { setStatus("正在保存…"); }
    return fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      if (response.status >= 500) { return false; }  // the server restarting, a proxy's 502
      return response.json().then(function (body) {
        if (response.status === 409 && body.url) { go(body.url); return true; }
        if (body.saved) {
          Object.keys(sent).forEach(function (qid) { paperDrafts.saved(qid, sent[qid]); });
        }
        if (submitting) { return true; }  // the hand-in's status stays
        if (body.saved) {
          setStatus(restoredNote + (byButton ? "已保存 " : "已自动保存 ") + body.kept + " 题的答案。");
          restoredNote = "";
        } else {
          setStatus(body.message || "保存失败，请刷新页面后再试。", true);
        }
        return true;
      }, function () { return false; });
    }).catch(function () { return false; });
  }

  form.addEventListener("change", function (event) {
    keepDraftOf(event.target);
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 800);
  });
  form.addEventListener("input", function (event) {
    if (event.target.type !== "text") { return; }
    keepDraftOf(event.target);
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 800);
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (submitting) { event.preventDefault(); return; }
    // 保存答案 (or Enter in a blank): in the queue with the autosaves, not beside them
    if (!button || button.value !== "submit") {
      event.preventDefault();
      save(true);
      return;
    }
    event.preventDefault();
    var left = unansweredCount();
    var ask = (left ? "还有 " + left + " 题未作答，" : "") + "确定交卷吗？交卷后不能再修改答案。";
    if (window.confirm(ask)) { handIn("正在交卷…"); }
  });

  // questions with no choice ticked and no blank filled (inputs q<id> or q<id>_<blank>)
  function unansweredCount() {
    var asked = {}, answered = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name^=q]"), function (input) {
      var id = /^q(\d+)/.exec(input.name);
      if (!id) { return; }
      asked[id[1]] = true;
      var given = input.type === "text" ? input.value.trim() !== "" : input.checked;
      if (given) { answered[id[1]] = true; }
    });
    return Object.keys(asked).filter(function (id) { return !answered[id]; }).length;
  }

  // 交卷 (pressed, or at time up) goes through the queue too, after any save on its way, with
  // every answer changed in this tab; one that does not get through (the server restarting, no
  // network) is sent again until it does, then the page goes to the result. The answers are
  // frozen as they were when it was pressed. The server hands a paper in once: a repeat (the
  // first got through but its reply was lost) just points to the result, and one that arrives
  // after the time limit keeps what was saved in time and says so there.
  function handIn(text) {
    if (submitting) { return; }
    submitting = true;
    window.clearTimeout(saveTimer);
    var data = new FormData(form);
    data.set("action", "submit");
    touched.addTo(data);
    form.classList.add("is-handing-in");
    form.querySelectorAll(".question-card, .exam-actions").forEach(function (el) { el.inert = true; });
    setStatus(text);
    inOrder("paper", function () {
      return fetch(form.getAttribute("action"), {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        if (response.status >= 500) { return retrying(); }
        return response.json().then(function (body) {
          if (body.url) { go(body.url); return true; }
          // an answer of the wrong shape: nothing is handed in, the learner can fix it
          submitting = false;
          form.classList.remove("is-handing-in");
          form.querySelectorAll("[inert]").forEach(function (el) { el.inert = false; });
          setStatus(body.message || "交卷失败，请检查答案后再试。", true);
          return true;
        }, function () {  // not the app's JSON: let the browser show what the server says
          leaving = true;
          var input = document.createElement("input");
          input.type = "hidden"; input.name = "action"; input.value = "submit";
          form.appendChild(input);
          touched.stamp();
          HTMLFormElement.prototype.submit.call(form);
          return true;
        });
      }).catch(retrying);
    });
  }

  function go(url) {
    leaving = true;
    if (paperDrafts) { paperDrafts.done(); }  // handed in (or closed): nothing left to save
    window.location.href = url;
  }

  function retrying() {
    setStatus("正在交卷…网络或服务器暂时不通，正在重试，请不要关闭本页", true);
    return false;
  }

  window.addEventListener("beforeunload", function (event) {
    if (inOrder.pending() && !leaving) { event.preventDefault(); event.returnValue = ""; }
  });

  // A page the server sent back with a message shows what was posted: that stands.
  if (paperDrafts && !form.hasAttribute("data-unsaved")) {
    var restored = paperDrafts.restore();
    restored.forEach(function (card) {  // as if changed again: touched, kept, autosaved
      card.querySelector("input[name^=q]").dispatchEvent(new Event("change", { bubbles: true }));
    });
    if (restored.length) {
      restoredNote = "已恢复刚才还没保存的 " + restored.length + " 题；";
      setStatus(restoredNote + "正在自动保存…");
    }
  }

  if (timer && form.dataset.secondsLeft) {
    var end = Date.now() + parseInt(form.dataset.secondsLeft, 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = "剩余 " + m + " 分 " + (s < 10 ? "0" : "") + s + " 秒";
      if (left <= 60) { timer.classList.add("is-low"); }
      if (left === 0) {
        window.clearInterval(handle);
        handIn("时间到，正在交卷……");
      }
    };
    var handle = window.setInterval(tick, 1000);
    tick();
  }
})();
