//! Table-driven morphology cases: a word form (or multi-word form) → the lemma it must be
//! recognised as and its segmentation; and negative rows: forms that must not be read as a
//! given lemma. The lexicon is `tests/data/morph-lexicon.toml`, not the product glossary.

use std::path::Path;

use istilahi::annotate::annotate;
use istilahi::glossary::{Glossary, parse_file};
use istilahi::lexicon::Lexicon;

fn lexicon() -> Lexicon {
    let path = Path::new("tests/data/morph-lexicon.toml");
    let text = include_str!("data/morph-lexicon.toml");
    let mut g = Glossary::default();
    g.add_layer(parse_file(path, text).expect("the test lexicon is valid"));
    Lexicon::new(g)
}

/// A positive row: `form` must be one match with `lemma`, segmented as `segmentation`
/// (hyphens between morphemes, spaces between the words of a multi-word term).
struct Case {
    name: &'static str,
    form: &'static str,
    lemma: &'static str,
    segmentation: &'static str,
}

/// A negative row: no match in `form` may have the lemma `not`.
struct Negative {
    name: &'static str,
    form: &'static str,
    not: &'static str,
}

macro_rules! cases {
    ($($name:ident: $form:literal => $lemma:literal, $seg:literal;)*) => {
        &[$(Case { name: stringify!($name), form: $form, lemma: $lemma, segmentation: $seg }),*]
    };
}

macro_rules! negatives {
    ($($name:ident: $form:literal !=> $not:literal;)*) => {
        &[$(Negative { name: stringify!($name), form: $form, not: $not }),*]
    };
}

const CASES: &[Case] = cases! {
    noun_5_6_loan_plural: "mabalozi" => "balozi", "ma-balozi";
    noun_3_4_locative_plural: "mijini" => "mji", "mi-ji-ni";
    verb_present_passive: "wanatarajiwa" => "tarajia", "wa-na-taraji-w-a";
    verb_perfect: "amepanga" => "panga", "a-me-pang-a";
    adjective_class_2: "wakuu" => "kuu", "wa-kuu";
    term_head_plural_animate: "mawaziri wa mambo ya nje" => "waziri wa mambo ya nje", "ma-waziri wa mambo ya nje";
};

const NEGATIVES: &[Negative] = negatives! {
    noun_prefix_is_not_verb_prefix: "mapanga" !=> "panga";
    monosyllable_needs_support: "anaja" !=> "ja";
};

#[test]
fn positive_cases() {
    let lx = lexicon();
    let mut failures = Vec::new();
    for c in CASES {
        let doc = annotate(&lx, c.name, c.form);
        let whole = doc
            .sentences
            .iter()
            .flat_map(|s| &s.matches)
            .find(|m| m.start == 0 && m.end == c.form.len());
        match whole {
            None => failures.push(format!("{}: {:?} is not one match", c.name, c.form)),
            Some(m) => {
                let seg = m
                    .analyses
                    .first()
                    .map_or_else(|| m.surface.clone(), |a| a.segmentation.clone());
                if m.lemma.to_lowercase() != c.lemma.to_lowercase() || seg != c.segmentation {
                    failures.push(format!(
                        "{}: {:?} gave {:?} {:?}, want {:?} {:?}",
                        c.name, c.form, m.lemma, seg, c.lemma, c.segmentation
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_cases() {
    let lx = lexicon();
    let mut failures = Vec::new();
    for n in NEGATIVES {
        let doc = annotate(&lx, n.name, n.form);
        for m in doc.sentences.iter().flat_map(|s| &s.matches) {
            if m.lemma.to_lowercase() == n.not.to_lowercase() {
                failures.push(format!(
                    "{}: {:?} was read as {:?} ({})",
                    n.name, n.form, n.not, m.surface
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        NEGATIVES.len(),
        failures.join("\n")
    );
}

#[test]
fn table_names_are_unique() {
    let mut names: Vec<&str> = CASES
        .iter()
        .map(|c| c.name)
        .chain(NEGATIVES.iter().map(|n| n.name))
        .collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}
