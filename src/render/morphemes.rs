//! The word-by-word, morpheme-by-morpheme reading of an annotated sentence that the
//! interlinear exports write (Toolbox SFM, FLEx FLExText): one word per token, each word's
//! morphemes as prefixes, stem and suffixes with a gloss each.
//!
//! The morphemes and glosses come from the match's best analysis. A single-word match pairs
//! its morphemes with the parts of its Leipzig gloss (the stem's gloss is the entry's first
//! rendering with dots for spaces, so a hyphen inside it, as in *Secretary-General*, is found as
//! one part). In a multi-word term the first word carries the term: its prefixes with their
//! glosses, its stem glossed with the term's rendering, and suffixes without a gloss (the
//! term's gloss does not list them); the later words are marked as belonging to the term.
//! A name is glossed by itself, a number too; a word in no match is unknown.

use compact_str::CompactString;

use crate::annotate;
use crate::document::{Match, Sentence};
use crate::glossary::Pos;
use crate::lexicon::How;
use crate::tokenize::Kind;

/// Where a morpheme stands in its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Prefix,
    Stem,
    Suffix,
}

/// What is known of a morpheme's meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gloss {
    /// A gloss, without spaces (`3PL`, `foreign.minister`).
    Known(String),
    /// Nothing: no entry covers the word, or a term's gloss does not list this affix.
    Unknown,
    /// A later word of a multi-word term, whose gloss is on the term's first word.
    InTerm,
}

/// One morpheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Morph {
    /// As in the text, without boundary marks (`wa`, `taraji`).
    pub form: String,
    pub role: Role,
    pub gloss: Gloss,
    /// The citation form: the entry's headword for a stem, the affix in lower case for an
    /// affix.
    pub citation: String,
}

impl Morph {
    /// The form with its boundary mark, Toolbox and FLEx style: `wa-`, `taraji`, `-a`.
    #[must_use]
    pub fn marked(&self) -> String {
        self.role.mark(&self.form)
    }
}

impl Role {
    /// `s` with the boundary mark of this role.
    #[must_use]
    pub fn mark(self, s: &str) -> String {
        match self {
            Role::Prefix => format!("{s}-"),
            Role::Stem => s.to_owned(),
            Role::Suffix => format!("-{s}"),
        }
    }
}

/// What a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Punctuation (and a symbol outside any match): no morphemes.
    Punct,
    /// A word no entry covers: one stem morpheme with an unknown gloss.
    Unknown,
    /// A glossary match, a name or a number.
    Analysed,
}

/// One token as an interlinear word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'s> {
    pub text: &'s str,
    pub kind: WordKind,
    pub morphs: Vec<Morph>,
    /// The word's free gloss: the entry's first rendering on the first word of a match.
    pub gloss: Option<String>,
    /// The part of speech as a FLEx / Toolbox category abbreviation (`n`, `v`, `nprop`).
    pub category: Option<&'static str>,
}

/// The FLEx / Toolbox category abbreviation of an istilahi part of speech.
#[must_use]
pub fn category(pos: &str) -> &'static str {
    match Pos::parse(pos) {
        Some(Pos::Noun) => "n",
        Some(Pos::Verb) => "v",
        Some(Pos::Adj) => "adj",
        Some(Pos::Adv) => "adv",
        Some(Pos::Prep) => "prep",
        Some(Pos::Conj) => "conj",
        Some(Pos::Pron) => "pro",
        Some(Pos::Num) => "num",
        Some(Pos::Name) => "nprop",
        Some(Pos::Phrase) => "phr",
        Some(Pos::Abbr) => "abbr",
        Some(Pos::Interj) => "interj",
        None => "unk",
    }
}

fn stem(form: &str, gloss: Gloss, citation: &str) -> Morph {
    Morph {
        form: form.to_owned(),
        role: Role::Stem,
        gloss,
        citation: citation.to_owned(),
    }
}

fn affix(form: &str, role: Role, gloss: Gloss) -> Morph {
    Morph {
        form: form.to_owned(),
        role,
        citation: role.mark(&form.to_lowercase()),
        gloss,
    }
}

/// The words of a sentence, one per token.
#[must_use]
pub fn words(s: &Sentence) -> Vec<Word<'_>> {
    let mut started = vec![false; s.matches.len()];
    s.tokens
        .iter()
        .map(|t| {
            let text = t.text.as_str();
            let in_match = t.match_index.map(|i| (i, &s.matches[i]));
            let punct =
                t.kind == Kind::Punct || (t.kind == Kind::Symbol && t.match_index.is_none());
            if punct {
                return Word {
                    text,
                    kind: WordKind::Punct,
                    morphs: Vec::new(),
                    gloss: None,
                    category: None,
                };
            }
            match in_match {
                None if t.kind == Kind::Number => itself(text, "num"),
                None => Word {
                    text,
                    kind: WordKind::Unknown,
                    morphs: vec![stem(text, Gloss::Unknown, text)],
                    gloss: None,
                    category: None,
                },
                Some((_, m)) if m.how == How::Name => itself(text, "nprop"),
                Some((i, m)) if !started[i] => {
                    started[i] = true;
                    Word {
                        text,
                        kind: WordKind::Analysed,
                        morphs: head_morphs(m),
                        gloss: m.en.first().map(ToString::to_string),
                        category: Some(category(&m.pos)),
                    }
                }
                Some((_, m)) => Word {
                    text,
                    kind: WordKind::Analysed,
                    morphs: vec![stem(text, Gloss::InTerm, &m.lemma)],
                    gloss: None,
                    category: Some(category(&m.pos)),
                },
            }
        })
        .collect()
}

