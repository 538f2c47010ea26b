// The console's only script (the Content Security Policy allows no inline script): it sends the
// CSRF token with every htmx request and moves the editor's caret to a line (#L12 in the address,
// a diagnostic or a prompt clicked).
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token.getAttribute("content");
    }
  });

  function goToLine(line) {
    var editor = document.getElementById("yaml");
    if (!editor || !(line > 0)) {
      return;
    }
    var lines = editor.value.split("\n");
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) {
      start += lines[i].length + 1;
    }
    var end = start + (lines[line - 1] || "").length;
    editor.focus();
    editor.setSelectionRange(start, end);
    var height = editor.scrollHeight / Math.max(lines.length, 1);
    editor.scrollTop = Math.max(0, (line - 5) * height);
  }

  function lineOfHash() {
    var match = /^#L(\d+)$/.exec(window.location.hash);
    return match ? parseInt(match[1], 10) : 0;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.goto, .gutter .line") : null;
    if (!link) {
      return;
    }
    var line = link.classList.contains("line")
      ? parseInt(link.textContent, 10)
      : parseInt((link.getAttribute("href") || "").replace("#L", ""), 10);
    if (line > 0) {
      event.preventDefault();
      history.replaceState(null, "", "#L" + line);
      goToLine(line);
    }
  });

  var editor = document.getElementById("yaml");
  var gutter = document.getElementById("gutter");
  if (editor && gutter) {
    editor.addEventListener("scroll", function () {
      gutter.scrollTop = editor.scrollTop;
    });
    goToLine(lineOfHash());
  }
})();
