//! Fuzz lookup on the embedded glossary: any query, Swahili or English, looks up and renders as
//! text (with no control characters) and as JSON that parses.
#![no_main]

use istilahi::glossary::Glossary;
use istilahi::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/contract.rs"]
mod contract;
#[path = "../../tests/common/formats.rs"]
mod formats;

thread_local! {
    static LEXICON: Lexicon = Lexicon::new(Glossary::embedded().expect("the embedded glossary"));
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    LEXICON.with(|lexicon| formats::lookup_checked(lexicon, &query));
});
