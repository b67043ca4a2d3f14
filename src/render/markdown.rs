//! The Markdown view, for reading on a Git forge (GitHub, GitLab): coverage figures, then a
//! section per document with, per sentence, a numbered line and a table whose rows are the
//! Swahili words, their morphemes (when any word was analysed) and their English gloss — cut
//! into several tables where a sentence is long, padded so the source reads aligned too — and
//! at the end the document's terms, names and unknown words.
//!
//! Every piece of input and glossary text goes through [`escape`]: Markdown punctuation is
//! backslash-escaped and `& < >` become entities (forges render inline
//! HTML), so no text can open a link, an emphasis, a table cell or a tag.

use std::fmt::Write as _;
use std::io;

use unicode_width::UnicodeWidthStr;

use super::interlinear::{self, Piece};
use crate::coverage::{self, Coverage, Inventory};
use crate::document::{Document, Sentence};
use crate::glossary::Entry;
use crate::lexicon::How;

/// The widest a table's source row may grow before the sentence continues in another table.
const TABLE_WIDTH: usize = 96;

/// Write `documents`. `entries` are the entries their matches index (`Match::entry`).
pub fn render<W: io::Write>(
    out: &mut W,
    documents: &[Document],
    entries: &[Entry],
) -> io::Result<()> {
    let c = Coverage::of(documents, entries);
    let title = match documents {
        [one] => escape(&one.source),
        many => format!("{} texts", many.len()),
    };
    writeln!(out, "# Glossed Swahili: {title}\n")?;
    write!(
        out,
        "**{}%** of {} words glossed ({} sentences, {} multi-word terms):",
        c.glossed_percent(),
        c.words,
        c.sentences,
        c.multiword
    )?;
    for (n, h) in c.by_how.iter().enumerate() {
        let sep = if n == 0 { " " } else { ", " };
        write!(out, "{sep}{} {}", h.how.as_str(), h.words)?;
    }
    writeln!(out, "; not in the glossary {}.\n", c.unknown)?;
    writeln!(
        out,
        "Each table: the Swahili words, their morphemes (inflected forms) and their English \
         gloss. A **bold** gloss is a subject-domain term, an *italic name* a capitalised word \
         no entry covers; a word with no gloss is not in the glossary.\n"
    )?;
    for doc in documents {
        render_document(out, doc, entries)?;
    }
    Ok(())
}

fn render_document<W: io::Write>(out: &mut W, doc: &Document, entries: &[Entry]) -> io::Result<()> {
    let c = Coverage::of(std::slice::from_ref(doc), entries);
    writeln!(out, "## {}\n", escape(&doc.source))?;
    writeln!(
        out,
        "{} sentences, {} words, {}% glossed, {} in names, {} not in the glossary.\n",
        c.sentences,
        c.words,
        c.glossed_percent(),
        c.names,
        c.unknown
    )?;
    for (n, s) in doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "**{}.** {}\n",
            n + 1,
            escape(&crate::tokenize::one_line(&s.text))
        )?;
        for table in tables(&cells(s, entries)) {
            write_table(out, table)?;
        }
    }
    let inv = Inventory::of(doc, entries.len());
    let terms: Vec<_> = inv
        .entries
        .iter()
        .filter(|&&(e, _, _)| !coverage::is_function_word(&entries[e]))
        .collect();
    if !terms.is_empty() {
        writeln!(out, "### Terms in this text\n")?;
        for &&(e, seen, first) in &terms {
            writeln!(out, "{}", term_line(&entries[e], seen, first))?;
        }
        writeln!(
            out,
            "\nFunction words (domain core) are glossed above but not listed.\n"
        )?;
    }
    if !inv.names.is_empty() {
        writeln!(out, "Names: {}\n", escape(&inv.names.join(", ")))?;
    }
    if !inv.unknown.is_empty() {
        writeln!(
            out,
            "Not in the glossary: {}\n",
            escape(&inv.unknown.join(", "))
        )?;
    }
    Ok(())
}

/// One column of a table, escaped and styled: source, morphemes, gloss.
#[derive(Debug, Default)]
struct Cell {
    source: String,
    morphs: String,
    gloss: String,
}

impl Cell {
    fn width(&self) -> usize {
        self.source
            .width()
            .max(self.morphs.width())
            .max(self.gloss.width())
            .max(3)
    }
}

fn cells(s: &Sentence, entries: &[Entry]) -> Vec<Cell> {
    interlinear::columns(s)
        .into_iter()
        .map(|col| {
            let mut cell = Cell::default();
            for piece in col {
                cell.source
                    .push_str(&escape(&interlinear::surface(s, piece)));
                let Piece::Match(i) = piece else { continue };
                let m = &s.matches[i];
                if let Some(seg) = m.segmentation() {
                    join(&mut cell.morphs, &escape(&seg));
                }
                let domain = m
                    .entry
                    .and_then(|e| entries.get(e))
                    .is_some_and(crate::domain::is_domain_entry);
                let gloss = match m.how {
                    How::Name => "*name*".to_owned(),
                    _ if domain => format!("**{}**", escape(&m.gloss)),
                    _ => escape(interlinear::gloss(m)),
                };
                join(&mut cell.gloss, &gloss);
            }
            cell
        })
        .collect()
}

fn join(into: &mut String, more: &str) {
    if !into.is_empty() {
        into.push_str(" / ");
    }
    into.push_str(more);
}

