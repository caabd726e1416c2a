// The workbench page's script: one bundle for every page of `sakip serve`.
//
// The page says what it is in <body data-page="...">, and carries every
// word it shows in the reader's language (data-words, from the server's
// catalogue) and the language's keywords (data-keywords, from sakip's
// lexicon), so nothing here is a second copy of the server's knowledge.
//
// - edit: a CodeMirror 6 editor on a .sakip or .rhai file. Each change is
//   checked by the server (POST /api/check) and underlined; when the text
//   is clean, the report of the chosen unit is re-evaluated with it
//   (POST /api/preview, nothing written) and shown beside it. Save (button
//   or Ctrl-S) sends the hash of the text it started from, so an edit made
//   elsewhere in between is never overwritten. Hovering a name shows what
//   it is (POST /api/hover) and completion offers what may be typed there
//   (POST /api/complete): the language server's own answers.
// - unit: a unit's report. A click (or Enter) on an indicator shows the
//   steps of `explain`, each linked to its file and line; a spreadsheet can
//   be uploaded as the year's realisasi.
// - every page listens to GET /api/events and refreshes what a change on
//   disk touches, without a reload.

import { EditorState } from "@codemirror/state";
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  drawSelection,
  hoverTooltip,
} from "@codemirror/view";
import { autocompletion } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage,
  syntaxHighlighting,
  HighlightStyle,
  bracketMatching,
  indentOnInput,
} from "@codemirror/language";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { tags as t } from "@lezer/highlight";

const body = document.body;
const words = JSON.parse(body.dataset.words || "{}");
const word = (key) => words[key] || key;

function $(id) {
  return document.getElementById(id);
}

// The token of this run of the server: only its own pages can read it, and
// it must come with every change asked for (a cookie alone never does).
const tokenMeta = document.querySelector('meta[name="sakip-token"]');
const token = tokenMeta ? tokenMeta.content : "";

async function postJson(url, value) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sakip-token": token },
    body: JSON.stringify(value),
  });
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = { error: response.statusText };
  }
  return { status: response.status, data };
}

// ---- highlighting: the rule language's tokens, keywords from the lexicon

function ruleLanguage(keywords) {
  const known = new Set(keywords);
  return StreamLanguage.define({
    name: "sakip",
    token(stream) {
      if (stream.eatSpace()) return null;
      if (stream.match("//")) {
        stream.skipToEnd();
        return "comment";
      }
      if (stream.peek() === '"') {
        stream.next();
        while (!stream.eol()) {
          const c = stream.next();
          if (c === "\\") stream.next();
          else if (c === '"') break;
        }
        return "string";
      }
      if (stream.match(/^Rp\.?\s*[0-9][0-9.,]*/)) return "number";
      if (stream.match(/^[0-9][0-9.,]*%?/)) return "number";
      if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
        const w = stream.current();
        return known.has(w) ? "keyword" : "variableName";
      }
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: "//" } },
  });
}

const rhaiKeywords = [
  "fn", "let", "const", "if", "else", "return", "true", "false", "for", "in",
  "while", "loop", "break", "continue", "switch", "import", "export", "as", "private",
];

const style = HighlightStyle.define([
  { tag: t.keyword, color: "#7b1fa2", fontWeight: "600" },
  { tag: t.comment, color: "#5f6b7a", fontStyle: "italic" },
  { tag: t.string, color: "#2e7d32" },
  { tag: t.number, color: "#b35900" },
  { tag: t.variableName, color: "#1d2433" },
]);

// ---- hover and completion: the language server's answers, from the server

// Hover text is Markdown of a small kind: **bold**, `code`, ```blocks```
// and blank lines between paragraphs. It is built as DOM nodes, never as
// HTML, so an indikator's name is shown, not run.
function markdownNodes(markdown) {
  const box = document.createElement("div");
  box.className = "hover";
  const blocks = markdown.split(/\n\n+/);
  for (const block of blocks) {
    if (block.startsWith("```")) {
      const pre = document.createElement("pre");
      pre.textContent = block.replace(/^```\w*\n?/, "").replace(/\n?```[\s\S]*$/, "");
      box.append(pre);
      const after = block.split("```").slice(2).join("```").trim();
      if (after) box.append(paragraph(after));
      continue;
    }
    box.append(paragraph(block));
  }
  return box;
}

