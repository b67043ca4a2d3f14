//! The interlinear text view: for each sentence, its number and text, then columns of
//! source words, morpheme segmentation (when any word in the line was analysed) and gloss,
//! aligned by display width and wrapped at `width`.

use std::fmt::Write as _;
use std::io;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use crate::document::{Document, Sentence};
use crate::lexicon::How;

/// Layout options.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Total line width to wrap at.
    pub width: usize,
}

const INDENT: &str = "    ";
const GAP: usize = 2;

const HEAD: Style = Style::new().bold();
const EXACT: Style = AnsiColor::Green.on_default();
const INFLECTED: Style = AnsiColor::Cyan.on_default();
const NAME: Style = AnsiColor::Magenta.on_default();
const MORPH: Style = Style::new().dimmed();

/// One column: what the three tiers show for one whitespace-separated stretch of text.
#[derive(Debug, Default)]
struct Column {
    source: String,
    morphs: String,
    gloss: String,
    style: Style,
}

impl Column {
    fn width(&self) -> usize {
        self.source
            .width()
            .max(self.morphs.width())
            .max(self.gloss.width())
    }
}

/// Whitespace runs as one space, and every control character shown as a visible sign
/// ([`visible`]): what reaches the terminal is text, never a command to it.
fn collapse(s: &str) -> String {
    visible(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Control characters (from the input or a glossary) as visible signs: C0 controls and DEL as
/// their Unicode control pictures (`␀`, `␛`, `␡`), C1 controls as `�`. A terminal would obey
/// them (an escape sequence recolours or rewrites the screen) and they would break the columns.
pub(crate) fn visible(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn style_of(how: How) -> Style {
    match how {
        How::Exact | How::Variant => EXACT,
        How::Inflected | How::Fuzzy => INFLECTED,
        How::Name => NAME,
    }
}

/// Build the columns of a sentence: a match is one unit, an unmatched token another; units
/// with no space between them (a word and its brackets) share a column.
fn columns(text: &str, s: &Sentence) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut i = 0;
    while i < s.tokens.len() {
        let tok = &s.tokens[i];
        let (start, end, morph, gloss, style) = match tok.match_index {
            Some(m) => {
                let m = &s.matches[m];
                let gloss = if m.how == How::Name {
                    "[name]".to_owned()
                } else {
                    m.gloss.clone()
                };
                let morph = m.segmentation().unwrap_or_default();
                while i + 1 < s.tokens.len() && s.tokens[i + 1].match_index == tok.match_index {
                    i += 1;
                }
                (m.start, m.end, morph, gloss, style_of(m.how))
            }
            None => (
                tok.start,
                tok.end,
                String::new(),
                String::new(),
                Style::new(),
            ),
        };
        i += 1;
        let glued = last_end == Some(start) && !cols.is_empty();
        last_end = Some(end);
        let source = collapse(&text[start..end]);
        if glued {
            let col = cols.last_mut().expect("a column to glue to");
            col.source.push_str(&source);
            join(&mut col.morphs, &visible(&morph));
            join(&mut col.gloss, &visible(&gloss));
            if col.style == Style::new() {
                col.style = style;
            }
        } else {
            cols.push(Column {
                source,
                morphs: visible(&morph),
                gloss: visible(&gloss),
                style,
            });
        }
    }
    cols
}

fn join(into: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push('/');
    }
    into.push_str(more);
}

/// Cut `s` to at most `width` columns, ending with `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn write_tier<W: io::Write>(
    out: &mut W,
    line: &[Column],
    pick: fn(&Column) -> &str,
    style: Option<Style>,
) -> io::Result<()> {
    let mut row = String::from(INDENT);
    for (n, col) in line.iter().enumerate() {
        let cell = pick(col);
        let st = style.unwrap_or(col.style);
        if st == Style::new() || cell.is_empty() {
            row.push_str(cell);
        } else {
            let _ = write!(row, "{}{cell}{}", st.render(), st.render_reset());
        }
        if n + 1 < line.len() {
            let pad = col.width() - cell.width() + GAP;
            row.push_str(&" ".repeat(pad));
        }
    }
    writeln!(out, "{}", row.trim_end())
}

/// Write one sentence, numbered `n`.
pub fn render_sentence<W: io::Write>(
    out: &mut W,
    text: &str,
    n: usize,
    s: &Sentence,
    options: Options,
) -> io::Result<()> {
    let head = format!("[{n}] {}", collapse(&s.text));
    writeln!(
        out,
        "{}{}{}",
        HEAD.render(),
        truncate(&head, options.width.max(20)),
        HEAD.render_reset()
    )?;
    let cols = columns(text, s);
    let room = options.width.saturating_sub(INDENT.len()).max(10);
    let mut line: Vec<Column> = Vec::new();
    let mut used = 0;
    let mut lines = Vec::new();
    for col in cols {
        let w = col.width();
        if !line.is_empty() && used + GAP + w > room {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        used += if line.is_empty() { w } else { GAP + w };
        line.push(col);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    for line in &lines {
        write_tier(out, line, |c| &c.source, Some(Style::new()))?;
        if line.iter().any(|c| !c.morphs.is_empty()) {
            write_tier(out, line, |c| &c.morphs, Some(MORPH))?;
        }
        write_tier(out, line, |c| &c.gloss, None)?;
    }
    writeln!(out)
}

/// The line naming a document's source, when several are shown.
pub fn render_heading<W: io::Write>(out: &mut W, source: &str) -> io::Result<()> {
    writeln!(
        out,
        "{}== {} =={}",
        HEAD.render(),
        visible(source),
        HEAD.render_reset()
    )
}

/// Write a document. With `heading`, a line naming its source comes first.
pub fn render<W: io::Write>(
    out: &mut W,
    document: &Document,
    heading: bool,
    options: Options,
) -> io::Result<()> {
    if heading {
        render_heading(out, &document.source)?;
    }
    for (n, s) in document.sentences.iter().enumerate() {
        render_sentence(out, &document.text, n + 1, s, options)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("habari"), "habari");
        assert_eq!(
            visible("a\u{1b}[2Jb\u{0}c\u{7f}d\u{9b}e"),
            "a␛[2Jb␀c␡d\u{fffd}e"
        );
        assert_eq!(collapse(" juu\t\r\n ya\u{7}  "), "juu ya␇");
    }
}
