"""Times `sakip lsp` on a generated tree as an editor drives it. One run;
figures for docs/SCALE.md and the notes of issue 20.

- the first answer after initialize: the national file and one unit's
  agreement opened, then the national file's outline asked for;
- an edit of the national rules (an indikator renamed, so every unit's
  files become wrong) until the open unit's diagnostics arrive;
- hover right after 20 characters typed into the national file without
  waiting, and hover and completion in the unit while the tree re-checks;
- when the background check of the whole tree ends (the burst of the
  closed files' diagnostics), the notifications it sends, and the
  server's peak memory (VmHWM).

    cargo build --release -p sakip -p sakip-bench
    target/release/sakip-bench generate --units 2000 --out /tmp/t2000
    python3 benches/lsp/typing.py $PWD/target/release/sakip /tmp/t2000
"""
import glob, json, os, queue, subprocess, sys, threading, time

sakip, root = sys.argv[1], os.path.abspath(sys.argv[2])
national = os.path.join(root, "rules/nasional/nasional.sakip")
unit = sorted(glob.glob(os.path.join(root, "satker/*/*/perjanjian-*.sakip")))[0]
p = subprocess.Popen([sakip, "lsp", "--lang", "en"], cwd=root, stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
q = queue.Queue()


def reader():
    f = p.stdout
    while True:
        line = f.readline()
        if not line:
            break
        n = 0
        while line.strip():
            if line.lower().startswith(b"content-length:"):
                n = int(line.split(b":")[1])
            line = f.readline()
        q.put((time.time(), json.loads(f.read(n))))


threading.Thread(target=reader, daemon=True).start()


def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()


nid = [0]


def request(method, params):
    nid[0] += 1
    i = nid[0]
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    notes = []
    while True:
        t, m = q.get(timeout=600)
        if m.get("id") == i:
            return t, m, notes
        notes.append(m)


def change(path, version, text):
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file://" + path, "version": version}, "contentChanges": [{"text": text}]}})


def peak_mb():
    for line in open(f"/proc/{p.pid}/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024


def drain_until_quiet(quiet):
    """Notifications until none came for `quiet` seconds: (count, time of the last)."""
    count, last = 0, None
    while True:
        try:
            t, m = q.get(timeout=quiet)
        except queue.Empty:
            return count, last
        if m.get("method") == "textDocument/publishDiagnostics":
            count += 1
            last = t


uri = "file://" + national
t0 = time.time()
request("initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
text = open(national).read()
unit_text = open(unit).read()
for path, body in [(national, text), (unit, unit_text)]:
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": "file://" + path, "languageId": "sakip", "version": 1, "text": body}}})
t1, _, notes = request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
print(f"first answer after initialize (two files opened, the national outline): {1000 * (t1 - t0):.0f} ms")
count, last = drain_until_quiet(5)
print(f"the whole tree checked after start: {last - t0 if last else float('nan'):.1f} s after initialize, "
      f"{count} notifications (files with problems), peak memory {peak_mb()} MB")

# An edit of the national rules: i001 renamed; the open unit's files name it.
edited = text.replace("indikator i001 ", "indikator i001x ", 1)
t2 = time.time()
change(national, 2, edited)
unit_uri = "file://" + unit
while True:
    t, m = q.get(timeout=600)
    if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == unit_uri:
        break
print(f"edit of the national rules -> the open unit's diagnostics: {1000 * (t - t2):.0f} ms "
      f"({len(m['params']['diagnostics'])} problems)")
# While the rest of the tree re-checks: hover and completion in the unit.
line = next(i for i, l in enumerate(unit_text.splitlines()) if "target i002" in l)
col = unit_text.splitlines()[line].index("i002") + 2
th = time.time()
t4, h, _ = request("textDocument/hover", {"textDocument": {"uri": unit_uri}, "position": {"line": line, "character": col}})
print(f"hover in the unit while the tree re-checks: {1000 * (t4 - th):.1f} ms (ok: {h.get('result') is not None})")
th = time.time()
t4, c, _ = request("textDocument/completion", {"textDocument": {"uri": unit_uri}, "position": {"line": line, "character": col}})
print(f"completion in the unit while the tree re-checks: {1000 * (t4 - th):.1f} ms "
      f"({len(c.get('result') or [])} items)")
count, last = drain_until_quiet(5)
print(f"the tree re-checked after the edit: {last - t2 if last else float('nan'):.1f} s after it, {count} notifications")

# 20 characters typed into a comment, without waiting, then hover.
typed = edited + "\n// "
t3 = time.time()
for i, ch in enumerate("perubahan target 2024"[:20]):
    typed += ch
    change(national, 3 + i, typed)
line = next(i for i, l in enumerate(typed.splitlines()) if "indikator i002" in l)
th = time.time()
t4, h, notes = request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 14}})
print(f"hover right after 20 typed characters: {1000 * (t4 - th):.1f} ms (ok: {h.get('result') is not None}); "
      f"{1000 * (t4 - t3):.0f} ms from the first keystroke; notifications meanwhile: {len(notes)}")
# References need every rule set checked: their answer comes when the
# background work of the typing is done.
t5, r, _ = request("textDocument/references", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 14},
                                               "context": {"includeDeclaration": True}})
print(f"references to i002 (waits for the whole tree): {t5 - t3:.1f} s after the first keystroke, "
      f"{len(r.get('result') or [])} places")
count, last = drain_until_quiet(5)
print(f"after typing, the tree re-checked {last - t3 if last else float('nan'):.1f} s after the first keystroke: "
      f"{count} notifications; peak memory {peak_mb()} MB")
p.kill()
