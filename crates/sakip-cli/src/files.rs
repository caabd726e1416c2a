//! Writing files so that nothing a user wrote is ever lost.
//!
//! A new file is written in full to a temporary name beside its destination,
//! flushed to disk, and then linked to its name, which fails when the name
//! is taken: a crash leaves at most a stray temporary file, never a
//! half-written rule file, and an existing file is never replaced.

use camino::Utf8Path;
use std::io::Write;

/// Writes `contents` to `path`, which must not exist.
pub fn write_new(path: &Utf8Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_str().is_empty())
        .unwrap_or(Utf8Path::new("."));
    let name = path.file_name().unwrap_or("sakip");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        // Atomic, and refuses to replace an existing file.
        std::fs::hard_link(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Replaces `path`'s contents: the new text is written in full beside it,
/// flushed, and renamed over it in one step, so a crash leaves either the
/// old file or the new one, never a mix.
pub fn replace(path: &Utf8Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_str().is_empty())
        .unwrap_or(Utf8Path::new("."));
    let name = path.file_name().unwrap_or("sakip");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
