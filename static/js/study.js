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
  var dirty = false;

  // Only the questions changed in this tab are sent as changes (see QuizTouched in app.js).
  var touched = window.QuizTouched(form);
  if (form.hasAttribute("data-unsaved")) { touched.touchAll(); }

  function setStatus(text) { if (status) { status.textContent = text; } }

  // One autosave on the way at a time (QuizInOrder in app.js): one due while it travels is sent
  // once it is back, with what the page holds then, so an older state never arrives last.
  var inOrder = window.QuizInOrder();

  function save() {
    if (submitting) { return; }
    inOrder("paper", send);
  }

  function send() {
    if (submitting) { return null; }
    dirty = false;
    var data = new FormData(form);
    data.set("action", "save");
    touched.addTo(data);
    return fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (r) {
      if (r.status === 409 && r.body.url) { window.location.href = r.body.url; return; }
      if (r.body.saved) { setStatus("已自动保存 " + r.body.kept + " 题的答案。"); }
      else { setStatus(r.body.message || "保存失败，请点“保存答案”。"); }
    }).catch(function () {
      dirty = true;
      setStatus("网络不通，答案暂未保存；恢复后会自动重试，也可点“保存答案”。");
    });
  }

  function scheduleSave() {
    dirty = true;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 800);
  }
  form.addEventListener("change", scheduleSave);
  form.addEventListener("input", function (event) {
    if (event.target.type === "text") { scheduleSave(); }
  });
  window.setInterval(function () { if (dirty) { save(); } }, 15000);

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (submitting) { event.preventDefault(); return; }
    if (button && button.value === "submit" && !form.dataset.timeUp) {
      if (!window.confirm("确定交卷吗？交卷后不能再修改答案。")) { event.preventDefault(); return; }
    }
    submitting = true;
    window.clearTimeout(saveTimer);
    touched.stamp();
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
