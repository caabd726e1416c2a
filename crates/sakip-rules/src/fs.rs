//! Where rule sets are read from: the one boundary between the rules and
//! the file system. Every read of a rule file, a script, a folder's
//! listing or what a path names goes through a [`FileSystem`]: the disk
//! ([`Disk`], confined to the served folder when a process is), or a tree
//! held in memory ([`InMemory`]), which tests and tools build without
//! touching the disk. An editor's unsaved texts are laid over either by
//! [`crate::shared::Shared`].

use camino::{Utf8Path, Utf8PathBuf};
use std::collections::BTreeMap;
use std::io;

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Dir,
    File,
    /// Nothing, or something that is neither (a socket, a broken link).
    Other,
}

/// The entries of a folder, each with what it is, sorted by path.
pub type Entries = Vec<(Utf8PathBuf, Kind)>;

/// A source of rule files.
pub trait FileSystem: Send + Sync + std::fmt::Debug {
    /// The bytes of the file at `path`.
    fn read(&self, path: &Utf8Path) -> io::Result<Vec<u8>>;
    /// What `path` names.
    fn kind(&self, path: &Utf8Path) -> Kind;
    /// The entries directly in `dir`, sorted by path. An entry that leads
    /// out of the folder the process is confined to is not listed.
    fn entries(&self, dir: &Utf8Path) -> io::Result<Entries>;
}

/// The disk, as the operating system shows it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl FileSystem for Disk {
    fn read(&self, path: &Utf8Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn kind(&self, path: &Utf8Path) -> Kind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Kind::Dir,
            Ok(m) if m.is_file() => Kind::File,
            _ => Kind::Other,
        }
    }

    fn entries(&self, dir: &Utf8Path) -> io::Result<Entries> {
        let mut out: Entries = dir
            .read_dir_utf8()?
            .filter_map(|e| e.ok())
            // A link that leads out of the folder a serving process is
            // confined to is not followed: what lies there is not listed.
            // (Only a link can lead out of a folder that is inside.)
            .filter(|e| !is_link(e) || crate::boundary::check(e.path()).is_ok())
            .map(|e| (e.path().to_path_buf(), kind_of_entry(&e)))
            .collect();
        // Every entry is in `dir`: their order by name is their order by
        // path, without comparing the folder's components again for every
        // pair (two thirds of listing a ministry's tree).
        out.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()).then(a.1.cmp(&b.1)));
        Ok(out)
    }
}

/// Whether an entry of a folder is a symbolic link.
fn is_link(e: &camino::Utf8DirEntry) -> bool {
    e.file_type().is_ok_and(|t| t.is_symlink())
}

/// What an entry of a folder is, following a symbolic link. The entry
/// usually knows without asking the file system again (one `stat` fewer per
/// file, which counts over a country's 100,000 files).
fn kind_of_entry(e: &camino::Utf8DirEntry) -> Kind {
    let t = match e.file_type() {
        Ok(t) if t.is_symlink() => match std::fs::metadata(e.path()) {
            Ok(m) => m.file_type(),
            Err(_) => return Kind::Other,
        },
        Ok(t) => t,
        Err(_) => return Kind::Other,
    };
    if t.is_dir() {
        Kind::Dir
    } else if t.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

/// A tree of files held in memory: a file's folders exist because it does.
/// Paths are taken as given (absolute or relative, without `..`).
#[derive(Debug, Clone, Default)]
pub struct InMemory {
    files: BTreeMap<Utf8PathBuf, Vec<u8>>,
}

impl InMemory {
    /// An empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// The tree with `path` holding `text`.
    pub fn with(mut self, path: impl Into<Utf8PathBuf>, text: impl Into<Vec<u8>>) -> Self {
        self.insert(path, text);
        self
    }

    /// `path` holds `text` from now on.
    pub fn insert(&mut self, path: impl Into<Utf8PathBuf>, text: impl Into<Vec<u8>>) {
        self.files.insert(crate::resolve::normalize(&path.into()), text.into());
    }

    /// `path` is gone.
    pub fn remove(&mut self, path: &Utf8Path) {
        self.files.remove(&crate::resolve::normalize(path));
    }

    /// Whether some file lies under `dir`.
    fn is_dir(&self, dir: &Utf8Path) -> bool {
        self.files
            .range(dir.to_path_buf()..)
            .next()
            .is_some_and(|(p, _)| p.starts_with(dir) && p != dir)
    }
}

impl FileSystem for InMemory {
    fn read(&self, path: &Utf8Path) -> io::Result<Vec<u8>> {
        self.files
            .get(&crate::resolve::normalize(path))
            .cloned()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    fn kind(&self, path: &Utf8Path) -> Kind {
        let path = crate::resolve::normalize(path);
        if self.files.contains_key(&path) {
            Kind::File
        } else if self.is_dir(&path) {
            Kind::Dir
        } else {
            Kind::Other
        }
    }

    fn entries(&self, dir: &Utf8Path) -> io::Result<Entries> {
        let dir = crate::resolve::normalize(dir);
        if !self.is_dir(&dir) {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        let mut out: Entries = Vec::new();
        for (path, _) in self.files.range(dir.clone()..).take_while(|(p, _)| p.starts_with(&dir)) {
            let Ok(rest) = path.strip_prefix(&dir) else { continue };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let entry = dir.join(first);
            let kind = if parts.next().is_some() { Kind::Dir } else { Kind::File };
            if out.last().map(|(p, _)| p) != Some(&entry) {
                out.push((entry, kind));
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_tree_in_memory_lists_its_folders_and_files() {
        let fs = InMemory::new()
            .with("/t/rules/nasional/nasional.sakip", "aturan nasional n \"N\"\n")
            .with("/t/satker/u1/satker.sakip", "x")
            .with("/t/satker/u1/data/realisasi-2024.sakip", "y")
            .with("/t/satker/u2/satker.sakip", "z");
        assert_eq!(fs.kind(Utf8Path::new("/t/satker")), Kind::Dir);
        assert_eq!(fs.kind(Utf8Path::new("/t/satker/u1/satker.sakip")), Kind::File);
        assert_eq!(fs.kind(Utf8Path::new("/t/sat")), Kind::Other);
        assert_eq!(fs.kind(Utf8Path::new("/t/satker/u")), Kind::Other);
        let u1 = fs.entries(Utf8Path::new("/t/satker/u1")).unwrap();
        assert_eq!(
            u1,
            vec![
                (Utf8PathBuf::from("/t/satker/u1/data"), Kind::Dir),
                (Utf8PathBuf::from("/t/satker/u1/satker.sakip"), Kind::File),
            ]
        );
        assert_eq!(fs.entries(Utf8Path::new("/t")).unwrap().len(), 2);
        assert!(fs.entries(Utf8Path::new("/nowhere")).is_err());
        assert_eq!(fs.read(Utf8Path::new("/t/satker/u2/satker.sakip")).unwrap(), b"z");
        assert!(fs.read(Utf8Path::new("/t/satker/u3/satker.sakip")).is_err());
    }
}
