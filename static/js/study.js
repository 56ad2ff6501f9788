// Self-test pages: the 测验 autosave and countdown, and the print button. No answers live here:
// the server keeps the answers and decides the time.
(function () {
  "use strict";

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }

  var form = document.getElementById("exam-form");
  if (!form) { return; }
  var status = form.querySelector("[data-save-status]");
  var timer = form.querySelector("[data-timer]");
  var submitting = false;
  var saveTimer = null;

  // Only the questions changed in this tab are sent as changes (see QuizTouched in app.js).
  var touched = window.QuizTouched(form);
  if (form.hasAttribute("data-unsaved")) { touched.touchAll(); }

  function setStatus(text, failing) {
    if (!status) { return; }
    status.textContent = text;
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
    if (byButton) { setStatus("正在保存…"); }
    return fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      if (response.status >= 500) { return false; }  // the server restarting, a proxy's 502
      return response.json().then(function (body) {
        if (response.status === 409 && body.url) { window.location.href = body.url; return true; }
        if (body.saved) {
          setStatus((byButton ? "已保存 " : "已自动保存 ") + body.kept + " 题的答案。");
        } else {
          setStatus(body.message || "保存失败，请刷新页面后再试。", true);
        }
        return true;
      }, function () { return false; });
    }).catch(function () { return false; });
  }

  form.addEventListener("change", function () {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 800);
  });
  form.addEventListener("input", function (event) {
    if (event.target.type !== "text") { return; }
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 800);
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (submitting) { event.preventDefault(); return; }
    // 保存答案 (or Enter in a blank): in the queue with the autosaves, not beside them
    if (button && button.value === "save") {
      event.preventDefault();
      save(true);
      return;
    }
    if (button && button.value === "submit" && !form.dataset.timeUp) {
      if (!window.confirm("确定交卷吗？交卷后不能再修改答案。")) { event.preventDefault(); return; }
    }
    submitting = true;
    window.clearTimeout(saveTimer);
    touched.stamp();
  });

  window.addEventListener("beforeunload", function (event) {
    if (inOrder.pending() && !submitting) { event.preventDefault(); event.returnValue = ""; }
  });

  if (timer && form.dataset.secondsLeft) {
    var end = Date.now() + parseInt(form.dataset.secondsLeft, 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = "剩余 " + m + " 分 " + (s < 10 ? "0" : "") + s + " 秒";
      if (left <= 60) { timer.classList.add("is-low"); }
      if (left === 0) {
        window.clearInterval(handle);
        form.dataset.timeUp = "1";
        setStatus("时间到，正在交卷……");
        var input = document.createElement("input");
        input.type = "hidden"; input.name = "action"; input.value = "submit";
        form.appendChild(input);
        submitting = true;
        touched.stamp();
        form.submit();
      }
    };
    var handle = window.setInterval(tick, 1000);
    tick();
  }
})();
