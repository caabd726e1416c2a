//! Which paths a request may name: a `.sakip` or `.rhai` file inside the
//! served tree, named relative to its root. `..`, absolute paths, other
//! kinds of files, and symbolic links that lead outside are refused.

use camino::{Utf8Component, Utf8Path, Utf8PathBuf};

/// Why a path is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Absolute, or with `..`: it would leave the tree.
    Escapes,
    /// Not a rule file or a script.
    Kind,
    /// It (or a folder on the way) is a link that leads outside the tree.
    Outside,
}

/// The file `relative` names inside `root`, when a request may read or
/// write it. The file need not exist (a new file), but the folder it would
/// be in must, inside the tree.
pub fn inside(root: &Utf8Path, relative: &str) -> Result<Utf8PathBuf, Refusal> {
    let rel = Utf8Path::new(relative);
    if rel.components().any(|c| !matches!(c, Utf8Component::Normal(_))) || relative.is_empty() {
        return Err(Refusal::Escapes);
    }
    if !matches!(rel.extension(), Some("sakip" | "rhai")) {
        return Err(Refusal::Kind);
    }
    let root = root.canonicalize_utf8().map_err(|_| Refusal::Outside)?;
    let path = root.join(rel);
    // Follow every link on the way: the real place must be in the tree.
    let real = match path.canonicalize_utf8() {
        Ok(p) => p,
        Err(_) => {
            let parent = path.parent().ok_or(Refusal::Escapes)?;
            let real_parent = parent.canonicalize_utf8().map_err(|_| Refusal::Outside)?;
            real_parent.join(path.file_name().ok_or(Refusal::Escapes)?)
        }
    };
    if real.starts_with(&root) {
        Ok(path)
    } else {
        Err(Refusal::Outside)
    }
}

/// A unit's folder inside the tree, named relative to its root: checked as
/// its header file would be.
pub fn unit_folder(root: &Utf8Path, relative: &str) -> Result<Utf8PathBuf, Refusal> {
    let probe = inside(root, &format!("{}/satker.sakip", relative.trim_end_matches('/')))?;
    probe.parent().map(Utf8Path::to_path_buf).ok_or(Refusal::Escapes)
}

/// A folder inside the tree (a rule set's or a unit's), named relative to
/// its root; `""` is the root itself.
pub fn folder(root: &Utf8Path, relative: &str) -> Result<Utf8PathBuf, Refusal> {
    let rel = Utf8Path::new(relative.trim_end_matches('/'));
    if rel.components().any(|c| !matches!(c, Utf8Component::Normal(_))) {
        return Err(Refusal::Escapes);
    }
    let root = root.canonicalize_utf8().map_err(|_| Refusal::Outside)?;
    let path = root.join(rel);
    let real = path.canonicalize_utf8().map_err(|_| Refusal::Outside)?;
    if real.starts_with(&root) && real.is_dir() {
        Ok(path)
    } else {
        Err(Refusal::Outside)
    }
}
