//! The annotated document: plain data, shaped as the JSON contract of DESIGN.md. Renderers
//! read it; nothing here formats text. Its short strings (a token, a lemma, a gloss) are
//! `CompactString`s, kept inline: a document has several for every token.

use compact_str::CompactString;
use serde::Serialize;

use crate::lexicon::How;
use crate::tokenize::Kind;

/// One annotated input.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub source: String,
    #[serde(skip)]
    pub text: String,
    pub sentences: Vec<Sentence>,
}

/// One sentence: byte span into the document, its tokens and its matches.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub tokens: Vec<Token>,
    pub matches: Vec<Match>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
    pub kind: Kind,
    /// Index in the sentence's `matches` of the match covering this token.
    #[serde(rename = "match")]
    pub match_index: Option<usize>,
}

/// A recognised word or term.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub surface: CompactString,
    pub lemma: CompactString,
    pub en: Vec<CompactString>,
    pub pos: CompactString,
    pub how: How,
    /// Morphemes of the best analysis (for a multi-word term, of each word in turn).
    pub morphemes: Vec<CompactString>,
    /// Leipzig-style gloss of the best analysis.
    pub gloss: CompactString,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Every analysis, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub analyses: Vec<Analysis>,
    /// The glossary entry of the best reading, as an index into the annotating lexicon's
    /// `Glossary::entries` (none for a name), for views that show the whole entry. Not in JSON.
    #[serde(skip)]
    pub entry: Option<usize>,
}

impl Match {
    /// The segmentation to show in the morpheme tier, when it says more than the surface.
    #[must_use]
    pub fn segmentation(&self) -> Option<String> {
        (self.how == How::Inflected).then(|| {
            self.analyses
                .first()
                .map_or_else(|| self.morphemes.join("-"), |a| a.segmentation.to_string())
        })
    }
}

/// One analysis of a match.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub lemma: CompactString,
    pub pos: CompactString,
    pub en: Vec<CompactString>,
    pub how: How,
    pub morphemes: Vec<CompactString>,
    pub segmentation: CompactString,
    pub gloss: CompactString,
}