function paragraph(text) {
  const p = document.createElement("p");
  // `code` first, then **bold** inside the plain parts.
  text.split("`").forEach((part, i) => {
    if (i % 2 === 1) {
      const code = document.createElement("code");
      code.textContent = part;
      p.append(code);
      return;
    }
    part.split("**").forEach((bit, j) => {
      if (j % 2 === 1) {
        const b = document.createElement("strong");
        b.textContent = bit;
        p.append(b);
      } else if (bit) {
        p.append(bit);
      }
    });
  });
  return p;
}

function hoverFrom(path) {
  return hoverTooltip(async (view, pos) => {
    const text = view.state.doc.toString();
    const { status, data } = await postJson("/api/hover", { path, text, at: pos });
    if (status !== 200 || !data || !data.markdown) return null;
    // The text changed while the server answered: the answer is of another.
    if (view.state.doc.toString() !== text) return null;
    return {
      pos: data.from == null ? pos : data.from,
      end: data.to == null ? pos : data.to,
      above: true,
      create: () => ({ dom: markdownNodes(data.markdown) }),
    };
  });
}

// The editor's names for what a candidate is.
const completionType = {
  field: "property",
  keyword: "keyword",
  unit: "type",
  band: "enum",
  colour: "constant",
  indikator: "variable",
  function: "function",
};

function completionFrom(path) {
  return autocompletion({
    override: [
      async (context) => {
        const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
        const typing = context.matchBefore(/[A-Za-z0-9_]+$/);
        // Asked for (Ctrl-Space), a word begun, or right after a space or a
        // dot, where the grammar often allows only a few words.
        if (!context.explicit && !typing && before !== " " && before !== ".") return null;
        const text = context.state.doc.toString();
        const { status, data } = await postJson("/api/complete", { path, text, at: context.pos });
        if (status !== 200 || !data || !data.items || data.items.length === 0) return null;
        return {
          from: data.from,
          to: data.to,
          options: data.items.map((c) => ({
            label: c.label,
            type: completionType[c.kind] || "text",
            detail: c.detail || undefined,
          })),
          validFor: /^[A-Za-z0-9_%]*$/,
        };
      },
    ],
  });
}

// ---- the editor page

