//! Tab-separated output: a header row, then one row per match
//! (`start end surface lemma pos how en`, renderings joined with `; `).

use std::io;

use crate::document::{Document, Sentence};

pub const HEADER: &str = "start\tend\tsurface\tlemma\tpos\thow\ten";

/// A field with tabs and line breaks turned into spaces, so every row stays one line.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn render_header<W: io::Write>(out: &mut W) -> io::Result<()> {
    writeln!(out, "{HEADER}")
}

pub fn render<W: io::Write>(out: &mut W, document: &Document) -> io::Result<()> {
    document
        .sentences
        .iter()
        .try_for_each(|s| render_sentence(out, s))
}

/// The rows of one sentence.
pub fn render_sentence<W: io::Write>(out: &mut W, s: &Sentence) -> io::Result<()> {
    {
        for m in &s.matches {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                m.start,
                m.end,
                field(&m.surface),
                field(&m.lemma),
                m.pos,
                m.how.as_str(),
                field(&m.en.join("; "))
            )?;
        }
    }
    Ok(())
}
