//! The lexicon: the glossary indexed for recognition. Single-token forms (headwords, variants,
//! declared plurals) map to entries; multi-token terms are kept as token-key sequences indexed by
//! their first word and, for inflecting heads, by the head's stem; noun, verb and adjective
//! stems answer the analyser's questions ([`morph::Stems`]).
//!
//! [`Lexicon::analyse`] gives every reading of one word — exact forms first, then inflected
//! analyses cheapest first — and memoises it per word type.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::glossary::{Entry, Glossary, NounClass, Pos};
use crate::morph::{self, Parse, StemKind, Stems};
use crate::tokenize::{self, Kind, key};

/// How a word or term was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    Exact,
    Variant,
    Inflected,
    Name,
    Fuzzy,
}

impl How {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Variant => "variant",
            How::Inflected => "inflected",
            How::Name => "name",
            How::Fuzzy => "fuzzy",
        }
    }
}

/// One reading of a word: an entry, how it was reached and, for inflected readings, the parse.
#[derive(Debug, Clone)]
pub struct Reading {
    pub entry: usize,
    pub how: How,
    pub parse: Option<Parse>,
}

impl Reading {
    #[must_use]
    pub fn cost(&self) -> u32 {
        match self.how {
            How::Exact => 0,
            How::Variant => 1,
            _ => self.parse.as_ref().map_or(5, |p| p.cost + 1),
        }
    }
}

/// What a multi-word term's first word does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    /// Matches only as written.
    Fixed,
    /// A noun: inflects for number (and class agreement of the words after it).
    Noun(Option<NounClass>),
    /// A verb: any inflection of `stem`; `negative` when the term is a negative form (*kutoegemea*).
    Verb { stem: String, negative: bool },
}

/// A multi-token term.
#[derive(Debug, Clone)]
pub struct Term {
    pub entry: usize,
    /// Token keys: words, numbers and any punctuation written in the term.
    pub words: Vec<String>,
    pub how: How,
    pub head: Head,
}

impl Term {
    /// A 9/10 noun is the same in both numbers: its term, matched as written, may stand in the
    /// plural with the plural concords (*kura ya maoni* → *kura za maoni*).
    #[must_use]
    pub fn same_in_both_numbers(&self) -> bool {
        matches!(self.head, Head::Noun(Some(c)) if c.singular == 9 && c.plural == Some(10))
    }

    /// Whether the word after the first may differ from the written one when the term is
    /// matched as written (not through an inflected head): it agrees for a 9/10 head.
    #[must_use]
    pub fn second_may_vary(&self) -> bool {
        self.same_in_both_numbers()
    }
}

/// The glossary, indexed.
#[derive(Debug)]
pub struct Lexicon {
    glossary: Glossary,
    forms: HashMap<String, Vec<(usize, How)>>,
    terms: Vec<Term>,
    terms_by_first: HashMap<String, Vec<usize>>,
    /// The same terms by first and second token key, but for those whose second word may take
    /// other forms ([`Term::second_may_vary`]), kept by first key in `terms_varying`: so that
    /// many terms sharing a first word cost nothing where their second word is absent.
    terms_by_first_two: HashMap<String, HashMap<String, Vec<usize>>>,
    terms_varying: HashMap<String, Vec<usize>>,
    terms_by_noun_head: HashMap<String, Vec<usize>>,
    terms_by_verb_head: HashMap<String, Vec<usize>>,
    nouns: HashMap<String, Vec<(usize, Option<NounClass>)>>,
    verbs: HashMap<String, Vec<usize>>,
    adjectives: HashMap<String, Vec<usize>>,
    /// Analyses per word key: `[common, proper]` (a capitalised word inside a sentence).
    memo: [RefCell<HashMap<String, Rc<Analysed>>>; 2],
    inflection: bool,
}

/// Everything known of one word type: its readings (entries) and every parse (which may also
/// reach the head of a multi-word term).
#[derive(Debug, Default)]
pub struct Analysed {
    pub readings: Vec<Reading>,
    pub parses: Vec<Parse>,
    /// The multi-word terms whose inflecting head a parse reaches: `(term, index in parses)`.
    pub heads: Vec<(usize, usize)>,
}

/// Split a glossary form into token keys (`Covid-19` → `covid`, `-`, `19`).
#[must_use]
pub fn token_keys(form: &str) -> Vec<String> {
    tokenize::tokenize(form)
        .iter()
        .map(|t| key(t.text(form)))
        .collect()
}

/// A headword as dictionaries cite it, without the hyphen of a bound stem (*-panga*, *-kubwa*).
fn citation(form: &str) -> &str {
    let bare = form.trim_matches('-');
    if is_single_word(bare) { bare } else { form }
}

