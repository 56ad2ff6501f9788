// Organizer's workbench: busy states, generation progress, selections, print. No inline scripts.
(function () {
  "use strict";

  function ticker(element, prefix) {
    var started = Date.now();
    function tick() {
      var seconds = Math.round((Date.now() - started) / 1000);
      element.textContent = prefix + (seconds > 0 ? "（已用 " + seconds + " 秒）" : "");
    }
    tick();
    return window.setInterval(tick, 1000);
  }

  // Forms with data-busy show a sign of life while the server works (upload, decode, import).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.busy || event.defaultPrevented) { return; }
    var line = form.querySelector(".wb-busy");
    if (line) { line.hidden = false; ticker(line, form.dataset.busy); }
  });

  // The "正在生成…" page polls the job's status and moves on when it is done.
  var job = document.querySelector(".wb-job");
  if (job && job.dataset.state !== "failed" && job.dataset.statusUrl) {
    var elapsed = job.querySelector(".wb-elapsed");
    var started = Date.now();
    var estimate = parseInt(job.dataset.estimate || "10", 10);
    var timer = window.setInterval(function () {
      if (!elapsed) { return; }
      var s = Math.round((Date.now() - started) / 1000);
      elapsed.textContent = " 已用 " + s + " 秒" + (s > estimate * 2 ? "，长材料需要多一点时间，请稍候…" : "…");
    }, 1000);
    var poll = function () {
      fetch(job.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.state === "done" || data.state === "failed") {
            window.clearInterval(timer);
            window.location.assign(data.next);
            return;
          }
          window.setTimeout(poll, 1500);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 800);
  }

  // "全选本页" in the review list.
  document.querySelectorAll(".wb-pick-all").forEach(function (box) {
    box.addEventListener("change", function () {
      var form = box.closest("form");
      form.querySelectorAll("input[name=ids]").forEach(function (c) { c.checked = box.checked; });
    });
  });

  // The paper's print button.
  document.querySelectorAll(".wb-print").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // The question form shows the option and variant fields only for the kinds that use them.
  var qform = document.querySelector(".wb-question-form");
  if (qform) {
    var select = qform.querySelector("select[name=kind]");
    var update = function () {
      var kind = select ? select.value : qform.dataset.kind;
      qform.querySelectorAll("[data-for]").forEach(function (part) {
        part.hidden = part.dataset.for.split(" ").indexOf(kind) < 0;
      });
    };
    if (select) { select.addEventListener("change", update); }
    update();
  }
})();
