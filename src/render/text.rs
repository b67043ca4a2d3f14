//! The interlinear text view: for each sentence, its number and text, then columns of
//! source words, morpheme segmentation (when any word in the line was analysed) and gloss —
//! the tiers chosen, in the order chosen — aligned by display width (wide CJK and emoji
//! characters count two columns, combining marks none) and wrapped at `width`.
//!
//! Styling: glosses are coloured by how the match was made; domain terms (see
//! [`crate::domain`]) stand out in bold yellow in the words tier and in bold in the gloss tier,
//! when the options carry the lexicon to look their domains up.

use std::fmt::Write as _;
use std::io;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use crate::document::{Document, Sentence};
use crate::domain;
use crate::lexicon::{How, Lexicon};
use crate::render::interlinear::{self, Piece};

/// One line of the interlinear view under the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// The source words.
    Words,
    /// The morpheme segmentation of analysed words (shown only where a line has one).
    Morphemes,
    /// The glosses.
    Gloss,
}

impl Tier {
    /// Every tier, in the default order.
    pub const ALL: [Tier; 3] = [Tier::Words, Tier::Morphemes, Tier::Gloss];
}

/// Layout options.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Total line width to wrap at.
    pub width: usize,
    /// The tiers to show, in order.
    pub tiers: &'a [Tier],
    /// The lexicon the matches came from, to highlight domain terms (`None`: no highlighting).
    pub lexicon: Option<&'a Lexicon>,
}

impl Options<'_> {
    /// Every tier, no highlighting of domain terms.
    #[must_use]
    pub fn new(width: usize) -> Options<'static> {
        Options {
            width,
            tiers: &Tier::ALL,
            lexicon: None,
        }
    }
}

const INDENT: &str = "    ";
const GAP: usize = 2;

const HEAD: Style = Style::new().bold();
const EXACT: Style = AnsiColor::Green.on_default();
const INFLECTED: Style = AnsiColor::Cyan.on_default();
const NAME: Style = AnsiColor::Magenta.on_default();
const MORPH: Style = Style::new().dimmed();
const TERM: Style = AnsiColor::Yellow.on_default().bold();

/// One column: what the three tiers show for one whitespace-separated stretch of text.
#[derive(Debug, Default)]
struct Column {
    source: String,
    morphs: String,
    gloss: String,
    style: Style,
    /// A domain term is in the column.
    domain: bool,
}

impl Column {
    fn cell(&self, tier: Tier) -> &str {
        match tier {
            Tier::Words => &self.source,
            Tier::Morphemes => &self.morphs,
            Tier::Gloss => &self.gloss,
        }
    }

    /// The display width of the column over the tiers shown.
    fn width(&self, tiers: &[Tier]) -> usize {
        tiers
            .iter()
            .map(|&t| self.cell(t).width())
            .max()
            .unwrap_or(0)
    }

    fn style(&self, tier: Tier) -> Style {
        match tier {
            Tier::Words if self.domain => TERM,
            Tier::Words => Style::new(),
            Tier::Morphemes => MORPH,
            Tier::Gloss if self.domain => self.style.bold(),
            Tier::Gloss => self.style,
        }
    }
}