fn is_single_word(form: &str) -> bool {
    let toks = tokenize::tokenize(form);
    toks.len() == 1 && toks[0].kind == Kind::Word
}

impl Lexicon {
    #[must_use]
    pub fn new(glossary: Glossary) -> Lexicon {
        let mut lx = Lexicon {
            glossary,
            forms: HashMap::new(),
            terms: Vec::new(),
            terms_by_first: HashMap::new(),
            terms_by_first_two: HashMap::new(),
            terms_varying: HashMap::new(),
            terms_by_noun_head: HashMap::new(),
            terms_by_verb_head: HashMap::new(),
            nouns: HashMap::new(),
            verbs: HashMap::new(),
            adjectives: HashMap::new(),
            memo: [RefCell::new(HashMap::new()), RefCell::new(HashMap::new())],
            inflection: true,
        };
        for i in 0..lx.glossary.len() {
            lx.index_entry(i);
        }
        for hits in lx.forms.values_mut() {
            hits.sort_by_key(|&(e, how)| (how, pos_rank(lx.glossary.entries()[e].pos)));
            hits.dedup();
        }
        lx
    }

    fn index_entry(&mut self, i: usize) {
        let e = &self.glossary.entries()[i];
        let pos = e.pos;
        let class = e.class;
        let headword = citation(&e.sw).to_owned();
        let mut forms: Vec<(String, How)> = vec![(headword.clone(), How::Exact)];
        forms.extend(
            e.variants
                .iter()
                .map(|v| (citation(v).to_owned(), How::Variant)),
        );
        forms.extend(
            e.plural
                .iter()
                .map(|p| (citation(p).to_owned(), How::Variant)),
        );
        for (form, how) in forms {
            if form.trim().is_empty() {
                continue;
            }
            if tokenize::tokenize(&form).len() == 1 {
                self.forms.entry(key(&form)).or_default().push((i, how));
            } else {
                let words = token_keys(&form);
                if words.is_empty() {
                    continue; // nothing but marks that make no token (a byte-order mark)
                }
                let head = if how == How::Exact {
                    term_head(&words, pos, class)
                } else {
                    Head::Fixed
                };
                self.add_term(Term {
                    entry: i,
                    words,
                    how,
                    head,
                });
            }
        }
        if is_single_word(&headword) {
            let k = key(&headword);
            match pos {
                Pos::Noun => self.nouns.entry(k).or_default().push((i, class)),
                Pos::Verb => {
                    // a dictionary that cites verbs as infinitives (kupanga): the stem too
                    if let Some(stem) = k.strip_prefix("ku")
                        && stem.chars().count() >= 4
                    {
                        self.verbs.entry(stem.to_owned()).or_default().push(i);
                    }
                    self.verbs.entry(k).or_default().push(i);
                }
                Pos::Adj | Pos::Num => self.adjectives.entry(k).or_default().push(i),
                _ => {}
            }
        }
    }

    fn add_term(&mut self, term: Term) {
        let id = self.terms.len();
        self.terms_by_first
            .entry(term.words[0].clone())
            .or_default()
            .push(id);
        if term.second_may_vary() {
            self.terms_varying
                .entry(term.words[0].clone())
                .or_default()
                .push(id);
        } else {
            self.terms_by_first_two
                .entry(term.words[0].clone())
                .or_default()
                .entry(term.words[1].clone())
                .or_default()
                .push(id);
        }
        match &term.head {
            Head::Noun(_) => self
                .terms_by_noun_head
                .entry(term.words[0].clone())
                .or_default()
                .push(id),
            Head::Verb { stem, .. } => self
                .terms_by_verb_head
                .entry(stem.clone())
                .or_default()
                .push(id),
            Head::Fixed => {}
        }
        self.terms.push(term);
    }

    /// Turn the morphological analyser off: only forms written in the glossary match
    /// (exact headwords, variants and plurals, and multi-word terms as written).
    #[must_use]
    pub fn exact_only(mut self) -> Lexicon {
        self.inflection = false;
        for m in &self.memo {
            m.borrow_mut().clear();
        }
        self
    }

    #[must_use]
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    #[must_use]
    pub fn entry(&self, i: usize) -> &Entry {
        &self.glossary.entries()[i]
    }

    #[must_use]
    pub fn term(&self, i: usize) -> &Term {
        &self.terms[i]
    }

