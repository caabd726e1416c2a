//! Whether this machine has a headless Chromium for the browser tests (and
//! chromedriver, which drives it through the workbench), and
//! Node with the TextMate engine (`npm ci --prefix editors/vscode`) for the
//! editor grammar's test: when it has not (and this is not CI, which
//! installs both), the test is compiled as ignored, so that the test summary
//! says it did not run rather than passing without looking.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_chromium)");
    println!("cargo:rerun-if-env-changed=PATH");
    println!("cargo:rerun-if-env-changed=CI");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path).any(|dir| {
        ["chromium", "chromium-browser"]
            .iter()
            .any(|name| dir.join(name).is_file())
    });
    let ci = std::env::var_os("CI").is_some();
    if !found && !ci {
        println!("cargo:rustc-cfg=no_chromium");
    }
    // The workbench's browser test drives Chromium through chromedriver.
    println!("cargo::rustc-check-cfg=cfg(no_chromedriver)");
    let driver = std::env::split_paths(&path).any(|dir| dir.join("chromedriver").is_file());
    if !driver && !ci {
        println!("cargo:rustc-cfg=no_chromedriver");
    }
    // The PDF report's test reads the PDF back with poppler's tools.
    println!("cargo::rustc-check-cfg=cfg(no_poppler)");
    let poppler = std::env::split_paths(&path).any(|dir| dir.join("pdftotext").is_file());
    if !poppler && !ci {
        println!("cargo:rustc-cfg=no_poppler");
    }
    // The Word report's test opens the file in LibreOffice (headless).
    println!("cargo::rustc-check-cfg=cfg(no_soffice)");
    let soffice = std::env::split_paths(&path).any(|dir| dir.join("soffice").is_file());
    if !soffice && !ci {
        println!("cargo:rustc-cfg=no_soffice");
    }
    println!("cargo::rustc-check-cfg=cfg(no_textmate)");
    let textmate = std::path::Path::new("editors/vscode/node_modules/vscode-textmate");
    if textmate.is_dir() {
        println!("cargo:rerun-if-changed=editors/vscode/node_modules");
    } else if !ci {
        println!("cargo:rustc-cfg=no_textmate");
    }
}
