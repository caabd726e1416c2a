//! The workbench in a real browser (headless Chromium driven by
//! chromedriver), as a policy officer uses it: type a mistake into a rule
//! file and see it underlined at its line with check's message; fix it and
//! see the report beside it change with the unsaved text; save; see a file
//! changed on disk arrive without a reload; upload the sample workbook
//! (refused until replacing is confirmed) and see its figures; click an
//! indicator and follow a step of its explanation to the editor.

use crate::serve::start;
use crate::support::{edit_line, root, scratch_copy};
use crate::webdriver::Browser;
use serde_json::json;

const AGREEMENT: &str = "examples/lapas-sarolangun-rawas/perjanjian-2022.sakip";
const DATA: &str = "examples/lapas-sarolangun-rawas/realisasi-2022.sakip";
const UNIT: &str = "examples/lapas-sarolangun-rawas";

/// The text of the report's row for indicator `id`, in the page or (with
/// `frame`) in the preview beside the editor.
fn row_script(id: &str, frame: bool) -> String {
    let doc = if frame {
        "(document.getElementById('preview') && document.getElementById('preview').contentDocument)"
    } else {
        "document"
    };
    format!(
        "const d = {doc}; if (!d) return null; \
         const s = [...d.querySelectorAll('table .id')].find(e => e.textContent.trim() === '{id}'); \
         return s ? s.closest('tr').innerText : null;"
    )
}