    /// Terms whose first token key is `first`.
    #[must_use]
    pub fn terms_starting(&self, first: &str) -> &[usize] {
        self.terms_by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// The terms written with first token key `first` that may match where the next token keys
    /// are `second` and, after a possessive (*makao yake makuu*), `third`, in term order: those
    /// whose second word is one of these, and those whose second word may vary.
    #[must_use]
    pub fn terms_followed_by(
        &self,
        first: &str,
        second: Option<&str>,
        third: Option<&str>,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = self.terms_varying.get(first).cloned().unwrap_or_default();
        if let Some(by_second) = self.terms_by_first_two.get(first) {
            for next in [second, third].into_iter().flatten() {
                out.extend(by_second.get(next).into_iter().flatten());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Terms whose inflecting head has the stem a parse found.
    #[must_use]
    pub fn terms_headed(&self, parse: &Parse) -> &[usize] {
        let map = match parse.kind {
            StemKind::Noun => &self.terms_by_noun_head,
            StemKind::Verb => &self.terms_by_verb_head,
            StemKind::Adjective => return &[],
        };
        map.get(&parse.stem).map_or(&[], Vec::as_slice)
    }

    /// Exact forms (headwords, variants, plurals) equal to the key.
    #[must_use]
    pub fn exact(&self, k: &str) -> &[(usize, How)] {
        self.forms.get(k).map_or(&[], Vec::as_slice)
    }

    /// Every reading of a word, best first, and its parses. `proper`: a capitalised word inside
    /// a sentence. Memoised per word type.
    pub fn analyse(&self, word: &str, proper: bool) -> Rc<Analysed> {
        let k = key(word);
        let memo = &self.memo[usize::from(proper)];
        if let Some(r) = memo.borrow().get(&k) {
            return Rc::clone(r);
        }
        let analysed = Rc::new(self.analyse_key(&k, proper));
        memo.borrow_mut().insert(k, Rc::clone(&analysed));
        analysed
    }

    fn analyse_key(&self, k: &str, proper: bool) -> Analysed {
        let parses = if self.inflection {
            morph::analyse(k, self, proper)
        } else {
            Vec::new()
        };
        let heads = self.heads_of(&parses);
        let exact = self.exact(k);
        if !exact.is_empty() {
            // a word that is itself an entry is not re-analysed into another
            let readings = exact
                .iter()
                .map(|&(entry, how)| Reading {
                    entry,
                    how,
                    parse: None,
                })
                .collect();
            return Analysed {
                readings,
                parses,
                heads,
            };
        }
        let mut readings = Vec::new();
        for parse in &parses {
            for entry in self.entries_for(parse) {
                // a capitalised word inside a sentence is a name before it is the plural of a
                // common noun whose class nobody declared (Makamba is not "ropes"); a capitalised
                // headword (Mchina → Wachina) expects the capital
                let e = self.entry(entry);
                if proper && e.class.is_none() && !e.sw.starts_with(char::is_uppercase) {
                    continue;
                }
                readings.push(Reading {
                    entry,
                    how: How::Inflected,
                    parse: Some(parse.clone()),
                });
            }
        }
        readings.sort_by_key(|r| (r.cost(), pos_rank(self.entry(r.entry).pos)));
        // one reading per entry: its cheapest parse (other splits of the same lemma are noise)
        let mut seen = std::collections::HashSet::new();
        readings.retain(|r| seen.insert(r.entry));
        Analysed {
            readings,
            parses,
            heads,
        }
    }

    /// The terms whose head the parses reach, with the class and polarity the head asks for.
    fn heads_of(&self, parses: &[Parse]) -> Vec<(usize, usize)> {
        let mut heads = Vec::new();
        for (p, parse) in parses.iter().enumerate() {
            for &t in self.terms_headed(parse) {
                let fits = match &self.terms[t].head {
                    Head::Noun(class) => class_fits(*class, parse.classes),
                    Head::Verb { negative, .. } => !negative || parse.negative,
                    Head::Fixed => false,
                };
                if fits {
                    heads.push((t, p));
                }
            }
        }
        heads
    }

    fn entries_for(&self, parse: &Parse) -> Vec<usize> {
        match parse.kind {
            StemKind::Noun => self
                .nouns
                .get(&parse.stem)
                .into_iter()
                .flatten()
                .filter(|(_, c)| class_fits(*c, parse.classes))
                .map(|&(i, _)| i)
                .collect(),
            StemKind::Verb => self.verbs.get(&parse.stem).cloned().unwrap_or_default(),
            StemKind::Adjective => self
                .adjectives
                .get(&parse.stem)
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// Whether an entry's class (or its lack) fits the classes a rule allows.
#[must_use]
pub fn class_fits(class: Option<NounClass>, classes: &[&str]) -> bool {
    if classes.is_empty() {
        return true;
    }
    match class {
        None => !classes.contains(&"declared"),
        Some(c) => classes.iter().any(|s| NounClass::parse(s) == Some(c)),
    }
}

/// Which part of speech wins among equally good readings: function words first.
fn pos_rank(pos: Pos) -> u8 {
    match pos {
        Pos::Prep | Pos::Conj | Pos::Pron => 0,
        Pos::Noun | Pos::Name | Pos::Abbr => 1,
        Pos::Verb => 2,
        Pos::Adj | Pos::Num => 3,
        Pos::Adv | Pos::Phrase | Pos::Interj => 4,
    }
}

/// The head of a multi-word term: nouns inflect, verbs inflect (a head written as a negative
/// infinitive, *kutoegemea*, stands for the negative forms of its stem), the rest is fixed.
fn term_head(words: &[String], pos: Pos, class: Option<NounClass>) -> Head {
    let first = &words[0];
    if !first.chars().all(char::is_alphabetic) {
        return Head::Fixed;
    }
    match pos {
        Pos::Noun => Head::Noun(class),
        Pos::Verb => Head::Verb {
            // a monosyllabic verb keeps ku- in its citation form: kula kiapo → -la
            stem: match first.strip_prefix("ku") {
                Some(rest) if morph::is_monosyllabic(rest) => rest.to_owned(),
                _ => first.clone(),
            },
            negative: false,
        },
        Pos::Phrase | Pos::Adj | Pos::Adv => match first.strip_prefix("kuto") {
            Some(stem) if stem.chars().count() >= 3 => Head::Verb {
                stem: stem.to_owned(),
                negative: true,
            },
            _ => Head::Fixed,
        },
        _ => Head::Fixed,
    }
}

impl Stems for Lexicon {
    fn noun(&self, key: &str, classes: &[&str]) -> bool {
        self.nouns
            .get(key)
            .is_some_and(|v| v.iter().any(|(_, c)| class_fits(*c, classes)))
            || self.terms_by_noun_head.get(key).is_some_and(|ts| {
                ts.iter().any(|&t| match self.terms[t].head {
                    Head::Noun(c) => class_fits(c, classes),
                    _ => false,
                })
            })
    }

    fn verb(&self, key: &str) -> bool {
        self.verbs.contains_key(key) || self.terms_by_verb_head.contains_key(key)
    }

    fn adjective(&self, key: &str) -> bool {
        self.adjectives.contains_key(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::parse_file;

    /// Entries as another dictionary gives them: hyphenated stems, infinitives, no classes.
    fn foreign() -> Lexicon {
        let text = "[[entry]]\nsw = \"-panga\"\nen = [\"plan\"]\npos = \"verb\"\n\n\
                    [[entry]]\nsw = \"kutarajia\"\nen = [\"expect\"]\npos = \"verb\"\n\n\
                    [[entry]]\nsw = \"-kubwa\"\nen = [\"big\"]\npos = \"adj\"\n\n\
                    [[entry]]\nsw = \"uzima\"\nen = [\"health\"]\npos = \"noun\"\n\n\
                    [[entry]]\nsw = \"mtoto\"\nen = [\"child\"]\npos = \"noun\"\n";
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("d.toml"), text).unwrap());
        Lexicon::new(g)
    }

    fn lemma(lx: &Lexicon, word: &str) -> Option<String> {
        lx.analyse(word, false)
            .readings
            .first()
            .map(|r| lx.entry(r.entry).sw.clone())
    }

    #[test]
    fn dictionary_citation_forms_are_understood() {
        let lx = foreign();
        assert_eq!(lemma(&lx, "wanapanga").as_deref(), Some("-panga"));
        assert_eq!(lemma(&lx, "panga").as_deref(), Some("-panga"));
        assert_eq!(lemma(&lx, "wanatarajiwa").as_deref(), Some("kutarajia"));
        assert_eq!(lemma(&lx, "vikubwa").as_deref(), Some("-kubwa"));
        assert_eq!(lemma(&lx, "watoto").as_deref(), Some("mtoto"));
    }

    #[test]
    fn capitals_inside_a_sentence_do_not_inflect_classless_nouns() {
        let lx = foreign();
        assert_eq!(
            lemma(&lx, "Watoto"),
            Some("mtoto".into()),
            "at a sentence start"
        );
        assert!(
            lx.analyse("Watoto", true).readings.is_empty(),
            "inside a sentence: a name"
        );
    }

    #[test]
    fn classless_nouns_take_no_bare_plural() {
        // without a declared 11/10 class, "zima" is not the plural of "uzima"
        assert_eq!(lemma(&foreign(), "zima"), None);
    }
}
