//! Looking up one term: as written (headword, variant or plural, also multi-word), as any
//! inflected form (through the analyser), or by its English renderings; with "did you mean"
//! suggestions ranked by string similarity when nothing is found.

use serde::Serialize;

use crate::annotate;
use crate::lexicon::{How, Lexicon, token_keys};
use crate::tokenize::key;

/// One entry found for a query, with the analysis that reached it.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Index of the entry in the glossary.
    #[serde(skip)]
    pub entry: usize,
    pub how: How,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segmentation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
}

/// What a query found.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub query: String,
    pub hits: Vec<Hit>,
    pub suggestions: Vec<String>,
}

/// Look a Swahili word or term up.
#[must_use]
pub fn lookup(lexicon: &Lexicon, query: &str) -> Found {
    let query = query.trim();
    let mut hits = exact_hits(lexicon, query);
    if hits.is_empty() {
        hits = inflected_hits(lexicon, query);
    }
    let suggestions = if hits.is_empty() {
        suggest(lexicon, query, 5)
    } else {
        Vec::new()
    };
    Found {
        query: query.to_owned(),
        hits,
        suggestions,
    }
}

fn exact_hits(lexicon: &Lexicon, query: &str) -> Vec<Hit> {
    let keys = token_keys(query);
    if keys.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = if keys.len() == 1 {
        lexicon
            .exact(&keys[0])
            .iter()
            .map(|&(entry, how)| Hit {
                entry,
                how,
                segmentation: None,
                gloss: None,
            })
            .collect()
    } else {
        lexicon
            .terms_starting(&keys[0])
            .iter()
            .map(|&t| lexicon.term(t))
            .filter(|t| t.words == keys)
            .map(|t| Hit {
                entry: t.entry,
                how: t.how,
                segmentation: None,
                gloss: None,
            })
            .collect()
    };
    hits.sort_by_key(|h| h.how);
    hits.dedup_by_key(|h| h.entry);
    hits
}

fn inflected_hits(lexicon: &Lexicon, query: &str) -> Vec<Hit> {
    // annotate the query as a text: a single match covering it is the answer
    let doc = annotate::annotate(lexicon, "<query>", query);
    let mut hits = Vec::new();
    for s in &doc.sentences {
        for m in &s.matches {
            if m.start == 0 && m.end == query.len() && m.how != How::Name {
                for a in &m.analyses {
                    if let Some(entry) = lexicon
                        .glossary()
                        .entries()
                        .iter()
                        .position(|e| e.sw == a.lemma && e.pos.as_str() == a.pos)
                    {
                        hits.push(Hit {
                            entry,
                            how: a.how,
                            segmentation: Some(a.segmentation.to_string()),
                            gloss: Some(a.gloss.to_string()),
                        });
                    }
                }
            }
        }
    }
    hits.dedup_by_key(|h| h.entry);
    hits
}

/// Queries longer than this (in characters) get no suggestions: no headword is nearly that
/// long, and comparing a query with every headword costs its length each time (a pasted
/// megabyte would take hours).
pub const MAX_SUGGEST_CHARS: usize = 100;

/// Up to `n` headwords most like `query`.
#[must_use]
pub fn suggest(lexicon: &Lexicon, query: &str, n: usize) -> Vec<String> {
    if query.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return Vec::new();
    }
    let q = key(query);
    let mut scored: Vec<(f64, &str)> = lexicon
        .glossary()
        .entries()
        .iter()
        .map(|e| (strsim::jaro_winkler(&q, &key(&e.sw)), e.sw.as_str()))
        .filter(|&(score, _)| score > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, sw) in scored {
        if !out.iter().any(|s| s == sw) {
            out.push(sw.to_owned());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// English → Swahili: entries with a rendering that is, contains as a word, or contains `query`.
#[must_use]
pub fn lookup_english(lexicon: &Lexicon, query: &str) -> Found {
    let q = query.trim().to_lowercase();
    let mut scored: Vec<(u8, usize)> = Vec::new();
    for (i, e) in lexicon.glossary().entries().iter().enumerate() {
        let best =
            e.en.iter()
                .filter_map(|r| {
                    let r = r.to_lowercase();
                    if r == q {
                        Some(0)
                    } else if r
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| w == q)
                    {
                        Some(1)
                    } else if r.contains(&q) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min();
        if let Some(rank) = best {
            scored.push((rank, i));
        }
    }
    scored.sort_by_key(|&(rank, i)| (rank, lexicon.entry(i).sw.len()));
    let hits: Vec<Hit> = scored
        .into_iter()
        .map(|(rank, entry)| Hit {
            entry,
            how: if rank == 0 { How::Exact } else { How::Fuzzy },
            segmentation: None,
            gloss: None,
        })
        .collect();
    Found {
        query: query.trim().to_owned(),
        hits,
        suggestions: Vec::new(),
    }
}
