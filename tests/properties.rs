//! Property tests over arbitrary Unicode text (and text built from glossary words, punctuation,
//! line ends, emoji, combining marks, right-to-left script and control characters): the
//! tokenizer's invariants, annotation never panicking, every format rendering at any width with
//! JSON, JSON Lines and TSV keeping the contract, lookup and glossary loading never panicking.
//! Rendering runs in-process, as the binary renders (`tests/common/formats.rs`).

mod common;

use std::path::Path;

use istilahi::lexicon::Lexicon;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

use common::{contract, formats, small_glossary};

thread_local! {
    static LEXICON: Lexicon = small_glossary::lexicon();
}

/// Pieces a hostile or merely unusual text is made of.
const PIECES: &[&str] = &[
    "balozi",
    "Mabalozi",
    "waziri",
    "Mawaziri",
    "wa",
    "Mambo",
    "ya",
    "Nje",
    "afisa",
    "maafisa",
    "wakuu",
    "makao",
    "yake",
    "makuu",
    "kura",
    "za",
    "maoni",
    "wanaoungwa",
    "mkono",
    "unga",
    "wanatarajiwa",
    "vikubwa",
    "ng'ombe",
    "ng’ombe",
    "wasi",
    "Covid",
    "-",
    "19",
    "Afrika",
    "Mashariki",
    "na",
    "hawakutoegemea",
    "upande",
    "wowote",
    "Bw",
    "Dkt",
    "n.k.",
    "J",
    ".",
    ",",
    "!",
    "?",
    "…",
    "\"",
    "«",
    "»",
    "(",
    ")",
    "'",
    "’",
    ":",
    ";",
    "—",
    "1,000",
    "3.5",
    "5%",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\r",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{2028}",
    "\u{200b}",
    "\u{200d}",
    "🙂",
    "👩‍👩‍👧",
    "🇹🇿",
    "e\u{301}",
    "\u{301}",
    "a\u{308}\u{308}\u{308}",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{202c}",
    "日本語",
    "İ",
    "ẞ",
    "ǅ",
    "<b>",
    "&amp;",
    "*",
    "_",
    "`",
    "|",
    "[",
    "]",
    "\\",
];

