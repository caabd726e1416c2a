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

/// A file written as a stream (a rollup's output) that takes its name only
/// when [`AtomicFile::commit`] is called: a run that cannot complete leaves
/// the destination as it was.
pub struct AtomicFile {
    path: Utf8PathBuf,
    tmp: Utf8PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    pub fn create(path: &Utf8Path) -> std::io::Result<Self> {
        let tmp = write_temp(path, b"")?;
        let file = std::fs::OpenOptions::new().write(true).truncate(true).open(&tmp)?;
        Ok(Self {
            path: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Flushes, syncs, and gives the file its name.
    pub fn commit(mut self) -> std::io::Result<()> {
        if let Some(w) = self.file.take() {
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.path)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("the file was committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
