// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
(function () {
  "use strict";
  // A file field with data-max-bytes (the app's upload limit, rendered by render_field) refuses
  // a larger file before it is sent, with the server's own message (data-too-large); the
  // server still checks. Runs first (capture on window), so a refused form is not marked sent.
  function fileTooLarge(input) {
    var limit = parseInt(input.dataset.maxBytes || "0", 10);
    var file = input.files && input.files[0];
    var field = input.closest(".field") || input.parentNode;
    var note = field.querySelector(".error-size");
    if (limit > 0 && file && file.size > limit) {
      if (!note) {
        note = document.createElement("p");
        note.className = "error error-size";
        note.setAttribute("role", "alert");
        field.appendChild(note);
      }
      note.textContent = input.dataset.tooLarge;
      field.classList.add("has-error");
      return true;
    }
    if (note) {
      note.remove();
      if (!field.querySelector(".error")) { field.classList.remove("has-error"); }
    }
    return false;
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("input[type=file][data-max-bytes]")) { fileTooLarge(input); }
  });
  window.addEventListener("submit", function (event) {
    var inputs = event.target.querySelectorAll("input[type=file][data-max-bytes]");
    var refused = null;
    inputs.forEach(function (input) { if (fileTooLarge(input) && !refused) { refused = input; } });
    if (refused) {
      event.preventDefault();
      event.stopPropagation();
      refused.focus();
    }
  }, true);

  // A form the server sent back with a message below the first screen (编辑题目 on a phone,
  // 新建答题赛 on a desktop) opened at the page's top with nothing in sight saying the save had
  // failed. The first message is brought into view; not focused, or a phone opens its keyboard.
  (function () {
    var first = document.querySelector("main form .error");
    if (!first || window.location.hash) { return; }
    var box = first.getBoundingClientRect();
    if (box.height === 0 || (box.top >= 0 && box.bottom <= window.innerHeight)) { return; }
    (first.closest(".field") || first).scrollIntoView({ block: "center" });
  })();

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

  // Which questions a paper's page (a 测验, an 答题赛) changed in this tab. A second tab of the
  // same paper, opened before the first one saved, shows blanks for what was answered elsewhere;
  // so its posts say which questions it changed (scope=touched) and the server changes only
  // those (quizapp/answer_forms.py, changed_questions). A blank made here on purpose is a change.
  // Answer fields are named q<id> or q<id>_<blank>.
  window.QuizTouched = function (form) {
    var ids = {};
    function touch(el) {
      var match = /^q(\d+)(_\d+)?$/.exec(el.name || "");
      if (match) { ids[match[1]] = true; }
    }
    form.addEventListener("change", function (event) { touch(event.target); });
    form.addEventListener("input", function (event) { touch(event.target); });
    return {
      // every answer on the page (one sent back with an error: nothing on it is saved)
      touchAll: function () { form.querySelectorAll("input[name^=q]").forEach(touch); },
      // for a post built by the script (FormData or URLSearchParams)
      addTo: function (data) {
        data.set("scope", "touched");
        data.delete("touched");
        Object.keys(ids).forEach(function (qid) { data.append("touched", qid); });
      },
      // for the form's own post (交卷, 保存答案, time up): hidden inputs just before it leaves
      stamp: function () {
        form.querySelectorAll("input[data-scope]").forEach(function (el) { el.remove(); });
        var add = function (name, value) {
          var input = document.createElement("input");
          input.type = "hidden"; input.name = name; input.value = value;
          input.setAttribute("data-scope", "");
          form.appendChild(input);
        };
        add("scope", "touched");
        Object.keys(ids).forEach(function (qid) { add("touched", qid); });
      }
    };
  };

  // One save on the way at a time for each key (a question, a whole paper): a save asked for
  // while one travels is sent once it is back, so the saves reach the server in the order they
  // were made (a slow first request, or another worker, must not put an older answer over a
  // newer one). `job` reads the page when it runs, so the save sent last holds the latest state,
  // and returns a promise that settles when its request is back.
  //
  // A job whose promise resolves to false did not get through (no network, the server
  // restarting: 5xx): it is sent again, after 1 s, 2 s, 4 s … (at most 10 s apart) and at once
  // when the browser says it is back online, until it gets through; a newer save of the same
  // key takes its place. So no answer is dropped while the page stays open. `onChange(failing)`
  // hears the keys still waiting for a retry, for the page's status line.
  window.QuizInOrder = function (onChange) {
    var busy = {};
    var again = {};
    var failed = {};   // key -> the job to send again
    var delay = {};
    var timers = {};
    function report() { if (onChange) { onChange(Object.keys(failed)); } }
    function run(key, job) {
      if (busy[key]) { again[key] = job; return; }
      window.clearTimeout(timers[key]);
      busy[key] = true;
      again[key] = null;
      var done = function (ok) {
        busy[key] = false;
        if (ok === false) {
          failed[key] = job;
          delay[key] = Math.min(10000, delay[key] ? delay[key] * 2 : 1000);
        } else {  // the page's state when it was sent is saved
          delete failed[key];
          delete delay[key];
        }
        report();
        if (again[key]) { run(key, again[key]); return; }
        if (failed[key]) {
          timers[key] = window.setTimeout(function () { run(key, failed[key]); }, delay[key]);
        }
      };
      var sent = job();
      if (sent && sent.then) {
        sent.then(done, function () { done(false); });
      } else { done(); }
    }
    function retryNow() {
      Object.keys(failed).forEach(function (key) {
        if (!busy[key]) { delete delay[key]; run(key, failed[key]); }
      });
    }
    window.addEventListener("online", retryNow);
    // true while a save is on the way or waits for a retry (for a warning before leaving)
    run.pending = function () {
      return Object.keys(failed).length > 0 || Object.keys(busy).some(function (k) { return busy[k]; });
    };
    run.retryNow = retryNow;
    return run;
  };

  // Answers chosen in this browser but not yet with the server survive a reload, or a phone's
  // browser dropping the tab in the background (qa8: Chrome restored none): the 练习's choice
  // before 提交答案 (study.js), a 测验's or an 答题赛's answer before its autosave got through
  // (forPaper below). They are kept in localStorage (a tab the system closed comes back without
  // its sessionStorage on some phones) under "quizapp-draft:<key>", put back when the page is
  // shown again and never handed in by themselves; forgotten once the server has the answer,
  // and after a week on any page. Without storage (a private window) pages work as before.
  window.QuizDrafts = (function () {
    var PREFIX = "quizapp-draft:";
    var DAYS = 7;
    var store = (function () {
      try {
        var s = window.localStorage;
        s.setItem(PREFIX + "probe", "1");
        s.removeItem(PREFIX + "probe");
        return s;
      } catch (e) { return null; }
    })();

    function get(key) {
      if (!store) { return null; }
      try { return JSON.parse(store.getItem(PREFIX + key)); } catch (e) { return null; }
    }
    function put(key, value) {
      if (!store) { return; }
      value.at = Date.now();
      try { store.setItem(PREFIX + key, JSON.stringify(value)); } catch (e) { /* full: page only */ }
    }
    function forget(key) { if (store) { store.removeItem(PREFIX + key); } }
    // every draft whose name passes `test` (drafts that cannot be read go too)
    function forgetWhere(test) {
      if (!store) { return; }
      for (var i = store.length - 1; i >= 0; i--) {
        var name = store.key(i);
        if (!name || name.indexOf(PREFIX) !== 0) { continue; }
        var kept = null;
        try { kept = JSON.parse(store.getItem(name)); } catch (e) { kept = null; }
        if (!kept || test(name.slice(PREFIX.length), kept)) { store.removeItem(name); }
      }
    }
    var oldest = Date.now() - DAYS * 86400000;
    forgetWhere(function (_name, kept) { return !(kept.at > oldest); });
    // a paper's result page: it is handed in, however that happened (a reply lost, the
    // server's own close at the deadline), so none of its drafts is worth keeping
    Array.prototype.forEach.call(document.querySelectorAll("[data-drafts-done]"), function (el) {
      var done = el.getAttribute("data-drafts-done") + ":";
      forgetWhere(function (name) { return name.indexOf(done) === 0; });
    });

    // The answer inputs' state in `scope`: {name: value} for a choice or a blank, {name:
    // [values]} for 多选 (an untouched 单选 has no entry). Inputs are named q<id>[_<blank>].
    function read(scope) {
      var choices = {};
      Array.prototype.forEach.call(scope.querySelectorAll("input[name^=q]"), function (input) {
        if (input.type === "checkbox") {
          if (!choices[input.name]) { choices[input.name] = []; }
          if (input.checked) { choices[input.name].push(input.value); }
        } else if (input.type === "radio") {
          if (input.checked) { choices[input.name] = input.value; }
        } else if (input.type === "text") {
          choices[input.name] = input.value;
        }
      });
      return choices;
    }
    function isEmpty(choices) {
      return !Object.keys(choices).some(function (name) {
        var value = choices[name];
        return Array.isArray(value) ? value.length > 0 : String(value).trim() !== "";
      });
    }
    function putBack(scope, choices) {
      var restored = false;
      Array.prototype.forEach.call(scope.querySelectorAll("input[name^=q]"), function (input) {
        if (!Object.prototype.hasOwnProperty.call(choices, input.name)) { return; }
        var value = choices[input.name];
        if (input.type === "checkbox") {
          input.checked = Array.isArray(value) && value.indexOf(input.value) >= 0;
        } else if (input.type === "radio") {
          input.checked = input.value === value;
        } else if (input.type === "text" && typeof value === "string") {
          input.value = value;
        } else {
          return;
        }
        restored = true;
      });
      return restored;
    }
    function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

    // A paper that saves as it goes (a 测验, an 答题赛): one draft per question under
    // "<key>:<question id>", holding what the page shows and what the server held when it was
    // made (`base`). A draft is put back only over that same server answer: if the server has
    // another one now (saved from another device, or this save got through and only its reply
    // was lost), the server's stands and the draft is forgotten. `cards` are the questions'
    // elements, each with data-question="<id>".
    function forPaper(key, cards) {
      var base = {};  // question id -> its answer as the server holds it, as far as we know
      var card = {};
      Array.prototype.forEach.call(cards, function (el) {
        card[el.dataset.question] = el;
        base[el.dataset.question] = read(el);
      });
      function name(qid) { return key + ":" + qid; }
      return {
        // after a change: keep it until the server has it
        keep: function (qid) {
          if (!card[qid]) { return; }
          var now = read(card[qid]);
          if (same(now, base[qid])) { forget(name(qid)); } else { put(name(qid), { choices: now, base: base[qid] }); }
        },
        // the server answered a save that carried `sent` for this question
        saved: function (qid, sent) {
          if (!card[qid]) { return; }
          base[qid] = sent;
          this.keep(qid);
        },
        // the page's state now, per question (to say later what a save carried)
        snapshot: function () {
          var all = {};
          Object.keys(card).forEach(function (qid) { all[qid] = read(card[qid]); });
          return all;
        },
        // the questions whose unsaved answer was put back, in the page's order
        restore: function () {
          var restored = [];
          Array.prototype.forEach.call(cards, function (el) {
            var qid = el.dataset.question;
            var draft = get(name(qid));
            if (!draft || !draft.choices) { return; }
            if (!same(draft.base, base[qid]) || same(draft.choices, base[qid])) {
              forget(name(qid));
              return;
            }
            if (putBack(el, draft.choices)) { restored.push(el); }
          });
          return restored;
        },
        // handed in: nothing of this paper is worth keeping
        done: function () {
          forgetWhere(function (n) { return n.indexOf(key + ":") === 0; });
        }
      };
    }

    return {
      on: !!store, get: get, put: put, forget: forget, read: read, isEmpty: isEmpty,
      putBack: putBack, forPaper: forPaper
    };
  })();

  // The top bar's 我的 menu (a <details>, so it opens without this script) closes when a tap
  // lands outside it or on Escape, as a menu does.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("[data-nav-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
  });
  // The keyboard tabbing out of the open menu closes it too: left open, it covered what took
  // the focus next (打开错题本 at 360px), out of sight (qa9).
  document.addEventListener("focusout", function (event) {
    var menu = event.target.closest && event.target.closest("[data-nav-menu][open]");
    if (menu && event.relatedTarget && !menu.contains(event.relatedTarget)) { menu.open = false; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("[data-nav-menu][open]").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
})();
