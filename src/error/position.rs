//! Places in a text: [`Position`] (1-based line and column) and [`LineIndex`], which turns
//! byte offsets into positions.
//!
//! This file is also compiled into the build script (`build.rs`), which stores the position of
//! every embedded glossary entry so that starting the program computes none; it therefore uses
//! only `memchr` (and `std`).

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

    /// The 1-based line of byte `offset`: [`LineIndex::position`] without the column, which
    /// costs a count of the line's characters.
    #[must_use]
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset.min(self.text.len()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_chars() {
        let text = "ab\ncdé\nf";
        let cases = [
            ("the start", 0, (1, 1)),
            ("a line's start", 3, (2, 1)),
            ("after cdé: é is two bytes, one column", 7, (2, 4)),
            ("past the end: the end", 99, (3, 2)),
        ];
        for (name, offset, (line, column)) in cases {
            assert_eq!(
                Position::of_offset(text, offset),
                Position { line, column },
                "{name}"
            );
        }
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
            assert_eq!(index.line(offset), line, "the line alone at {offset}");
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
}
