// What the 现场赛's two screens (大屏, live-host.js; phones, live-player.js) draw alike: a
// question's stem with its blanks, and an answer or the key as the 练习 and the 答题赛 write it
// (quizapp.study.services.format_answer): a choice with its letter, several in the order of the
// options, joined by ；. The server sends the stem's blank lengths, never keys, until the close.
(function () {
  "use strict";
  var BLANK = "（　　）";
  var LETTERS = "ABCDEFGHIJ";

  // The stem with each cloze blank followed by the length of its key (〔4字〕).
  function drawStem(node, q) {
    var hints = q.blanks || [];
    node.textContent = "";
    q.stem.split(BLANK).forEach(function (part, i) {
      if (i > 0) {
        var blank = document.createElement("span");  // kept on one line with its hint
        blank.className = "blank";
        blank.textContent = BLANK;
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

  // A value as it is sent: 对/错, blanks joined by ；, an option's text.
  function answerText(answer) {
    if (answer === true) { return "对"; }
    if (answer === false) { return "错"; }
    if (Array.isArray(answer)) { return answer.join("；"); }
    return answer === null || answer === undefined ? "" : String(answer);
  }

  // A response to q (or its key) for people: a 单选's or 多选's options with their letters in
  // the order of the options (the bank keeps a 多选's key in the order of the text: 文化自信；
  // 道路自信；理论自信 is told A. 道路自信；B. 理论自信；D. 文化自信).
  function choiceText(q, value) {
    var options = q.options || [];
    if ((q.kind !== "single" && q.kind !== "multiple") || value === null || value === undefined) {
      return answerText(value);
    }
    var values = Array.isArray(value) ? value.slice() : [value];
    var at = function (v) { var i = options.indexOf(v); return i < 0 ? 99 : i; };
    values.sort(function (x, y) { return at(x) - at(y); });
    return values.map(function (v) {
      var i = options.indexOf(v);
      return i < 0 ? String(v) : LETTERS[i] + ". " + v;
    }).join("；");
  }

  window.QuizLive = {
    BLANK: BLANK,
    LETTERS: LETTERS,
    KIND_LABELS: { cloze: "填空", single: "单选", multiple: "多选", judge: "判断" },
    drawStem: drawStem,
    answerText: answerText,
    choiceText: choiceText,
    keyText: function (q) { return choiceText(q, q.answer); }
  };
})();
