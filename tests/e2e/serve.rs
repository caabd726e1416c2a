//! `sakip serve`'s API on loopback, spoken to as a page would: a check of
//! unsaved text, a preview with it, saves (a stale one refused), every way
//! out of the served folder refused, an oversized body, and the token when
//! bound beyond this machine.

use crate::support::scratch_copy;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub(crate) struct Server {
    child: Child,
    pub(crate) port: u16,
    /// The page token, as the overview's `<meta name="sakip-token">` has it.
    pub(crate) token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start(root: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sakip"))
        .args(["--lang", "en", "serve", root.to_str().unwrap(), "--port", "0"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let after = line.split("http://").nth(1).unwrap_or_else(|| panic!("{line}"));
    let port = after
        .split(['/', '?'])
        .next()
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // The overview, as a browser first opens it (with `?token=` when bound
    // beyond this machine), carries the page token.
    let first = after.split_whitespace().next().unwrap();
    let target = &first[first.find('/').unwrap()..];
    let (_, page) = request(port, "GET", target, &[], "");
    let token = page_token(&page);
    Server { child, port, token }
}

/// The page token a page carries.
pub(crate) fn page_token(page: &str) -> String {
    page.split("<meta name=\"sakip-token\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// One request with a body of bytes; the status, the head and the body.
pub(crate) fn request_raw(
    port: u16,
    method: &str,
    target: &str,
    headers: &[&str],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    // A test that names its own Host (an attacker's) sends only that one.
    let host = if headers.iter().any(|h| h.to_ascii_lowercase().starts_with("host:")) {
        String::new()
    } else {
        format!("Host: localhost:{port}\r\n")
    };
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\n{host}Connection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A server that refuses a body early may close before it is all sent.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let split = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(out.len());
    let head = String::from_utf8_lossy(&out[..split]).to_string();
    let body = out.get(split + 4..).unwrap_or_default().to_vec();
    let status = head.split_whitespace().nth(1).unwrap_or("0").parse().unwrap_or(0);
    (status, head, body)
}

/// One request; the status and the body.
pub(crate) fn request(port: u16, method: &str, target: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n", body.len());
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body.as_bytes());
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text.split_whitespace().nth(1).unwrap_or("0").parse().unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// A POST as the page's script sends it: JSON, with the page token.
pub(crate) fn post(server: &Server, target: &str, body: Value) -> (u16, Value) {
    let token = format!("X-Sakip-Token: {}", server.token);
    let (status, text) = request(server.port, "POST", target, &[&token], &body.to_string());
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

const AGREEMENT: &str = "examples/lapas-sarolangun-rawas/perjanjian-2022.sakip";
const DATA: &str = "examples/lapas-sarolangun-rawas/realisasi-2022.sakip";

#[test]
fn check_preview_and_save_without_losing_an_edit() {
    let root = scratch_copy("serve-api");
    let server = start(&root, &[]);
    let port = server.port;
    let text = std::fs::read_to_string(root.join(AGREEMENT)).unwrap();
    // A mistake typed into the agreement: underlined at its line.
    let broken = text.replacen("target iku_kamtib", "target iku_kamtib =", 1);
    let line = text.lines().position(|l| l.contains("target iku_kamtib")).unwrap() + 1;
    let (status, v) = post(&server, "/api/check", json!({"path": AGREEMENT, "text": broken}));
    assert_eq!(status, 200, "{v}");
    let p = &v["problems"][0];
    assert_eq!(p["code"], "syntax", "{v}");
    assert_eq!(p["line"], line, "{v}");
    assert!(p["message"].as_str().unwrap().contains("expected"), "{v}");
    // Checked, not saved: the rest of the workbench still sees the disk's file.
    let (_, overview) = request(port, "GET", "/", &[], "");
    assert!(
        !overview.contains("class=\"err\""),
        "an unsaved text leaked: {overview}"
    );
    // Fixed: no problem.
    let (_, v) = post(&server, "/api/check", json!({"path": AGREEMENT, "text": text}));
    assert!(crate::support::no_error(&v), "{v}");

    // The report previewed with a changed realisasi; nothing written.
    let data = std::fs::read_to_string(root.join(DATA)).unwrap();
    let changed = data.replacen("iku_kamtib               = 30", "iku_kamtib               = 60", 1);
    assert_ne!(changed, data);
    let (status, v) = post(
        &server,
        "/api/preview",
        json!({"path": DATA, "text": changed, "unit": "examples/lapas-sarolangun-rawas", "year": 2022}),
    );
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["capaian"]["iku_kamtib"], "80.00");
    assert!(v["html"].as_str().unwrap().contains("<table"));
    assert_eq!(std::fs::read_to_string(root.join(DATA)).unwrap(), data);

    // The overview's latest year of the unit, kept between overviews.
    let before = latest_of(port, "examples/lapas-sarolangun-rawas");
    assert!(before.contains("year=2023") && before.contains("nilai"), "{before}");
    assert_eq!(latest_of(port, "examples/lapas-sarolangun-rawas"), before);

    // Save: the hash the page read; a stale one is refused with the other version.
    let (status, f) = {
        let (s, t) = request(port, "GET", &format!("/api/file?path={DATA}"), &[], "");
        (s, serde_json::from_str::<Value>(&t).unwrap())
    };
    assert_eq!(status, 200);
    let base = f["hash"].as_str().unwrap().to_string();
    std::fs::write(root.join(DATA), data.replace("// ", "//  ")).unwrap();
    let (status, v) = post(
        &server,
        "/api/save",
        json!({"path": DATA, "text": changed, "base": base}),
    );
    assert_eq!(status, 409, "{v}");
    assert!(v["text"].as_str().unwrap().contains("//  "));
    assert_ne!(std::fs::read_to_string(root.join(DATA)).unwrap(), changed);
    let (status, v) = post(
        &server,
        "/api/save",
        json!({"path": DATA, "text": changed, "base": v["hash"]}),
    );
    assert_eq!(status, 200, "{v}");
    assert_eq!(std::fs::read_to_string(root.join(DATA)).unwrap(), changed);
    // The Rekap of the latest year, kept between loads.
    let (status, rekap_before) = request(port, "GET", "/rollup?year=2023", &[], "");
    assert_eq!(status, 200);
    assert_eq!(request(port, "GET", "/rollup?year=2023", &[], "").1, rekap_before);
    // The overview follows a save of the latest year's data: what it kept
    // of the unit is gone.
    const LATEST: &str = "examples/lapas-sarolangun-rawas/realisasi-2023.sakip";
    let latest = std::fs::read_to_string(root.join(LATEST)).unwrap();
    let (_, f) = request(port, "GET", &format!("/api/file?path={LATEST}"), &[], "");
    let base = serde_json::from_str::<Value>(&f).unwrap()["hash"].clone();
    let lower = latest.replacen("smt1 = 70  smt2 = 79", "smt1 = 10  smt2 = 9", 1);
    assert_ne!(lower, latest);
    let (status, v) = post(
        &server,
        "/api/save",
        json!({"path": LATEST, "text": lower, "base": base}),
    );
    assert_eq!(status, 200, "{v}");
    let saved = latest_of(port, "examples/lapas-sarolangun-rawas");
    assert_ne!(saved, before, "the overview kept the figures from before the save");
    let (_, rekap_after) = request(port, "GET", "/rollup?year=2023", &[], "");
    assert_ne!(
        rekap_after, rekap_before,
        "the Rekap kept the figures from before the save"
    );
    // And a change on disk, made by another program, once the watcher sees it.
    std::fs::write(root.join(LATEST), &latest).unwrap();
    let waited = std::time::Instant::now();
    while latest_of(port, "examples/lapas-sarolangun-rawas") != before {
        assert!(
            waited.elapsed() < std::time::Duration::from_secs(20),
            "the overview did not follow a change on disk"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn a_units_report_is_kept_until_what_it_reads_changes() {
    let root = scratch_copy("serve-kept");
    let server = start(&root, &[]);
    let port = server.port;
    let unit = "/unit?path=examples/lapas-sarolangun-rawas&year=2023";
    let (status, first) = request(port, "GET", unit, &[], "");
    assert_eq!(status, 200);
    assert_eq!(request(port, "GET", unit, &[], "").1, first);
    // The download is the report on screen, from the same evaluation.
    let (status, html) = request(
        port,
        "GET",
        "/unit/download?path=examples/lapas-sarolangun-rawas&year=2023&format=md",
        &[],
        "",
    );
    assert_eq!(status, 200);
    assert!(html.contains("104,39"), "{html}");
    assert!(first.contains("104,39"), "the seed's nilai for 2023");
    // The national rules change on disk (a Kanwil or the ministry edits
    // them): the report follows, once the tree has seen it.
    const NATIONAL: &str = "rules/ditjenpas/ditjenpas.sakip";
    let text = std::fs::read_to_string(root.join(NATIONAL)).unwrap();
    // The end of the Renstra moves: the report's progress column follows.
    let lower = text.replacen("target 2024 = 80 dasar", "target 2024 = 90 dasar", 1);
    assert_ne!(lower, text);
    std::fs::write(root.join(NATIONAL), &lower).unwrap();
    let waited = std::time::Instant::now();
    loop {
        let (_, now) = request(port, "GET", unit, &[], "");
        if now != first {
            break;
        }
        assert!(
            waited.elapsed() < std::time::Duration::from_secs(20),
            "the report kept the figures from before the change"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// UTF-16 code units before byte `at`: where the editor's cursor is.
fn units(text: &str, at: usize) -> usize {
    text[..at].encode_utf16().count()
}

#[test]
fn hover_and_completion_on_the_editors_unsaved_text() {
    let root = scratch_copy("serve-assist");
    let server = start(&root, &[]);
    let text = std::fs::read_to_string(root.join(AGREEMENT)).unwrap();
    // Unsaved: a line with wide characters first (the editor counts UTF-16
    // units, the server bytes), and an id half typed.
    let typed = format!(
        "// Catatan: é𝄞 — draf\n{}",
        text.replacen("target ikk_makanan              = 75%", "target ikk_ma", 1)
    );
    let at = typed.find("iku_kamtib").unwrap() + 4;
    let (status, v) = post(
        &server,
        "/api/hover",
        json!({"path": AGREEMENT, "text": typed, "at": units(&typed, at)}),
    );
    assert_eq!(status, 200, "{v}");
    assert!(v["markdown"].as_str().unwrap().starts_with("**iku_kamtib**"), "{v}");
    let start = typed.find("iku_kamtib").unwrap();
    assert_eq!(v["from"], units(&typed, start), "{v}");
    assert_eq!(v["to"], units(&typed, start + "iku_kamtib".len()), "{v}");
    // The half-typed id: the ids it may become, replacing what is typed.
    let end = typed.find("ikk_ma\n").unwrap() + "ikk_ma".len();
    let (status, v) = post(
        &server,
        "/api/complete",
        json!({"path": AGREEMENT, "text": typed, "at": units(&typed, end)}),
    );
    assert_eq!(status, 200, "{v}");
    let makanan = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == "ikk_makanan")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(makanan["kind"], "indikator", "{v}");
    assert_eq!(v["from"], units(&typed, end - "ikk_ma".len()), "{v}");
    assert_eq!(v["to"], units(&typed, end), "{v}");
    // In a comment: nothing to offer.
    let (_, v) = post(
        &server,
        "/api/complete",
        json!({"path": AGREEMENT, "text": typed, "at": 5}),
    );
    assert_eq!(v, Value::Null);
    // Nothing was written, and the check of the same text agrees: the
    // half-typed line lacks its `=` (found on the next line's `target`).
    assert_eq!(std::fs::read_to_string(root.join(AGREEMENT)).unwrap(), text);
    let (_, v) = post(&server, "/api/check", json!({"path": AGREEMENT, "text": typed}));
    let line = typed.lines().position(|l| l.contains("target ikk_ma")).unwrap() + 2;
    let p = &v["problems"][0];
    assert_eq!(
        (p["code"].as_str(), p["line"].as_u64()),
        (Some("syntax"), Some(line as u64)),
        "{v}"
    );
    assert!(p["message"].as_str().unwrap().contains("expected `=`"), "{v}");
    // A path outside the served folder is refused, as everywhere.
    let (status, _) = post(
        &server,
        "/api/hover",
        json!({"path": "../../etc/passwd", "text": "", "at": 0}),
    );
    assert_eq!(status, 403);
}

/// What the overview shows as the latest year of the unit in `dir`: the
/// cell after its report link, up to the end of the cell.
fn latest_of(port: u16, dir: &str) -> String {
    let (_, page) = request(port, "GET", "/", &[], "");
    let link = format!("<a href=\"/unit?path={}&amp;year=", dir.replace('/', "%2F"));
    let at = page
        .find(&link)
        .or_else(|| page.find(&format!("<a href=\"/unit?path={dir}&amp;year=")));
    let Some(at) = at else {
        panic!("no latest year for {dir} in {page}")
    };
    let rest = &page[at..];
    rest[..rest.find("</td>").unwrap_or(rest.len())].to_string()
}

#[test]
fn every_way_out_of_the_served_folder_is_refused() {
    let root = scratch_copy("serve-paths");
    let outside = root.parent().unwrap().join("serve-paths-outside");
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.sakip"), "aturan nasional x \"X\"\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
    let server = start(&root, &[]);
    for path in [
        "../serve-paths-outside/secret.sakip",
        "/etc/passwd",
        "examples/../../serve-paths-outside/secret.sakip",
        "README.md",
        "examples/lapas-sarolangun-rawas/lembar/x.xlsx",
        "link/secret.sakip",
        "",
    ] {
        let (status, _) = request(server.port, "GET", &format!("/api/file?path={path}"), &[], "");
        assert_eq!(status, 403, "{path}");
        let (status, _) = post(&server, "/api/save", json!({"path": path, "text": "x", "base": null}));
        assert_eq!(status, 403, "{path}");
    }
    assert_eq!(
        std::fs::read_to_string(outside.join("secret.sakip")).unwrap(),
        "aturan nasional x \"X\"\n"
    );
    // A body beyond the limit is refused before it is read.
    let big = "x".repeat(6 * 1024 * 1024);
    let (status, _) = request(
        server.port,
        "POST",
        "/api/check",
        &[&format!("X-Sakip-Token: {}", server.token)],
        &format!("{{\"path\":\"{AGREEMENT}\",\"text\":\"{big}\"}}"),
    );
    assert_eq!(status, 413);
}

#[test]
fn bound_beyond_this_machine_every_request_needs_the_token() {
    let root = scratch_copy("serve-token");
    let server = start(&root, &["--bind", "0.0.0.0", "--token", "s3cret"]);
    let target = format!("/api/file?path={AGREEMENT}");
    assert_eq!(request(server.port, "GET", &target, &[], "").0, 401);
    assert_eq!(
        request(server.port, "GET", &target, &["Authorization: Bearer wrong"], "").0,
        401
    );
    assert_eq!(
        request(server.port, "GET", &target, &["Authorization: Bearer s3cret"], "").0,
        200
    );
    assert_eq!(
        request(server.port, "GET", &format!("{target}&token=s3cret"), &[], "").0,
        200
    );
    // A browser that came with ?token= keeps it in a cookie for the page's
    // own requests (its script, events, links); a wrong cookie is refused.
    let (status, head, _) = request_raw(server.port, "GET", "/?token=s3cret", &[], b"");
    assert_eq!(status, 200);
    assert!(
        head.contains("sakip-token=s3cret") && head.contains("HttpOnly"),
        "{head}"
    );
    assert_eq!(
        request(
            server.port,
            "GET",
            "/assets/workbench.js",
            &["Cookie: sakip-token=s3cret"],
            ""
        )
        .0,
        200
    );
    assert_eq!(
        request(
            server.port,
            "GET",
            "/assets/workbench.js",
            &["Cookie: sakip-token=nope"],
            ""
        )
        .0,
        401
    );
}

#[test]
fn the_overview_and_a_units_report() {
    let root = scratch_copy("serve-pages");
    // A second Ditjenpas unit, and a local government's tree beside them.
    for sub in ["examples/rutan-contoh", "rules/contoh-pemda", "examples/pemda-contoh"] {
        crate::support::copy_into(&root, sub);
    }
    let server = start(&root, &[]);
    let (status, html) = request(server.port, "GET", "/", &[], "");
    assert_eq!(status, 200);
    for header in [
        "rules/ditjenpas/ditjenpas.sakip",
        "rules/kanwil-sumsel/kanwil-sumsel.sakip",
        "examples/lapas-sarolangun-rawas/satker.sakip",
    ] {
        assert!(html.contains(header), "{header}: {html}");
    }
    // The unit's latest year, its nilai, linked to its report.
    assert!(
        html.contains("/unit?path=examples/lapas-sarolangun-rawas&amp;year=2023"),
        "{html}"
    );
    let (status, report) = request(
        server.port,
        "GET",
        "/unit?path=examples/lapas-sarolangun-rawas&year=2022",
        &[],
        "",
    );
    assert_eq!(status, 200);
    assert!(
        report.contains("<table class=\"cards\">") && report.contains("year=2021"),
        "{report}"
    );
    assert_eq!(
        request(server.port, "GET", "/unit?path=../serve-pages&year=2022", &[], "").0,
        403
    );
    // The folder holds several ministries' trees: a Rekap of all says so,
    // and the overview offers one per national rule set (once every unit
    // is computed in the background).
    let mut html = html;
    for _ in 0..100 {
        if html.contains("/rollup?year=") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        html = request(server.port, "GET", "/", &[], "").1;
    }
    assert!(html.contains("&amp;nasional=ditjenpas\">ditjenpas</a>"), "{html}");
    let year = html
        .split("/rollup?year=")
        .nth(1)
        .and_then(|rest| rest.get(..4))
        .unwrap()
        .to_string();
    let (_, all) = request(server.port, "GET", &format!("/rollup?year={year}"), &[], "");
    assert!(all.contains("different national rule sets"), "{all}");
    let (status, one) = request(
        server.port,
        "GET",
        &format!("/rollup?year={year}&nasional=ditjenpas"),
        &[],
        "",
    );
    assert_eq!(status, 200);
    assert!(!one.contains("different national rule sets"), "{one}");
    assert!(one.contains("kanwil_sumsel"), "{one}");
}

/// A file changed on disk (another editor, `sakip import`) reaches an open
/// page as a server-sent event, and the tree is checked again.
#[test]
fn a_file_changed_on_disk_reaches_open_pages() {
    let root = scratch_copy("serve-watch");
    let server = start(&root, &[]);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        s,
        "GET /api/events HTTP/1.1\r\nHost: localhost:{}\r\nAccept: text/event-stream\r\n\r\n",
        server.port
    )
    .unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    // Give the watcher its moment, then change a file as another editor would.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let data = root.join(DATA);
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, text.replacen("= 30", "= 31", 1)).unwrap();
    let mut seen = String::new();
    while !seen.contains(&format!("data: {DATA}")) {
        let mut l = String::new();
        if reader.read_line(&mut l).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&l);
    }
    assert!(seen.contains("event: changed"), "{seen}");
    assert!(seen.contains(&format!("data: {DATA}")), "{seen}");
    // The check the page asks for next sees the new text.
    let (_, v) = post(
        &server,
        "/api/check",
        json!({"path": DATA, "text": std::fs::read_to_string(&data).unwrap()}),
    );
    assert!(v["problems"].is_array(), "{v}");
}

/// An upload of a spreadsheet: `name` and `replace` as the page sends them.
fn upload(server: &Server, unit: &str, name: &str, replace: bool, bytes: &[u8]) -> (u16, Value) {
    let target = format!("/api/import?unit={unit}&year=2022&name={name}&replace={replace}");
    let token = format!("X-Sakip-Token: {}", server.token);
    let (status, _, body) = request_raw(server.port, "POST", &target, &[&token], bytes);
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// Uploads go through the CLI's import: an existing year refused until
/// replacing is asked, a bad cell named with nothing written, other kinds
/// and oversized bodies refused, and the workbook's figures written.
#[test]
fn an_upload_imports_a_years_spreadsheet_or_names_the_bad_cell() {
    let root = scratch_copy("serve-upload");
    let server = start(&root, &[]);
    let unit = "examples/lapas-sarolangun-rawas";
    let workbook = std::fs::read(crate::support::root().join(unit).join("lembar/realisasi-2022.xlsx")).unwrap();
    let data = std::fs::read_to_string(root.join(DATA)).unwrap();

    let (status, v) = upload(&server, unit, "realisasi-2022.xlsx", false, &workbook);
    assert_eq!(status, 409, "{v}");
    assert!(v["error"].as_str().unwrap().contains("realisasi-2022.sakip"), "{v}");
    assert_eq!(std::fs::read_to_string(root.join(DATA)).unwrap(), data);

    let (status, v) = upload(&server, unit, "notes.txt", true, b"hello");
    assert_eq!(status, 415, "{v}");
    let (status, _) = upload(&server, "../serve-upload", "a.csv", true, b"x");
    assert_eq!(status, 403);
    let big = vec![b'a'; 9 * 1024 * 1024];
    let (status, _) = upload(&server, unit, "big.csv", true, &big);
    assert_eq!(status, 413);

    let bad = "Kode;Realisasi\niku_kamtib;tiga puluh\n";
    let (status, v) = upload(&server, unit, "bad.csv", true, bad.as_bytes());
    assert_eq!(status, 422, "{v}");
    let cell = &v["cells"][0];
    assert_eq!(cell["where"], "bad.csv:2:2", "{v}");
    assert!(cell["message"].as_str().unwrap().contains("tiga puluh"), "{v}");
    assert_eq!(
        std::fs::read_to_string(root.join(DATA)).unwrap(),
        data,
        "nothing written"
    );

    let (status, v) = upload(&server, unit, "realisasi-2022.xlsx", true, &workbook);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["path"], DATA, "{v}");
    let written = std::fs::read_to_string(root.join(DATA)).unwrap();
    assert!(written.contains("realisasi-2022.xlsx"), "{written}");
    // The same bytes `sakip import` writes from the same workbook.
    let sheet = root.join("realisasi-2022.xlsx");
    std::fs::write(&sheet, &workbook).unwrap();
    let out = crate::support::sakip_in(
        &root,
        &[
            "import",
            "realisasi-2022.xlsx",
            "--into",
            unit,
            "--year",
            "2022",
            "--replace",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(root.join(DATA)).unwrap(), written);
}

/// Explain in place, the editor page, the rule diff, the rollup, the
/// language switch, and what the first load of the editor costs.
#[test]
fn explain_the_editor_page_and_the_pages_around_them() {
    let root = scratch_copy("serve-explain");
    let server = start(&root, &[]);
    let port = server.port;
    let unit = "examples/lapas-sarolangun-rawas";
    let text = std::fs::read_to_string(root.join(AGREEMENT)).unwrap();
    let line = text.lines().position(|l| l.contains("target iku_kamtib")).unwrap() + 1;

    let (status, body) = request(
        port,
        "GET",
        &format!("/api/explain?unit={unit}&year=2022&id=iku_kamtib"),
        &[],
        "",
    );
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert!(steps.len() >= 4, "{v}");
    assert!(
        steps
            .iter()
            .any(|s| s["origin"]["file"] == AGREEMENT && s["origin"]["line"] == line),
        "a step points at the target's line: {v}"
    );
    assert!(v["result"].as_str().unwrap().contains("40"), "{v}");
    let (status, body) = request(
        port,
        "GET",
        &format!("/api/explain?unit={unit}&year=2022&id=iku_kamtbi"),
        &[],
        "",
    );
    assert_eq!(status, 404);
    assert!(body.contains("iku_kamtib"), "the closest id is offered: {body}");

    let (status, page) = request(port, "GET", &format!("/edit?path={AGREEMENT}"), &[], "");
    assert_eq!(status, 200);
    assert!(
        page.contains("data-page=\"edit\"") && page.contains("<select id=\"unit\">"),
        "{page}"
    );
    assert!(
        page.contains("<option selected>2022</option>"),
        "the file's year is previewed: {page}"
    );
    assert!(page.contains("target iku_kamtib"), "{page}");
    assert_eq!(request(port, "GET", "/edit?path=../x.sakip", &[], "").0, 403);

    let (status, page) = request(port, "GET", &format!("/diff?path={unit}&from=2021&to=2022"), &[], "");
    assert_eq!(status, 200);
    assert!(page.contains("<td>target</td>"), "{page}");
    let (status, page) = request(port, "GET", "/rollup?year=2022", &[], "");
    assert_eq!(status, 200);
    assert!(page.contains("Sarolangun"), "{page}");

    // English here (the server was started with --lang en); Indonesian by the switch.
    let (_, page) = request(port, "GET", "/", &[], "");
    assert!(page.contains("sakip workbench"), "{page}");
    let (status, head, _) = request_raw(
        port,
        "GET",
        "/lang?to=id",
        &[&format!("Referer: http://localhost:{port}/unit?path=x")],
        b"",
    );
    assert_eq!(status, 303, "{head}");
    assert!(
        head.contains("sakip-lang=id") && head.contains("location: /unit?path=x"),
        "{head}"
    );
    let (_, page) = request(port, "GET", "/", &["Cookie: sakip-lang=id"], "");
    assert!(page.contains("Meja kerja sakip"), "{page}");

    // The report as a PDF, from the page's download link.
    let (status, head, pdf) = request_raw(
        port,
        "GET",
        &format!("/unit/download?path={unit}&year=2022&format=pdf"),
        &[],
        b"",
    );
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("application/pdf") && head.contains("lapas-sarolangun-rawas-2022.pdf"),
        "{head}"
    );
    assert!(pdf.starts_with(b"%PDF-"));
    // And as a Word document (a zip), the link beside it.
    let (status, head, docx) = request_raw(
        port,
        "GET",
        &format!("/unit/download?path={unit}&year=2022&format=docx"),
        &[],
        b"",
    );
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("wordprocessingml.document") && head.contains("lapas-sarolangun-rawas-2022.docx"),
        "{head}"
    );
    assert!(docx.starts_with(b"PK"));

    // The editor's first load: the page and its script, compressed.
    let (_, _, html) = request_raw(
        port,
        "GET",
        &format!("/edit?path={AGREEMENT}"),
        &["Accept-Encoding: gzip"],
        b"",
    );
    let (status, head, js) = request_raw(port, "GET", "/assets/workbench.js", &["Accept-Encoding: gzip"], b"");
    assert_eq!(status, 200);
    assert!(head.to_ascii_lowercase().contains("content-encoding: gzip"), "{head}");
    let total = html.len() + js.len();
    assert!(total <= 300 * 1024, "first load {total} bytes");
}

/// A tree bigger than one page evaluates: the workbench answers while it
/// reads the tree and computes the units' latest years in the background,
/// says so on the overview, and the overview fills in: every unit's latest
/// year, linked to its report, without any page having waited for them all.
#[test]
fn a_big_tree_is_read_and_computed_in_the_background() {
    let spec = sakip_bench::Spec {
        units: 600,
        kanwil: 3,
        indicators: 8,
        years: 1,
        seed: 11,
        hooks: sakip_bench::Hooks::None,
    };
    let (dir, _) = crate::support::generated("serve-big", &spec);
    let server = start(&dir, &[]);
    let started = std::time::Instant::now();
    let mut saw_waiting = false;
    let page = loop {
        let (status, page) = request(server.port, "GET", "/", &[], "");
        assert_eq!(status, 200);
        let waiting = page.contains("being computed") || page.contains("Still reading the tree");
        if !waiting {
            break page;
        }
        saw_waiting = true;
        assert!(
            page.contains("reload in a moment"),
            "a page with figures missing says why"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(300),
            "never filled in"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    };
    eprintln!(
        "filled in after {:?}; saw a page waiting: {saw_waiting}",
        started.elapsed()
    );
    let linked = page.matches("<a href=\"/unit?path=").count();
    assert!(linked >= 600, "every unit's latest year is linked: {linked}");
}
