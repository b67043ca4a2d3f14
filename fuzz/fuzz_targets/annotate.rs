//! Fuzz annotation with a small glossary of every kind of entry (inflecting nouns and verbs,
//! multi-word terms with agreement and possessives, variants, hyphens, apostrophes): any text
//! annotates, and every renderer writes it, JSON and TSV keeping the contract.
#![no_main]

use istilahi::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/contract.rs"]
mod contract;
#[path = "../../tests/common/formats.rs"]
mod formats;
#[path = "../../tests/common/small_glossary.rs"]
mod small_glossary;

thread_local! {
    static LEXICON: Lexicon = small_glossary::lexicon();
}

fuzz_target!(|data: &[u8]| {
    // the first byte chooses the text view's width (1..=256), the rest is the text
    let (width, text) = match data.split_first() {
        Some((&w, rest)) => (usize::from(w) + 1, String::from_utf8_lossy(rest)),
        None => (80, String::from_utf8_lossy(data)),
    };
    LEXICON.with(|lexicon| {
        for format in formats::FORMATS {
            formats::render_checked(format, lexicon, "fuzz", &text, width);
        }
    });
});