/// Puts the editor's cursor at `what` on the line that contains `marker`
/// (selecting `what`), or at the line's end; returns the line's number.
fn select_in_line(b: &Browser, marker: &str, what: Option<&str>) -> u64 {
    let v = b.eval(
        "const [marker, what] = arguments; const v = window.sakipEditor; const d = v.state.doc; \
         for (let i = 1; i <= d.lines; i++) { const l = d.line(i); \
           if (l.text.includes(marker)) { \
             if (what) { const at = l.from + l.text.lastIndexOf(what); v.dispatch({ selection: { anchor: at, head: at + what.length } }); } \
             else { v.dispatch({ selection: { anchor: l.to } }); } \
             v.focus(); return i; } } return 0;",
        json!([marker, what]),
    );
    let line = v.as_u64().unwrap_or(0);
    assert!(line > 0, "no line with {marker}");
    line
}

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no Chromium and chromedriver here: apt-get install chromium chromium-driver"
)]
fn a_policy_officer_edits_uploads_and_explains_in_the_browser() {
    let dir = scratch_copy("workbench-browser");
    let workbook = dir.join("realisasi-2022.xlsx");
    std::fs::copy(root().join(UNIT).join("lembar/realisasi-2022.xlsx"), &workbook).unwrap();
    // The year's data differs from the workbook in one figure, so that the
    // upload visibly brings the workbook's.
    edit_line(&dir.join(DATA), "iku_kamtib", |_| Some("  iku_kamtib = 31".into()));
    let server = start(&dir, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let b = Browser::start(1400, 1000);

    // --- the editor: a mistake underlined, fixed, and the preview follows the unsaved text
    b.goto(&format!("{base}/edit?path={AGREEMENT}"));
    let before = b.wait_for("the preview of 2022", 30, &row_script("iku_kamtib", true));
    let before = before.as_str().unwrap().to_string();
    assert!(before.contains("75"), "{before}");
    let line = select_in_line(&b, "target iku_kamtib", None);
    let content = b.find(".cm-content");
    b.type_into(&content, " x");
    let underlined = b.wait_for(
        "an underline",
        20,
        "const u = document.querySelector('.cm-lintRange-error'); return u ? u.closest('.cm-line').textContent : null;",
    );
    assert!(
        underlined.as_str().unwrap().contains("iku_kamtib"),
        "underlined: {underlined}"
    );
    let listed = b.wait_for(
        "the problem listed",
        10,
        "const li = document.querySelector('#problems li.err'); return li ? li.innerText : null;",
    );
    let listed = listed.as_str().unwrap();
    assert!(listed.starts_with(&format!("{line}:")), "listed: {listed}");
    // `75 x` reads as 75 in a unit `x`: check's message, and its help below.
    assert!(
        listed.contains("target-satuan") && listed.contains("iku_kamtib"),
        "listed: {listed}"
    );
    assert!(listed.contains("Indeks"), "the help says what to write: {listed}");
    // Fixed: the underline goes.
    b.type_into(&content, "\u{E003}\u{E003}");
    b.wait_for(
        "the underline to go",
        20,
        "return !document.querySelector('.cm-lintRange-error') && document.querySelectorAll('#problems li').length === 0;",
    );
    // A new target: the report beside it follows, nothing written.
    select_in_line(&b, "target iku_kamtib", Some("75"));
    b.type_into(&content, "50");
    let script = format!(
        "const t = (function() {{ {} }})(); return t && t !== {} && t.includes('50') ? t : null;",
        row_script("iku_kamtib", true),
        serde_json::to_string(&before).unwrap()
    );
    let after = b.wait_for("the preview with target 50", 30, &script);
    assert_ne!(after.as_str().unwrap(), before);
    let on_disk = std::fs::read_to_string(dir.join(AGREEMENT)).unwrap();
    assert!(on_disk.contains("= 75"), "nothing is written before a save");

    if let Ok(path) = std::env::var("SAKIP_SCREENSHOT") {
        std::fs::write(root().join(path), b.screenshot()).unwrap();
    }
    std::fs::write(dir.join("editor.png"), b.screenshot()).unwrap();

    // Save (Ctrl-S's button): the file on disk has the new target.
    b.click(&b.find("#save"));
    b.wait_for("the save", 10, "return document.getElementById('save').disabled;");
    let saved = std::fs::read_to_string(dir.join(AGREEMENT)).unwrap();
    assert!(
        saved
            .lines()
            .any(|l| l.contains("iku_kamtib") && l.trim_end().ends_with("= 50")),
        "{saved}"
    );

    // Changed elsewhere: the open editor (with nothing unsaved) shows it.
    edit_line(&dir.join(AGREEMENT), "target iku_kamtib", |_| {
        Some("  target iku_kamtib = 60".into())
    });
    b.wait_for(
        "the editor to show the change on disk",
        20,
        "return window.sakipEditor.state.doc.toString().includes('target iku_kamtib = 60');",
    );

    // --- the unit's report: upload, a change on disk, explain in place
    b.goto(&format!("{base}/unit?path={UNIT}&year=2022"));
    let row = b.wait_for("the report", 20, &row_script("iku_kamtib", false));
    assert!(row.as_str().unwrap().contains("31"), "{row}");
    b.eval("window.stillHere = 'yes';", json!([]));
    let file = b.find("#upload-file");
    b.type_into(&file, workbook.to_str().unwrap());
    b.click(&b.find("#upload button[type=submit]"));
    let refused = b.wait_for(
        "the upload refused without replace",
        20,
        "const p = document.querySelector('#upload-result p.err'); return p ? p.innerText : null;",
    );
    assert!(refused.as_str().unwrap().contains("realisasi-2022.sakip"), "{refused}");
    assert!(std::fs::read_to_string(dir.join(DATA))
        .unwrap()
        .contains("iku_kamtib = 31"));
    b.click(&b.find("#upload-replace"));
    b.click(&b.find("#upload button[type=submit]"));
    b.wait_for(
        "the upload",
        20,
        "const p = document.querySelector('#upload-result p.ok'); return p ? p.innerText : null;",
    );
    let script = format!(
        "const t = (function() {{ {} }})(); return t && !t.includes('31') ? t : null;",
        row_script("iku_kamtib", false)
    );
    let row = b.wait_for("the workbook's figure in the report", 20, &script);
    assert!(row.as_str().unwrap().contains("30"), "{row}");
    assert!(!std::fs::read_to_string(dir.join(DATA)).unwrap().contains("= 31"));

    // A target changed on disk reaches the page.
    edit_line(&dir.join(AGREEMENT), "target iku_kamtib", |_| {
        Some("  target iku_kamtib = 90".into())
    });
    let script = format!(
        "const t = (function() {{ {} }})(); return t && t.includes('90') ? t : null;",
        row_script("iku_kamtib", false)
    );
    b.wait_for("the change on disk in the report", 20, &script);
    assert_eq!(
        b.eval("return window.stillHere;", json!([])),
        json!("yes"),
        "the page was not reloaded"
    );

    // Explain in place: a click on the row, each step linked to its line.
    // A late refresh may replace the row between finding and clicking it:
    // then it is found again.
    let clicked = (0..5).any(|_| {
        let id = b.wait_for(
            "the row to be explainable",
            10,
            "const s = [...document.querySelectorAll('table .id')].find(e => e.textContent.trim() === 'iku_kamtib'); \
             const r = s && s.closest('tr'); if (!r || !r.classList.contains('explainable')) return null; \
             r.id = 'row-kamtib'; return 'row-kamtib';",
        );
        b.try_click(&b.find(&format!("#{}", id.as_str().unwrap())))
    });
    assert!(clicked, "the row was replaced each time before the click");
    b.eval("window.askedAt = Date.now();", json!([]));
    // A change on disk that the watcher reports late (the upload's, the
    // edit's) refreshes the report and closes an open explanation, as it
    // should: the figures changed. The reader then asks again; so does this.
    let link = b.wait_for(
        "the explanation",
        20,
        "const p = document.getElementById('explain'); \
         if (p && !p.hidden) { const a = [...p.querySelectorAll('a')].find(a => a.href.includes('perjanjian-2022.sakip')); return a ? a.getAttribute('href') : null; } \
         if (!window.askedAt || Date.now() - window.askedAt > 2000) { \
           const s = [...document.querySelectorAll('table .id')].find(e => e.textContent.trim() === 'iku_kamtib'); \
           const r = s && s.closest('tr'); if (r) { window.askedAt = Date.now(); r.click(); } } \
         return null;",
    );
    let link = link.as_str().unwrap();
    let target_line = std::fs::read_to_string(dir.join(AGREEMENT))
        .unwrap()
        .lines()
        .position(|l| l.contains("target iku_kamtib"))
        .unwrap()
        + 1;
    assert!(link.ends_with(&format!("#L{target_line}")), "{link}");
    // Following it opens the editor at that line.
    b.goto(&format!("{base}{link}"));
    b.wait_for(
        "the editor at the target's line",
        20,
        "const v = window.sakipEditor; if (!v) return null; const l = v.state.doc.lineAt(v.state.selection.main.head); return l.text.includes('target iku_kamtib');",
    );
}