/// Whitespace runs as one space, and every control character shown as a visible sign
/// ([`visible`]): what reaches the terminal is text, never a command to it.
fn collapse(s: &str) -> String {
    visible(&crate::tokenize::one_line(s))
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
fn columns(s: &Sentence, lexicon: Option<&Lexicon>) -> Vec<Column> {
    let mut cols = Vec::new();
    for pieces in interlinear::columns(s) {
        let mut col = Column {
            source: String::new(),
            morphs: String::new(),
            gloss: String::new(),
            style: Style::new(),
            domain: false,
        };
        for piece in pieces {
            let (start, end) = interlinear::span(s, piece);
            col.source
                .push_str(&collapse(&s.text[start - s.start..end - s.start]));
            let Piece::Match(m) = piece else { continue };
            let m = &s.matches[m];
            let gloss = if m.how == How::Name {
                "[name]"
            } else {
                m.gloss.as_str()
            };
            join(
                &mut col.morphs,
                &visible(&m.segmentation().unwrap_or_default()),
            );
            join(&mut col.gloss, &visible(gloss));
            if col.style == Style::new() {
                col.style = style_of(m.how);
            }
            col.domain |= lexicon.is_some_and(|l| domain::is_domain_term(l, m));
        }
        cols.push(col);
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
    tier: Tier,
    tiers: &[Tier],
) -> io::Result<()> {
    let mut row = String::from(INDENT);
    for (n, col) in line.iter().enumerate() {
        let cell = col.cell(tier);
        let st = col.style(tier);
        if st == Style::new() || cell.is_empty() {
            row.push_str(cell);
        } else {
            let _ = write!(row, "{}{cell}{}", st.render(), st.render_reset());
        }
        if n + 1 < line.len() {
            let pad = col.width(tiers) - cell.width() + GAP;
            row.push_str(&" ".repeat(pad));
        }
    }
    writeln!(out, "{}", row.trim_end())
}

/// Write one sentence, numbered `n`.
pub fn render_sentence<W: io::Write>(
    out: &mut W,
    n: usize,
    s: &Sentence,
    options: Options,
) -> io::Result<()> {
    let tiers = options.tiers;
    let head = format!("[{n}] {}", collapse(&s.text));
    writeln!(
        out,
        "{}{}{}",
        HEAD.render(),
        truncate(&head, options.width.max(20)),
        HEAD.render_reset()
    )?;
    let cols = columns(s, options.lexicon);
    let room = options.width.saturating_sub(INDENT.len()).max(10);
    let mut line: Vec<Column> = Vec::new();
    let mut used = 0;
    let mut lines = Vec::new();
    for col in cols {
        let w = col.width(tiers);
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
        for &tier in tiers {
            if tier == Tier::Morphemes && line.iter().all(|c| c.morphs.is_empty()) {
                continue;
            }
            write_tier(out, line, tier, tiers)?;
        }
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
        render_sentence(out, n + 1, s, options)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use std::path::Path;

    const TOML: &str = include_str!("../../tests/data/views.toml");

    fn lexicon() -> Lexicon {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        Lexicon::new(g)
    }

    fn view(text: &str, options: Options) -> String {
        let lex = lexicon();
        let doc = annotate(&lex, "t", text);
        let options = Options {
            lexicon: options.lexicon.map(|_| &lex),
            ..options
        };
        let mut out = Vec::new();
        render(&mut out, &doc, false, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn plain(styled: &str) -> String {
        anstream::adapter::strip_str(styled).to_string()
    }

    /// The display columns where the cells of a tier line start.
    fn starts(line: &str) -> Vec<usize> {
        let mut cols = Vec::new();
        let (mut col, mut spaces) = (0, 2);
        for ch in line.chars() {
            if ch == ' ' {
                spaces += 1;
            } else {
                if spaces >= GAP {
                    cols.push(col);
                }
                spaces = 0;
            }
            col += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        }
        cols
    }

    #[test]
    fn tiers_are_shown_as_chosen_and_in_order() {
        let text = "Mabalozi walifika jana.";
        let all = plain(&view(text, Options::new(100)));
        assert_eq!(
            all,
            "[1] Mabalozi walifika jana.\n    \
             Mabalozi      walifika           jana.\n    \
             Ma-balozi     wa-li-fik-a\n    \
             6-ambassador  3PL-PST-arrive-FV\n\n"
        );
        let gloss_first = plain(&view(
            text,
            Options {
                tiers: &[Tier::Gloss, Tier::Words],
                ..Options::new(100)
            },
        ));
        let lines: Vec<&str> = gloss_first.lines().collect();
        assert_eq!(lines.len(), 4, "{gloss_first}");
        assert_eq!(lines[1], "    6-ambassador  3PL-PST-arrive-FV");
        assert_eq!(lines[2], "    Mabalozi      walifika           jana.");
        // without the gloss and morpheme tiers the columns are as wide as the words
        let words = plain(&view(
            text,
            Options {
                tiers: &[Tier::Words],
                ..Options::new(100)
            },
        ));
        assert_eq!(words.lines().nth(1), Some("    Mabalozi  walifika  jana."));
        assert_eq!(words.lines().count(), 3);
    }

    #[test]
    fn wide_and_combining_characters_keep_columns_aligned() {
        // CJK (two columns each), an emoji, a decomposed é (a combining accent, no column)
        let text = "Balozi 東京 🙂 cafe\u{301} balozi walifika.";
        let out = plain(&view(text, Options::new(200)));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        let words = starts(lines[1]);
        let morphs = starts(lines[2]);
        let glosses = starts(lines[3]);
        assert_eq!(words.len(), 6, "{out}");
        for col in morphs.iter().chain(&glosses) {
            assert!(words.contains(col), "{col} not a column start in\n{out}");
        }
        // Tokyo sits under 東京, coffee.shop under café, arrive under walifika
        assert_eq!(glosses.len(), 5, "{out}");
        assert_eq!(glosses[1], words[1]);
        assert_eq!(glosses[2], words[3]);
    }

    #[test]
    fn domain_terms_are_styled_in_the_words_tier() {
        let text = "Balozi walifika.";
        let plain = view(text, Options::new(100));
        let lex = lexicon();
        let styled = view(
            text,
            Options {
                lexicon: Some(&lex),
                ..Options::new(100)
            },
        );
        let term = format!("{}Balozi{}", TERM.render(), TERM.render_reset());
        assert!(styled.contains(&term), "{styled:?}");
        assert!(!plain.contains(&term));
        // walifika (general) is not a domain term
        assert!(!styled.contains(&format!("{}walifika", TERM.render())));
    }

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
