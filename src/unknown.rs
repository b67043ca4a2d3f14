//! Unglossed words: what the glossary lacks, ranked by frequency, each with a guess from the
//! morphology rules alone (a likely noun class or verb stem) and one short context.

use rustc_hash::FxHashMap;
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
    let mut words = UnknownWords::default();
    for (source, text) in texts {
        words.add(lexicon, source, text, 1);
    }
    words.finish()
}

/// The unglossed words of texts read piece by piece: counts, and the first place of each.
#[derive(Debug, Default)]
pub struct UnknownWords {
    seen: FxHashMap<Box<str>, usize>,
    words: Vec<Unknown>,
}

impl UnknownWords {
    /// Count the unglossed lower-case words of `text`, a piece of `source` whose first line is
    /// `line`.
    pub fn add(&mut self, lexicon: &Lexicon, source: &str, text: &str, line: usize) {
        let lines = LineIndex::new(text);
        let mut annotation = Annotation::new(lexicon, text);
        let mut briefs = Vec::new();
        while annotation.next_brief(&mut briefs) {
            let toks = annotation.sentence_tokens();
            let mut covering = briefs.iter().peekable();
            for (i, t) in toks.iter().enumerate() {
                while covering.next_if(|b| b.end <= t.start).is_some() {}
                if covering.peek().is_some_and(|b| b.start <= t.start) {
                    continue;
                }
                let word = t.text(text);
                if t.kind != Kind::Word || !word.chars().next().is_some_and(char::is_lowercase) {
                    continue;
                }
                let k = key(word);
                if let Some(&n) = self.seen.get(k.as_str()) {
                    self.words[n].count += 1;
                    continue;
                }
                self.seen.insert(k.as_str().into(), self.words.len());
                let from = i.saturating_sub(4);
                let to = (i + 5).min(toks.len());
                let context = text[toks[from].start..toks[to - 1].end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let at_line = line + lines.position(t.start).line - 1;
                self.words.push(Unknown {
                    guess: guess(&k),
                    word: k,
                    count: 1,
                    at: format!("{source}:{at_line}"),
                    context,
                });
            }
        }
    }

    /// The words, most frequent first (then alphabetical).
    #[must_use]
    pub fn finish(mut self) -> Vec<Unknown> {
        self.words
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        self.words
    }
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