/// Cut the cells into tables no wider than [`TABLE_WIDTH`] (a wider single cell stands alone).
fn tables(cells: &[Cell]) -> Vec<&[Cell]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, c) in cells.iter().enumerate() {
        let w = c.width() + 3;
        if i > start && used + w > TABLE_WIDTH {
            out.push(&cells[start..i]);
            start = i;
            used = 0;
        }
        used += w;
    }
    if start < cells.len() {
        out.push(&cells[start..]);
    }
    out
}

fn write_table<W: io::Write>(out: &mut W, cells: &[Cell]) -> io::Result<()> {
    let row = |pick: fn(&Cell) -> &str| {
        let mut line = String::from("|");
        for c in cells {
            let text = pick(c);
            line.push(' ');
            line.push_str(text);
            line.push_str(&" ".repeat(c.width() - text.width()));
            line.push_str(" |");
        }
        line
    };
    writeln!(out, "{}", row(|c| &c.source))?;
    let mut rule = String::from("|");
    for c in cells {
        // left-aligned, as interlinear tiers are
        rule.push_str(" :");
        rule.push_str(&"-".repeat(c.width() - 1));
        rule.push_str(" |");
    }
    writeln!(out, "{rule}")?;
    if cells.iter().any(|c| !c.morphs.is_empty()) {
        writeln!(out, "{}", row(|c| &c.morphs))?;
    }
    writeln!(out, "{}\n", row(|c| &c.gloss))
}

/// `- **balozi** (noun, class 5/6; diplomacy): ambassador; envoy. Note. *Example* — Translation. 2×, first in 3`
fn term_line(e: &Entry, seen: usize, first: usize) -> String {
    let mut grammar = vec![e.pos.as_str().to_owned()];
    if let Some(c) = e.class {
        grammar.push(format!("class {c}"));
    }
    if let Some(p) = &e.plural {
        grammar.push(format!("plural {}", escape(p)));
    }
    let mut line = format!("- **{}** ({}", escape(&e.sw), grammar.join(", "));
    if !e.domain.is_empty() {
        line.push_str("; ");
        line.push_str(&escape(&e.domain.join(", ")));
    }
    line.push_str("): ");
    line.push_str(&escape(&e.en.join("; ")));
    line.push('.');
    if let Some(note) = &e.note {
        line.push(' ');
        line.push_str(&escape(note));
    }
    if let Some(x) = &e.example {
        let _ = write!(line, " *{}* — {}", escape(&x.sw), escape(&x.en));
    }
    let _ = write!(line, " ({seen}×, first in sentence {first})");
    line
}

/// Characters Markdown (`CommonMark` with the GitHub and GitLab extensions) may read as syntax
/// inside a line — escapes, code, emphasis, links and images, table cells, strikethrough,
/// math, superscripts, and mentions and issue references where the text is pasted into a comment — are
/// backslash-escaped. Line-start syntax (`-`, `1.`, `>`) cannot occur because every line the
/// view writes starts with its own text; `#` is escaped anyway because trailing hashes close
/// a heading.
const SYNTAX: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '{', '}', '#', '|', '~', '^', '!', '$', '@',
];

/// Escape text for a Markdown line or table cell: whitespace runs become one space, Markdown
/// syntax characters are backslash-escaped and `& < >` become HTML entities (quotes stay:
/// they mean nothing outside a tag).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut md = String::with_capacity(text.len() + 8);
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            md.push(' ');
        }
        for c in word.chars() {
            if SYNTAX.contains(&c) {
                md.push('\\');
            }
            md.push(c);
        }
    }
    html_escape::encode_text(&md).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markdown_and_html() {
        assert_eq!(escape("a|b"), r"a\|b");
        assert_eq!(escape("*x* _y_ `z`"), r"\*x\* \_y\_ \`z\`");
        assert_eq!(escape("[l](http://e) @a"), r"\[l\](http://e) \@a");
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("<b>x</b> & \"q\""),
            "&lt;b&gt;x&lt;/b&gt; &amp; \"q\""
        );
        assert_eq!(
            escape(r"a\b ~~s~~ $m$ #h !"),
            r"a\\b \~\~s\~\~ \$m\$ \#h \!"
        );
        assert_eq!(escape(" two\n lines\t"), "two lines");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(
            escape("Mawaziri wa Mambo ya Nje"),
            "Mawaziri wa Mambo ya Nje"
        );
        assert_eq!(escape("3PL-PRS-expect-FV"), "3PL-PRS-expect-FV");
    }

    #[test]
    fn long_sentences_make_several_tables() {
        let cell = |w: usize| Cell {
            source: "x".repeat(w),
            ..Cell::default()
        };
        let cells: Vec<Cell> = (0..10).map(|_| cell(20)).collect();
        let t = tables(&cells);
        assert_eq!(t.iter().map(|t| t.len()).collect::<Vec<_>>(), vec![4, 4, 2]);
        let wide = [cell(200), cell(5)];
        assert_eq!(tables(&wide).len(), 2);
        assert!(tables(&[]).is_empty());
    }

    #[test]
    fn tables_align_and_skip_an_empty_morpheme_row() {
        let cells = [
            Cell {
                source: "wa".into(),
                morphs: String::new(),
                gloss: "of".into(),
            },
            Cell {
                source: "nchi".into(),
                morphs: String::new(),
                gloss: "country".into(),
            },
        ];
        let mut out = Vec::new();
        write_table(&mut out, &cells).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| wa  | nchi    |\n| :-- | :------ |\n| of  | country |\n\n"
        );
    }
}
