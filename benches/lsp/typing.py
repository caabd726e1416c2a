"""Times `sakip lsp` on a generated tree as an editor drives it: the first
answer after initialize (the national file's outline), an edit of the
national rules checked and answered, hover right after 20 characters typed
into it without waiting, and the notifications sent meanwhile and after
typing settles. One run; figures for the notes of issue 20.

    cargo build --release -p sakip -p sakip-bench
    target/release/sakip-bench generate --units 2000 --out /tmp/t2000
    python3 benches/lsp/typing.py target/release/sakip /tmp/t2000
"""
import json, subprocess, sys, threading, time, queue, os
sakip, root = sys.argv[1], sys.argv[2]
national = os.path.join(root, "rules/nasional/nasional.sakip")
p = subprocess.Popen([sakip, "lsp", "--lang", "en"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
q = queue.Queue()
def reader():
    f = p.stdout
    while True:
        line = f.readline()
        if not line: break
        n = 0
        while line.strip():
            if line.lower().startswith(b"content-length:"): n = int(line.split(b":")[1])
            line = f.readline()
        q.put((time.time(), json.loads(f.read(n))))
threading.Thread(target=reader, daemon=True).start()
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
nid = [0]
def request(method, params):
    nid[0] += 1; i = nid[0]; send({"jsonrpc": "2.0", "id": i, "method": method, "params": params}); notes = []
    while True:
        t, m = q.get(timeout=600)
        if m.get("id") == i: return t, m, notes
        notes.append(m)
uri = "file://" + national
t0 = time.time()
_, init, _ = request("initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
text = open(national).read()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "sakip", "version": 1, "text": text}}})
t1, _, notes = request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
print(f"first answer after initialize (documentSymbol of the national file): {t1 - t0:.2f} s; notifications before it: {len(notes)}")
# an edit that breaks every unit, then the open file's diagnostics
edited = text.replace("indikator i001 ", "indikator i001x ", 1)
t2 = time.time()
send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}})
# The answer to a request comes after the change is checked and the open
# file's diagnostics (if changed) are sent.
t, _, _ = request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
print(f"edit of the national rules -> checked and answered: {t - t2:.3f} s")
time.sleep(2)
while not q.empty(): q.get()
# 20 characters typed, then hover
typed = edited + "\n// "
t3 = time.time()
for i, ch in enumerate("perubahan target 2024"[:20]):
    typed += ch
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 3 + i}, "contentChanges": [{"text": typed}]}})
line = next(i for i, l in enumerate(typed.splitlines()) if "indikator i002" in l)
th = time.time()
t4, h, notes = request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 14}})
print(f"hover right after 20 typed characters: {t4 - th:.3f} s (ok: {h.get('result') is not None}); notifications meanwhile: {len(notes)}")
time.sleep(1.5)
extra = 0
while not q.empty():
    q.get(); extra += 1
print(f"notifications after typing settled: {extra}")
p.kill()
