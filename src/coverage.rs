//! Coverage of annotated documents: how many words there are, how many a glossary entry
//! covers and how each was found, how many are names or unknown, and which domains the
//! entries found belong to. The HTML and Markdown views print these figures.

use crate::document::Document;
use crate::glossary::Entry;
use crate::lexicon::How;
use crate::stats::Stats;
use crate::tokenize::{Kind, one_line};

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
    /// Matches of entries per subject domain (see [`crate::domain::is_domain_entry`]), most first, then by name.
    pub by_domain: Vec<(String, usize)>,
}

impl Coverage {
    /// Count the documents. `entries` are the entries the documents' `Match::entry` index.
    /// The counting is [`Stats`]'s, so these figures are those of `istilahi stats`.
    #[must_use]
    pub fn of(documents: &[Document], entries: &[Entry]) -> Coverage {
        let mut stats = Stats::default();
        for s in documents.iter().flat_map(|d| &d.sentences) {
            stats.add(entries, s);
        }
        let by_how = [
            How::Exact,
            How::Variant,
            How::Inflected,
            How::Name,
            How::Fuzzy,
        ]
        .into_iter()
        .filter(|&how| stats.matches.get(how) > 0)
        .map(|how| HowCount {
            how,
            matches: stats.matches.get(how),
            words: stats.words_by_how.get(how),
        })
        .collect();
        let mut by_domain: Vec<(String, usize)> = stats
            .domains
            .iter()
            .filter(|(d, _)| !crate::domain::GENERAL.contains(&d.as_str()))
            .map(|(d, &n)| (d.clone(), n))
            .collect();
        by_domain.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Coverage {
            documents: documents.len(),
            sentences: stats.sentences,
            words: stats.words,
            glossed: stats.glossed,
            names: stats.name_words,
            unknown: stats.unknown,
            multiword: stats.multi_word_terms,
            by_how,
            by_domain,
        }
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
                    None => push_new(&mut inv.names, one_line(&m.surface)),
                }
            }
            for t in &s.tokens {
                if t.match_index.is_none() && t.kind == Kind::Word {
                    push_new(&mut inv.unknown, t.text.to_string());
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
