//! The glossary file format as serde reads it: `[[entry]]` tables of [`RawEntry`], with the
//! [`Pos`], [`NounClass`] and [`Example`] types they use. Nothing here validates beyond the types.
//!
//! This file is also compiled into the build script (`build.rs`), which reads the embedded
//! glossary once at build time and writes it as Rust static data, so that starting the program
//! does not parse TOML; it therefore uses only `serde`, `toml` and `compact_str`.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// Part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
    Prep,
    Conj,
    Pron,
    Num,
    Name,
    Phrase,
    Abbr,
    Interj,
}

impl Pos {
    pub const ALL: [Pos; 12] = [
        Pos::Noun,
        Pos::Verb,
        Pos::Adj,
        Pos::Adv,
        Pos::Prep,
        Pos::Conj,
        Pos::Pron,
        Pos::Num,
        Pos::Name,
        Pos::Phrase,
        Pos::Abbr,
        Pos::Interj,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
            Pos::Adj => "adj",
            Pos::Adv => "adv",
            Pos::Prep => "prep",
            Pos::Conj => "conj",
            Pos::Pron => "pron",
            Pos::Num => "num",
            Pos::Name => "name",
            Pos::Phrase => "phrase",
            Pos::Abbr => "abbr",
            Pos::Interj => "interj",
        }
    }

    /// Parse a part of speech as written in a glossary file or on the command line.
    #[must_use]
    pub fn parse(s: &str) -> Option<Pos> {
        Pos::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The noun classes an entry may declare: a singular/plural pair, or one class alone
/// (a noun with no plural, or a plural-only noun).
pub const CLASSES: &[&str] = &[
    "1/2", "3/4", "5/6", "7/8", "9/10", "11/10", "11/6", "14/6", "1", "2", "3", "4", "5", "6", "7",
    "8", "9", "10", "11", "14", "15", "16", "17", "18",
];

/// A noun class as declared: singular class and, for pairs, the plural class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NounClass {
    pub singular: u8,
    pub plural: Option<u8>,
}

impl NounClass {
    /// Parse one of [`CLASSES`].
    #[must_use]
    pub fn parse(s: &str) -> Option<NounClass> {
        if !CLASSES.contains(&s) {
            return None;
        }
        let (singular, plural) = s.split_once('/').map_or((s, None), |(s, p)| (s, Some(p)));
        Some(NounClass {
            singular: singular.parse().ok()?,
            plural: plural.and_then(|p| p.parse().ok()),
        })
    }

    /// Whether the class includes `c` (as singular or plural).
    #[must_use]
    pub fn has(self, c: u8) -> bool {
        self.singular == c || self.plural == Some(c)
    }
}

impl std::fmt::Display for NounClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.plural {
            Some(p) => write!(f, "{}/{p}", self.singular),
            None => write!(f, "{}", self.singular),
        }
    }
}

/// An example sentence with its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub sw: String,
    pub en: String,
}

/// The entry as written in TOML.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub sw: CompactString,
    pub en: Vec<CompactString>,
    pub pos: Pos,
    pub class: Option<String>,
    pub plural: Option<CompactString>,
    #[serde(default)]
    pub domain: Vec<CompactString>,
    #[serde(default)]
    pub variants: Vec<CompactString>,
    pub note: Option<String>,
    pub example: Option<Example>,
    #[serde(default)]
    pub not: Vec<String>,
    #[serde(default)]
    pub forbidden: Vec<String>,
    pub qa: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub entry: Vec<toml::Spanned<RawEntry>>,
}