function editPage() {
  const path = body.dataset.path;
  let base = body.dataset.hash || null;
  const isRules = path.endsWith(".sakip");
  const keywords = isRules ? JSON.parse(body.dataset.keywords || "[]") : rhaiKeywords;
  const status = $("status");
  const list = $("problems");
  const frame = $("preview");
  let savedText = null;
  let previewSeq = 0;

  const say = (text, kind) => {
    status.textContent = text;
    status.className = kind || "";
  };

  function offset(doc, line, col) {
    if (line < 1) return 0;
    const l = doc.line(Math.min(line, doc.lines));
    return Math.min(l.from + Math.max(col - 1, 0), l.to);
  }

  function showProblems(problems) {
    list.replaceChildren();
    for (const p of problems) {
      const li = document.createElement("li");
      li.className = p.severity === "error" ? "err" : "warn";
      const at = document.createElement("a");
      at.href = `#L${p.line}`;
      at.textContent = `${p.line}:${p.col}`;
      at.addEventListener("click", (e) => {
        e.preventDefault();
        goTo(p.line, p.col);
      });
      li.append(at, ` ${p.code}: ${p.message}`);
      if (p.help) {
        const help = document.createElement("div");
        help.className = "help";
        help.textContent = `${word("help")}: ${p.help}`;
        li.append(help);
      }
      list.append(li);
    }
  }

  async function preview(text) {
    const unit = $("unit") && $("unit").value;
    const year = $("year") && $("year").value;
    if (!unit || !year) return;
    const seq = ++previewSeq;
    const { status: code, data } = await postJson("/api/preview", {
      path,
      text,
      unit,
      year: Number(year),
    });
    if (seq !== previewSeq) return; // a newer keystroke's answer will come
    if (code === 200) {
      frame.srcdoc = data.html;
      say(word("preview-fresh"), "ok");
    } else {
      say(data.error || word("preview-stale"), "warn");
    }
  }

  const check = linter(
    async (view) => {
      const text = view.state.doc.toString();
      const { status: code, data } = await postJson("/api/check", { path, text });
      if (code !== 200) {
        say(data.error || String(code), "err");
        return [];
      }
      const problems = data.problems || [];
      showProblems(problems);
      const doc = view.state.doc;
      const diagnostics = problems.map((p) => {
        const from = offset(doc, p.line, p.col);
        let to = offset(doc, p.end_line || p.line, p.end_col || p.col);
        if (to <= from) to = Math.min(from + 1, doc.length);
        return {
          from,
          to,
          severity: p.severity === "error" ? "error" : "warning",
          message: p.help ? `${p.message}\n${word("help")}: ${p.help}` : p.message,
          source: p.code,
        };
      });
      if (problems.some((p) => p.severity === "error")) {
        say(word("has-errors"), "err");
      } else {
        preview(text);
      }
      return diagnostics;
    },
    { delay: 250 },
  );

  const dirty = () => view.state.doc.toString() !== savedText;
  const markDirty = () => {
    $("save").disabled = !dirty();
    document.title = (dirty() ? "• " : "") + path;
  };

  async function save() {
    const text = view.state.doc.toString();
    const fmt = $("fmt").checked;
    const { status: code, data } = await postJson("/api/save", { path, text, base, fmt });
    if (code === 200) {
      base = data.hash;
      if (data.text !== text) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: data.text } });
      }
      savedText = data.text;
      $("conflict").hidden = true;
      say(word("saved"), "ok");
    } else if (code === 409) {
      $("conflict-text").textContent = data.text == null ? "" : data.text;
      $("conflict").hidden = false;
      $("conflict").dataset.hash = data.hash || "";
      $("conflict").dataset.text = data.text == null ? "" : data.text;
      say(data.error, "err");
    } else {
      say(data.error || String(code), "err");
    }
    markDirty();
  }

  const view = new EditorView({
    parent: $("editor"),
    state: EditorState.create({
      doc: $("source").textContent,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        ruleLanguage(keywords),
        syntaxHighlighting(style),
        lintGutter(),
        check,
        hoverFrom(path),
        completionFrom(path),
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => (save(), true) },
          indentWithTab,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) markDirty();
        }),
        EditorView.contentAttributes.of({ "aria-label": path }),
        // Long lines wrap: an id at the end of a long line stays in view.
        EditorView.lineWrapping,
      ],
    }),
  });
  savedText = view.state.doc.toString();
  window.sakipEditor = view;

  // The line in the middle of the editor, with the cursor on it.
  function goTo(line, col) {
    const pos = offset(view.state.doc, line, col || 1);
    view.dispatch({
      selection: { anchor: pos },
      effects: EditorView.scrollIntoView(pos, { y: "center" }),
    });
    view.focus();
  }

  $("save").addEventListener("click", save);
  $("conflict-load").addEventListener("click", () => {
    const c = $("conflict");
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: c.dataset.text } });
    base = c.dataset.hash || null;
    savedText = c.dataset.text;
    c.hidden = true;
    markDirty();
  });
  $("conflict-overwrite").addEventListener("click", () => {
    base = $("conflict").dataset.hash || null;
    save();
  });
  for (const id of ["unit", "year"]) {
    if ($(id)) $(id).addEventListener("change", () => preview(view.state.doc.toString()));
  }
  // A link to a line (from explain) opens with that line in view, once the
  // editor has its size.
  const jump = /^#L(\d+)$/.exec(location.hash);
  if (jump) requestAnimationFrame(() => goTo(Number(jump[1]), 1));
  markDirty();

  // A change on disk: this file reloads when it holds no unsaved edit (else
  // the page says so and the save will show both versions); any other file
  // may change what this one means, so it is checked again.
  listen(async (changed) => {
    if (changed.has(path) && !dirty()) {
      const response = await fetch(`/api/file?path=${encodeURIComponent(path)}`);
      if (response.ok) {
        const data = await response.json();
        if (data.hash !== base) {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: data.text } });
          base = data.hash;
          savedText = data.text;
          markDirty();
          say(word("reloaded"), "ok");
        }
      }
    } else if (changed.has(path)) {
      say(word("changed-on-disk"), "warn");
    }
    forceLinting(view);
  });
}

