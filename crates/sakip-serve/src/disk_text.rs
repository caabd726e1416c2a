//! A file's text as the editor holds it and as the disk keeps it.
//!
//! The browser's editor works in `\n` lines and has no byte order mark. A
//! file saved on Windows may have both `\r\n` and a mark; it is shown
//! without them (a mark shown as a character made a phantom error on the
//! first line), and written back with them, so that saving a one-word
//! change does not rewrite every line of the file.

/// The byte order mark Windows Notepad writes at the start of UTF-8 files.
const BOM: char = '\u{feff}';

/// `raw` (as read from disk) as the editor shows it.
pub(crate) fn for_editor(raw: &str) -> String {
    raw.strip_prefix(BOM).unwrap_or(raw).replace("\r\n", "\n")
}

/// `edited` (from the editor) written the way `like` (the file on disk,
/// if it exists) is written: its mark and its line endings kept.
pub(crate) fn for_disk(edited: &str, like: Option<&str>) -> String {
    let text = edited.strip_prefix(BOM).unwrap_or(edited).replace("\r\n", "\n");
    let Some(like) = like else { return text };
    let text = if like.contains("\r\n") {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if like.starts_with(BOM) {
        format!("{BOM}{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_line_endings_survive_an_edit() {
        let disk = "\u{feff}a\r\nb\r\n";
        let shown = for_editor(disk);
        assert_eq!(shown, "a\nb\n");
        assert_eq!(for_disk(&shown, Some(disk)), disk);
        assert_eq!(for_disk("a\nc\n", Some(disk)), "\u{feff}a\r\nc\r\n");
        assert_eq!(for_disk("a\nc\n", Some("a\nb\n")), "a\nc\n");
        assert_eq!(for_disk("a\nc\n", None), "a\nc\n");
        assert_eq!(for_disk("a\r\nc", Some("x\r\n")), "a\r\nc");
    }
}
