//! Fuzz glossary loading: any bytes as a glossary file either load or give one error line; a
//! glossary that loads can be linted, indexed and used to annotate its own headwords.
#![no_main]

use std::path::Path;

use istilahi::glossary::{Glossary, parse_file};
use istilahi::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/contract.rs"]
mod contract;
#[path = "../../tests/common/formats.rs"]
mod formats;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_file(Path::new("fuzz.toml"), text) {
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "one error line: {msg:?}");
        }
        Ok(entries) => {
            let _ = istilahi::glossary::lint(&entries);
            // the entries' own words, as a text to annotate
            let words: Vec<String> = entries
                .iter()
                .flat_map(|e| {
                    std::iter::once(&e.sw)
                        .chain(&e.variants)
                        .map(ToString::to_string)
                })
                .take(64)
                .collect();
            let sample = words.join(" na ");
            let mut g = Glossary::default();
            g.add_layer(entries);
            let lexicon = Lexicon::new(g);
            for format in formats::FORMATS {
                formats::render_checked(format, &lexicon, "fuzz", &sample, 60);
            }
            for w in words.iter().take(8) {
                let _ = istilahi::lookup::lookup(&lexicon, w);
            }
        }
    }
});
