"""Times the workbench (`sakip serve`) on a generated tree, as a policy
officer's browser drives it: the first overview while the tree is still
read, the time until every unit's latest year is computed, the overview
after that, a keystroke's check, hover, completion and preview of the
national file and of a unit's data (five each: hover and completion on
the text just checked, and on a text not checked yet), and the peak
memory. One run.

    cargo build --release -p sakip -p sakip-bench
    target/release/sakip-bench generate --units 25000 --out /tmp/t25000
    python3 benches/serve/workbench.py $PWD/target/release/sakip /tmp/t25000 8790
"""
import json, os, re, subprocess, sys, time, urllib.request, glob
sakip, root, port = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
t0 = time.time()
p = subprocess.Popen([sakip, "serve", root, "--port", str(port)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
line = p.stderr.readline().decode()
base = f"http://127.0.0.1:{port}"
def get(path):
    t = time.time()
    with urllib.request.urlopen(base + path, timeout=600) as r:
        body = r.read().decode()
    return time.time() - t, body
def post(path, obj, token):
    t = time.time()
    req = urllib.request.Request(base + path, data=json.dumps(obj).encode(), headers={"Content-Type": "application/json", "X-Sakip-Token": token, "Origin": base})
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            body = r.read().decode(); code = r.status
    except urllib.error.HTTPError as e:
        body = e.read().decode(); code = e.code
    return time.time() - t, code, body
def peak():
    return [l.split()[1] for l in open(f"/proc/{p.pid}/status") if l.startswith("VmHWM")][0]
d, page = get("/")
token = re.search(r'name="sakip-token" content="([^"]+)"', page).group(1)
print(f"first overview: {d:.2f} s ({time.time()-t0:.2f} s after start), {len(page)//1024} KB, computing: {page.count('being computed') + page.count('sedang dihitung')}, still checking: {'Still reading' in page or 'masih dibaca' in page}")
# wait for the background
while True:
    time.sleep(2)
    d, page = get("/")
    waiting = page.count('being computed') + page.count('sedang dihitung')
    if waiting == 0 and not ('Still reading' in page or 'masih dibaca' in page):
        break
print(f"warmed after {time.time()-t0:.0f} s from start")
for i in range(3):
    d, page = get("/")
    print(f"overview after warm-up: {1000*d:.0f} ms, {len(page)//1024} KB")
national = "rules/nasional/nasional.sakip"
text = open(os.path.join(root, national)).read()
unit_dir = os.path.relpath(os.path.dirname(sorted(glob.glob(os.path.join(root, "satker/*/*/realisasi-*.sakip")))[0]), root)
data = sorted(glob.glob(os.path.join(root, unit_dir, "realisasi-*.sakip")))[0]
data_rel = os.path.relpath(data, root); dtext = open(data).read()
year = int(re.search(r"(\d{4})", os.path.basename(data)).group(1))
for what, path, body in [("national file", national, text), ("unit data", data_rel, dtext)]:
    ts = []
    for i in range(5):
        d, code, out = post("/api/check", {"path": path, "text": body + "\n// x" * i}, token)
        ts.append(d)
    print(f"keystroke check, {what}: {', '.join(f'{1000*t:.0f}' for t in ts)} ms (last {code})")
    # An id to hover: an indikator's in the national file, the first
    # figure's in a unit's data; the editor counts UTF-16 units.
    m = re.search(r"indikator (\w+)", body) or re.search(r"^\s+(\w+)\s", body, re.M)
    units = lambda t, i: len(t[:i].encode("utf-16-le")) // 2
    for fresh in (False, True):
        ts, tc = [], []
        for i in range(5):
            b = body + "\n// x" * i + (" y" if fresh else "")
            d, code, out = post("/api/hover", {"path": path, "text": b, "at": units(b, m.start(1) + 2)}, token)
            ts.append(d)
            assert code == 200 and out != "null", out
            d, code, out = post("/api/complete", {"path": path, "text": b, "at": units(b, m.start(1) + 2)}, token)
            tc.append(d)
        which = "not checked before" if fresh else "just checked"
        print(f"hover, {what}, {which}: {', '.join(f'{1000*t:.1f}' for t in ts)} ms")
        print(f"completion, {what}, {which}: {', '.join(f'{1000*t:.1f}' for t in tc)} ms (last {code})")
    ts = []
    for i in range(5):
        d, code, out = post("/api/preview", {"path": path, "text": body + "\n// x" * i, "unit": unit_dir, "year": year}, token)
        ts.append(d)
    print(f"keystroke preview, {what}: {', '.join(f'{1000*t:.0f}' for t in ts)} ms (last {code})")
print(f"peak memory {int(peak())//1024} MB")
p.kill()
