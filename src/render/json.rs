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
