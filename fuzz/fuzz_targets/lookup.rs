//! Fuzz lookup on the embedded glossary: any query, Swahili or English, looks up and renders as
//! text and as JSON that parses.
#![no_main]

use istilahi::glossary::Glossary;
use istilahi::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static LEXICON: Lexicon = Lexicon::new(Glossary::embedded().expect("the embedded glossary"));
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    LEXICON.with(|lexicon| {
        let found = vec![
            istilahi::lookup::lookup(lexicon, &query),
            istilahi::lookup::lookup_english(lexicon, &query),
        ];
        let mut out = Vec::new();
        for f in &found {
            istilahi::render::lookup::render_text(&mut out, lexicon, f).unwrap();
        }
        out.clear();
        istilahi::render::lookup::render_json(&mut out, lexicon, &found).unwrap();
        let _: serde_json::Value = serde_json::from_slice(&out).expect("lookup JSON parses");
    });
});
