//! The lexicon: the glossary indexed for recognition. Single-token forms (headwords, variants,
//! declared plurals) map to entries; multi-token terms are kept as token-key sequences indexed by
//! their first word and, for inflecting heads, by the head's stem; noun, verb and adjective
//! stems answer the analyser's questions ([`morph::Stems`]).
//!
//! [`Lexicon::analyse`] gives every reading of one word — exact forms first, then inflected
//! analyses cheapest first — memoised per word type in this thread's [`crate::memo`].

use std::sync::atomic::{AtomicU64, Ordering};

use compact_str::CompactString;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::sync::Arc;

use crate::bloom::Bloom;
use crate::glossary::{Entry, Glossary, NounClass, Pos};
use crate::memo::{Analyser, Word};
use crate::morph::{self, Parse, StemKind, Stems};
use crate::shared_memo::SharedMemo;
use crate::tokenize::{self, Kind, compact_key};

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

/// One reading of a word: an entry, how it was reached and, for inflected readings, the parse
/// (an index into [`Analysed::parses`]).
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub entry: usize,
    pub how: How,
    pub parse: Option<usize>,
    cost: u32,
}

impl Reading {
    /// How far the reading is from the written form: 0 for the headword itself.
    #[must_use]
    pub fn cost(&self) -> u32 {
        self.cost
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
    Verb { stem: CompactString, negative: bool },
}

/// A multi-token term.
#[derive(Debug, Clone)]
pub struct Term {
    pub entry: usize,
    /// Token keys: words, numbers and any punctuation written in the term.
    pub words: Vec<CompactString>,
    /// The same keys as numbers ([`Analysed::word`]), which compare faster than text.
    pub ids: Box<[u32]>,
    /// Bit `n` is set when word `n` is a connective (*wa, ya, za* …).
    pub connectives: u64,
    /// The second word is a possessive (*makao yake*): one standing there is the term's own,
    /// not one put between its words.
    pub possessive_second: bool,
    pub how: How,
    pub head: Head,
}

impl Term {
    /// The number of the term's third word ([`Term::ids`]), [`Analysed::TWO_WORDS`] when it
    /// has two.
    #[must_use]
    pub fn third(&self) -> u32 {
        self.ids.get(2).copied().unwrap_or(Analysed::TWO_WORDS)
    }