/// A name or number: one stem glossed by itself.
fn itself<'s>(text: &'s str, category: &'static str) -> Word<'s> {
    Word {
        text,
        kind: WordKind::Analysed,
        morphs: vec![stem(text, Gloss::Known(text.to_owned()), text)],
        gloss: Some(text.to_owned()),
        category: Some(category),
    }
}

/// The morphemes of the first word of a match.
fn head_morphs(m: &Match) -> Vec<Morph> {
    let rendering = m.en.first().map_or("", CompactString::as_str);
    let segmentation = m
        .analyses
        .first()
        .map_or_else(|| m.morphemes.join("-"), |a| a.segmentation.to_string());
    let mut words = segmentation.split(' ');
    let head = words.next().unwrap_or_default();
    if words.next().is_some() {
        // a multi-word term: prefix glosses, then the term's rendering
        let forms: Vec<&str> = head.split('-').collect();
        let affixes: Vec<&str> = m
            .gloss
            .strip_suffix(rendering)
            .and_then(|p| p.strip_suffix('-'))
            .map(|p| p.split('-').collect())
            .unwrap_or_default();
        return split_at_stem(&forms, affixes.len(), m, |i| {
            affixes.get(i).map_or(Gloss::Unknown, |g| known(g))
        });
    }
    let forms: Vec<&str> = m.morphemes.iter().map(CompactString::as_str).collect();
    if forms.len() < 2 {
        return vec![stem(
            &m.morphemes.concat(),
            known(&m.gloss),
            m.lemma.as_str(),
        )];
    }
    let stem_gloss = annotate::stem_gloss(rendering);
    let parts: Vec<&str> = m.gloss.split('-').collect();
    let extra = stem_gloss.matches('-').count();
    let at = (parts.len() == forms.len() + extra)
        .then(|| (0..forms.len()).find(|&k| parts[k..=k + extra].join("-") == stem_gloss))
        .flatten();
    match at {
        Some(k) => split_at_stem(&forms, k, m, |i| {
            known(parts[if i < k { i } else { i + extra }])
        }),
        // the gloss does not line up with the morphemes: keep the word whole
        None => vec![stem(&m.morphemes.concat(), known(&m.gloss), &m.lemma)],
    }
}

fn known(g: &str) -> Gloss {
    Gloss::Known(annotate::stem_gloss(g))
}

/// Morphemes `forms` with the stem at `k` (glossed with the match's rendering), affixes
/// glossed by `affix_gloss(index)`.
fn split_at_stem(
    forms: &[&str],
    k: usize,
    m: &Match,
    affix_gloss: impl Fn(usize) -> Gloss,
) -> Vec<Morph> {
    let k = k.min(forms.len().saturating_sub(1));
    let rendering = m.en.first().map_or("", CompactString::as_str);
    forms
        .iter()
        .enumerate()
        .map(|(i, f)| match i.cmp(&k) {
            std::cmp::Ordering::Less => affix(f, Role::Prefix, affix_gloss(i)),
            std::cmp::Ordering::Equal => stem(f, known(rendering), &m.lemma),
            std::cmp::Ordering::Greater => affix(f, Role::Suffix, affix_gloss(i)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;
    use std::path::Path;

    const TOML: &str = include_str!("../../tests/data/views.toml");

    fn sentence(text: &str) -> Sentence {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        let lex = Lexicon::new(g);
        annotate(&lex, "t", text).sentences.remove(0)
    }

    fn tiers(words: &[Word]) -> Vec<String> {
        words
            .iter()
            .map(|w| {
                w.morphs
                    .iter()
                    .map(|m| {
                        let g = match &m.gloss {
                            Gloss::Known(g) => m.role.mark(g),
                            Gloss::Unknown => "?".into(),
                            Gloss::InTerm => "=".into(),
                        };
                        format!("{}:{g}", m.marked())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn one_word_per_token_with_morphemes_and_glosses() {
        let s = sentence("Mawaziri wa Mambo ya Nje wanatarajiwa, Juma 12 leo.");
        let words = words(&s);
        assert_eq!(words.len(), s.tokens.len());
        assert_eq!(
            tiers(&words),
            [
                "Ma-:6- waziri:foreign.minister",
                "wa:=",
                "Mambo:=",
                "ya:=",
                "Nje:=",
                "wa-:3PL- na-:PRS- taraji:expect -w:-PASS -a:-FV",
                "",
                "Juma:Juma",
                "12:12",
                "leo:?",
                "",
            ]
        );
        assert_eq!(words[0].gloss.as_deref(), Some("foreign minister"));
        assert_eq!(words[0].morphs[1].citation, "waziri wa mambo ya nje");
        assert_eq!(words[0].morphs[0].citation, "ma-");
        assert_eq!(words[5].category, Some("v"));
        assert_eq!(words[5].morphs[2].citation, "tarajia");
        assert_eq!(words[6].kind, WordKind::Punct);
        assert_eq!(words[7].category, Some("nprop"));
        assert_eq!(words[9].kind, WordKind::Unknown);
    }

    #[test]
    fn a_hyphen_in_the_rendering_stays_in_the_stem_gloss() {
        // ma-katibu: class prefix and a stem glossed secretary-general
        let s = sentence("Makatibu walifika.");
        let w = words(&s);
        assert_eq!(tiers(&w[..1]), ["Ma-:6- katibu:secretary-general"]);
    }
}
