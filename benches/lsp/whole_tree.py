"""The language server's whole tree: from initialize to the answer of a
`references` request in the national file (which waits until every rule
set is checked), the number of places found, and the server's peak memory
(VmHWM) and memory after (VmRSS), in KB. One run.

    cargo build --release -p sakip -p sakip-bench
    target/release/sakip-bench generate --units 25000 --out /tmp/t25000
    python3 benches/lsp/whole_tree.py $PWD/target/release/sakip /tmp/t25000
"""
import json, subprocess, sys, time, os
sakip, root = sys.argv[1], os.path.abspath(sys.argv[2])
national = os.path.join(root, "rules/nasional/nasional.sakip")
p = subprocess.Popen([sakip, "lsp", "--lang", "en"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def read():
    n = 0
    while True:
        line = p.stdout.readline()
        if not line.strip(): break
        if line.lower().startswith(b"content-length:"): n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))
def request(i, method, params):
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    while True:
        m = read()
        if m.get("id") == i: return m
perf = None
if os.environ.get("PERF"):
    perf = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-o", "/tmp/lsp.perf", "-p", str(p.pid)], stderr=subprocess.DEVNULL)
    time.sleep(0.5)
t0 = time.time()
request(1, "initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
text = open(national).read()
line = next(i for i, l in enumerate(text.splitlines()) if "indikator i002" in l)
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://" + national, "languageId": "sakip", "version": 1, "text": text}}})
r = request(2, "textDocument/references", {"textDocument": {"uri": "file://" + national}, "position": {"line": line, "character": 14}, "context": {"includeDeclaration": True}})
t1 = time.time()
hwm = [l for l in open(f"/proc/{p.pid}/status") if l.startswith(("VmHWM", "VmRSS"))]
print(f"whole tree: {t1-t0:.1f} s, {len(r['result'])} refs", " ".join(x.split()[1] for x in hwm))
if perf:
    perf.send_signal(2); perf.wait()
p.kill()