    /// Whether the words after the first may change even when the first stands as written: a
    /// 9/10 noun is the same in both numbers, so its term may take plural concords.
    #[must_use]
    pub fn agrees_as_written(&self) -> bool {
        matches!(self.head, Head::Noun(Some(c)) if c.singular == 9 && c.plural == Some(10))
    }
}

/// The glossary, indexed. Keys are `CompactString`s: most words are short and stay inline, so
/// the indexes of a glossary of thousands of entries are not as many small allocations.
#[derive(Debug)]
pub struct Lexicon {
    glossary: Glossary,
    forms: FxHashMap<CompactString, Vec<(usize, How)>>,
    terms: Vec<Term>,
    terms_by_first: FxHashMap<CompactString, Vec<usize>>,
    terms_by_noun_head: FxHashMap<CompactString, Vec<usize>>,
    terms_by_verb_head: FxHashMap<CompactString, Vec<usize>>,
    /// Every key a term is written with, numbered in text order ([`Term::ids`]).
    term_words: FxHashMap<CompactString, u32>,
    nouns: FxHashMap<CompactString, Vec<(usize, Option<NounClass>)>>,
    verbs: FxHashMap<CompactString, Vec<usize>>,
    adjectives: FxHashMap<CompactString, Vec<usize>>,
    /// The keys of `nouns` and `terms_by_noun_head`, and of `verbs` and `terms_by_verb_head`:
    /// most stems the analyser tries are in neither.
    noun_stems: Bloom,
    verb_stems: Bloom,
    adjective_stems: Bloom,
    /// The roots verb stems are made of ([`Stems::verb_root`]): each stem in a vowel without
    /// it, and each in *-i*, *-e*, *-u* as it is.
    verb_roots: Bloom,
    /// Names this lexicon's analyses in each thread's memo.
    id: u64,
    inflection: bool,
    /// The analyses its threads share, when several annotate at once
    /// ([`Lexicon::share_analyses`]).
    shared: Option<SharedMemo>,
}

/// A new lexicon id (0 is no lexicon).
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Everything known of one word type: its readings (entries) and every parse (which may also
/// reach the head of a multi-word term).
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The lookup key of the word ([`tokenize::key`]).
    pub key: Arc<str>,
    /// The multi-word terms whose first token key is this word's and whose other words are
    /// fixed, in the order of their second words, and for the same second word, of their
    /// third words, with the terms of two words last: what the search for a term reads, in
    /// one place.
    pub fixed: Box<[TermBrief]>,
    /// Those whose later words agree with a plural of the first (9/10 nouns: *kura za maoni*).
    pub starts_agreeing: Box<[usize]>,
    /// Whether the word is a possessive (*yake*), which may stand inside a term.
    pub possessive: bool,
    /// Whether the word is a connective (*wa, ya, za* …).
    pub connective: bool,
    /// The key's number among the words terms are written with ([`Term::ids`]), or
    /// [`Analysed::NOT_A_TERM_WORD`].
    pub word: u32,
    pub readings: Box<[Reading]>,
    pub parses: Box<[Parse]>,
    /// The multi-word terms whose inflecting head a parse reaches: `(term, index in parses)`.
    pub heads: Box<[(usize, usize)]>,
    /// What may follow for each of `starts_agreeing` to go on (set by the [`Analyser`]).
    pub seconds_agreeing: Box<[Second]>,
    /// What may follow for each of `heads` to go on (set by the [`Analyser`]).
    pub seconds_of_heads: Box<[Second]>,
}

/// What may follow a term's first word for the term to go on, as `rest_of_term` in annotate.rs
/// reads a term: its second word as written, a possessive put between, and for a term that
/// agrees, any connective where the second word is one, or any word where it is an adjective.
#[derive(Debug, Clone, Copy)]
pub struct Second {
    pub(crate) word: u32,
    pub(crate) agrees: Agrees,
    /// The term's third word ([`TermBrief::third`]): after an agreeing connective it stands
    /// as written or in the plural (*mkuu wa mkoa* → *wakuu wa mikoa*).
    pub(crate) third: u32,
}

/// How a term's second word may differ from how the term is written ([`Second`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agrees {
    No,
    Connective,
    Adjective,
}

/// A term in brief, as the word it starts with keeps it ([`Analysed::fixed`]): enough to find
/// one of two or three fixed words, and to write its row, without reading the term.
#[derive(Debug, Clone, Copy)]
pub struct TermBrief {
    /// The term's second word ([`Term::ids`]).
    pub second: u32,
    /// Its third word, [`Analysed::TWO_WORDS`] for a term of two.
    pub third: u32,
    pub term: u32,
    /// [`Term::entry`] and [`Term::how`].
    pub entry: u32,
    pub how: How,
    /// How many words (tokens) the term has.
    pub len: u16,
}

impl Second {
    /// Whether the term may go on with `next`.
    #[must_use]
    pub fn admits(self, next: Word) -> bool {
        next.word == self.word
            || next.is(Word::POSSESSIVE)
            || (self.agrees == Agrees::Adjective && next.is(Word::ADJECTIVE))
            || (self.agrees == Agrees::Connective && next.is(Word::CONNECTIVE))
    }
}

impl Analysed {
    /// [`Analysed::word`] of a key no term is written with.
    pub const NOT_A_TERM_WORD: u32 = u32::MAX;

    /// The third word of a term of two words ([`TermBrief::third`]).
    pub const TWO_WORDS: u32 = u32::MAX;

    /// The stem of the word read as an adjective, if it can be one (*wakuu* → *kuu*).
    #[must_use]
    pub fn adjective_stem(&self) -> Option<CompactString> {
        let adjective = self.parses.iter().find(|p| p.kind == StemKind::Adjective);
        adjective.map(|p| p.stem.clone())
    }

