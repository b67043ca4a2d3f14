//! The library's one error type. Every variant carries the structured context a user needs
//! to find the problem (file, line, column, entry); messages are lowercase, one line. The
//! places it names are [`Position`]s (see `error/position.rs`).

use std::io;
use std::path::PathBuf;

mod position;

pub use position::{LineIndex, Position};

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
    fn messages_name_file_and_place() {
        let e = Error::GlossaryToml {
            path: "g.toml".into(),
            at: Position { line: 3, column: 5 },
            message: "expected `=`".into(),
        };
        assert_eq!(e.to_string(), "g.toml:3:5: expected `=`");
    }
}
