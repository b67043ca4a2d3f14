//! SIL Toolbox interlinear text (standard format markers): a `\_sh` header naming the Toolbox
//! type `Text`, an `\id` line per document, then one record per sentence:
//!
//! ```text
//! \ref sample.sw.txt 1
//! \tx Mabalozi           walihudhuria         .
//! \mb Ma- balozi         wa-  li-  hudhuri -a
//! \ge 6-  ambassador     3PL- PST- attend  -FV
//! \ps pfx n              pfx  pfx  v       sfx
//! \ft
//! ```
//!
//! `\tx` has one word per token (punctuation included, with nothing under it); `\mb` the
//! morphemes, prefixes ending and suffixes starting with `-`; `\ge` their glosses, marked the
//! same way; `\ps` the stem's category (`n v adj adv prep conj pro num nprop phr abbr interj`)
//! or `pfx`/`sfx` for affixes. A word no entry covers is glossed `***` (Toolbox's mark for a
//! missing gloss); the later words of a multi-word term are glossed `[term]`, the term's
//! rendering standing under its first word. `\ft` (free translation) is written empty, for the
//! translator to fill in. Every tier of a record is one line, aligned in columns by display
//! width (one space at least between columns), as Toolbox lines up interlinear text.

use std::io;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::morphemes::{self, Gloss, Role, Word};
use crate::document::Sentence;

/// The gloss of a word no entry covers (Toolbox's own mark).
pub const MISSING: &str = "***";
/// The gloss of a later word of a multi-word term.
pub const IN_TERM: &str = "[term]";

const GAP: usize = 1;

/// The file header: the Toolbox database type.
pub fn render_header<W: io::Write>(out: &mut W) -> io::Result<()> {
    writeln!(out, "\\_sh v3.0  400  Text")?;
    writeln!(out)
}

/// The line that starts a document's records.
pub fn render_source<W: io::Write>(out: &mut W, source: &str) -> io::Result<()> {
    writeln!(out, "\\id {}", label(source))?;
    writeln!(out)
}

/// The reference name of a source: its file name, with no whitespace in it.
fn label(source: &str) -> String {
    let name = Path::new(source)
        .file_name()
        .map_or_else(|| source.to_owned(), |n| n.to_string_lossy().into_owned());
    name.split_whitespace().collect::<Vec<_>>().join("_")
}

/// One cell of the morpheme tiers.
struct Cell {
    morph: String,
    gloss: String,
    category: String,
}

impl Cell {
    fn width(&self) -> usize {
        self.morph
            .width()
            .max(self.gloss.width())
            .max(self.category.width())
    }
}

fn cells(word: &Word) -> Vec<Cell> {
    word.morphs
        .iter()
        .map(|m| Cell {
            morph: m.marked(),
            gloss: match &m.gloss {
                Gloss::Known(g) => m.role.mark(g),
                Gloss::Unknown => MISSING.to_owned(),
                Gloss::InTerm => IN_TERM.to_owned(),
            },
            category: match m.role {
                Role::Prefix => "pfx".to_owned(),
                Role::Suffix => "sfx".to_owned(),
                Role::Stem => word.category.unwrap_or(MISSING).to_owned(),
            },
        })
        .collect()
}

/// Append `s` to `line`, padded with spaces to `width` display columns.
fn pad(line: &mut String, s: &str, width: usize) {
    line.push_str(s);
    line.push_str(&" ".repeat(width.saturating_sub(s.width())));
}

/// Write sentence `n` of `source` as one record.
pub fn render_sentence<W: io::Write>(
    out: &mut W,
    source: &str,
    n: usize,
    s: &Sentence,
) -> io::Result<()> {
    let mut tx = String::from("\\tx ");
    let mut mb = String::from("\\mb ");
    let mut ge = String::from("\\ge ");
    let mut ps = String::from("\\ps ");
    for word in morphemes::words(s) {
        let cells = cells(&word);
        let inner: usize = cells.iter().map(|c| c.width() + GAP).sum::<usize>();
        let width = word.text.width().max(inner.saturating_sub(GAP));
        pad(&mut tx, word.text, width + GAP);
        let mut used = 0;
        for (i, c) in cells.iter().enumerate() {
            // the last cell takes the rest of the word's width
            let w = if i + 1 == cells.len() {
                width + GAP - used
            } else {
                c.width() + GAP
            };
            pad(&mut mb, &c.morph, w);
            pad(&mut ge, &c.gloss, w);
            pad(&mut ps, &c.category, w);
            used += w;
        }
        if cells.is_empty() {
            for line in [&mut mb, &mut ge, &mut ps] {
                pad(line, "", width + GAP);
            }
        }
    }
    writeln!(out, "\\ref {} {n}", label(source))?;
    for line in [tx, mb, ge, ps] {
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "\\ft")?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;

    const TOML: &str = include_str!("../../tests/data/views.toml");

    fn record(text: &str) -> String {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        let lex = Lexicon::new(g);
        let doc = annotate(&lex, "dir/my text.txt", text);
        let mut out = Vec::new();
        render_sentence(&mut out, &doc.source, 1, &doc.sentences[0]).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The display column where each whitespace-separated item of a tier line starts, after
    /// its marker.
    fn starts(line: &str) -> Vec<usize> {
        let mut cols = Vec::new();
        let mut col = 0;
        let mut prev_space = true;
        for ch in line[4..].chars() {
            let space = ch == ' ';
            if !space && prev_space {
                cols.push(col);
            }
            prev_space = space;
            col += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        }
        cols
    }

    #[test]
    fn a_record_aligns_its_tiers() {
        let r = record("Mabalozi walihudhuria kikao.");
        assert_eq!(
            r,
            "\\ref my_text.txt 1\n\
             \\tx Mabalozi       walihudhuria          kikao .\n\
             \\mb Ma- balozi     wa-  li-  hudhuri -a  kikao\n\
             \\ge 6-  ambassador 3PL- PST- attend  -FV ***\n\
             \\ps pfx n          pfx  pfx  v       sfx ***\n\
             \\ft\n\n"
        );
    }

    #[test]
    fn wide_characters_keep_the_columns() {
        // CJK (two columns a character), an emoji and a combining accent (zero columns)
        let text = "東京 balozi 🙂 hudhuria̋ Mabalozi.";
        let r = record(text);
        let lines: Vec<&str> = r.lines().collect();
        let (tx, mb, ge, ps) = (
            starts(lines[1]),
            starts(lines[2]),
            starts(lines[3]),
            starts(lines[4]),
        );
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        let doc = annotate(&Lexicon::new(g), "t", text);
        let words = morphemes::words(&doc.sentences[0]);
        assert_eq!(tx.len(), words.len(), "{r}");
        // every word's column starts where its first morpheme starts, on every tier
        for (col, w) in tx.iter().zip(&words) {
            if w.kind != morphemes::WordKind::Punct {
                assert!(mb.contains(col), "{} at {col}: {mb:?}\n{r}", w.text);
            }
        }
        assert_eq!(mb, ge, "{r}");
        assert_eq!(mb, ps, "{r}");
    }
}
