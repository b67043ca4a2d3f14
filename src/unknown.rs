//! Unglossed words: what the glossary lacks, ranked by frequency, each with a guess from the
//! morphology rules alone (a likely noun class or verb stem) and one short context.

use std::collections::HashMap;

use serde::Serialize;

use crate::annotate::Annotation;
use crate::error::LineIndex;
use crate::lexicon::Lexicon;
use crate::morph::{self, Parse, StemKind, Stems};
use crate::tokenize::{Kind, key};

/// One unglossed word type.
#[derive(Debug, Clone, Serialize)]
pub struct Unknown {
    pub word: String,
    pub count: usize,
    /// A guessed analysis, e.g. `verb -sema (a-me-sem-a)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guess: Option<String>,
    /// The first place it was seen, as `source:line`.
    pub at: String,
    /// A few words either side of the first occurrence.
    pub context: String,
}

/// A lexicon that knows every stem: the analyser then shows what the rules alone suggest.
struct Anything;

impl Stems for Anything {
    fn noun(&self, key: &str, classes: &[&str]) -> bool {
        !classes.is_empty() && key.chars().count() >= 3
    }
    fn verb(&self, key: &str) -> bool {
        key.chars().count() >= 3 && key.ends_with(['a', 'i', 'e', 'u'])
    }
    fn adjective(&self, _: &str) -> bool {
        false
    }
}

/// What the rules alone make of a lower-case word.
#[must_use]
pub fn guess(word: &str) -> Option<String> {
    let parses = morph::analyse(word, &Anything, false);
    // a verb with a tense, infinitive or negative marker is the clearest reading; then a noun
    // with a plural prefix or the locative
    let verb = parses
        .iter()
        .filter(|p| p.kind == StemKind::Verb)
        .find(|p| {
            p.morphemes.iter().any(|m| {
                matches!(
                    m.gloss,
                    Some("PRS" | "PST" | "FUT" | "PRF" | "SIT" | "NARR" | "INF" | "HAB" | "COND")
                )
            })
        });
    let describe = |p: &Parse| match p.kind {
        StemKind::Verb => format!("verb -{} ({})", p.stem, p.segmentation()),
        StemKind::Noun => format!(
            "noun {} {} ({})",
            p.classes.join(" or "),
            p.stem,
            p.segmentation()
        ),
        StemKind::Adjective => format!("adj -{} ({})", p.stem, p.segmentation()),
    };
    if let Some(v) = verb {
        return Some(describe(v));
    }
    parses
        .iter()
        .find(|p| p.kind == StemKind::Noun && p.cost <= 3)
        .map(describe)
}

/// Count the unglossed lower-case words of `texts` (`(source, text)` pairs).
#[must_use]
pub fn unknown_words(lexicon: &Lexicon, texts: &[(String, String)]) -> Vec<Unknown> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Unknown> = Vec::new();
    for (source, text) in texts {
        let lines = LineIndex::new(text);
        for s in Annotation::new(lexicon, text) {
            for (i, t) in s.tokens.iter().enumerate() {
                if t.kind != Kind::Word
                    || t.match_index.is_some()
                    || !t.text.chars().next().is_some_and(char::is_lowercase)
                {
                    continue;
                }
                let k = key(&t.text);
                if let Some(&n) = seen.get(&k) {
                    out[n].count += 1;
                    continue;
                }
                seen.insert(k.clone(), out.len());
                let from = i.saturating_sub(4);
                let to = (i + 5).min(s.tokens.len());
                let context = text[s.tokens[from].start..s.tokens[to - 1].end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let line = lines.position(t.start).line;
                out.push(Unknown {
                    guess: guess(&k),
                    word: k,
                    count: 1,
                    at: format!("{source}:{line}"),
                    context,
                });
            }
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_come_from_the_rules() {
        assert_eq!(
            guess("wamesema").as_deref(),
            Some("verb -sema (wa-me-sem-a)")
        );
        assert_eq!(
            guess("vitabu").as_deref(),
            Some("noun 7/8 kitabu (vi-tabu)")
        );
        assert_eq!(guess("xyz"), None);
    }

    #[test]
    fn counts_and_ranks() {
        let lx = Lexicon::new(crate::glossary::Glossary::default());
        let texts = vec![("t".to_owned(), "vitabu vitabu wamesema. Juma".to_owned())];
        let u = unknown_words(&lx, &texts);
        assert_eq!(u[0].word, "vitabu");
        assert_eq!(u[0].count, 2);
        assert_eq!(u.len(), 2, "names are not unknown words");
    }
}
