//! A translation as aligned segments: a Swahili source and its English target, split into
//! segments by line (blank lines ignored) or by paragraph (blank-line-separated), or read from
//! one TSV file with `swahili` and `english` columns. Every segment remembers the line it
//! starts on in each file.

use std::path::Path;

use crate::error::{Error, Position, Result};

/// One aligned pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// 1-based segment number.
    pub number: usize,
    pub source: String,
    pub target: String,
    /// 1-based line of the source file where the segment starts.
    pub source_line: usize,
    /// 1-based line of the target file where the segment starts.
    pub target_line: usize,
}

/// How two texts split into segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// One segment a line; blank lines are ignored.
    Line,
    /// One segment a paragraph: lines up to a blank line.
    Paragraph,
}

/// A piece of a text: the line it starts on and its text (trimmed; paragraph lines joined
/// with a newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub line: usize,
    pub text: String,
}

/// Split a text into pieces. A byte-order mark and CR line ends are ignored.
#[must_use]
pub fn split(text: &str, align: Align) -> Vec<Piece> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut open = false; // a paragraph is being collected
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if let (Align::Paragraph, true, Some(p)) = (align, open, pieces.last_mut()) {
            p.text.push('\n');
            p.text.push_str(line);
        } else {
            pieces.push(Piece {
                line: n + 1,
                text: line.to_owned(),
            });
            open = true;
        }
    }
    pieces
}

/// Pair the pieces of a source and a target text; different counts are an error.
pub fn align(
    source_path: &Path,
    source: &str,
    target_path: &Path,
    target: &str,
    align: Align,
) -> Result<Vec<Segment>> {
    let s = split(source, align);
    let t = split(target, align);
    if s.len() != t.len() {
        return Err(Error::Misaligned {
            swahili: source_path.to_path_buf(),
            english: target_path.to_path_buf(),
            swahili_segments: s.len(),
            english_segments: t.len(),
        });
    }
    Ok(s.into_iter()
        .zip(t)
        .enumerate()
        .map(|(i, (s, t))| Segment {
            number: i + 1,
            source: s.text,
            target: t.text,
            source_line: s.line,
            target_line: t.line,
        })
        .collect())
}

/// Read a TSV with a header naming `swahili` and `english` columns (others are ignored), one
/// segment a row. Fields are not quoted (a `"` is text); a row without one of the cells has an
/// empty segment there.
pub fn read_tsv(path: &Path, text: &str) -> Result<Vec<Segment>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .quoting(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let fail = |line: u64, message: String| Error::Bitext {
        path: path.to_path_buf(),
        at: Position {
            line: usize::try_from(line).unwrap_or(usize::MAX),
            column: 1,
        },
        message,
    };
    let headers = reader
        .headers()
        .map_err(|e| fail(1, e.to_string()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                fail(
                    1,
                    format!("no {name:?} column (the header needs \"swahili\" and \"english\")"),
                )
            })
    };
    let sw = column("swahili")?;
    let en = column("english")?;
    let mut segments = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            fail(line, e.to_string())
        })?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let cell = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        segments.push(Segment {
            number: segments.len() + 1,
            source: cell(sw),
            target: cell(en),
            source_line: line,
            target_line: line,
        });
    }
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blanks_and_keep_line_numbers() {
        let p = split("\u{feff}moja\r\n\r\n  mbili \ntatu\n", Align::Line);
        let got: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.text.as_str())).collect();
        assert_eq!(got, [(1, "moja"), (3, "mbili"), (4, "tatu")]);
    }

    #[test]
    fn paragraphs_join_their_lines() {
        let p = split("\n\nmoja\nmbili\n\n\ntatu\n", Align::Paragraph);
        let got: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.text.as_str())).collect();
        assert_eq!(got, [(3, "moja\nmbili"), (7, "tatu")]);
    }

    #[test]
    fn different_counts_are_an_error() {
        let err = align(
            Path::new("a.sw"),
            "moja\nmbili\n",
            Path::new("a.en"),
            "one\n",
            Align::Line,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.sw has 2 segments but a.en has 1; the translation is not aligned"
        );
    }

    #[test]
    fn tsv_reads_named_columns_unquoted() {
        let text = "id\tswahili\tenglish\n1\t\"Habari\" njema\t\"Good\" news\n2\tpeke\n";
        let s = read_tsv(Path::new("t.tsv"), text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].source, "\"Habari\" njema");
        assert_eq!(s[0].target, "\"Good\" news");
        assert_eq!(
            (s[1].number, s[1].source_line, s[1].target.as_str()),
            (2, 3, "")
        );
        let err = read_tsv(Path::new("t.tsv"), "id\tsw\ten\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:1:1: no \"swahili\" column (the header needs \"swahili\" and \"english\")"
        );
    }
}