// ---- the unit page: explain in place, upload

function unitPage() {
  const unit = body.dataset.unit;
  const year = body.dataset.year;
  const panel = $("explain");

  // The explanation opens in a row of its own under the indicator's row.
  function beside(row) {
    let holder = document.querySelector("tr.explain-row");
    if (!holder) {
      holder = document.createElement("tr");
      holder.className = "explain-row";
      const cell = document.createElement("td");
      cell.colSpan = 99;
      holder.append(cell);
    }
    row.after(holder);
    holder.firstChild.append(panel);
  }

  async function explain(id, row) {
    const q = new URLSearchParams({ unit, year, id });
    const response = await fetch(`/api/explain?${q}`);
    const data = await response.json();
    if (row) beside(row);
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = response.ok ? `${data.id} ${data.name}` : data.error;
    panel.append(h);
    if (!response.ok) return;
    const sub = document.createElement("p");
    sub.textContent = data.heading;
    const ol = document.createElement("ol");
    for (const s of data.steps) {
      const li = document.createElement("li");
      const b = document.createElement("b");
      b.textContent = s.label;
      li.append(b, " ", s.text);
      if (s.origin) {
        const a = document.createElement("a");
        a.href = `/edit?path=${encodeURIComponent(s.origin.file)}&unit=${encodeURIComponent(unit)}&year=${year}#L${s.origin.line}`;
        a.textContent = `${s.origin.file}:${s.origin.line}`;
        li.append(" · ", a);
      }
      ol.append(li);
    }
    const result = document.createElement("p");
    result.className = "result";
    result.textContent = data.result;
    panel.append(sub, ol, result);
    for (const f of data.findings) {
      const p = document.createElement("p");
      p.className = f.severity === "error" ? "err" : "warn";
      p.textContent = `${f.code}: ${f.message}`;
      panel.append(p);
    }
    panel.hidden = false;
    panel.focus({ preventScroll: true });
  }

  function bindRows() {
    for (const span of document.querySelectorAll("table .id")) {
      const row = span.closest("tr");
      if (!row || row.dataset.bound) continue;
      row.dataset.bound = "1";
      row.tabIndex = 0;
      row.classList.add("explainable");
      row.title = word("explain-hint");
      const id = span.textContent.trim();
      row.addEventListener("click", (e) => {
        if (e.target.closest("a")) return; // a flag's link goes to its note
        explain(id, row);
      });
      row.addEventListener("keydown", (e) => {
        if (e.key === "Enter") explain(id, row);
      });
    }
  }
  bindRows();

  const form = $("upload");
  if (form) {
    const out = $("upload-result");
    const line = (text, kind) => {
      const p = document.createElement("p");
      p.className = kind;
      p.textContent = text;
      out.append(p);
      return p;
    };
    const button = (text, onClick) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.addEventListener("click", onClick);
      out.append(b);
      return b;
    };

    async function send(file, confirm) {
      const year = $("upload-year").value;
      const q = new URLSearchParams({
        unit,
        year,
        name: file.name,
        replace: $("upload-replace").checked ? "true" : "false",
        confirm: confirm ? "true" : "false",
      });
      const response = await fetch(`/api/import?${q}`, {
        method: "POST",
        headers: { "x-sakip-token": token },
        body: file,
      });
      let data;
      try {
        data = await response.json();
      } catch (_) {
        data = { error: response.status === 413 ? word("too-large") : response.statusText };
      }
      out.replaceChildren();
      line(response.ok ? data.message : data.error, response.ok ? "ok" : "err");
      if (data.help) line(`${word("help")}: ${data.help}`, "help");
      if (data.cells) {
        const ul = document.createElement("ul");
        for (const c of data.cells) {
          const li = document.createElement("li");
          li.textContent = `${c.where}: ${c.code}: ${c.message}`;
          ul.append(li);
        }
        out.append(ul);
      }
      // An import that would remove much of the year: what goes, what
      // changes, and only then the button that writes it.
      if (data.confirm) {
        if (data.removed && data.removed.length) {
          line(`${word("removed")}: ${data.removed.join(", ")}`, "warn");
        }
        if (data.changed && data.changed.length) {
          const ul = document.createElement("ul");
          for (const [id, was, now] of data.changed) {
            const li = document.createElement("li");
            li.textContent = `${id}: ${was} → ${now}`;
            ul.append(li);
          }
          line(`${word("changed")}:`, "warn");
          out.append(ul);
        }
        button(word("confirm"), () => send(file, true));
      }
      // A year with no agreement: drafted from last year's, then the upload again.
      if (data.draft) {
        button(word("draft"), async () => {
          const d = await fetch(`/api/new-year?${new URLSearchParams({ unit, year })}`, {
            method: "POST",
            headers: { "x-sakip-token": token },
          });
          const r = await d.json().catch(() => ({ error: d.statusText }));
          out.replaceChildren();
          line(d.ok ? r.message : r.error, d.ok ? "ok" : "err");
        });
      }
      if (response.ok) refresh();
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const file = $("upload-file").files[0];
      if (file) send(file, false);
    });
  }

  // The report again, from the server, in place.
  async function refresh() {
    const response = await fetch(location.href);
    if (!response.ok) return;
    const html = await response.text();
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const mine = document.getElementById("report");
    const theirs = fresh.getElementById("report");
    if (mine && theirs) {
      // The explanation lives in a row of the old report: keep it, closed.
      if (mine.contains(panel)) {
        panel.hidden = true;
        mine.after(panel);
      }
      mine.replaceWith(theirs);
      bindRows();
    }
  }
  listen(refresh);
}

