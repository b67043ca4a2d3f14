//! A small glossary with an entry of every kind the matcher treats differently: inflecting nouns
//! and verbs, adjectives, multi-word terms (agreement, a possessive inside, a verbal head, a 9/10
//! head), variants (also multi-word), hyphens, apostrophes and a name. Written for the tests.

#![allow(dead_code)]

use std::path::Path;

use istilahi::glossary::{Glossary, parse_file};
use istilahi::lexicon::Lexicon;

pub const TOML: &str = r#"
[[entry]]
sw = "balozi"
en = ["ambassador"]
pos = "noun"
class = "5/6"

[[entry]]
sw = "waziri"
en = ["minister"]
pos = "noun"
class = "5/6"

[[entry]]
sw = "Waziri wa Mambo ya Nje"
en = ["foreign minister"]
pos = "noun"
class = "5/6"

[[entry]]
sw = "afisa mkuu"
en = ["senior official"]
pos = "noun"
class = "5/6"

[[entry]]
sw = "makao makuu"
en = ["headquarters"]
pos = "noun"
class = "6"

[[entry]]
sw = "kura ya maoni"
en = ["referendum"]
pos = "noun"
class = "9/10"

[[entry]]
sw = "unga mkono"
en = ["support"]
pos = "verb"

[[entry]]
sw = "tarajia"
en = ["expect"]
pos = "verb"

[[entry]]
sw = "-kubwa"
en = ["big"]
pos = "adj"

[[entry]]
sw = "mkuu"
en = ["senior", "chief"]
pos = "adj"

[[entry]]
sw = "ng'ombe"
en = ["cow"]
pos = "noun"
class = "9/10"

[[entry]]
sw = "wasiwasi"
en = ["worry"]
pos = "noun"
class = "9/10"
variants = ["wasi wasi"]

[[entry]]
sw = "Covid-19"
en = ["Covid-19"]
pos = "noun"
class = "9"

[[entry]]
sw = "Afrika Mashariki"
en = ["East Africa"]
pos = "name"

[[entry]]
sw = "na"
en = ["and", "with"]
pos = "conj"

[[entry]]
sw = "kutoegemea upande wowote"
en = ["neutrality"]
pos = "phrase"
"#;

/// The small glossary, indexed.
#[must_use]
pub fn lexicon() -> Lexicon {
    let mut g = Glossary::default();
    g.add_layer(parse_file(Path::new("small.toml"), TOML).expect("the small glossary loads"));
    Lexicon::new(g)
}
