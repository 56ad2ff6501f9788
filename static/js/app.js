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
})();
