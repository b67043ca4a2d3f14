//! JSON and JSON Lines output: exactly the contract of DESIGN.md.

use std::io;

use serde::Serialize;

use crate::document::{Document, Sentence};

/// The version written in every JSON document.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Serialize)]
struct Output<'a> {
    version: &'a str,
    documents: &'a [Document],
}

/// `annotate --format json`: one object holding every document.
pub fn render<W: io::Write>(out: &mut W, documents: &[Document]) -> io::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &Output {
            version: VERSION,
            documents,
        },
    )?;
    writeln!(out)
}

/// `annotate --format json` written as it goes: the same bytes as [`render`], holding one
/// sentence at a time instead of every document (which takes some 250 bytes of memory per
/// input byte). [`Stream::start`], then per document [`Stream::begin_document`],
/// [`Stream::sentence`] for each sentence and [`Stream::end_document`]; [`Stream::finish`].
pub struct Stream<W: io::Write> {
    out: W,
    documents: usize,
    sentences: usize,
}

impl<W: io::Write> Stream<W> {
    pub fn start(mut out: W) -> io::Result<Stream<W>> {
        out.write_all(b"{\"version\":")?;
        serde_json::to_writer(&mut out, VERSION)?;
        out.write_all(b",\"documents\":[")?;
        Ok(Stream {
            out,
            documents: 0,
            sentences: 0,
        })
    }

    pub fn begin_document(&mut self, source: &str) -> io::Result<()> {
        if self.documents > 0 {
            self.out.write_all(b",")?;
        }
        self.documents += 1;
        self.sentences = 0;
        self.out.write_all(b"{\"source\":")?;
        serde_json::to_writer(&mut self.out, source)?;
        self.out.write_all(b",\"sentences\":[")
    }

    pub fn sentence(&mut self, sentence: &Sentence) -> io::Result<()> {
        if self.sentences > 0 {
            self.out.write_all(b",")?;
        }
        self.sentences += 1;
        serde_json::to_writer(&mut self.out, sentence)?;
        Ok(())
    }

    pub fn end_document(&mut self) -> io::Result<()> {
        self.out.write_all(b"]}")
    }

    /// Close the object; the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"]}\n")?;
        Ok(self.out)
    }
}

#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    #[serde(flatten)]
    sentence: &'a Sentence,
}

/// `annotate --format jsonl`: one sentence object per line, with its document's `source`.
pub fn render_sentence<W: io::Write>(
    out: &mut W,
    source: &str,
    sentence: &Sentence,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Line { source, sentence })?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, annotate};
    use crate::glossary::Glossary;
    use crate::lexicon::Lexicon;

    #[test]
    fn the_stream_writes_the_same_bytes() {
        let lexicon = Lexicon::new(Glossary::embedded().unwrap());
        let texts = [
            (
                "a.txt",
                "Mabalozi wa \"nchi\" walifika.\n\nWaziri wa Mambo ya Nje alisema.",
            ),
            ("<b>.txt", ""),
            ("c", "Habari 🙂 \u{1b} za leo"),
        ];
        for n in 0..=texts.len() {
            let docs: Vec<_> = texts[..n]
                .iter()
                .map(|(name, text)| annotate(&lexicon, name, text))
                .collect();
            let mut whole = Vec::new();
            render(&mut whole, &docs).unwrap();
            let mut stream = Stream::start(Vec::new()).unwrap();
            for (name, text) in &texts[..n] {
                stream.begin_document(name).unwrap();
                for s in Annotation::new(&lexicon, text) {
                    stream.sentence(&s).unwrap();
                }
                stream.end_document().unwrap();
            }
            let streamed = stream.finish().unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }
}
