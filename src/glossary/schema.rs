//! The glossary file format as serde reads it: `[[entry]]` tables of [`RawEntry`], with the
//! [`Pos`] and [`Example`] types they use, and [`StoredEntry`], the form in which the build
//! script stores an embedded entry. Nothing here validates beyond the types.
//!
//! This file is also compiled into the build script (`build.rs`), which reads the embedded
//! glossary once at build time and stores it in a compact binary form, so that starting the
//! program does not parse TOML; it therefore uses only `serde` and `toml`.

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
    pub sw: String,
    pub en: Vec<String>,
    pub pos: Pos,
    pub class: Option<String>,
    pub plural: Option<String>,
    #[serde(default)]
    pub domain: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    pub note: Option<String>,
    pub example: Option<Example>,
    #[serde(default)]
    pub not: Vec<String>,
    #[serde(default)]
    pub forbidden: Vec<String>,
    pub qa: Option<bool>,
}

/// An entry of an embedded glossary file as the build script stores it (with postcard): the
/// entry and the 1-based line and column where its `[[entry]]` table starts.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredEntry {
    pub line: u32,
    pub column: u32,
    pub entry: RawEntry,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub entry: Vec<toml::Spanned<RawEntry>>,
}
