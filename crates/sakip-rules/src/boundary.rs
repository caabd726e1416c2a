//! The folder a process may read rule files and scripts from.
//!
//! On the command line, the files are the user's own: a `skrip` or
//! `berdasarkan` may name any path, and sakip reads it. The workbench is
//! different: its texts come from a browser, and a preview of unsaved text
//! that says `skrip "/etc/shadow"` made it open that file and echo its
//! first word in an error. So a front end that serves a folder confines
//! the whole process to it, once, at start ([`confine_to`]), in the manner
//! of OpenBSD's `unveil`: from then on every read of this crate (a rule
//! file, a script, a folder's listing) first asks [`check`], and a path
//! that leaves the folder, after following links, is refused without being
//! opened. Being process-wide, no load can forget it.
//!
//! The refusal says the same whether the outside file exists or not, so it
//! tells nothing of what lies outside.

use camino::{Utf8Component, Utf8Path, Utf8PathBuf};
use std::sync::OnceLock;

static ROOT: OnceLock<Utf8PathBuf> = OnceLock::new();

/// Confines every read of rule files and scripts in this process to `root`
/// (resolved through links). Once set, it stays: a second call with
/// another folder is an error.
pub fn confine_to(root: &Utf8Path) -> Result<(), String> {
    let real = root
        .canonicalize_utf8()
        .map_err(|e| format!("cannot resolve {root}: {e}"))?;
    let set = ROOT.get_or_init(|| real.clone());
    if *set == real {
        Ok(())
    } else {
        Err(format!("reads are already confined to {set}"))
    }
}

/// The folder reads are confined to, if any.
pub fn root() -> Option<&'static Utf8Path> {
    ROOT.get().map(Utf8PathBuf::as_path)
}

/// A path that leaves the folder reads are confined to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside {
    pub path: Utf8PathBuf,
    pub root: Utf8PathBuf,
}

/// `Ok` when `path` may be read: no confinement, or inside it.
pub fn check(path: &Utf8Path) -> Result<(), Outside> {
    match root() {
        None => Ok(()),
        Some(root) if is_inside(root, path) => Ok(()),
        Some(root) => Err(Outside {
            path: path.to_path_buf(),
            root: root.to_path_buf(),
        }),
    }
}

/// Whether `path` lies in `root` (a resolved folder): first by its words
/// alone (`..` taken back, nothing touched on disk), then, for a path that
/// exists, where its links lead. A path that does not exist is judged by
/// the nearest folder above it that does.
pub fn is_inside(root: &Utf8Path, path: &Utf8Path) -> bool {
    let Some(lexical) = lexical(path) else {
        return false;
    };
    if !lexical.starts_with(root) {
        return false;
    }
    let mut probe = lexical.as_path();
    loop {
        match probe.canonicalize_utf8() {
            Ok(real) => return real.starts_with(root),
            Err(_) => match probe.parent() {
                Some(parent) if parent.starts_with(root) => probe = parent,
                _ => return false,
            },
        }
    }
}

/// `path` made absolute (against the working folder) with `.` and `..`
/// taken away by their words; `None` when `..` climbs above the top.
fn lexical(path: &Utf8Path) -> Option<Utf8PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        let here = std::env::current_dir().ok()?;
        Utf8PathBuf::from_path_buf(here).ok()?.join(path)
    };
    let mut out = Utf8PathBuf::new();
    for c in absolute.components() {
        match c {
            Utf8Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Utf8Component::CurDir => {}
            other => out.push(other.as_str()),
        }
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn inside_by_words_and_by_links() {
        let base =
            Utf8PathBuf::from_path_buf(std::env::temp_dir().join(format!("sakip-boundary-{}", std::process::id())))
                .unwrap();
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("root");
        let outside = base.join("outside");
        std::fs::create_dir_all(root.join("unit")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.rhai"), "x").unwrap();
        let root = root.canonicalize_utf8().unwrap();
        assert!(is_inside(&root, &root.join("unit/satker.sakip")));
        assert!(is_inside(&root, &root.join("unit/new/never.sakip")));
        assert!(is_inside(&root, &root.join("unit/../unit/x.rhai")));
        assert!(!is_inside(&root, &root.join("../outside/secret.rhai")));
        assert!(!is_inside(&root, &root.join("../outside/none.rhai")));
        assert!(!is_inside(&root, Utf8Path::new("/etc/shadow")));
        assert!(!is_inside(&root, Utf8Path::new("/etc/no-such-file")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
            assert!(!is_inside(&root, &root.join("link/secret.rhai")));
            assert!(!is_inside(&root, &root.join("link/none.rhai")));
        }
        let _ = std::fs::remove_dir_all(&base);
    }
}
