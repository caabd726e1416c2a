//! Source files and positions. Every AST node carries a [`Span`]: a byte
//! range in one file of the [`SourceMap`]. Line and column are computed only
//! when a message or a trace needs them.

use camino::{Utf8Path, Utf8PathBuf};
use miette::NamedSource;
use sakip_core::model::Origin;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// One file as read once in this process. Ids are unique across every
/// [`SourceMap`] of the process, so that a syntax tree parsed once (a
/// national rule set shared by thousands of units) keeps valid spans in the
/// source map of each unit that includes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub usize);

impl FileId {
    /// A new id, never handed out before in this process.
    pub(crate) fn fresh() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        FileId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Bytes `start..end` of `file`.
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Self { file, start, end }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte (a position, as for "expected ... here").
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    /// `node`, written at `span`.
    pub fn new(node: T, span: Span) -> Self {
        Self { node, span }
    }
}

/// One file's text, with the starts of its lines (computed once) for
/// turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as it is shown to people: relative, with `..` folded away.
    pub name: String,
    /// Where it was read from.
    pub path: Utf8PathBuf,
    /// The text, shared with every problem that shows a line of it.
    pub text: Arc<NamedSource<String>>,
    lines: crate::lines::LineIndex,
}

impl SourceFile {
    /// The file at `path` holding `text`.
    pub fn new(path: &Utf8Path, text: String) -> Self {
        let name = path.as_str().to_string();
        let lines = crate::lines::LineIndex::new(&text);
        Self {
            name: name.clone(),
            path: path.to_path_buf(),
            text: Arc::new(NamedSource::new(name, text)),
            lines,
        }
    }

    /// The text.
    pub fn source(&self) -> &str {
        self.text.inner()
    }

    /// The byte offset of a 1-based line and column (in characters); the
    /// file's end when the position lies beyond it.
    pub fn offset_of(&self, line: u32, col: u32) -> usize {
        self.lines.offset_of(self.source(), line, col)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        self.lines.line_col(self.source(), offset)
    }

    /// The index of its lines, for the other ways of counting (UTF-16).
    pub fn lines(&self) -> &crate::lines::LineIndex {
        &self.lines
    }
}

/// A rule file's text; the message says why it cannot be had, and for a
/// file that is not UTF-8, where the first byte that is not lies.
///
/// A byte order mark at the start (Windows Notepad writes one) is not part
/// of the text: it is dropped, and positions count from after it.
pub fn read_text(path: &Utf8Path) -> Result<String, sakip_core::Text> {
    read_text_in(&crate::fs::Disk, path)
}

/// [`read_text`] through `fs`.
pub fn read_text_in(fs: &dyn crate::fs::FileSystem, path: &Utf8Path) -> Result<String, sakip_core::Text> {
    crate::boundary::check(path).map_err(|o| outside_text(&o))?;
    let mut bytes = fs.read(path).map_err(|e| io_text(&e))?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..good).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        sakip_core::Text::new("file-not-utf8")
            .arg("line", line)
            .arg("byte", col)
    })
}

/// Why a file could not be read, in the catalogue's words where the
/// operating system's reason is a common one.
pub(crate) fn io_text(e: &std::io::Error) -> sakip_core::Text {
    match e.kind() {
        std::io::ErrorKind::NotFound => sakip_core::Text::new("file-not-found"),
        std::io::ErrorKind::PermissionDenied => sakip_core::Text::new("file-no-permission"),
        _ => sakip_core::Text::new("raw").arg("text", e),
    }
}

/// Why a path outside the folder the process serves was not read.
pub(crate) fn outside_text(o: &crate::boundary::Outside) -> sakip_core::Text {
    sakip_core::Text::new("outside-tree")
        .arg("path", &o.path)
        .arg("root", &o.root)
}

/// The files one load sees, each read and parsed once: its own, and those
/// it shares with other loads (see [`FileId`]). Looking a file up by id or
/// by path takes constant time, whatever the number of files.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: HashMap<FileId, Arc<SourceFile>>,
    by_path: HashMap<Utf8PathBuf, FileId>,
}

impl SourceMap {
    /// Adds a file read now; it gets a new id.
    pub fn add(&mut self, path: &Utf8Path, text: String) -> FileId {
        let id = FileId::fresh();
        self.insert(id, Arc::new(SourceFile::new(path, text)));
        id
    }

    /// Adds a file read by another load, under the id it was parsed with.
    pub fn insert(&mut self, id: FileId, file: Arc<SourceFile>) {
        self.by_path.insert(file.path.clone(), id);
        self.files.insert(id, file);
    }

    /// The file `id`, when this map holds it.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(&id).map(|f| &**f)
    }

    /// The shared handle of a file, to give to another source map.
    pub fn get_shared(&self, id: FileId) -> Option<Arc<SourceFile>> {
        self.files.get(&id).cloned()
    }

    /// The id of the file read from `path`, when this map holds it.
    pub fn find(&self, path: &Utf8Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    /// The paths of the files it holds.
    pub fn paths(&self) -> impl Iterator<Item = &Utf8Path> {
        self.by_path.keys().map(Utf8PathBuf::as_path)
    }

    /// The `file:line:col` label of a span's start, for the core's traces.
    pub fn origin(&self, span: Span) -> Option<Origin> {
        let file = self.get(span.file)?;
        let (line, col) = file.line_col(span.start);
        Some(Origin {
            file: file.name.clone(),
            line,
            col,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new(Utf8Path::new("a.sakip"), "ab\n\"é\" x\n".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // `x` follows a two-byte `é`: column 5 in characters.
        assert_eq!(f.line_col(8), (2, 5));
        assert_eq!(f.line_col(999), (3, 1));
    }
}
