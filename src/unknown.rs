//! Unglossed words: what the glossary lacks, ranked by frequency, each with a guess from the
//! morphology rules alone (a likely noun class or verb stem) and one short context.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::annotate::Annotation;
use crate::error::LineIndex;
use crate::lexicon::Lexicon;
use crate::morph::{self, Parse, StemKind, Stems};
use crate::tokenize::{Kind, key, one_line};

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

/// How many unglossed word types [`UnknownWords`] counts at once at most: several times the
/// unglossed vocabulary of the benchmark corpus (4,300 types in 2.5 MB of news), and a bound on
/// memory whatever the input (some 200 bytes a type). Past it the rarest are forgotten.
pub const UNKNOWN_LIMIT: usize = 20_000;

/// The unglossed words of texts read piece by piece: counts, and the first place of each.
///
/// Memory is bounded by lossy counting (Manku and Motwani): when [`UNKNOWN_LIMIT`] types are
/// counted and another comes, the rarer half are forgotten. Every word seen more often than
/// [`UnknownWords::forgotten`] is then still counted, and a count falls short of the truth by at
/// most that many; below the limit, as with most inputs, every count is exact.
#[derive(Debug)]
pub struct UnknownWords {
    seen: FxHashMap<Box<str>, Seen>,
    /// The sources the first places are in, each once.
    sources: Vec<Box<str>>,
    /// The most occurrences a word not counted now may have had: 0 until the table first fills.
    floor: usize,
    limit: usize,
}

/// A word counted, and where it was first seen since it was counted.
#[derive(Debug)]
struct Seen {
    count: usize,
    /// How many occurrences it may have had before it was counted: the floor then.
    missed: usize,
    source: u32,
    line: usize,
    context: Box<str>,
}

impl Default for UnknownWords {
    fn default() -> UnknownWords {
        UnknownWords::with_limit(UNKNOWN_LIMIT)
    }
}

impl UnknownWords {
    /// Counting at most `limit` word types at once (at least two).
    #[must_use]
    pub fn with_limit(limit: usize) -> UnknownWords {
        let limit = limit.max(2);
        UnknownWords {
            // room for the limit from the start: pages not yet written take no memory, and a
            // table that grows leaves its old room to the allocator at the worst time
            seen: FxHashMap::with_capacity_and_hasher(limit, rustc_hash::FxBuildHasher),
            sources: Vec::new(),
            floor: 0,
            limit,
        }
    }

    /// Count the unglossed lower-case words of `text`, a piece of `source` whose first line is
    /// `line`.
    pub fn add(&mut self, lexicon: &Lexicon, source: &str, text: &str, line: usize) {
        let lines = LineIndex::new(text);
        if self.sources.last().is_none_or(|last| **last != *source) {
            self.sources.push(source.into());
        }
        let source_number = u32::try_from(self.sources.len() - 1).expect("fewer than 2^32 inputs");
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
                if let Some(seen) = self.seen.get_mut(k.as_str()) {
                    seen.count += 1;
                    continue;
                }
                if self.seen.len() >= self.limit {
                    self.forget();
                }
                let from = i.saturating_sub(4);
                let to = (i + 5).min(toks.len());
                let seen = Seen {
                    count: 1,
                    missed: self.floor,
                    source: source_number,
                    line: line + lines.line(t.start) - 1,
                    context: one_line(&text[toks[from].start..toks[to - 1].end]).into_boxed_str(),
                };
                self.seen.insert(k.into(), seen);
            }
        }
    }

    /// Forget the rarer half of the words counted: every word whose count, with what it may
    /// have missed, is at most the median, which the floor rises to.
    fn forget(&mut self) {
        let mut totals: Vec<usize> = self.seen.values().map(|s| s.count + s.missed).collect();
        let middle = totals.len() / 2;
        let (_, &mut median, _) = totals.select_nth_unstable(middle);
        self.floor = self.floor.max(median);
        let floor = self.floor;
        self.seen.retain(|_, s| s.count + s.missed > floor);
    }

    /// 0 when every count is exact; else, after the limit was reached, how often a word may
    /// have been seen and not be listed, and by how much a count may fall short.
    #[must_use]
    pub fn forgotten(&self) -> usize {
        self.floor
    }

    /// The words, most frequent first (then alphabetical).
    #[must_use]
    pub fn finish(self) -> Vec<Unknown> {
        self.most_frequent(1, 0)
    }

    /// The words seen at least `min_count` times, most frequent first (then alphabetical), the
    /// first `limit` of them (0: all). Only those are guessed at.
    #[must_use]
    pub fn most_frequent(self, min_count: usize, limit: usize) -> Vec<Unknown> {
        let mut words: Vec<(Box<str>, Seen)> = (self.seen.into_iter())
            .filter(|(_, s)| s.count >= min_count)
            .collect();
        words.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
        if limit > 0 {
            words.truncate(limit);
        }
        let sources = self.sources;
        (words.into_iter())
            .map(|(word, seen)| Unknown {
                guess: guess(&word),
                word: word.into(),
                count: seen.count,
                at: format!("{}:{}", sources[seen.source as usize], seen.line),
                context: seen.context.into(),
            })
            .collect()
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

    /// A made-up lower-case word for `n`: letters only, all different.
    fn word(n: usize) -> String {
        let mut w = String::from("zo");
        let mut n = n;
        loop {
            w.push(char::from(b'a' + u8::try_from(n % 26).unwrap()));
            n /= 26;
            if n == 0 {
                return w;
            }
        }
    }

    #[test]
    fn a_full_count_forgets_the_rarest_and_keeps_the_frequent() {
        let lx = Lexicon::new(crate::glossary::Glossary::default());
        // kitu every third word, and 600 words seen once: far past a limit of 50
        let mut text = String::new();
        for n in 0..300 {
            for w in ["kitu".to_owned(), word(2 * n), word(2 * n + 1)] {
                text.push_str(&w);
                text.push(' ');
            }
        }
        let mut words = UnknownWords::with_limit(50);
        words.add(&lx, "t", &text, 1);
        let floor = words.forgotten();
        assert!(floor > 0, "the limit was reached");
        assert!(words.seen.len() <= 50);
        let list = words.most_frequent(1, 0);
        assert_eq!(list[0].word, "kitu");
        // a count is the truth, or short of it by the floor at most
        assert!(list[0].count <= 300 && list[0].count + floor >= 300);
        assert!(list[1..].iter().all(|u| u.count == 1));
        // under the limit, nothing is forgotten and every count is exact
        let mut words = UnknownWords::default();
        words.add(&lx, "t", &text, 1);
        assert_eq!(words.forgotten(), 0);
        let list = words.most_frequent(1, 0);
        assert_eq!((list[0].word.as_str(), list[0].count), ("kitu", 300));
        assert_eq!(list.len(), 601);
    }

    #[test]
    fn only_the_words_listed_are_ranked_cut_and_placed() {
        let lx = Lexicon::new(crate::glossary::Glossary::default());
        let mut words = UnknownWords::default();
        words.add(
            &lx,
            "a.txt",
            "vitabu vitabu wamesema\nkesho vitabu wamesema",
            1,
        );
        words.add(&lx, "b.txt", "kesho\nmvua", 10);
        let list = words.most_frequent(2, 2);
        let got: Vec<(&str, usize, &str)> = (list.iter())
            .map(|u| (u.word.as_str(), u.count, u.at.as_str()))
            .collect();
        assert_eq!(got, [("vitabu", 3, "a.txt:1"), ("kesho", 2, "a.txt:2")]);
        assert_eq!(list[0].guess.as_deref(), Some("noun 7/8 kitabu (vi-tabu)"));
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
