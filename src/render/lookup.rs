//! Rendering lookup results: a readable card per entry, or JSON.

use std::fmt::Write as _;
use std::io;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::glossary::{Entry, Example, Pos};
use crate::lexicon::{How, Lexicon};
use crate::lookup::Found;

const HEADWORD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const EN: Style = AnsiColor::Green.on_default();

/// The headword as a translator writes it: verbs with a leading hyphen (*-tarajia*).
#[must_use]
pub fn headword(e: &Entry) -> String {
    if e.pos == Pos::Verb && !e.sw.contains(' ') {
        format!("-{}", e.sw)
    } else {
        e.sw.clone()
    }
}

pub fn render_text<W: io::Write>(out: &mut W, lexicon: &Lexicon, found: &Found) -> io::Result<()> {
    if found.hits.is_empty() {
        write!(out, "{}: not in the glossary", found.query)?;
        if found.suggestions.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "; did you mean: {}?", found.suggestions.join(", "))?;
        }
        return Ok(());
    }
    for hit in &found.hits {
        let e = lexicon.entry(hit.entry);
        if let (Some(seg), Some(gloss)) = (&hit.segmentation, &hit.gloss) {
            writeln!(
                out,
                "{} → {}  {DIM}{seg}  {gloss}{DIM:#}",
                found.query,
                headword(e)
            )?;
        } else if hit.how == How::Variant {
            writeln!(out, "{} → {}", found.query, headword(e))?;
        }
        let mut line = format!("{HEADWORD}{}{HEADWORD:#}  {}", headword(e), e.pos);
        if let Some(c) = e.class {
            let _ = write!(line, "  class {c}");
        }
        if let Some(p) = &e.plural {
            let _ = write!(line, "  plural {p}");
        }
        writeln!(out, "{line}")?;
        writeln!(out, "  {EN}{}{EN:#}", e.en.join("; "))?;
        if !e.variants.is_empty() {
            writeln!(out, "  variants: {}", e.variants.join(", "))?;
        }
        if !e.domain.is_empty() {
            writeln!(out, "  {DIM}domain: {}{DIM:#}", e.domain.join(", "))?;
        }
        if let Some(n) = &e.note {
            writeln!(out, "  note: {n}")?;
        }
        if let Some(ex) = &e.example {
            writeln!(out, "  example: {} — {}", ex.sw, ex.en)?;
        }
        if !e.not.is_empty() {
            writeln!(out, "  not: {}", e.not.join("; "))?;
        }
        if !e.forbidden.is_empty() {
            writeln!(out, "  do not translate as: {}", e.forbidden.join("; "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct EntryView<'a> {
    sw: &'a str,
    en: &'a [String],
    pos: Pos,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plural: Option<&'a str>,
    domain: &'a [String],
    variants: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    example: Option<&'a Example>,
    how: How,
    #[serde(skip_serializing_if = "Option::is_none")]
    segmentation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gloss: Option<&'a str>,
}

#[derive(Serialize)]
struct FoundView<'a> {
    query: &'a str,
    hits: Vec<EntryView<'a>>,
    suggestions: &'a [String],
}

/// All queries as one JSON array.
pub fn render_json<W: io::Write>(
    out: &mut W,
    lexicon: &Lexicon,
    found: &[Found],
) -> io::Result<()> {
    let views: Vec<FoundView> = found
        .iter()
        .map(|f| FoundView {
            query: &f.query,
            suggestions: &f.suggestions,
            hits: f
                .hits
                .iter()
                .map(|h| {
                    let e = lexicon.entry(h.entry);
                    EntryView {
                        sw: &e.sw,
                        en: &e.en,
                        pos: e.pos,
                        class: e.class.map(|c| c.to_string()),
                        plural: e.plural.as_deref(),
                        domain: &e.domain,
                        variants: &e.variants,
                        note: e.note.as_deref(),
                        example: e.example.as_ref(),
                        how: h.how,
                        segmentation: h.segmentation.as_deref(),
                        gloss: h.gloss.as_deref(),
                    }
                })
                .collect(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &views)?;
    writeln!(out)
}