    /// Whether a multi-word term may start at this word: as written, agreeing, or at a head.
    #[must_use]
    pub fn may_start_term(&self) -> bool {
        !self.fixed.is_empty() || !self.starts_agreeing.is_empty() || !self.heads.is_empty()
    }

    /// The analysis as memoised: only the parses a later step reads are kept (those of a
    /// reading or a term head, and every noun and adjective parse, which agreement inside
    /// terms asks about); most verb parses are other splits of the same reading.
    fn kept(
        lexicon: &Lexicon,
        key: String,
        (starts, starts_agreeing, possessive, word): (Box<[usize]>, Box<[usize]>, bool, u32),
        mut readings: Vec<Reading>,
        parses: Vec<Parse>,
        mut heads: Vec<(usize, usize)>,
    ) -> Analysed {
        let mut index = vec![usize::MAX; parses.len()];
        let mut kept = Vec::new();
        for (p, parse) in parses.into_iter().enumerate() {
            let used = parse.kind != StemKind::Verb
                || readings.iter().any(|r| r.parse == Some(p))
                || heads.iter().any(|&(_, h)| h == p);
            if used {
                index[p] = kept.len();
                kept.push(parse);
            }
        }
        for r in &mut readings {
            r.parse = r.parse.map(|p| index[p]);
        }
        for h in &mut heads {
            h.1 = index[h.1];
        }
        // kept for the rest of the run: lists with no room to grow (a type's analysis is 24
        // bytes smaller, and lists cut to their length)
        Analysed {
            fixed: starts.iter().map(|&t| lexicon.term_brief(t)).collect(),
            connective: morph::CONNECTIVES.contains(&key.as_str()),
            key: key.into(),
            starts_agreeing,
            possessive,
            word,
            readings: readings.into_boxed_slice(),
            parses: kept.into_boxed_slice(),
            heads: heads.into_boxed_slice(),
            seconds_agreeing: Box::default(),
            seconds_of_heads: Box::default(),
        }
    }
}

/// Split a glossary form into token keys (`Covid-19` → `covid`, `-`, `19`).
#[must_use]
pub fn token_keys(form: &str) -> Vec<CompactString> {
    tokenize::tokenize(form)
        .iter()
        .map(|t| compact_key(t.text(form)))
        .collect()
}

/// A glossary form as the lexicon indexes it.
enum Cut<'f> {
    /// One token: `word` when it is a word (a bound stem is read without its hyphens, as
    /// dictionaries cite it: *-panga*, *-kubwa*), not when it is a number or a mark.
    Single { form: &'f str, word: bool },
    /// Several tokens of the form as written, as their keys: a multi-word term.
    Term(Vec<CompactString>),
}

impl Cut<'_> {
    /// How `written` is indexed; `None` when it has no token.
    fn of(written: &str) -> Option<Cut<'_>> {
        let bare = written.trim_matches('-');
        if is_letters(bare) {
            // letters alone make one word: most forms, read without tokenizing
            return Some(Cut::Single {
                form: bare,
                word: true,
            });
        }
        if written.split(' ').all(is_letters) {
            // and words of letters between single spaces are those words: most terms
            return Some(Cut::Term(written.split(' ').map(compact_key).collect()));
        }
        let bare_tokens = tokenize::tokenize(bare);
        if bare_tokens.len() == 1 && bare_tokens[0].kind == Kind::Word {
            return Some(Cut::Single {
                form: bare,
                word: true,
            });
        }
        let tokens = if bare.len() == written.len() {
            bare_tokens
        } else {
            tokenize::tokenize(written)
        };
        match tokens.len() {
            0 => None,
            1 => Some(Cut::Single {
                form: written,
                word: false,
            }),
            _ => Some(Cut::Term(
                tokens
                    .iter()
                    .map(|t| compact_key(t.text(written)))
                    .collect(),
            )),
        }
    }
}

