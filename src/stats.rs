//! Coverage figures: how much of a text the glossary covers, counted one annotated sentence at a
//! time so that any stream of sentences can be summed.
//!
//! The words of a text (tokens of kind `word`; numbers, punctuation and symbols are not words)
//! fall into exactly one of three groups: **glossed** (inside a match made from a glossary
//! entry), **name** (inside a name match that no entry covers) and **unknown** (in no match).
//! Matches are counted by how they were made; a **multi-word term** is an entry match spanning
//! more than one word; a **domain term** is an entry match whose entry has a domain outside the
//! general ones (see [`crate::domain`]). Each entry match also counts once for each of its
//! entry's domains.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::annotate::Brief;
use crate::distinct::Distinct;
use crate::document::Sentence;
use crate::domain;
use crate::glossary::Entry;
use crate::lexicon::How;
use crate::tokenize::{Kind, Token, key};

/// Matches counted by how they were made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByHow {
    pub exact: usize,
    pub variant: usize,
    pub inflected: usize,
    pub name: usize,
    pub fuzzy: usize,
}

impl ByHow {
    fn slot(&mut self, how: How) -> &mut usize {
        match how {
            How::Exact => &mut self.exact,
            How::Variant => &mut self.variant,
            How::Inflected => &mut self.inflected,
            How::Name => &mut self.name,
            How::Fuzzy => &mut self.fuzzy,
        }
    }

    /// The count for one way of being found.
    #[must_use]
    pub fn get(&self, how: How) -> usize {
        match how {
            How::Exact => self.exact,
            How::Variant => self.variant,
            How::Inflected => self.inflected,
            How::Name => self.name,
            How::Fuzzy => self.fuzzy,
        }
    }

    /// Every match.
    #[must_use]
    pub fn total(&self) -> usize {
        self.exact + self.variant + self.inflected + self.name + self.fuzzy
    }

    fn merge(&mut self, other: &ByHow) {
        self.exact += other.exact;
        self.variant += other.variant;
        self.inflected += other.inflected;
        self.name += other.name;
        self.fuzzy += other.fuzzy;
    }
}

/// The coverage figures of one or more texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub sentences: usize,
    pub words: usize,
    /// Words inside a match made from a glossary entry.
    pub glossed: usize,
    /// Words inside a name that no entry covers.
    pub name_words: usize,
    /// Words in no match.
    pub unknown: usize,
    pub matches: ByHow,
    /// Words inside the matches, by how the match was made (the reading views show them).
    #[serde(skip)]
    pub words_by_how: ByHow,
    /// Entry matches spanning more than one word.
    pub multi_word_terms: usize,
    /// Entry matches whose entry has a domain outside the general ones.
    pub domain_terms: usize,
    /// Entry matches by domain of their entry (an entry with two domains counts in both).
    pub domains: BTreeMap<String, usize>,
    /// The distinct unknown words (lookup keys).
    #[serde(skip)]
    unknown_types: Distinct,
}

impl Stats {
    /// Count one annotated sentence; `entries` are those its matches' `entry` index.
    pub fn add(&mut self, entries: &[Entry], sentence: &Sentence) {
        self.sentences += 1;
        let mut words_in = vec![0usize; sentence.matches.len()];
        for t in &sentence.tokens {
            if t.kind != Kind::Word {
                continue;
            }
            self.words += 1;
            if let Some(i) = t.match_index {
                words_in[i] += 1;
                if sentence.matches[i].how == How::Name {
                    self.name_words += 1;
                } else {
                    self.glossed += 1;
                }
            } else {
                self.unknown += 1;
                self.unknown_types.insert(&key(&t.text));
            }
        }
        for (m, words) in sentence.matches.iter().zip(words_in) {
            self.count_match(m.how, m.entry.and_then(|i| entries.get(i)), words);
        }
    }

    /// [`Stats::add`] of a sentence in brief, as annotation for TSV gives it (no document
    /// between): its tokens, with spans into `text` ([`Annotation::sentence_tokens`]), and its
    /// matches in text order ([`Annotation::next_brief`]).
    ///
    /// [`Annotation::sentence_tokens`]: crate::annotate::Annotation::sentence_tokens
    /// [`Annotation::next_brief`]: crate::annotate::Annotation::next_brief
    pub fn add_briefs(&mut self, text: &str, tokens: &[Token], briefs: &[Brief<'_>]) {
        self.sentences += 1;
        let mut words_in = vec![0usize; briefs.len()];
        // the brief that may cover the token: the first not ending before it
        let mut m = 0;
        for t in tokens {
            if t.kind != Kind::Word {
                continue;
            }
            self.words += 1;
            while briefs.get(m).is_some_and(|b| b.end - b.base <= t.start) {
                m += 1;
            }
            match briefs.get(m) {
                Some(b) if b.start - b.base <= t.start => {
                    words_in[m] += 1;
                    if b.how == How::Name {
                        self.name_words += 1;
                    } else {
                        self.glossed += 1;
                    }
                }
                _ => {
                    self.unknown += 1;
                    self.unknown_types.insert(&key(t.text(text)));
                }
            }
        }
        for (b, words) in briefs.iter().zip(words_in) {
            self.count_match(b.how, b.entry().map(|(_, e)| e), words);
        }
    }

    /// Count a match made `how`, of `entry` (none for a name), over `words` words.
    fn count_match(&mut self, how: How, entry: Option<&Entry>, words: usize) {
        *self.matches.slot(how) += 1;
        *self.words_by_how.slot(how) += words;
        let Some(entry) = entry else {
            return;
        };
        if words > 1 {
            self.multi_word_terms += 1;
        }
        if domain::is_domain_entry(entry) {
            self.domain_terms += 1;
        }
        for d in &entry.domain {
            if let Some(n) = self.domains.get_mut(d.as_str()) {
                *n += 1;
            } else {
                self.domains.insert(d.to_string(), 1);
            }
        }
    }

    /// Add the figures of other texts.
    pub fn merge(&mut self, other: &Stats) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.glossed += other.glossed;
        self.name_words += other.name_words;
        self.unknown += other.unknown;
        self.matches.merge(&other.matches);
        self.words_by_how.merge(&other.words_by_how);
        self.multi_word_terms += other.multi_word_terms;
        self.domain_terms += other.domain_terms;
        for (d, n) in &other.domains {
            *self.domains.entry(d.clone()).or_default() += n;
        }
        self.unknown_types.merge(&other.unknown_types);
    }

