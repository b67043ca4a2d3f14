//! Domains of recognised terms: the glossary entry a match came from, and whether that entry is
//! *terminology* (a domain term the views highlight and `stats` counts) or general vocabulary.
//!
//! The rule — one for the views, `stats` and `qa`: an entry is a domain term when it has no
//! domain (a translator's own entry) or at least one domain that is not one of [`GENERAL`] —
//! function words (`core`), everyday vocabulary (`general`), dates and times (`time`). So
//! *balozi* (`diplomacy`), *Umoja wa Mataifa* (`organisations`) and *Afrika Kusini*
//! (`geography`: a place name has an English form to get right) are domain terms; *nchi*
//! (`general`), *wa* (`core`) and *wiki ijayo* (`time`) are not. A name that no entry covers is
//! never a domain term.

use crate::document::Match;
use crate::glossary::Entry;
use crate::lexicon::Lexicon;

/// The domains of general vocabulary: an entry with only these is not a domain term.
pub const GENERAL: &[&str] = &["core", "general", "time"];

/// The glossary entry a match was made from (`None` for a name no entry covers).
#[must_use]
pub fn entry_of<'l>(lexicon: &'l Lexicon, m: &Match) -> Option<&'l Entry> {
    m.entry.map(|i| lexicon.entry(i))
}

/// Whether an entry is terminology: it has no domain, or one outside [`GENERAL`].
#[must_use]
pub fn is_domain_entry(entry: &Entry) -> bool {
    entry.domain.is_empty() || entry.domain.iter().any(|d| !GENERAL.contains(&d.as_str()))
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