/// Whether `s` is ASCII letters alone, which the tokenizer reads as one word.
fn is_letters(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic())
}

impl Lexicon {
    #[must_use]
    pub fn new(glossary: Glossary) -> Lexicon {
        let entries = glossary.len();
        let mut lx = Lexicon {
            glossary: Glossary::default(),
            forms: FxHashMap::with_capacity_and_hasher(entries + entries / 4, FxBuildHasher),
            terms: Vec::with_capacity(entries / 2),
            terms_by_first: FxHashMap::with_capacity_and_hasher(entries / 4, FxBuildHasher),
            terms_by_noun_head: FxHashMap::default(),
            terms_by_verb_head: FxHashMap::default(),
            term_words: FxHashMap::default(),
            nouns: FxHashMap::with_capacity_and_hasher(entries / 2, FxBuildHasher),
            verbs: FxHashMap::with_capacity_and_hasher(entries / 4, FxBuildHasher),
            adjectives: FxHashMap::default(),
            noun_stems: Bloom::new([]),
            verb_stems: Bloom::new([]),
            adjective_stems: Bloom::new([]),
            verb_roots: Bloom::new([]),
            id: next_id(),
            inflection: true,
            shared: None,
        };
        // indexed from the glossary's entries before it moves in
        for (i, e) in glossary.entries().iter().enumerate() {
            lx.index_entry(i, e);
        }
        lx.glossary = glossary;
        lx.number_term_words();
        lx.noun_stems = Bloom::new(
            (lx.nouns.keys().chain(lx.terms_by_noun_head.keys())).map(CompactString::as_str),
        );
        lx.verb_stems = Bloom::new(
            (lx.verbs.keys().chain(lx.terms_by_verb_head.keys())).map(CompactString::as_str),
        );
        lx.adjective_stems = Bloom::new(lx.adjectives.keys().map(CompactString::as_str));
        lx.verb_roots = Bloom::new(
            (lx.verbs.keys().chain(lx.terms_by_verb_head.keys())).flat_map(|stem| {
                let root = stem.strip_suffix(['a', 'i', 'e', 'u']);
                let loan = stem.ends_with(['i', 'e', 'u']).then_some(stem.as_str());
                root.into_iter().chain(loan)
            }),
        );
        // terms by their second word, so that a text's second word finds its terms at once
        let terms = &lx.terms;
        for list in lx.terms_by_first.values_mut() {
            list.sort_by_key(|&t| terms[t].ids[1]);
        }
        for hits in lx.forms.values_mut() {
            hits.sort_by_key(|&(e, how)| (how, pos_rank(lx.glossary.entries()[e].pos)));
            hits.dedup();
        }
        lx
    }

    fn index_entry(&mut self, i: usize, e: &Entry) {
        let (pos, class) = (e.pos, e.class);
        let forms = std::iter::once((e.sw.as_str(), How::Exact))
            .chain(e.variants.iter().map(|v| (v.as_str(), How::Variant)))
            .chain(e.plural.iter().map(|p| (p.as_str(), How::Variant)));
        for (n, (written, how)) in forms.enumerate() {
            match Cut::of(written) {
                None => {}
                Some(Cut::Single { form, word }) => {
                    let k = compact_key(form);
                    if n == 0 && word {
                        self.index_stem(i, pos, class, &k);
                    }
                    // most forms are one entry's
                    let hits = self.forms.entry(k).or_insert_with(|| Vec::with_capacity(1));
                    hits.push((i, how));
                }
                Some(Cut::Term(words)) => {
                    let head = if how == How::Exact {
                        term_head(&words, pos, class)
                    } else {
                        Head::Fixed
                    };
                    self.add_term(Term {
                        entry: i,
                        words,
                        ids: Box::default(),
                        connectives: 0,
                        possessive_second: false,
                        how,
                        head,
                    });
                }
            }
        }
    }

