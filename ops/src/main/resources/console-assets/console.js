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

  var cm = null;

  // With the script, a prompt cell saves when it changes (or on Enter): its button is for pages
  // without JavaScript only.
  document.documentElement.classList.add("js");

  function goToLine(line) {
    var editor = document.getElementById("yaml");
    if (!editor || !(line > 0)) {
      return;
    }
    if (cm) {
      var text = cm.getLine(line - 1) || "";
      cm.focus();
      cm.setSelection({ line: line - 1, ch: text.length }, { line: line - 1, ch: 0 });
      cm.scrollIntoView({ line: line - 1, ch: 0 }, 120);
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

  // The schema's property names, for completion; filled once fetched.
  var schemaWords = [];

  function collectKeys(node, into) {
    if (!node || typeof node !== "object") {
      return;
    }
    if (node.properties) {
      Object.keys(node.properties).forEach(function (key) {
        if (into.indexOf(key) < 0) {
          into.push(key);
        }
      });
    }
    Object.keys(node).forEach(function (key) {
      collectKeys(node[key], into);
    });
  }

  /** Completes the word at the cursor from the schema's keys and the names in the document. */
  function complete(editor) {
    var cursor = editor.getCursor();
    var line = editor.getLine(cursor.line);
    var start = cursor.ch;
    while (start > 0 && /[A-Za-z0-9_-]/.test(line.charAt(start - 1))) {
      start--;
    }
    var prefix = line.slice(start, cursor.ch);
    var words = schemaWords.slice();
    editor.getValue().split("\n").forEach(function (text) {
      var name = /^\s{2}([a-z0-9][a-z0-9_-]*):/.exec(text);
      if (name && words.indexOf(name[1]) < 0) {
        words.push(name[1]);
      }
    });
    var list = words.filter(function (w) { return w.indexOf(prefix) === 0 && w !== prefix; }).sort();
    return { list: list, from: { line: cursor.line, ch: start }, to: cursor };
  }

  /** Marks each error of the diagnostics list at its line in the editor. */
  function markDiagnostics() {
    if (!cm) {
      return;
    }
    cm.clearGutter("diagnostics");
    for (var i = 0; i < cm.lineCount(); i++) {
      cm.removeLineClass(i, "background", "cm-error-line");
    }
    document.querySelectorAll("#diagnostics li.error").forEach(function (item) {
      var line = parseInt(item.getAttribute("data-line"), 10) - 1;
      if (!(line >= 0) || line >= cm.lineCount()) {
        return;
      }
      var marker = document.createElement("span");
      marker.className = "diag-marker";
      marker.setAttribute("data-line", String(line + 1));
      var previous = cm.lineInfo(line).gutterMarkers;
      var title = item.textContent.replace(/\s+/g, " ").trim();
      if (previous && previous.diagnostics) {
        title = previous.diagnostics.title + " | " + title;
      }
      marker.title = title;
      marker.textContent = "\u25CF";
      cm.setGutterMarker(line, "diagnostics", marker);
      cm.addLineClass(line, "background", "cm-error-line");
    });
  }

  // The prompt table: a cell changes the YAML in the editor (the server makes the careful edit of
  // that one value and answers the whole text), and the editor's change is saved and checked like
  // any other, which refreshes the table and the diagnostics.
  function editorText() {
    var textarea = document.getElementById("yaml");
    return cm ? cm.getValue() : textarea ? textarea.value : "";
  }

  /** Replaces only the part that differs, so the caret, the scroll and undo stay as they were. */
  function setEditorText(text) {
    var textarea = document.getElementById("yaml");
    var old = editorText();
    var start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) {
      start++;
    }
    var endOld = old.length;
    var endNew = text.length;
    while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
      endOld--;
      endNew--;
    }
    if (cm) {
      cm.replaceRange(text.slice(start, endNew), cm.posFromIndex(start), cm.posFromIndex(endOld),
        "+prompt-table");
    } else if (textarea) {
      textarea.value = text;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function showPromptProblem(message) {
    var problem = document.getElementById("prompt-edit-problem");
    if (problem) {
      problem.textContent = message;
      problem.hidden = message === "";
    }
  }

  function sendPromptCell(form) {
    var words = form.querySelector('[name="words"]');
    if (!words || words.readOnly || words.value === words.defaultValue) {
      return;
    }
    var body = new URLSearchParams(new FormData(form));
    body.set("yaml", editorText());
    var sent = words.value;
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: token ? { "X-CSRF-Token": token.getAttribute("content") } : {}
    })
      .then(function (answer) {
        return answer.text().then(function (text) { return { ok: answer.ok, text: text }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          words.defaultValue = sent;
          showPromptProblem("");
          setEditorText(answer.text);
        } else {
          showPromptProblem(answer.text);
        }
      })
      .catch(function () {
        showPromptProblem("Not changed: the console did not answer; try again.");
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("prompt-cell") && document.getElementById("yaml")) {
      event.preventDefault();
      sendPromptCell(form);
    }
  });

  // Enter in a cell saves it (the words are one line); Shift-Enter is Enter as typed.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    var form = input.closest ? input.closest("form.prompt-cell") : null;
    if (form && input.name === "words" && event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      if (document.getElementById("yaml")) {
        sendPromptCell(form);
      } else {
        form.requestSubmit();
      }
    }
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    var form = input.closest ? input.closest("form.prompt-cell") : null;
    if (form && input.name === "words" && document.getElementById("yaml")) {
      sendPromptCell(form);
    }
  });

  // A refresh of the table must not throw away words being typed in a cell: htmx keeps the focus
  // (the cell's id is stable), this keeps the unsaved words.
  var typing = null;
  document.body.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    typing = active && active.name === "words" && active.value !== active.defaultValue
      ? { id: active.id, value: active.value }
      : null;
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    if (typing) {
      var cell = document.getElementById(typing.id);
      if (cell && cell.value !== typing.value) {
        cell.value = typing.value;
      }
      typing = null;
    }
  });

  // The softphone plays the call as the caller would hear it: each new line's audio in turn, from
  // the players the transcript shows. A key pressed stops what is playing (the caller barged in).
  var heard = { call: "", upTo: -1 };
  var queue = [];
  var playing = null;

  function playNext() {
    if (playing || queue.length === 0) {
      return;
    }
    playing = new Audio(queue.shift());
    playing.addEventListener("ended", function () {
      playing = null;
      playNext();
    });
    playing.addEventListener("error", function () {
      playing = null;
      playNext();
    });
    playing.play().catch(function () {
      // The browser refused to play without a gesture; the players stay there to press.
      playing = null;
      queue = [];
    });
  }

  /** Queues the lines not heard yet; {@code silently} (the page's own load) only marks them heard. */
  function queueNewAudio(silently) {
    var transcript = document.getElementById("transcript");
    if (!transcript) {
      return;
    }
    var call = transcript.getAttribute("data-call") || "";
    if (call !== heard.call) {
      heard = { call: call, upTo: -1 };
      queue = [];
    }
    transcript.querySelectorAll("audio.line-audio").forEach(function (audio) {
      var line = parseInt(audio.getAttribute("data-line"), 10);
      if (line > heard.upTo) {
        heard.upTo = line;
        if (silently !== true) {
          queue.push(audio.getAttribute("src"));
        }
      }
    });
    playNext();
  }

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail && event.detail.elt;
    if (source && source.closest && source.closest(".keypad") && playing) {
      playing.pause();
      playing = null;
      queue = [];
    }
  });
  document.body.addEventListener("htmx:afterSettle", function () { queueNewAudio(false); });
  queueNewAudio(true);

  var editor = document.getElementById("yaml");
  var gutter = document.getElementById("gutter");
  if (editor && window.CodeMirror) {
    var code = editor.closest(".code");
    code.classList.add("cm-on");
    cm = window.CodeMirror.fromTextArea(editor, {
      mode: "yaml",
      lineNumbers: true,
      indentUnit: 2,
      indentWithTabs: false,
      readOnly: editor.readOnly,
      gutters: ["diagnostics", "CodeMirror-linenumbers"],
      extraKeys: {
        "Ctrl-Space": function (instance) {
          instance.showHint({ hint: complete, completeSingle: false });
          // The add-on's list has no name of its own; screen readers announce this one.
          document.querySelectorAll("ul.CodeMirror-hints").forEach(function (list) {
            list.setAttribute("aria-label", "Completions");
          });
        },
        // YAML has no tabs, and Tab must leave the editor for keyboard users.
        Tab: false,
        "Shift-Tab": false
      }
    });
    cm.getInputField().setAttribute("aria-label", "Flow YAML");
    cm.on("change", function () {
      cm.save();
      editor.dispatchEvent(new Event("input", { bubbles: true }));
    });
    document.body.addEventListener("htmx:afterSwap", markDiagnostics);
    markDiagnostics();
    fetch(code.getAttribute("data-schema"), { credentials: "same-origin" })
      .then(function (answer) { return answer.json(); })
      .then(function (schema) { collectKeys(schema, schemaWords); })
      .catch(function () { /* completion then offers the document's names only */ });
    goToLine(lineOfHash());
  } else if (editor && gutter) {
    editor.addEventListener("scroll", function () {
      gutter.scrollTop = editor.scrollTop;
    });
    goToLine(lineOfHash());
  }
})();
