//! Coverage of annotated documents: how many words there are, how many a glossary entry
//! covers and how each was found, how many are names or unknown, and which domains the
//! entries found belong to. The HTML and Markdown views print these figures.

use crate::document::Document;
use crate::glossary::Entry;
use crate::lexicon::How;
use crate::tokenize::Kind;

/// The domains every text is full of: an entry only in these is not a domain term.
pub const COMMON_DOMAINS: &[&str] = &["core", "general"];

/// Whether an entry belongs to a subject domain (any domain besides [`COMMON_DOMAINS`]).
#[must_use]
pub fn is_domain_term(entry: &Entry) -> bool {
    entry
        .domain
        .iter()
        .any(|d| !COMMON_DOMAINS.contains(&d.as_str()))
}

/// Whether an entry is a function word (only in the `core` domain: connectives, pronouns,
/// conjunctions…), which term lists leave out.
#[must_use]
pub fn is_function_word(entry: &Entry) -> bool {
    !entry.domain.is_empty() && entry.domain.iter().all(|d| d == "core")
}

/// Counts for one way of being found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HowCount {
    pub how: How,
    /// Matches found this way.
    pub matches: usize,
    /// Word tokens inside those matches.
    pub words: usize,
}

/// The coverage figures of some documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub documents: usize,
    pub sentences: usize,
    /// Word tokens (numbers and punctuation are not words).
    pub words: usize,
    /// Word tokens inside a match of a glossary entry (not a name).
    pub glossed: usize,
    /// Word tokens inside a name match.
    pub names: usize,
    /// Word tokens inside no match.
    pub unknown: usize,
    /// Matches of terms of several words.
    pub multiword: usize,
    /// Per way of being found, in the order of [`How`], only those that occur.
    pub by_how: Vec<HowCount>,
    /// Matches of entries per subject domain (see [`is_domain_term`]), most first, then by name.
    pub by_domain: Vec<(String, usize)>,
}

impl Coverage {
    /// Count the documents. `entries` are the entries the documents' `Match::entry` index.
    #[must_use]
    pub fn of(documents: &[Document], entries: &[Entry]) -> Coverage {
        let mut c = Coverage {
            documents: documents.len(),
            ..Coverage::default()
        };
        let mut by_how: Vec<HowCount> = Vec::new();
        let mut by_domain: Vec<(String, usize)> = Vec::new();
        for s in documents.iter().flat_map(|d| &d.sentences) {
            c.sentences += 1;
            let mut words_in = vec![0usize; s.matches.len()];
            for t in s.tokens.iter().filter(|t| t.kind == Kind::Word) {
                c.words += 1;
                match t.match_index {
                    Some(m) => words_in[m] += 1,
                    None => c.unknown += 1,
                }
            }
            for (m, words) in s.matches.iter().zip(words_in) {
                if m.how == How::Name {
                    c.names += words;
                } else {
                    c.glossed += words;
                }
                if words > 1 && m.how != How::Name {
                    c.multiword += 1;
                }
                match by_how.iter_mut().find(|h| h.how == m.how) {
                    Some(h) => {
                        h.matches += 1;
                        h.words += words;
                    }
                    None => by_how.push(HowCount {
                        how: m.how,
                        matches: 1,
                        words,
                    }),
                }
                let Some(entry) = m.entry.and_then(|e| entries.get(e)) else {
                    continue;
                };
                for d in &entry.domain {
                    if COMMON_DOMAINS.contains(&d.as_str()) {
                        continue;
                    }
                    match by_domain.iter_mut().find(|(name, _)| name == d) {
                        Some((_, n)) => *n += 1,
                        None => by_domain.push((d.clone(), 1)),
                    }
                }
            }
        }
        by_how.sort_by_key(|h| h.how);
        by_domain.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        c.by_how = by_how;
        c.by_domain = by_domain;
        c
    }

    /// The share of words glossed, in whole percent (rounded down; 0 for no words).
    #[must_use]
    pub fn glossed_percent(&self) -> usize {
        (self.glossed * 100).checked_div(self.words).unwrap_or(0)
    }
}