    /// Number the keys terms are written with in text order, so that comparing numbers orders
    /// and matches as comparing the keys does.
    fn number_term_words(&mut self) {
        // few distinct words (connectives repeat): distinct first, then sorted
        let mut distinct = rustc_hash::FxHashSet::default();
        let mut words: Vec<&str> = self
            .terms
            .iter()
            .flat_map(|t| t.words.iter().map(CompactString::as_str))
            .filter(|w| distinct.insert(*w))
            .collect();
        words.sort_unstable();
        let numbers: FxHashMap<CompactString, u32> = words
            .iter()
            .zip(0u32..)
            .map(|(&w, n)| (w.into(), n))
            .collect();
        for term in &mut self.terms {
            term.ids = term.words.iter().map(|w| numbers[w.as_str()]).collect();
            // terms have at most 64 tokens (glossary::MAX_TERM_TOKENS)
            term.connectives = term
                .words
                .iter()
                .zip(0..u64::BITS)
                .filter(|(w, _)| morph::CONNECTIVES.contains(&w.as_str()))
                .fold(0, |bits, (_, n)| bits | 1 << n);
            term.possessive_second = term.words.get(1).is_some_and(|w| morph::is_possessive(w));
        }
        self.term_words = numbers;
    }

    /// Index a one-word headword as the stem the analyser looks for.
    fn index_stem(&mut self, i: usize, pos: Pos, class: Option<NounClass>, k: &str) {
        match pos {
            Pos::Noun => push_under(&mut self.nouns, k, (i, class)),
            Pos::Verb => {
                // a dictionary that cites verbs as infinitives (kupanga): the stem too
                if let Some(stem) = k.strip_prefix("ku")
                    && stem.chars().count() >= 4
                {
                    push_under(&mut self.verbs, stem, i);
                }
                push_under(&mut self.verbs, k, i);
            }
            Pos::Adj | Pos::Num => push_under(&mut self.adjectives, k, i),
            _ => {}
        }
    }

    fn add_term(&mut self, term: Term) {
        let id = self.terms.len();
        push_under(&mut self.terms_by_first, &term.words[0], id);
        match &term.head {
            Head::Noun(_) => push_under(&mut self.terms_by_noun_head, &term.words[0], id),
            Head::Verb { stem, .. } => push_under(&mut self.terms_by_verb_head, stem, id),
            Head::Fixed => {}
        }
        self.terms.push(term);
    }

    /// Turn the morphological analyser off: only forms written in the glossary match
    /// (exact headwords, variants and plurals, and multi-word terms as written).
    #[must_use]
    pub fn exact_only(mut self) -> Lexicon {
        self.inflection = false;
        self.id = next_id();
        // the analyses shared so far were made with the analyser on
        if self.shared.is_some() {
            self.shared = Some(SharedMemo::default());
        }
        self
    }

    /// Share the analyses of word types between the threads that use this lexicon: for
    /// several threads annotating at once, so that each word type is analysed about once, not
    /// once a thread. One thread gains nothing from it, and keeps a second copy of each
    /// analysis.
    #[must_use]
    pub fn share_analyses(mut self) -> Lexicon {
        self.shared = Some(SharedMemo::default());
        self
    }

    /// The analyses its threads share, if they do ([`Lexicon::share_analyses`]).
    #[must_use]
    pub(crate) fn shared(&self) -> Option<&SharedMemo> {
        self.shared.as_ref()
    }

    #[must_use]
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    #[must_use]
    pub fn entry(&self, i: usize) -> &Entry {
        &self.glossary.entries()[i]
    }