// ---- the overview: refreshed in place

function overviewPage() {
  listen(async () => {
    const response = await fetch(location.href);
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const mine = $("tree");
    const theirs = fresh.getElementById("tree");
    if (mine && theirs) mine.replaceWith(theirs);
  });
}

// Changes on disk, as the server's events; a burst of them (an import, a
// save in another editor) is handled once.
//
// A browser opens at most six connections to one host, and an event stream
// holds one for as long as the page is open: six tabs of the workbench used
// to hang the seventh. So the tabs of one browser share one stream. The tab
// that holds the lock "sakip-events" (Web Locks) opens it and passes every
// event on over a BroadcastChannel; the others listen there. When that tab
// closes, its lock passes to another tab, which opens the stream in turn.
// Where either API is missing, each tab opens its own stream, as before.
const listeners = [];
let sharing = false;

function deliver(path) {
  for (const l of listeners) l(path);
}

function openStream(onEvent) {
  const events = new EventSource("/api/events");
  events.addEventListener("changed", (e) => onEvent(e.data));
  return events;
}

function shareEvents() {
  if (sharing) return;
  sharing = true;
  if (!window.EventSource) return;
  if (!(window.BroadcastChannel && navigator.locks)) {
    openStream(deliver);
    return;
  }
  const channel = new BroadcastChannel("sakip-events");
  channel.onmessage = (e) => deliver(e.data);
  // Held until the tab closes: the promise never settles.
  navigator.locks.request("sakip-events", () => {
    openStream((path) => {
      channel.postMessage(path);
      deliver(path);
    });
    window.sakipEventsLeader = true;
    return new Promise(() => {});
  });
}

function listen(onChange) {
  let timer = null;
  let changed = new Set();
  listeners.push((path) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const these = changed;
      changed = new Set();
      onChange(these);
    }, 150);
  });
  shareEvents();
}

const pages = { edit: editPage, unit: unitPage, overview: overviewPage };
const page = pages[body.dataset.page];
if (page) page();
