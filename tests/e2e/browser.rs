//! The HTML report in a real browser (Debian's headless Chromium): what a
//! reader sees. `.ci/run` installs Chromium when it is missing; elsewhere,
//! without Chromium, the build script compiles the test as ignored and the
//! test summary says so.

use crate::support::report_to;
use std::path::PathBuf;
use std::process::Command;

/// A4 is 210 mm wide; less 14 mm margins each side (the report's @page) it
/// leaves 182 mm, 688 CSS pixels at 96 per inch.
const A4_TEXT_WIDTH_PX: u32 = 688;

const MEASURE: &str = r#"<script>
window.addEventListener('load', () => {
  const over = [...document.querySelectorAll('table, svg')].map(e => {
    const box = e.getBoundingClientRect();
    const width = e.tagName === 'TABLE' ? e.scrollWidth : box.width;
    return Math.ceil(box.left + width - document.documentElement.clientWidth);
  });
  const out = {
    tables: document.querySelectorAll('table').length,
    bars: document.querySelectorAll('svg rect.bar').length,
    barsWithWidth: [...document.querySelectorAll('svg rect.bar')].filter(r => r.getBoundingClientRect().height > 0).length,
    budgetBars: document.querySelectorAll('svg rect.budget-bar').length,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    worstOverflow: Math.max(...over),
    headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
  };
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"#;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        let out = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
}

#[test]
#[cfg_attr(no_chromium, ignore = "no Chromium on this machine: apt-get install chromium")]
fn the_html_report_fits_a4_and_shows_a_bar_per_indicator() {
    let browser =
        chromium().expect("Chromium is on the PATH (CI installs it; elsewhere the test is ignored without it)");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    report_to(&report, "html", "2022", &[]);
    let html = std::fs::read_to_string(&report)
        .unwrap()
        .replace("</body>", &format!("{MEASURE}\n</body>"));
    let page = dir.join("measured.html");
    std::fs::write(&page, html).unwrap();

    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", dir.join("profile").display()),
            &format!("--window-size={A4_TEXT_WIDTH_PX},1200"),
            "--virtual-time-budget=5000",
            "--dump-dom",
            &format!("file://{}", page.display()),
        ])
        .output()
        .expect("Chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("<pre id=\"measured\">")
        .unwrap_or_else(|| panic!("no measurement in the page: {}", String::from_utf8_lossy(&out.stderr)));
    let json = &dom[start + "<pre id=\"measured\">".len()..];
    let json = &json[..json.find("</pre>").unwrap()];
    let m: serde_json::Value = serde_json::from_str(&json.replace("&quot;", "\"")).unwrap();

    assert_eq!(m["tables"], 5, "four tiers and the budget: {m}");
    assert_eq!(m["bars"], 47, "one bar per indicator: {m}");
    assert_eq!(m["barsWithWidth"], 47, "every bar is drawn: {m}");
    assert_eq!(m["budgetBars"], 3, "one bar per jenis belanja: {m}");
    assert!(
        m["pageOverflow"].as_i64().unwrap() <= 0,
        "the page is no wider than A4's text: {m}"
    );
    assert!(
        m["worstOverflow"].as_i64().unwrap() <= 0,
        "no table or chart overflows A4's text width: {m}"
    );
    let headings: Vec<&str> = m["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(
        headings.contains(&"Sasaran Strategis") && headings.contains(&"Yang perlu diperhatikan"),
        "{headings:?}"
    );
}
