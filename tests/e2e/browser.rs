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
    // A table is too wide when it is wider than the box that holds it.
    tablesTooWide: [...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length,
    // The size a chart's 12-unit labels are drawn at, in CSS pixels.
    minChartFont: Math.min(...[...document.querySelectorAll('svg.chart')].map(c => 12 * c.getBoundingClientRect().width / c.viewBox.baseVal.width)),
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

/// The report opened at `width` CSS pixels, measured in the page.
fn measure(width: u32, name: &str) -> serde_json::Value {
    let browser =
        chromium().expect("Chromium is on the PATH (CI installs it; elsewhere the test is ignored without it)");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
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
            &format!("--window-size={width},1200"),
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
    serde_json::from_str(&json.replace("&quot;", "\"")).unwrap()
}

#[test]
#[cfg_attr(no_chromium, ignore = "no Chromium on this machine: apt-get install chromium")]
fn the_html_report_fits_a4_and_shows_a_bar_per_indicator() {
    let m = measure(A4_TEXT_WIDTH_PX, "browser");
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

/// At a phone's width (390 CSS pixels) each tier's table reflows into one
/// card per indicator, nothing runs off the page, and the charts keep
/// their labels readable (scrolling in their own box).
#[test]
#[cfg_attr(no_chromium, ignore = "no Chromium on this machine: apt-get install chromium")]
fn the_html_report_reads_on_a_phone() {
    let m = measure(390, "browser-phone");
    assert_eq!(m["tables"], 5, "{m}");
    assert_eq!(m["bars"], 47, "{m}");
    assert!(
        m["pageOverflow"].as_i64().unwrap() <= 0,
        "the page is no wider than the phone: {m}"
    );
    assert_eq!(m["tablesTooWide"], 0, "every table fits its box: {m}");
    assert!(
        m["minChartFont"].as_f64().unwrap() >= 9.0,
        "chart labels at least 9 px: {m}"
    );
}
