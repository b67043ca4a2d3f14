//! Domains of recognised terms: the glossary entry a match came from, and whether that entry is
//! *terminology* (a domain term the views highlight and `stats` counts) or general vocabulary.
//!
//! The rule: an entry is a domain term when at least one of its domains is not one of
//! [`GENERAL`] — function words (`core`), everyday vocabulary (`general`), dates and times
//! (`time`) and place names (`geography`, names rather than terms to translate). So *balozi*
//! (`diplomacy`) and *Umoja wa Mataifa* (`organisations`) are domain terms, *nchi* (`general`),
//! *wa* (`core`), *wiki ijayo* (`time`) and *Arusha* (`geography`) are not. A name that no entry
//! covers is never a domain term.

use crate::document::Match;
use crate::glossary::{Entry, Pos};
use crate::lexicon::{How, Lexicon};

/// The domains of general vocabulary: an entry with only these is not a domain term.
pub const GENERAL: &[&str] = &["core", "general", "time", "geography"];

/// The glossary entry a match was made from (`None` for a name no entry covers).
#[must_use]
pub fn entry_of<'l>(lexicon: &'l Lexicon, m: &Match) -> Option<&'l Entry> {
    if m.how == How::Name {
        return None;
    }
    lexicon.glossary().get(&m.lemma, Pos::parse(&m.pos)?)
}

/// Whether an entry is terminology: it has a domain outside [`GENERAL`].
#[must_use]
pub fn is_domain_entry(entry: &Entry) -> bool {
    entry.domain.iter().any(|d| !GENERAL.contains(&d.as_str()))
}

/// Whether a match is a domain term.
#[must_use]
pub fn is_domain_term(lexicon: &Lexicon, m: &Match) -> bool {
    entry_of(lexicon, m).is_some_and(is_domain_entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use std::path::Path;

    const TOML: &str = include_str!("../tests/data/views.toml");

    fn lexicon() -> Lexicon {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), TOML).unwrap());
        Lexicon::new(g)
    }

    #[test]
    fn a_domain_outside_the_general_ones_makes_a_domain_term() {
        let lex = lexicon();
        let doc = annotate(&lex, "t", "Mabalozi wa nchi na Juma mkuu walifika.");
        let terms: Vec<(&str, bool)> = doc.sentences[0]
            .matches
            .iter()
            .map(|m| (m.surface.as_str(), is_domain_term(&lex, m)))
            .collect();
        assert_eq!(
            terms,
            [
                ("Mabalozi", true),
                ("wa", false),
                ("nchi", false),
                ("Juma", false),
                ("mkuu", true),
                ("walifika", false)
            ]
        );
        let m = &doc.sentences[0].matches[0];
        assert_eq!(entry_of(&lex, m).map(|e| e.sw.as_str()), Some("balozi"));
    }
}
