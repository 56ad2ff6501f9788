// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
(function () {
  "use strict";
  // Forms marked data-once cannot be sent twice by a double click; data-confirm asks first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute("data-once")) {
      if (form.dataset.sent === "1") { event.preventDefault(); return; }
      form.dataset.sent = "1";
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.classList.add("is-busy"); });
      // A page restored from the back/forward cache may be submitted again deliberately.
      window.addEventListener("pageshow", function () { form.dataset.sent = ""; }, { once: true });
    }
  });

  // The stem of a question with each cloze blank followed by the length of its key (〔4字〕),
  // drawn alike by the live host and the players' phones (the server sends lengths, never keys).
  window.QuizStem = {
    BLANK: "（　　）",
    draw: function (node, q) {
      var hints = q.blanks || [];
      node.textContent = "";
      q.stem.split(window.QuizStem.BLANK).forEach(function (part, i) {
        if (i > 0) {
          var blank = document.createElement("span");  // kept on one line with its hint
          blank.className = "blank";
          blank.textContent = window.QuizStem.BLANK;
          if (hints[i - 1]) {
            var hint = document.createElement("span");
            hint.className = "blank-hint";
            hint.textContent = "〔" + hints[i - 1] + "字〕";
            blank.appendChild(hint);
          }
          node.appendChild(blank);
        }
        node.appendChild(document.createTextNode(part));
      });
    }
  };
})();
