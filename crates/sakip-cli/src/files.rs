//! Writing files so that nothing a user wrote is ever lost.
//!
//! Every write goes first to a temporary file beside its destination, in
//! full and flushed to disk, and only then takes the destination's name in
//! one step: a crash leaves at most a stray temporary file, never a
//! half-written rule file.

use camino::{Utf8Path, Utf8PathBuf};
use std::io::Write;

/// Writes `contents` to a new temporary file beside `path` and syncs it.
fn write_temp(path: &Utf8Path, contents: &[u8]) -> std::io::Result<Utf8PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_str().is_empty())
        .unwrap_or(Utf8Path::new("."));
    let name = path.file_name().unwrap_or("sakip");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(contents)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes `contents` to `path`, which must not exist: linking the
/// temporary file to its name fails when the name is taken, so an existing
/// file is never replaced.
pub fn write_new(path: &Utf8Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    let tmp = write_temp(path, contents.as_ref())?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// Replaces `path`'s contents: the temporary file is renamed over it, so a
/// crash leaves either the old file or the new one, never a mix.
pub fn replace(path: &Utf8Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    let tmp = write_temp(path, contents.as_ref())?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