    /// The connective before which reading `r` of a word, whose first reading is matched
    /// `first`, comes first: a noun as written, matched as the first is, is read so before its
    /// own class's connective (*mpaka wa*, class 3 → *wa*).
    #[must_use]
    pub fn connective_before(&self, r: &Reading, first: How) -> Option<&'static str> {
        let e = self.entry(r.entry);
        if e.pos == Pos::Noun && r.parse.is_none() && r.how == first {
            e.class.and_then(|c| morph::connective(c.singular))
        } else {
            None
        }
    }

    #[must_use]
    pub fn term(&self, i: usize) -> &Term {
        &self.terms[i]
    }

    /// The number of a word terms are written with ([`Term::ids`]).
    #[must_use]
    pub fn term_word(&self, key: &str) -> Option<u32> {
        self.term_words.get(key).copied()
    }

    /// Term `t` in brief.
    #[must_use]
    pub fn term_brief(&self, t: usize) -> TermBrief {
        let term = &self.terms[t];
        let small = |n: usize| u32::try_from(n).expect("terms and entries fit in u32");
        TermBrief {
            second: term.ids[1],
            third: term.third(),
            term: small(t),
            entry: small(term.entry),
            how: term.how,
            len: u16::try_from(term.ids.len()).unwrap_or(u16::MAX),
        }
    }

    /// Terms whose first token key is `first`, in the order of their second words.
    #[must_use]
    pub fn terms_starting(&self, first: &str) -> &[usize] {
        self.terms_by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// Terms whose inflecting head has the stem a parse found.
    #[must_use]
    pub fn terms_headed(&self, parse: &Parse) -> &[usize] {
        let map = match parse.kind {
            StemKind::Noun => &self.terms_by_noun_head,
            StemKind::Verb => &self.terms_by_verb_head,
            StemKind::Adjective => return &[],
        };
        map.get(parse.stem.as_str()).map_or(&[], Vec::as_slice)
    }

    /// Exact forms (headwords, variants, plurals) equal to the key.
    #[must_use]
    pub fn exact(&self, k: &str) -> &[(usize, How)] {
        self.forms.get(k).map_or(&[], Vec::as_slice)
    }

    /// Every reading of a word, best first, and its parses. `proper`: a capitalised word inside
    /// a sentence. Memoised per word type; for many words, [`Lexicon::analyser`] is faster.
    #[must_use]
    pub fn analyse(&self, word: &str, proper: bool) -> crate::memo::Held {
        self.analyser().analyse(word, proper)
    }

    /// This thread's memo of analyses, held until the analyser is dropped.
    #[must_use]
    pub fn analyser(&self) -> Analyser<'_> {
        Analyser::new(self, self.id)
    }

    /// The analysis of one key, not memoised ([`Lexicon::analyse`] is).
    pub(crate) fn analyse_key(&self, key: String, proper: bool) -> Analysed {
        let k = key.as_str();
        let (agreeing, mut fixed): (Vec<usize>, Vec<usize>) = self
            .terms_starting(k)
            .iter()
            .partition(|&&t| self.terms[t].agrees_as_written());
        // by second word, then third ([`Analysed::fixed`]); the same words keep their order
        fixed.sort_by_key(|&t| (self.terms[t].ids[1], self.terms[t].third()));
        let word = self
            .term_words
            .get(k)
            .copied()
            .unwrap_or(Analysed::NOT_A_TERM_WORD);
        let starts = (fixed.into(), agreeing.into(), morph::is_possessive(k), word);
        let parses = if self.inflection && k.chars().any(char::is_alphabetic) {
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
                    cost: u32::from(how != How::Exact),
                })
                .collect();
            return Analysed::kept(self, key, starts, readings, parses, heads);
        }
        let mut readings = Vec::new();
        for (p, parse) in parses.iter().enumerate() {
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
                    parse: Some(p),
                    cost: parse.cost + 1,
                });
            }
        }
        readings.sort_by_key(|r| (r.cost(), pos_rank(self.entry(r.entry).pos)));
        // one reading per entry: its cheapest parse (other splits of the same lemma are noise);
        // a word has few readings, so those kept are searched, not hashed
        let mut kept = 0;
        for r in 0..readings.len() {
            let entry = readings[r].entry;
            if !readings[..kept].iter().any(|k| k.entry == entry) {
                readings.swap(kept, r);
                kept += 1;
            }
        }
        readings.truncate(kept);
        Analysed::kept(self, key, starts, readings, parses, heads)
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

    /// The entries a parse reaches: those of its stem, of its kind (and for a noun, of a
    /// class the parse allows).
    fn entries_for<'s>(&'s self, parse: &'s Parse) -> impl Iterator<Item = usize> + 's {
        let (nouns, others) = match parse.kind {
            StemKind::Noun => (self.nouns.get(parse.stem.as_str()), None),
            StemKind::Verb => (None, self.verbs.get(parse.stem.as_str())),
            StemKind::Adjective => (None, self.adjectives.get(parse.stem.as_str())),
        };
        let nouns = (nouns.into_iter().flatten())
            .filter(|(_, c)| class_fits(*c, parse.classes))
            .map(|&(i, _)| i);
        nouns.chain(others.into_iter().flatten().copied())
    }
}

