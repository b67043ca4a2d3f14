//! FLEx interlinear XML (FLExText, `document version="2"`), written with quick-xml:
//! one `interlinear-text` per document (titled with its source), one `paragraph` per paragraph
//! of the input (a line break between two sentences starts a new one), one `phrase` per
//! sentence (numbered by `<item type="segnum">`), one `word` per token. A word has its text (`txt`, `lang="sw"`), its morphemes, and a word gloss and part of
//! speech (`gls`, `pos`, `lang="en"`) when a match covers it; punctuation is a word with one
//! `<item type="punct">`; a word no entry covers has only its text.
//!
//! Each `morph` has `type="prefix|stem|suffix"` and the items `txt` (with FLEx's boundary marks:
//! `wa-`, `-a`), `cf` (citation form: the entry's headword for a stem, the affix in lower case),
//! `gls` (the gloss, marked like the affix; absent where unknown) and `msa` (the category of a
//! stem, `n` `v` `nprop` …; `CATEGORY:Any` for an affix of a word of that category). The later
//! words of a multi-word term carry the term's headword as `cf` and no gloss. There is no free
//! translation. The `languages` element declares `sw` as the vernacular and `en`.
//!
//! The writer streams: [`FlexText::begin_text`], then [`FlexText::sentence`] for each sentence,
//! then [`FlexText::end_text`], and [`FlexText::finish`] at the end.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::morphemes::{self, Gloss, Role, Word, WordKind};
use crate::document::Sentence;

const VERNACULAR: &str = "sw";
const ANALYSIS: &str = "en";

/// A FLExText document being written.
pub struct FlexText<W: io::Write> {
    x: Writer<W>,
    in_text: bool,
    in_paragraph: bool,
}

impl<W: io::Write> FlexText<W> {
    /// Start the document: the XML declaration and `<document>`.
    pub fn start(out: W) -> io::Result<FlexText<W>> {
        let mut x = Writer::new_with_indent(out, b' ', 2);
        x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        x.write_event(Event::Start(
            BytesStart::new("document").with_attributes([("version", "2")]),
        ))?;
        Ok(FlexText {
            x,
            in_text: false,
            in_paragraph: false,
        })
    }

    /// Open an `interlinear-text` titled `title`.
    pub fn begin_text(&mut self, title: &str) -> io::Result<()> {
        if self.in_text {
            self.end_text()?;
        }
        self.open("interlinear-text")?;
        item(&mut self.x, "title", ANALYSIS, title)?;
        self.open("paragraphs")?;
        self.in_text = true;
        Ok(())
    }

    /// Write sentence `n` as a phrase; `new_paragraph` starts a new paragraph first (the first
    /// sentence of a text always does).
    pub fn sentence(&mut self, n: usize, s: &Sentence, new_paragraph: bool) -> io::Result<()> {
        if !self.in_text {
            self.begin_text("")?;
        }
        if self.in_paragraph && new_paragraph {
            self.close("phrases")?;
            self.close("paragraph")?;
            self.in_paragraph = false;
        }
        if !self.in_paragraph {
            self.open("paragraph")?;
            self.open("phrases")?;
            self.in_paragraph = true;
        }
        self.open("phrase")?;
        item(&mut self.x, "segnum", ANALYSIS, &n.to_string())?;
        self.open("words")?;
        for w in morphemes::words(s) {
            word(&mut self.x, &w)?;
        }
        self.close("words")?;
        self.close("phrase")
    }

    /// Close the current `interlinear-text`, declaring its languages.
    pub fn end_text(&mut self) -> io::Result<()> {
        if !self.in_text {
            return Ok(());
        }
        if self.in_paragraph {
            self.close("phrases")?;
            self.close("paragraph")?;
            self.in_paragraph = false;
        }
        self.close("paragraphs")?;
        self.x
            .create_element("languages")
            .write_inner_content(|x| {
                x.create_element("language")
                    .with_attributes([("lang", VERNACULAR), ("vernacular", "true")])
                    .write_empty()?;
                x.create_element("language")
                    .with_attribute(("lang", ANALYSIS))
                    .write_empty()?;
                Ok(())
            })?;
        self.close("interlinear-text")?;
        self.in_text = false;
        Ok(())
    }

    /// Close the document and return the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.end_text()?;
        self.close("document")?;
        let mut out = self.x.into_inner();
        writeln!(out)?;
        Ok(out)
    }

    fn open(&mut self, name: &str) -> io::Result<()> {
        self.x.write_event(Event::Start(BytesStart::new(name)))
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.x.write_event(Event::End(BytesEnd::new(name)))
    }
}

/// Whether the text between two sentences breaks the paragraph: it holds a line break (the
/// input has a paragraph a line, or paragraphs separated by blank lines).
#[must_use]
pub fn is_paragraph_break(between: &str) -> bool {
    between.contains('\n')
}

fn item<W: io::Write>(x: &mut Writer<W>, kind: &str, lang: &str, text: &str) -> io::Result<()> {
    x.create_element("item")
        .with_attributes([("type", kind), ("lang", lang)])
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// `text` with the characters XML 1.0 cannot hold at all (C0 controls but tab and line ends,
/// U+FFFE, U+FFFF), not even escaped, as U+FFFD: a control character pasted into the input
/// would otherwise make a file FLEx refuses.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        text.into()
    } else {
        text.chars()
            .map(|c| if allowed(c) { c } else { '\u{fffd}' })
            .collect::<String>()
            .into()
    }
}

fn word<W: io::Write>(x: &mut Writer<W>, w: &Word) -> io::Result<()> {
    x.create_element("word").write_inner_content(|x| {
        if w.kind == WordKind::Punct {
            return item(x, "punct", VERNACULAR, w.text);
        }
        item(x, "txt", VERNACULAR, w.text)?;
        if w.kind == WordKind::Unknown {
            return Ok(());
        }
        x.create_element("morphemes").write_inner_content(|x| {
            for m in &w.morphs {
                let kind = match m.role {
                    Role::Prefix => "prefix",
                    Role::Stem => "stem",
                    Role::Suffix => "suffix",
                };
                x.create_element("morph")
                    .with_attribute(("type", kind))
                    .write_inner_content(|x| {
                        item(x, "txt", VERNACULAR, &m.marked())?;
                        item(x, "cf", VERNACULAR, &m.citation)?;
                        if let Gloss::Known(g) = &m.gloss {
                            item(x, "gls", ANALYSIS, &m.role.mark(g))?;
                        }
                        if let Some(c) = w.category {
                            let msa = match m.role {
                                Role::Stem => c.to_owned(),
                                Role::Prefix | Role::Suffix => format!("{c}:Any"),
                            };
                            item(x, "msa", ANALYSIS, &msa)?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
        if let Some(g) = &w.gloss {
            item(x, "gls", ANALYSIS, g)?;
        }
        if let Some(c) = w.category {
            item(x, "pos", ANALYSIS, c)?;
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        assert_eq!(xml_chars("habari\tza\nleo"), "habari\tza\nleo");
        assert_eq!(
            xml_chars("a\u{0}b\u{1b}c\u{fffe}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
    }

    #[test]
    fn a_line_break_between_sentences_breaks_a_paragraph() {
        assert!(is_paragraph_break("\n\n"));
        assert!(is_paragraph_break(" \r\n  \r\n"));
        assert!(is_paragraph_break("\n"));
        assert!(!is_paragraph_break(" "));
        assert!(!is_paragraph_break(""));
    }
}