/// What a document uses: its entries in order of first appearance, its names and the words no
/// entry covers (each once, as first written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inventory {
    /// `(entry index, matches, 1-based number of the first sentence)`.
    pub entries: Vec<(usize, usize, usize)>,
    pub names: Vec<String>,
    pub unknown: Vec<String>,
}

impl Inventory {
    /// The inventory of a document; matches whose entry index is not below `entries` are left
    /// out (a document annotated with another glossary).
    #[must_use]
    pub fn of(document: &Document, entries: usize) -> Inventory {
        let mut inv = Inventory::default();
        let mut at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for (n, s) in document.sentences.iter().enumerate() {
            for m in &s.matches {
                match m.entry {
                    Some(e) if e < entries => {
                        let i = *at.entry(e).or_insert_with(|| {
                            inv.entries.push((e, 0, n + 1));
                            inv.entries.len() - 1
                        });
                        inv.entries[i].1 += 1;
                    }
                    Some(_) => {}
                    None => push_new(
                        &mut inv.names,
                        m.surface.split_whitespace().collect::<Vec<_>>().join(" "),
                    ),
                }
            }
            for t in &s.tokens {
                if t.match_index.is_none() && t.kind == Kind::Word {
                    push_new(&mut inv.unknown, t.text.clone());
                }
            }
        }
        inv
    }
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;

    fn lexicon(toml: &str) -> Lexicon {
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("test.toml"), toml).unwrap());
        Lexicon::new(g)
    }

    const GLOSSARY: &str = r#"
[[entry]]
sw = "balozi"
en = ["ambassador"]
pos = "noun"
class = "5/6"
domain = ["diplomacy"]

[[entry]]
sw = "wa"
en = ["of"]
pos = "prep"
domain = ["core"]

[[entry]]
sw = "Waziri Mkuu"
en = ["prime minister"]
pos = "noun"
class = "1/2"
domain = ["government", "diplomacy"]
"#;

    #[test]
    fn counts_words_by_how_and_domain() {
        let lx = lexicon(GLOSSARY);
        let doc = annotate(&lx, "t", "Mabalozi wa Waziri Mkuu Juma walikutana balozi.");
        let c = Coverage::of(&[doc], lx.glossary().entries());
        assert_eq!(c.sentences, 1);
        assert_eq!(c.words, 7);
        // Mabalozi, wa, Waziri Mkuu, balozi
        assert_eq!(c.glossed, 5);
        assert_eq!(c.names, 1);
        assert_eq!(c.unknown, 1);
        assert_eq!(c.multiword, 1);
        assert_eq!(c.glossed_percent(), 71);
        let how: Vec<(How, usize, usize)> = c
            .by_how
            .iter()
            .map(|h| (h.how, h.matches, h.words))
            .collect();
        assert_eq!(
            how,
            vec![
                (How::Exact, 3, 4),
                (How::Inflected, 1, 1),
                (How::Name, 1, 1)
            ]
        );
        assert_eq!(
            c.by_domain,
            vec![("diplomacy".to_owned(), 3), ("government".to_owned(), 1)]
        );
    }

    #[test]
    fn inventory_lists_entries_names_and_unknown_words_once() {
        let lx = lexicon(GLOSSARY);
        let doc = annotate(
            &lx,
            "t",
            "Mabalozi wa Juma walikutana. Balozi wa Juma alikuja walikutana.",
        );
        let inv = Inventory::of(&doc, lx.glossary().len());
        let lemmas: Vec<(&str, usize, usize)> = inv
            .entries
            .iter()
            .map(|&(e, n, first)| (lx.entry(e).sw.as_str(), n, first))
            .collect();
        assert_eq!(lemmas, vec![("balozi", 2, 1), ("wa", 2, 1)]);
        assert_eq!(inv.names, vec!["Juma"]);
        assert_eq!(inv.unknown, vec!["walikutana", "alikuja"]);
        assert!(Inventory::of(&doc, 0).entries.is_empty());
    }

    #[test]
    fn empty_documents_have_no_share() {
        assert_eq!(Coverage::of(&[], &[]).glossed_percent(), 0);
    }
}