/// Add `value` to the list under `key`, copying the key only when it is new (many terms share
/// their first word).
fn push_under<T>(map: &mut FxHashMap<CompactString, Vec<T>>, key: &str, value: T) {
    if let Some(list) = map.get_mut(key) {
        list.push(value);
    } else {
        map.insert(key.into(), vec![value]);
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
fn term_head(words: &[CompactString], pos: Pos, class: Option<NounClass>) -> Head {
    let first = &words[0];
    if !first.chars().all(char::is_alphabetic) {
        return Head::Fixed;
    }
    match pos {
        Pos::Noun => Head::Noun(class),
        Pos::Verb => Head::Verb {
            // a monosyllabic verb keeps ku- in its citation form: kula kiapo → -la
            stem: match first.strip_prefix("ku") {
                Some(rest) if morph::is_monosyllabic(rest) => rest.into(),
                _ => first.clone(),
            },
            negative: false,
        },
        Pos::Phrase | Pos::Adj | Pos::Adv => match first.strip_prefix("kuto") {
            Some(stem) if stem.chars().count() >= 3 => Head::Verb {
                stem: stem.into(),
                negative: true,
            },
            _ => Head::Fixed,
        },
        _ => Head::Fixed,
    }
}

impl Stems for Lexicon {
    fn noun(&self, key: &str, classes: &[&str]) -> bool {
        // the filter holds the heads of noun terms too
        self.noun_stems.may_hold(key)
            && (self
                .nouns
                .get(key)
                .is_some_and(|v| v.iter().any(|(_, c)| class_fits(*c, classes)))
                || self.terms_by_noun_head.get(key).is_some_and(|ts| {
                    ts.iter().any(|&t| match self.terms[t].head {
                        Head::Noun(c) => class_fits(c, classes),
                        _ => false,
                    })
                }))
    }

    fn verb(&self, key: &str) -> bool {
        self.verb_stems.may_hold(key)
            && (self.verbs.contains_key(key) || self.terms_by_verb_head.contains_key(key))
    }

    fn verb_root(&self, root: &str) -> bool {
        self.verb_roots.may_hold(root)
    }

    fn adjective(&self, key: &str) -> bool {
        self.adjective_stems.may_hold(key) && self.adjectives.contains_key(key)
    }

    fn may_be(&self, kind: StemKind, a: &str, b: &str) -> bool {
        match kind {
            StemKind::Noun => self.noun_stems.may_hold_joined(a, b),
            StemKind::Verb => self.verb_stems.may_hold_joined(a, b),
            StemKind::Adjective => self.adjective_stems.may_hold_joined(a, b),
        }
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

    #[test]
    fn a_word_read_several_ways_as_one_entry_has_one_reading_the_cheapest() {
        let lx = foreign();
        // wa-na-pang-iw-a (passive) and wa-na-pang-i-w-a (applicative, passive)
        let parses = morph::analyse("wanapangiwa", &lx, false);
        let costs: Vec<u32> = (parses.iter())
            .filter(|p| p.kind == StemKind::Verb && p.stem == "panga")
            .map(|p| p.cost)
            .collect();
        assert!(costs.len() >= 2, "{parses:?}");
        let a = lx.analyse_key("wanapangiwa".to_owned(), false);
        assert_eq!(a.readings.len(), 1);
        assert_eq!(lx.entry(a.readings[0].entry).sw, "-panga");
        assert_eq!(Some(a.readings[0].cost), costs.iter().min().map(|c| c + 1));
    }

    /// The lexicon's stems without its quick test of roots ([`Stems::verb_root`] always yes).
    struct Unfiltered<'a>(&'a Lexicon);

    impl Stems for Unfiltered<'_> {
        fn noun(&self, key: &str, classes: &[&str]) -> bool {
            self.0.noun(key, classes)
        }
        fn verb(&self, key: &str) -> bool {
            self.0.verb(key)
        }
        fn adjective(&self, key: &str) -> bool {
            self.0.adjective(key)
        }
    }

    #[test]
    fn the_quick_test_of_verb_roots_turns_away_no_parse() {
        let lx = Lexicon::new(Glossary::embedded().unwrap());
        // every verb stem of the glossary, inflected with prefixes and with extensions stacked
        // as the analyser strips them, and some words that are not verbs
        let mut words: Vec<String> = ["wanafunzi", "mabalozi", "kilimo", "serikalini", "xyzwa"]
            .map(String::from)
            .to_vec();
        for stem in lx.verbs.keys().chain(lx.terms_by_verb_head.keys()) {
            let root = stem.strip_suffix('a').unwrap_or(stem);
            for (before, after) in [
                ("wana", "a"),
                ("ali", "iwa"),
                ("wame", "ishwa"),
                ("ku", "ana"),
                ("hawa", "liki"),
                ("ita", "ewe"),
                ("a", "likiwa"),
                ("tu", "ishe"),
            ] {
                words.push(format!("{before}{root}{after}"));
            }
            words.push(format!("wa{stem}wa"));
        }
        for w in &words {
            assert_eq!(
                morph::analyse(w, &lx, false),
                morph::analyse(w, &Unfiltered(&lx), false),
                "{w}"
            );
        }
    }

    fn lemma(lx: &Lexicon, word: &str) -> Option<String> {
        lx.analyse(word, false)
            .readings
            .first()
            .map(|r| lx.entry(r.entry).sw.to_string())
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

    /// What [`Cut::of`] gives, as keys, by tokenizing every form: with its hyphens trimmed and,
    /// when that is not one word, as written.
    fn cut_by_tokenizing(written: &str) -> Option<(Vec<CompactString>, bool)> {
        let bare = written.trim_matches('-');
        let bare_tokens = tokenize::tokenize(bare);
        if bare_tokens.len() == 1 && bare_tokens[0].kind == Kind::Word {
            return Some((vec![compact_key(bare)], true));
        }
        let tokens = tokenize::tokenize(written);
        match tokens.len() {
            0 => None,
            1 => Some((vec![compact_key(written)], false)),
            _ => Some((
                tokens
                    .iter()
                    .map(|t| compact_key(t.text(written)))
                    .collect(),
                false,
            )),
        }
    }

    #[test]
    fn forms_are_cut_as_the_tokenizer_cuts_them() {
        let glossary = Glossary::embedded().unwrap();
        let embedded = glossary.entries().iter().flat_map(|e| {
            std::iter::once(e.sw.as_str())
                .chain(e.variants.iter().map(CompactString::as_str))
                .chain(e.plural.as_deref())
        });
        let written = [
            "-panga",
            "-kubwa-",
            "Covid-19",
            "19",
            "-19",
            "-",
            "",
            "ng'ombe",
            "-ote",
            "kura za maoni",
            "Umoja wa Mataifa",
            "Dar es Salaam",
            "É",
            "-é",
            "ú-",
            " 19",
            "kura  za",
            "kura za ",
            "Kura Za",
        ];
        for form in embedded.chain(written) {
            let cut = Cut::of(form).map(|cut| match cut {
                Cut::Single { form, word } => (vec![compact_key(form)], word),
                Cut::Term(words) => (words, false),
            });
            assert_eq!(cut, cut_by_tokenizing(form), "{form:?}");
        }
    }
}
