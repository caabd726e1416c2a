//! The workbench in a real browser beside a hostile page: a page served
//! from another port of the same machine (same site, another origin) tries
//! to upload a workbook, to save a file, to read the page token and to
//! frame the workbench; all fail and no file changes. And twenty tabs of
//! the workbench share one event stream, so the browser's six connections
//! to one host stay free for the pages' own requests.

use crate::serve::start;
use crate::support::{files_under, scratch_copy};
use crate::webdriver::Browser;
use std::io::{Read, Write};

const UNIT: &str = "examples/lapas-sarolangun-rawas";
const DATA: &str = "examples/lapas-sarolangun-rawas/realisasi-2022.sakip";

/// A server that keeps the head and body of every request it gets and
/// answers each with an empty page: where the attack is aimed first, to
/// show that the browser really sends it.
fn recorder() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let keep = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            s.set_read_timeout(Some(std::time::Duration::from_millis(300))).unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 8192];
            while let Ok(n) = s.read(&mut buf) {
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().to_string())
                        })
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(0);
                    if body.len() >= length {
                        break;
                    }
                }
            }
            keep.lock().unwrap().push(String::from_utf8_lossy(&got).to_string());
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (port, seen)
}

/// Serves `page` at every path of a port of its own, for as long as the
/// test runs; the port.
fn serve_page(page: String) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 8192];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    port
}

#[test]
#[cfg_attr(
    any(no_chromium, no_chromedriver),
    ignore = "no Chromium and chromedriver here: apt-get install chromium chromium-driver"
)]
fn a_page_from_another_origin_cannot_upload_save_read_or_frame() {
    let dir = scratch_copy("browser-attack");
    let before = files_under(&dir);
    let server = start(&dir, &[]);
    let attack = format!(
        r#"<!DOCTYPE html><html><body>
<iframe id="framed"></iframe>
<iframe name="sink" id="sink"></iframe>
<form id="form" method="POST" target="sink" enctype="text/plain">
  <input name="Kode;Realisasi&#10;iku_kamtib;99&#10;x" value="1">
</form>
<script>
const target = new URLSearchParams(location.search).get("target");
document.getElementById("framed").src = target + "/";
document.getElementById("form").action =
  target + "/api/import?unit={UNIT}&year=2022&name=a.csv&replace=true&confirm=true";
async function attack() {{
  const said = [];
  try {{
    await fetch(target + "/api/import?unit={UNIT}&year=2022&name=a.csv&replace=true&confirm=true",
      {{ method: "POST", mode: "no-cors", headers: {{ "content-type": "text/plain" }},
         body: "Kode;Realisasi\niku_kamtib;99\n" }});
    said.push("import sent");
  }} catch (e) {{ said.push("import failed to send"); }}
  try {{
    const r = await fetch(target + "/api/save", {{ method: "POST",
      headers: {{ "content-type": "application/json", "x-sakip-token": "guess" }},
      body: JSON.stringify({{ path: "{DATA}", text: "diganti", base: null }}) }});
    said.push("save answered " + r.status);
  }} catch (e) {{ said.push("save blocked"); }}
  try {{
    const r = await fetch(target + "/");
    const t = await r.text();
    said.push(t.includes("sakip-token") ? "token READ" : "page read without token");
  }} catch (e) {{ said.push("read blocked"); }}
  document.getElementById("form").submit();
  await new Promise((ok) => setTimeout(ok, 1500));
  let framed = "frame empty";
  try {{ framed = document.getElementById("framed").contentDocument ? "frame readable" : "frame opaque"; }}
  catch (e) {{ framed = "frame opaque"; }}
  said.push(framed);
  document.title = "done: " + said.join(" | ");
}}
attack();
</script></body></html>"#
    );
    let port = serve_page(attack);
    let b = Browser::start(1200, 900);
    let run = |target: &str| {
        b.goto(&format!("http://127.0.0.1:{port}/?target={target}"));
        let done = b.wait_for(
            "the attack to finish",
            30,
            "return document.title.startsWith('done') ? document.title : null;",
        );
        done.as_str().unwrap().to_string()
    };
    // Aimed at a server that records what it gets, the attack arrives: the
    // upload's body, and the form's, with no preflight to stop them.
    let (recording, seen) = recorder();
    run(&format!("http://127.0.0.1:{recording}"));
    let seen = seen.lock().unwrap().clone();
    let imports: Vec<&String> = seen.iter().filter(|r| r.starts_with("POST /api/import")).collect();
    assert!(imports.len() >= 2, "{seen:#?}");
    assert!(imports.iter().all(|r| r.contains("iku_kamtib;99")), "{seen:#?}");
    assert!(
        !seen
            .iter()
            .any(|r| r.contains("x-sakip-token: guess") && r.starts_with("POST /api/save")),
        "a preflight stops the save: {seen:#?}"
    );

    // Aimed at the workbench: refused, or blocked by the browser.
    let done = run(&format!("http://127.0.0.1:{}", server.port));
    assert!(
        done.contains("save blocked") || done.contains("save answered 403"),
        "{done}"
    );
    assert!(done.contains("read blocked"), "{done}");
    assert!(
        !done.contains("token READ") && !done.contains("frame readable"),
        "{done}"
    );
    // Framed, the workbench does not render: frame-ancestors 'none'.
    let framed = b.eval(
        "try { return document.getElementById('framed').contentWindow.length; } catch (e) { return 'opaque'; }",
        serde_json::json!([]),
    );
    assert!(framed == "opaque" || framed == 0, "{framed}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(files_under(&dir), before, "{done}");
}

#[test]
#[cfg_attr(
    any(no_chromium, no_chromedriver),
    ignore = "no Chromium and chromedriver here: apt-get install chromium chromium-driver"
)]
fn twenty_tabs_share_one_event_stream_and_stay_usable() {
    let dir = scratch_copy("browser-tabs");
    let server = start(&dir, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let b = Browser::start(1000, 800);
    let mut tabs = Vec::new();
    for i in 0..20 {
        if i > 0 {
            tabs.push(b.new_tab());
        }
        b.goto(&format!("{base}/unit?path={UNIT}&year=2022"));
    }
    // The last tab's own requests still go through.
    let answered = b.wait_for(
        "the twentieth tab's request",
        20,
        &format!("return fetch('/api/file?path={DATA}').then((r) => (r.ok ? 'ok' : null));"),
    );
    assert_eq!(answered, "ok");
    // Exactly one tab opened the stream; a change on disk reaches them all.
    let mut leaders = 0;
    for handle in &tabs {
        b.switch_to(handle);
        if b.eval("return window.sakipEventsLeader === true;", serde_json::json!([])) == true {
            leaders += 1;
        }
        b.eval("window.sakipSeen = 0; const d = document.getElementById('report'); new MutationObserver(() => window.sakipSeen++).observe(d.parentNode, { childList: true }); return true;", serde_json::json!([]));
    }
    assert!(leaders <= 1, "{leaders} tabs opened a stream");
    let data = dir.join(DATA);
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, text.replacen("= 30", "= 31", 1)).unwrap();
    for handle in tabs.iter().rev().take(3) {
        b.switch_to(handle);
        b.wait_for("the change to reach a tab", 20, "return window.sakipSeen > 0;");
    }
}
