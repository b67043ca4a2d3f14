//! Inputs that once crashed istilahi or made it hang (found by fuzzing, property tests or by
//! reading the code), each kept as a test of the fixed behaviour.

mod common;

use std::path::Path;

use istilahi::annotate::annotate;
use istilahi::glossary::{Glossary, parse_file};
use istilahi::lexicon::Lexicon;

use common::formats;

fn lexicon_of(toml: &str) -> istilahi::Result<Lexicon> {
    let mut g = Glossary::default();
    g.add_layer(parse_file(Path::new("r.toml"), toml)?);
    Ok(Lexicon::new(g))
}

/// A headword or variant of nothing but a byte-order mark made no token, and indexing it as a
/// multi-word term indexed an empty list (a panic in `Lexicon::new`).
#[test]
fn a_form_of_only_a_byte_order_mark() {
    let err =
        lexicon_of("[[entry]]\nsw = \"\\uFEFF\"\nen = [\"x\"]\npos = \"noun\"\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.toml:1:1: entry \"\\u{feff}\": `sw` is empty"
    );
    let err = lexicon_of(
        "[[entry]]\nsw = \"a\"\nen = [\"x\"]\npos = \"noun\"\nvariants = [\"\\uFEFF\\uFEFF\"]\n",
    )
    .unwrap_err();
    assert!(
        err.to_string().ends_with("`variants` has an empty string"),
        "{err}"
    );
    // a form of a mark and a byte-order mark is one token: kept, and harmless
    let lx = lexicon_of(
        "[[entry]]\nsw = \"a\"\nen = [\"x\"]\npos = \"noun\"\nvariants = [\"\\uFEFF-\"]\n",
    )
    .unwrap();
    for format in formats::FORMATS {
        formats::render_checked(format, &lx, "r", "a - \u{feff}", 1);
    }
}

/// A long run of brackets before a capitalised word: every token walked back over the whole
/// run to see whether it opened the sentence (quadratic: 40,000 brackets took minutes). The
/// work is now one walk per capitalised word, within a sentence of at most
/// `MAX_SENTENCE_TOKENS`; this input finishes at once.
#[test]
fn a_long_run_of_opening_brackets() {
    let lx = common::small_glossary::lexicon();
    let text = format!(
        "{} Juma na {}Amina",
        "(".repeat(200_000),
        "\"".repeat(200_000)
    );
    formats::render_checked("json", &lx, "r", &text, 80);
    let doc = annotate(&lx, "r", &text);
    let names = doc.sentences.iter().flat_map(|s| &s.matches).count();
    assert!(names <= 2, "at most the two names match");
}

/// The text view let control characters of the input through to the terminal (an escape
/// sequence would clear or recolour it).
#[test]
fn control_characters_in_the_text_view() {
    let lx = common::small_glossary::lexicon();
    let text = "balozi\u{1b}[2J\u{7} na\u{0}\u{9b}31m waziri";
    let out = formats::render_checked("text", &lx, "r", text, 80);
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("␛[2J␇"), "{out}");
}