/// Arbitrary Unicode, or a mix of the pieces above.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(PIECES).prop_map(str::to_owned),
                any::<char>().prop_map(String::from)
            ],
            0..40
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // a fixed seed: CI runs the same cases every time
        rng_seed: RngSeed::Fixed(20_261_129),
        ..ProptestConfig::with_cases(256)
    })]

    #[test]
    fn tokenizer_invariants(text in text()) {
        let tokens = istilahi::tokenize::tokenize(&text);
        let sentences = istilahi::tokenize::sentences(&text, &tokens);
        contract::check_tokens(&text, &tokens, &sentences);
        // the scan that notes where sentences may end finds what the tokens tell
        prop_assert_eq!(istilahi::tokenize::split(&text), (tokens.clone(), sentences));
        for t in &tokens {
            let k = istilahi::tokenize::key(t.text(&text));
            prop_assert!(!k.is_empty());
        }
    }

    #[test]
    fn json_output_meets_the_contract(text in text()) {
        LEXICON.with(|lexicon| {
            for format in ["json", "jsonl", "tsv"] {
                formats::render_checked(format, lexicon, "<prop>", &text, 80);
            }
        });
    }

    #[test]
    fn every_format_renders_at_any_width(text in text(), width in 1usize..300) {
        LEXICON.with(|lexicon| {
            for format in formats::FORMATS {
                formats::render_checked(format, lexicon, "<prop>", &text, width);
            }
        });
    }

    #[test]
    fn lookup_never_panics(query in text()) {
        LEXICON.with(|lexicon| formats::lookup_checked(lexicon, &query));
    }

    #[test]
    fn glossary_text_loads_or_gives_one_line(
        fields in prop::collection::vec(
            (prop::sample::select(&["sw", "en", "pos", "class", "plural", "domain", "variants",
                                    "note", "not", "forbidden", "example", "colour"][..]),
             text()),
            0..8),
        pos in prop::sample::select(&["noun", "verb", "adj", "name", "phrase", "nown"][..]),
    ) {
        // an entry of TOML-escaped arbitrary values (lists for list fields)
        let mut toml = String::from("[[entry]]\n");
        for (field, value) in &fields {
            let quoted = toml_string(value);
            let line = match *field {
                "en" | "domain" | "variants" | "not" | "forbidden" => format!("{field} = [{quoted}]\n"),
                "example" => format!("example = {{ sw = {quoted}, en = {quoted} }}\n"),
                "pos" => format!("pos = \"{pos}\"\n"),
                _ => format!("{field} = {quoted}\n"),
            };
            toml.push_str(&line);
        }
        match istilahi::glossary::parse_file(Path::new("p.toml"), &toml) {
            Err(e) => prop_assert!(!e.to_string().contains('\n'), "one line: {e}"),
            Ok(entries) => {
                let text = entries.iter().map(|e| e.sw.as_str()).collect::<Vec<_>>().join(" ");
                let mut g = istilahi::glossary::Glossary::default();
                g.add_layer(entries);
                let lexicon = Lexicon::new(g);
                for format in formats::FORMATS {
                    formats::render_checked(format, &lexicon, "<prop>", &text, 40);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // a fixed seed: CI runs the same cases every time
        rng_seed: RngSeed::Fixed(20_261_130),
        ..ProptestConfig::with_cases(128)
    })]

    /// Nothing lost: an added entry of arbitrary text either is refused with one line (the file
    /// untouched) or reads back exactly as given, with the entries already there unchanged; and
    /// removing it gives the original file back byte for byte (its line ends and byte-order
    /// mark too).
    #[test]
    fn added_entries_read_back_and_remove_cleanly(
        sw in text(), en in text(), note in text(), variant in text(),
        style in 0..3usize,
    ) {
        use istilahi::edit::{Draft, GlossaryFile, OnDuplicate};
        let path = Path::new("e.toml");
        let lf = "# a comment\n\n[[entry]]\nsw = \"balozi\"  # kept\nen = [\"ambassador\"]\npos = \"noun\"\n";
        // LF, CRLF, or CRLF after a byte-order mark
        let original = match style {
            0 => lf.to_owned(),
            1 => lf.replace('\n', "\r\n"),
            _ => format!("\u{feff}{}", lf.replace('\n', "\r\n")),
        };
        let original = original.as_str();
        let mut file = GlossaryFile::parse(path, original).unwrap();
        let draft = Draft {
            sw: sw.clone(),
            en: vec![en.clone()],
            pos: Some("phrase".into()),
            note: Some(note.clone()),
            variants: vec![variant.clone()],
            ..Draft::default()
        };
        let added = file.add(&draft, OnDuplicate::Refuse);
        if let Err(e) = added {
            prop_assert!(!e.to_string().contains('\n'), "one line: {e}");
            prop_assert_eq!(file.text(), original);
        } else {
            let written = file.text();
            prop_assert!(written.starts_with(original), "the old text is kept");
            let entries = istilahi::glossary::parse_file(path, &written).unwrap();
            prop_assert_eq!(entries.len(), 2);
            let e = &entries[1];
            prop_assert_eq!(&e.sw, &sw);
            prop_assert_eq!(&e.en, &vec![en]);
            prop_assert_eq!(e.note.as_deref(), Some(note.as_str()));
            prop_assert_eq!(&e.variants, &vec![variant]);
            let mut again = GlossaryFile::parse(path, &written).unwrap();
            again.remove(&sw, Some(istilahi::glossary::Pos::Phrase)).unwrap();
            prop_assert_eq!(again.text(), original);
        }
    }
}

/// Pieces of exchange files: TSV and CSV separators and quotes, TBX and XML markup.
const EXCHANGE: &[&str] = &[
    "\t",
    ",",
    "\"",
    "\n",
    "\r\n",
    ";",
    "balozi",
    "ambassador",
    "noun",
    "5/6",
    "<martif>",
    "</martif>",
    "<termEntry>",
    "</termEntry>",
    "<langSet xml:lang=\"sw\">",
    "</langSet>",
    "<tig>",
    "</tig>",
    "<term>",
    "</term>",
    "<conceptEntry>",
    "</conceptEntry>",
    "<langSec xml:lang=\"en\">",
    "</langSec>",
    "<termSec>",
    "</termSec>",
    "&amp;",
    "&#0;",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE x [<!ENTITY e \"ee\">]>",
    "&e;",
    "<?xml version=\"1.0\"?>",
    "<descrip type=\"partOfSpeech\">",
    "</descrip>",
    "Swahili,English,part of speech\n",
];

fn exchange_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        prop::collection::vec(prop::sample::select(EXCHANGE), 0..60).prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // a fixed seed: CI runs the same cases every time
        rng_seed: RngSeed::Fixed(20_261_131),
        ..ProptestConfig::with_cases(256)
    })]

    /// Reading an exchange file of any text gives rows or one error line, and importing the
    /// rows into an empty glossary file rejects or keeps each (never a panic).
    #[test]
    fn exchange_files_read_or_give_one_line(text in exchange_text()) {
        use istilahi::exchange;
        let path = Path::new("x");
        for read in [exchange::read_tsv, exchange::read_csv, exchange::read_tbx] {
            match read(path, &text) {
                Err(e) => prop_assert!(!e.to_string().contains('\n'), "one line: {e}"),
                Ok(rows) => {
                    let mut file = istilahi::edit::GlossaryFile::parse(Path::new("g.toml"), "").unwrap();
                    let _ = exchange::import(&mut file, rows);
                    istilahi::glossary::parse_file(Path::new("g.toml"), &file.text()).unwrap();
                }
            }
        }
    }
}

/// A TOML basic string holding `s` (every control character escaped).
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}
