//! Whether this machine has a headless Chromium for the browser test: when
//! it has none (and this is not CI, which installs one), the test is
//! compiled as ignored, so that the test summary says it did not run
//! rather than passing without looking.

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
    if !found && std::env::var_os("CI").is_none() {
        println!("cargo:rustc-cfg=no_chromium");
    }
}