    /// How many different unknown words there are (by lookup key: case and apostrophes
    /// folded): exact up to [`crate::distinct::EXACT_LIMIT`], an estimate past it.
    #[must_use]
    pub fn unknown_types(&self) -> usize {
        self.unknown_types.count()
    }

    /// Whether [`Stats::unknown_types`] is exact.
    #[must_use]
    pub fn unknown_types_exact(&self) -> bool {
        self.unknown_types.is_exact()
    }

    /// `part` as a percentage of the words (0 when there are none).
    #[must_use]
    pub fn percent(&self, part: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            // word counts stay far below 2^52
            #[allow(clippy::cast_precision_loss)]
            let share = part as f64 * 100.0 / self.words as f64;
            share
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotation;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;
    use std::path::Path;

    const TOML: &str = include_str!("../tests/data/views.toml");

    fn figures(text: &str) -> Stats {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        let lex = Lexicon::new(g);
        let mut stats = Stats::default();
        for s in Annotation::new(&lex, text) {
            stats.add(lex.glossary().entries(), &s);
        }
        stats
    }

    #[test]
    fn every_word_is_glossed_a_name_or_unknown() {
        // Katibu Mkuu (term, 2 words) wa (exact) balozi (exact) Juma Ali (one name, 2 words)
        // walifika (inflected) leo (unknown) . | Mabalozi (inflected) wa (exact) nchi (exact)
        // 12 (number, not a word) wamefika (inflected) leo (unknown again) .
        let s = figures(
            "Katibu Mkuu wa balozi Juma Ali walifika leo. Mabalozi wa nchi 12 wamefika leo.",
        );
        assert_eq!(s.sentences, 2);
        assert_eq!(s.words, 13);
        assert_eq!(s.glossed, 9);
        assert_eq!(s.name_words, 2);
        assert_eq!(s.unknown, 2);
        assert_eq!(s.unknown_types(), 1, "leo twice is one unknown word");
        assert_eq!(
            s.matches,
            ByHow {
                exact: 5,
                variant: 0,
                inflected: 3,
                name: 1,
                fuzzy: 0
            }
        );
        assert_eq!(s.matches.total(), 9);
        assert_eq!(s.multi_word_terms, 1);
        // Katibu Mkuu, balozi, Mabalozi
        assert_eq!(s.domain_terms, 3);
        let domains: Vec<(&str, usize)> = s.domains.iter().map(|(d, n)| (d.as_str(), *n)).collect();
        assert_eq!(
            domains,
            [
                ("core", 2),
                ("diplomacy", 3),
                ("general", 3),
                ("government", 1)
            ]
        );
        assert!((s.percent(s.glossed) - 900.0 / 13.0).abs() < 1e-9);
    }

    #[test]
    fn a_sentence_in_brief_counts_as_the_same_sentence_in_full() {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        let lex = Lexicon::new(g);
        let text = "Katibu Mkuu wa balozi Juma Ali walifika leo. Mabalozi wa nchi 12 wamefika \
                    leo.\n\n\"Bw. Juma\" na Katibu Mkuu wa Wizara walifika jana, kesho na leo.";
        let mut full = Stats::default();
        for s in Annotation::new(&lex, text) {
            full.add(lex.glossary().entries(), &s);
        }
        let mut brief = Stats::default();
        let mut annotation = Annotation::new(&lex, text);
        let mut briefs = Vec::new();
        while annotation.next_brief(&mut briefs) {
            brief.add_briefs(text, annotation.sentence_tokens(), &briefs);
        }
        assert_eq!(brief, full);
        assert!(full.name_words > 0 && full.unknown > 0 && full.multi_word_terms > 0);
    }

    #[test]
    fn merging_sums_and_unites_the_unknown_words() {
        let mut a = figures("Leo balozi alifika.");
        let b = figures("leo na kesho.");
        a.merge(&b);
        assert_eq!(a.sentences, 2);
        assert_eq!(a.words, 6);
        assert_eq!(a.unknown, 4);
        assert_eq!(a.unknown_types(), 3, "leo, na, kesho");
        assert!(Stats::default().percent(0).abs() < f64::EPSILON);
    }
}
