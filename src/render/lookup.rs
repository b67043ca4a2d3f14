//! Rendering lookup results: a readable card per entry, or JSON.

use compact_str::CompactString;
use std::fmt::Write as _;
use std::io;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::glossary::{Entry, Example, Pos};
use crate::lexicon::{How, Lexicon};
use crate::lookup::Found;
use crate::render::text::visible;

const HEADWORD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const EN: Style = AnsiColor::Green.on_default();

/// The headword as a translator writes it: verbs with a leading hyphen (*-tarajia*).
#[must_use]
pub fn headword(e: &Entry) -> String {
    if e.pos == Pos::Verb && !e.sw.contains(' ') {
        format!("-{}", e.sw)
    } else {
        e.sw.to_string()
    }
}

/// The cards of one query. Text from the query and the glossary is shown with its control
/// characters made visible (`visible`).
pub fn render_text<W: io::Write>(out: &mut W, lexicon: &Lexicon, found: &Found) -> io::Result<()> {
    if found.hits.is_empty() {
        write!(out, "{}: not in the glossary", visible(&found.query))?;
        if found.suggestions.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "; did you mean: {}?",
                visible(&found.suggestions.join(", "))
            )?;
        }
        return Ok(());
    }
    for hit in &found.hits {
        let e = lexicon.entry(hit.entry);
        if let (Some(seg), Some(gloss)) = (&hit.segmentation, &hit.gloss) {
            writeln!(
                out,
                "{} → {}  {DIM}{}  {}{DIM:#}",
                visible(&found.query),
                visible(&headword(e)),
                visible(seg),
                visible(gloss)
            )?;
        } else if hit.how == How::Variant {
            writeln!(out, "{} → {}", visible(&found.query), visible(&headword(e)))?;
        }
        let mut line = format!("{HEADWORD}{}{HEADWORD:#}  {}", visible(&headword(e)), e.pos);
        if let Some(c) = e.class {
            let _ = write!(line, "  class {c}");
        }
        if let Some(p) = &e.plural {
            let _ = write!(line, "  plural {}", visible(p));
        }
        writeln!(out, "{line}")?;
        writeln!(out, "  {EN}{}{EN:#}", visible(&e.en.join("; ")))?;
        if !e.variants.is_empty() {
            writeln!(out, "  variants: {}", visible(&e.variants.join(", ")))?;
        }
        if !e.domain.is_empty() {
            writeln!(
                out,
                "  {DIM}domain: {}{DIM:#}",
                visible(&e.domain.join(", "))
            )?;
        }
        if let Some(n) = &e.note {
            writeln!(out, "  note: {}", visible(n))?;
        }
        if let Some(ex) = &e.example {
            writeln!(out, "  example: {} — {}", visible(&ex.sw), visible(&ex.en))?;
        }
        if !e.not.is_empty() {
            writeln!(out, "  not: {}", visible(&e.not.join("; ")))?;
        }
        if !e.forbidden.is_empty() {
            writeln!(
                out,
                "  do not translate as: {}",
                visible(&e.forbidden.join("; "))
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct EntryView<'a> {
    sw: &'a str,
    en: &'a [CompactString],
    pos: Pos,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plural: Option<&'a str>,
    domain: &'a [CompactString],
    variants: &'a [CompactString],
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
