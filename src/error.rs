//! The library's one error type. Every variant carries the structured context a user needs
//! to find the problem (file, line, column, entry); messages are lowercase, one line.

use std::io;
use std::path::PathBuf;

/// A place in a file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The 1-based line and column (in characters) of byte `offset` in `text`.
    #[must_use]
    pub fn of_offset(text: &str, offset: usize) -> Position {
        LineIndex::new(text).position(offset)
    }
}

/// Byte offsets → positions for one text, in O(log n) each (the starts of its lines, once).
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    #[must_use]
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let mut start = self.starts[line - 1];
        if start == 0 && self.text.starts_with('\u{feff}') {
            // a byte-order mark is not a column an editor shows
            start = '\u{feff}'.len_utf8().min(offset);
        }
        let column = self.text[start..offset].chars().count() + 1;
        Position { line, column }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },

    #[error("{}: is a directory, not a file", path.display())]
    IsDirectory { path: PathBuf },

    #[error("{}: invalid UTF-8 at byte offset {offset}", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },

    #[error("{}:{at}: {message}", path.display())]
    GlossaryToml {
        path: PathBuf,
        at: Position,
        message: String,
    },

    #[error("{}:{at}: entry {entry:?}: {message}", path.display())]
    GlossaryEntry {
        path: PathBuf,
        at: Position,
        entry: String,
        message: String,
    },

    #[error(
        "{}:{at}: duplicate entry {entry:?} ({pos}); first defined at {}:{first_at}",
        path.display(),
        first_path.display()
    )]
    DuplicateEntry {
        path: PathBuf,
        at: Position,
        entry: String,
        pos: String,
        first_path: PathBuf,
        first_at: Position,
    },

    #[error("{}: new entry {entry:?}: {message}", path.display())]
    NewEntry {
        path: PathBuf,
        entry: String,
        message: String,
    },

    #[error(
        "{}: entry {entry:?} ({pos}) already exists; use --merge to add renderings or --replace",
        path.display()
    )]
    DuplicateRefused {
        path: PathBuf,
        entry: String,
        pos: String,
        /// The existing entry's TOML text, to show the user.
        existing: String,
    },

    #[error("{}: no entry {entry:?}{}", path.display(), pos.as_ref().map(|p| format!(" ({p})")).unwrap_or_default())]
    NotFound {
        path: PathBuf,
        entry: String,
        pos: Option<String>,
    },

    #[error("{}: {entry:?} has several entries ({poses}); choose one with --pos", path.display())]
    Ambiguous {
        path: PathBuf,
        entry: String,
        poses: String,
    },

    #[error("--set {assignment:?}: {message}")]
    BadAssignment { assignment: String, message: String },

    #[error("{}: {message}", path.display())]
    Unsupported { path: PathBuf, message: String },

    #[error("{}:{at}: {message}", path.display())]
    Exchange {
        path: PathBuf,
        at: Position,
        message: String,
    },

    /// A bilingual TSV that cannot be read: a missing column, a bad record.
    #[error("{}:{at}: {message}", path.display())]
    Bitext {
        path: PathBuf,
        at: Position,
        message: String,
    },

    /// A source and a target text that do not split into the same number of segments.
    #[error(
        "{} has {swahili_segments} segments but {} has {english_segments}; the translation is not aligned",
        swahili.display(),
        english.display()
    )]
    Misaligned {
        swahili: PathBuf,
        english: PathBuf,
        swahili_segments: usize,
        english_segments: usize,
    },

    #[error(
        "no data directory for the personal glossary; set ISTILAHI_USER_GLOSSARY to a file path"
    )]
    NoUserGlossary,
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the error is a closed output pipe, which the binary treats as success.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_chars() {
        let text = "ab\ncdé\nf";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        // after "cdé" (é is two bytes): column counts characters
        assert_eq!(
            Position::of_offset(text, 7),
            Position { line: 2, column: 4 }
        );
        assert_eq!(
            Position::of_offset(text, 99),
            Position { line: 3, column: 2 }
        );
    }

    #[test]
    fn line_index_agrees_with_counting_at_every_offset() {
        let text = "ab\ncdé\n\nf";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            // count by hand: lines and characters before the (char-aligned) offset
            let mut at = offset.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(
                index.position(offset),
                Position { line, column },
                "{offset}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let index = LineIndex::new("\u{feff}ab\ncd");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(3), Position { line: 1, column: 1 });
        assert_eq!(index.position(4), Position { line: 1, column: 2 });
        assert_eq!(index.position(7), Position { line: 2, column: 2 });
    }

    #[test]
    fn messages_name_file_and_place() {
        let e = Error::GlossaryToml {
            path: "g.toml".into(),
            at: Position { line: 3, column: 5 },
            message: "expected `=`".into(),
        };
        assert_eq!(e.to_string(), "g.toml:3:5: expected `=`");
    }
}
