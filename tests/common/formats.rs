//! Every `annotate --format`, rendered in-process as the binary renders it, with the checks each
//! format's output must pass. [`FORMATS`] is the one list the property tests, the bad-input
//! matrix and the fuzz target go through: a new format is one more name and one more arm.

#![allow(dead_code)]

use istilahi::document::Document;
use istilahi::render;

use super::contract;

/// Every `annotate --format` value.
pub const FORMATS: &[&str] = &["text", "json", "jsonl", "tsv"];

/// Render `doc` as `format` at `width` (the text view's wrap) the way `istilahi annotate` does.
#[must_use]
pub fn render(format: &str, doc: &Document, width: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let w = &mut out;
    match format {
        "text" => {
            for (n, s) in doc.sentences.iter().enumerate() {
                render::text::render_sentence(
                    w,
                    &doc.text,
                    n + 1,
                    s,
                    render::text::Options { width },
                )
                .unwrap();
            }
        }
        "json" => render::json::render(w, std::slice::from_ref(doc)).unwrap(),
        "jsonl" => {
            for s in &doc.sentences {
                render::json::render_sentence(w, &doc.source, s).unwrap();
            }
        }
        "tsv" => {
            render::tsv::render_header(w).unwrap();
            for s in &doc.sentences {
                render::tsv::render_sentence(w, s).unwrap();
            }
        }
        other => panic!("no renderer for --format {other}: add it here"),
    }
    out
}

/// Render and check: every output is UTF-8; JSON, JSON Lines and TSV keep the contract; the
/// text view shows no control character of the input (a terminal would obey it).
pub fn render_checked(format: &str, doc: &Document, width: usize) -> Vec<u8> {
    let out = render(format, doc, width);
    let s = std::str::from_utf8(&out).expect("UTF-8 output");
    match format {
        "json" => contract::check_json(s, &[&doc.text]),
        "jsonl" => contract::check_jsonl(s, &doc.text),
        "tsv" => contract::check_tsv(s, &doc.text),
        "text" => check_no_controls(s),
        _ => {}
    }
    out
}

/// Text meant for a terminal: no control characters but line ends and the renderer's own SGR
/// styling (`ESC [ … m`).
pub fn check_no_controls(s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.next(),
                Some('['),
                "an escape that is not styling in {s:?}"
            );
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
                assert!(
                    d.is_ascii_digit() || d == ';',
                    "an escape that is not styling in {s:?}"
                );
            }
            continue;
        }
        assert!(
            c == '\n' || !c.is_control(),
            "control character {c:?} in the text view: {s:?}"
        );
    }
}
