//! Tab-separated output: a header row, then one row per match
//! (`start end surface lemma pos how en`, renderings joined with `; `).

use std::io;

use crate::annotate::Brief;
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

/// Write a field, with tabs and line breaks turned into spaces, without allocating when it
/// has none (the common case).
fn write_field<W: io::Write>(out: &mut W, s: &str) -> io::Result<()> {
    if s.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        out.write_all(field(s).as_bytes())
    } else {
        out.write_all(s.as_bytes())
    }
}

/// The rows of one sentence's matches in brief: the same rows as [`render_sentence`].
pub fn render_briefs<W: io::Write>(out: &mut W, briefs: &[Brief<'_>]) -> io::Result<()> {
    let mut numbers = itoa::Buffer::new();
    for b in briefs {
        out.write_all(numbers.format(b.start).as_bytes())?;
        out.write_all(b"\t")?;
        out.write_all(numbers.format(b.end).as_bytes())?;
        out.write_all(b"\t")?;
        write_field(out, b.surface)?;
        out.write_all(b"\t")?;
        write_field(out, b.lemma)?;
        out.write_all(b"\t")?;
        out.write_all(b.pos.as_bytes())?;
        out.write_all(b"\t")?;
        out.write_all(b.how.as_str().as_bytes())?;
        out.write_all(b"\t")?;
        match b.en {
            None => write_field(out, b.surface)?,
            Some(en) => {
                for (i, e) in en.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b"; ")?;
                    }
                    write_field(out, e)?;
                }
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}
