//! The lexicon: the glossary indexed for recognition. Single-token forms (headwords, variants,
//! declared plurals) map to entries; multi-token terms are kept as token-key sequences indexed by
//! their first word and, for inflecting heads, by the head's stem; noun, verb and adjective
//! stems answer the analyser's questions ([`morph::Stems`]).
//!
//! [`Lexicon::analyse`] gives every reading of one word — exact forms first, then inflected
//! analyses cheapest first — and memoises it per word type.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use compact_str::CompactString;
use rustc_hash::{FxBuildHasher, FxHashMap};
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
    Verb { stem: String, negative: bool },
}

/// A multi-token term.
#[derive(Debug, Clone)]
pub struct Term {
    pub entry: usize,
    /// Token keys: words, numbers and any punctuation written in the term.
    pub words: Vec<String>,
    /// The same keys as numbers ([`Analysed::word`]), which compare faster than text.
    pub ids: Box<[u32]>,
    /// Bit `n` is set when word `n` is a connective (*wa, ya, za* …).
    pub connectives: u64,
    pub how: How,
    pub head: Head,
}

impl Term {
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
    /// Names this lexicon's analyses in each thread's memo.
    id: u64,
    inflection: bool,
}

/// How many word types the analysis memo holds at most between texts: enough for the working
/// vocabulary of a news corpus, and a bound on memory whatever the input. When a text begins
/// with the memo over it, only the words the last text used are kept.
pub const MEMO_LIMIT: usize = 64_000;

/// What the hot path of annotation reads of a word type, kept in the memo beside its written
/// form: finding a word gives it without reading its [`Analysed`], which is asked for
/// ([`Analyser::analysed`]) only where a term may start or a reading depends on context.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// The analysis in the analyser's store.
    id: u32,
    /// [`Analysed::word`].
    pub word: u32,
    /// The first reading's entry, when [`Word::READINGS`] is set.
    pub entry: u32,
    /// The first reading's [`How`].
    pub how: How,
    /// [`Word::READINGS`], [`Word::MANY`] …
    pub flags: u8,
    /// What may follow when a term starts here ([`Word::may_go_on`]): bit `n % 62` for the
    /// number `n` of a term's second word as written, [`Word::THEN_CONNECTIVE`],
    /// [`Word::THEN_ANY`].
    then: u64,
}

impl Word {
    /// The word has a reading.
    pub const READINGS: u8 = 1;
    /// It has more than one reading.
    pub const MANY: u8 = 1 << 1;
    /// A multi-word term may start at it ([`Analysed::may_start_term`]).
    pub const STARTS: u8 = 1 << 2;
    /// [`Analysed::connective`].
    pub const CONNECTIVE: u8 = 1 << 3;
    /// [`Analysed::possessive`].
    pub const POSSESSIVE: u8 = 1 << 4;
    /// Written with a capital first letter.
    pub const CAPITAL: u8 = 1 << 5;
    /// Written as an acronym: two letters at least and none lower-case.
    pub const ACRONYM: u8 = 1 << 6;
    /// Its key is a title abbreviated before a name ([`tokenize::TITLES`]).
    pub const TITLE: u8 = 1 << 7;

    /// The word type's number in its analyser: the same number is the same type.
    #[must_use]
    pub fn number(self) -> u32 {
        self.id
    }

    /// A term starting here agrees, and its second word is a connective: any connective may
    /// follow.
    const THEN_CONNECTIVE: u64 = 1 << 62;
    /// A term starting here agrees, and its second word is an adjective, which agrees in its
    /// own way: any word may follow.
    const THEN_ANY: u64 = 1 << 63;

    /// Whether a term starting at this word may go on with `next`: its second word as written
    /// or agreeing, or a possessive put between. A quick test that spares most words that
    /// could start a term the search ([`Word::STARTS`] is not tested here).
    #[must_use]
    pub fn may_go_on(self, next: Word) -> bool {
        self.then & Word::THEN_ANY != 0
            || next.is(Word::POSSESSIVE)
            || (self.then & Word::THEN_CONNECTIVE != 0 && next.is(Word::CONNECTIVE))
            || (next.word != Analysed::NOT_A_TERM_WORD && self.then & 1 << (next.word % 62) != 0)
    }

    /// Whether every flag of `flags` is set.
    #[must_use]
    pub fn is(self, flags: u8) -> bool {
        self.flags & flags == flags
    }

    /// `then` is [`Word::then`], from [`Analyser::then`].
    fn of(id: u32, written: &str, a: &Analysed, then: u64) -> Word {
        let first = a.readings.first();
        let flags = [
            (first.is_some(), Word::READINGS),
            (a.readings.len() > 1, Word::MANY),
            (a.may_start_term(), Word::STARTS),
            (a.connective, Word::CONNECTIVE),
            (a.possessive, Word::POSSESSIVE),
            (
                written.chars().next().is_some_and(char::is_uppercase),
                Word::CAPITAL,
            ),
            (is_acronym(written), Word::ACRONYM),
            (tokenize::TITLES.contains(&&*a.key), Word::TITLE),
        ]
        .iter()
        .filter(|(set, _)| *set)
        .fold(0, |flags, (_, flag)| flags | flag);
        Word {
            id,
            word: a.word,
            entry: first.map_or(0, |r| u32::try_from(r.entry).expect("entries fit in u32")),
            how: first.map_or(How::Exact, |r| r.how),
            flags,
            then,
        }
    }
}

/// Whether a written word is an acronym: two letters at least and none lower-case (*UN*, *CCM*).
#[must_use]
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

/// A word found in the memo, and the last text that used it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    word: Word,
    used: u32,
}

/// A written word of at most [`Short::MAX`] bytes as two integers: its bytes little-endian,
/// zero-padded, with its length in the last byte. It hashes in two steps and compares in two,
/// where a string would be hashed byte by byte and compared with a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Short(u64, u64);

impl Short {
    const MAX: usize = 15;

    /// The word `bytes[start..end]`, read as one block of 16 bytes where the text has them.
    fn of(bytes: &[u8], start: usize, end: usize) -> Option<Short> {
        let len = end - start;
        if len > Short::MAX {
            return None;
        }
        let mut block = [0u8; 16];
        match bytes.get(start..start + 16) {
            Some(sixteen) => block.copy_from_slice(sixteen),
            None => block[..len].copy_from_slice(&bytes[start..end]),
        }
        let [low, high] = [&block[..8], &block[8..]]
            .map(|half| u64::from_le_bytes(half.try_into().expect("eight bytes")));
        // keep the word's bytes: `len` of the low half, `len - 8` of the high half
        let low_mask = if len >= 8 {
            u64::MAX
        } else {
            (1 << (8 * len)) - 1
        };
        let high_mask = if len <= 8 {
            0
        } else {
            (1 << (8 * (len - 8))) - 1
        };
        Some(Short(low & low_mask, high & high_mask | (len as u64) << 56))
    }
}

/// One memo of written words: short ones as [`Short`] keys, the rest as strings.
#[derive(Default)]
struct Words {
    short: FxHashMap<Short, Slot>,
    long: FxHashMap<CompactString, Slot>,
}

impl Words {
    fn retain(&mut self, mut keep: impl FnMut(&mut Slot) -> bool) {
        self.short.retain(|_, slot| keep(slot));
        self.long.retain(|_, slot| keep(slot));
        self.short.shrink_to_fit();
        self.long.shrink_to_fit();
    }
}

/// Each thread's memo of analyses for the lexicon whose id it holds (the lexicon itself is
/// shared by every thread): written forms, `[common, proper]` (a capitalised word inside a
/// sentence), to their [`Word`], and the analyses those point into. Words are kept inline
/// (most are short), so finding one reads no other memory.
#[derive(Default)]
struct ThreadMemo {
    lexicon: u64,
    words: [Words; 2],
    store: Vec<Rc<Analysed>>,
    /// Which words terms are written with are adjectives, by number ([`seconds`]).
    adjectives: FxHashMap<u32, bool>,
    /// The number of the current text: each [`Lexicon::analyser`] starts one.
    text: u32,
}

impl ThreadMemo {
    /// Start a new text; over [`MEMO_LIMIT`], forget the words the last text did not use.
    fn next_text(&mut self) {
        if self.store.len() > MEMO_LIMIT {
            let last = self.text;
            let mut store = Vec::new();
            for words in &mut self.words {
                words.retain(|slot| {
                    if slot.used != last {
                        return false;
                    }
                    store.push(Rc::clone(&self.store[slot.word.id as usize]));
                    slot.word.id = u32::try_from(store.len() - 1).expect("the memo is bounded");
                    true
                });
            }
            self.store = store;
        }
        self.text = self.text.wrapping_add(1);
    }
}

thread_local! {
    static MEMO: Cell<ThreadMemo> = Cell::default();
}

/// A new lexicon id (0 is no lexicon).
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Everything known of one word type: its readings (entries) and every parse (which may also
/// reach the head of a multi-word term).
#[derive(Debug)]
pub struct Analysed {
    /// The lookup key of the word ([`key`]).
    pub key: Rc<str>,
    /// The multi-word terms whose first token key is this word's and whose other words are
    /// fixed, in the order of their second words.
    pub starts: Box<[usize]>,
    /// The second word of each of `starts` ([`Term::ids`]), to search without reading terms.
    pub seconds: Box<[u32]>,
    /// Those whose later words agree with a plural of the first (9/10 nouns: *kura za maoni*).
    pub starts_agreeing: Box<[usize]>,
    /// Whether the word is a possessive (*yake*), which may stand inside a term.
    pub possessive: bool,
    /// Whether the word is a connective (*wa, ya, za* …).
    pub connective: bool,
    /// The key's number among the words terms are written with ([`Term::ids`]), or
    /// [`Analysed::NOT_A_TERM_WORD`].
    pub word: u32,
    pub readings: Vec<Reading>,
    pub parses: Vec<Parse>,
    /// The multi-word terms whose inflecting head a parse reaches: `(term, index in parses)`.
    pub heads: Vec<(usize, usize)>,
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
    word: u32,
    agrees: Agrees,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agrees {
    No,
    Connective,
    Adjective,
}

impl Second {
    /// Whether the term may go on with `next`.
    #[must_use]
    pub fn admits(self, next: Word) -> bool {
        next.word == self.word
            || next.is(Word::POSSESSIVE)
            || self.agrees == Agrees::Adjective
            || (self.agrees == Agrees::Connective && next.is(Word::CONNECTIVE))
    }

    /// The bits of [`Word::then`] that admit what this admits.
    fn then(self) -> u64 {
        let word = 1 << (self.word % 62);
        match self.agrees {
            Agrees::No => word,
            Agrees::Connective => word | Word::THEN_CONNECTIVE,
            Agrees::Adjective => Word::THEN_ANY,
        }
    }
}

impl Analysed {
    /// [`Analysed::word`] of a key no term is written with.
    pub const NOT_A_TERM_WORD: u32 = u32::MAX;

    /// Whether a multi-word term may start at this word: as written, agreeing, or at a head.
    #[must_use]
    pub fn may_start_term(&self) -> bool {
        !self.starts.is_empty() || !self.starts_agreeing.is_empty() || !self.heads.is_empty()
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
        readings.shrink_to_fit();
        heads.shrink_to_fit();
        Analysed {
            seconds: starts.iter().map(|&t| lexicon.terms[t].ids[1]).collect(),
            connective: morph::CONNECTIVES.contains(&key.as_str()),
            key: key.into(),
            starts,
            starts_agreeing,
            possessive,
            word,
            readings,
            parses: kept,
            heads,
            seconds_agreeing: Box::default(),
            seconds_of_heads: Box::default(),
        }
    }
}

/// A thread's memo of analyses, taken for a run of lookups (a text) and given back to the
/// thread when dropped: [`Lexicon::analyse`] without a thread-local access per word.
pub struct Analyser<'a> {
    lexicon: &'a Lexicon,
    memo: ThreadMemo,
}

impl Analyser<'_> {
    /// The word type `written` (`proper`: capitalised inside a sentence), analysed on first
    /// sight.
    pub fn word(&mut self, written: &str, proper: bool) -> Word {
        self.word_at(written, 0..written.len(), proper)
    }

    /// [`Analyser::word`] of `text[span]`: the fast way to find the words of a text.
    #[inline]
    pub fn word_at(&mut self, text: &str, span: std::ops::Range<usize>, proper: bool) -> Word {
        let now = self.memo.text;
        let words = &mut self.memo.words[usize::from(proper)];
        let short = Short::of(text.as_bytes(), span.start, span.end);
        let slot = match short {
            Some(short) => words.short.get_mut(&short),
            None => words.long.get_mut(&text[span.clone()]),
        };
        if let Some(slot) = slot {
            slot.used = now;
            return slot.word;
        }
        self.first_sight(&text[span], short, proper)
    }

    /// Analyse a word not in the memo, and keep it there.
    #[cold]
    #[inline(never)]
    fn first_sight(&mut self, written: &str, short: Option<Short>, proper: bool) -> Word {
        let now = self.memo.text;
        let mut analysed = self.lexicon.analyse_key(key(written), proper);
        let then = seconds(self.lexicon, &mut self.memo.adjectives, &mut analysed);
        let id = u32::try_from(self.memo.store.len()).expect("the memo is bounded");
        let word = Word::of(id, written, &analysed, then);
        self.memo.store.push(Rc::new(analysed));
        let slot = Slot { word, used: now };
        let words = &mut self.memo.words[usize::from(proper)];
        match short {
            Some(short) => words.short.insert(short, slot),
            None => words.long.insert(written.into(), slot),
        };
        word
    }

    /// The whole analysis of a word this analyser gave.
    #[must_use]
    pub fn analysed(&self, word: Word) -> &Rc<Analysed> {
        &self.memo.store[word.id as usize]
    }

    /// [`Lexicon::analyse`].
    pub fn analyse(&mut self, written: &str, proper: bool) -> Rc<Analysed> {
        let word = self.word(written, proper);
        Rc::clone(self.analysed(word))
    }
}

/// Set what may follow the terms a word may start ([`Second`]), and return [`Word::then`] of
/// the word. `adjectives` tells, by number, which words terms are written with are adjectives.
fn seconds(lexicon: &Lexicon, adjectives: &mut FxHashMap<u32, bool>, a: &mut Analysed) -> u64 {
    let mut second = |t: usize, agreeing: bool| {
        let term = &lexicon.terms[t];
        let agrees = if !agreeing {
            Agrees::No
        } else if term.connectives & 2 != 0 {
            Agrees::Connective
        } else {
            let adjective = *adjectives.entry(term.ids[1]).or_insert_with(|| {
                let second = lexicon.analyse_key(term.words[1].clone(), false);
                second.parses.iter().any(|p| p.kind == StemKind::Adjective)
            });
            if adjective {
                Agrees::Adjective
            } else {
                Agrees::No
            }
        };
        Second {
            word: term.ids[1],
            agrees,
        }
    };
    a.seconds_agreeing = a.starts_agreeing.iter().map(|&t| second(t, true)).collect();
    a.seconds_of_heads = a
        .heads
        .iter()
        .map(|&(t, p)| second(t, a.parses[p].kind == StemKind::Noun))
        .collect();
    let starts = a.seconds.iter().map(|&word| 1 << (word % 62));
    let others = a.seconds_agreeing.iter().chain(&a.seconds_of_heads);
    starts
        .chain(others.map(|s| s.then()))
        .fold(0, |then, one| then | one)
}

impl Drop for Analyser<'_> {
    fn drop(&mut self) {
        MEMO.set(std::mem::take(&mut self.memo));
    }
}

/// Split a glossary form into token keys (`Covid-19` → `covid`, `-`, `19`).
#[must_use]
pub fn token_keys(form: &str) -> Vec<String> {
    tokenize::tokenize(form)
        .iter()
        .map(|t| key(t.text(form)))
        .collect()
}

/// A glossary form as the lexicon indexes it.
enum Cut<'f> {
    /// One token: `word` when it is a word (a bound stem is read without its hyphens, as
    /// dictionaries cite it: *-panga*, *-kubwa*), not when it is a number or a mark.
    Single { form: &'f str, word: bool },
    /// Several tokens of the form as written, as their keys: a multi-word term.
    Term(Vec<String>),
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
            return Some(Cut::Term(written.split(' ').map(key).collect()));
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
                tokens.iter().map(|t| key(t.text(written))).collect(),
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
            id: next_id(),
            inflection: true,
        };
        // indexed from the glossary's entries before it moves in
        for (i, e) in glossary.entries().iter().enumerate() {
            lx.index_entry(i, e);
        }
        lx.glossary = glossary;
        lx.number_term_words();
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
                    let k = key(form);
                    if n == 0 && word {
                        self.index_stem(i, pos, class, &k);
                    }
                    // most forms are one entry's
                    let hits = self
                        .forms
                        .entry(k.into())
                        .or_insert_with(|| Vec::with_capacity(1));
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
            .flat_map(|t| t.words.iter().map(String::as_str))
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
    pub fn analyse(&self, word: &str, proper: bool) -> Rc<Analysed> {
        self.analyser().analyse(word, proper)
    }

    /// This thread's memo of analyses, held until the analyser is dropped.
    #[must_use]
    pub fn analyser(&self) -> Analyser<'_> {
        let mut memo = MEMO.take();
        if memo.lexicon != self.id {
            memo = ThreadMemo {
                lexicon: self.id,
                ..ThreadMemo::default()
            };
        }
        memo.next_text();
        Analyser {
            lexicon: self,
            memo,
        }
    }

    fn analyse_key(&self, key: String, proper: bool) -> Analysed {
        let k = key.as_str();
        let (agreeing, fixed): (Vec<usize>, Vec<usize>) = self
            .terms_starting(k)
            .iter()
            .partition(|&&t| self.terms[t].agrees_as_written());
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
        // one reading per entry: its cheapest parse (other splits of the same lemma are noise)
        let mut seen = std::collections::HashSet::new();
        readings.retain(|r| seen.insert(r.entry));
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

    fn entries_for(&self, parse: &Parse) -> Vec<usize> {
        match parse.kind {
            StemKind::Noun => self
                .nouns
                .get(parse.stem.as_str())
                .into_iter()
                .flatten()
                .filter(|(_, c)| class_fits(*c, parse.classes))
                .map(|&(i, _)| i)
                .collect(),
            StemKind::Verb => self
                .verbs
                .get(parse.stem.as_str())
                .cloned()
                .unwrap_or_default(),
            StemKind::Adjective => self
                .adjectives
                .get(parse.stem.as_str())
                .cloned()
                .unwrap_or_default(),
        }
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

    #[test]
    fn short_words_are_the_same_key_read_in_a_block_or_byte_by_byte() {
        let text = b"ni mabalozi wa nchi";
        let block = Short::of(text, 3, 11).unwrap();
        // at the end of a text there are not 16 bytes to read
        assert_eq!(Short::of(b"mabalozi", 0, 8), Some(block));
        assert_ne!(
            Short::of(text, 3, 10),
            Some(block),
            "a prefix is another word"
        );
        assert_ne!(Short::of(b"a\0", 0, 2), Short::of(b"a", 0, 1));
        assert_eq!(
            Short::of(b"wanatarajiwa sana", 0, 12),
            Short::of(b"wanatarajiwa", 0, 12)
        );
        assert!(
            Short::of(b"kilichotarajiwa!", 0, 16).is_none(),
            "too long for a block"
        );
    }

    #[test]
    fn word_flags_and_the_quick_term_test_follow_the_analysis() {
        let text = "[[entry]]\nsw = \"mambo ya nje\"\nen = [\"foreign affairs\"]\npos = \"noun\"\n\n\
                    [[entry]]\nsw = \"balozi\"\nen = [\"ambassador\"]\npos = \"noun\"\nclass = \"5/6\"\n\n\
                    [[entry]]\nsw = \"jambo\"\nen = [\"matter\"]\npos = \"noun\"\nclass = \"5/6\"\n";
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("t.toml"), text).unwrap());
        let lx = Lexicon::new(g);
        let mut analyser = lx.analyser();
        let mambo = analyser.word("Mambo", false);
        assert!(mambo.is(Word::CAPITAL | Word::STARTS | Word::READINGS));
        assert!(!mambo.is(Word::ACRONYM));
        let ya = analyser.word("ya", false);
        assert!(ya.is(Word::CONNECTIVE) && !ya.is(Word::STARTS));
        assert!(mambo.may_go_on(ya), "the term's own second word");
        assert!(!mambo.may_go_on(analyser.word("mabalozi", false)));
        assert!(
            mambo.may_go_on(analyser.word("yake", false)),
            "a possessive put between"
        );
        assert!(analyser.word("UN", true).is(Word::ACRONYM | Word::CAPITAL));
        let balozi = analyser.word("mabalozi", false);
        assert!(balozi.is(Word::READINGS) && !balozi.is(Word::MANY));
        assert_eq!(lx.entry(balozi.entry as usize).sw, "balozi");
        assert_eq!(balozi.how, How::Inflected);
    }

    #[test]
    fn a_full_memo_keeps_the_words_the_last_text_used() {
        let lx = foreign();
        let mut analyser = lx.analyser();
        let old = analyser.analyse("watoto", false);
        drop(analyser);
        let mut analyser = lx.analyser();
        let used = analyser.word("mipango", false);
        // fill the store past the limit, as many other words would
        let filler = Rc::clone(analyser.analysed(used));
        analyser.memo.store.resize(MEMO_LIMIT + 1, filler);
        drop(analyser);
        let mut analyser = lx.analyser();
        assert_eq!(
            analyser.memo.store.len(),
            1,
            "only the word the last text used"
        );
        let kept = analyser.word("mipango", false);
        assert_eq!(kept.number(), 0);
        assert_eq!(analyser.analysed(kept).key.as_ref(), "mipango");
        // a forgotten word is analysed again, the same way
        let again = analyser.analyse("watoto", false);
        assert_eq!(again.key, old.key);
        assert_eq!(again.readings.len(), old.readings.len());
        assert_eq!(analyser.memo.store.len(), 2);
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
    fn cut_by_tokenizing(written: &str) -> Option<(Vec<String>, bool)> {
        let bare = written.trim_matches('-');
        let bare_tokens = tokenize::tokenize(bare);
        if bare_tokens.len() == 1 && bare_tokens[0].kind == Kind::Word {
            return Some((vec![key(bare)], true));
        }
        let tokens = tokenize::tokenize(written);
        match tokens.len() {
            0 => None,
            1 => Some((vec![key(written)], false)),
            _ => Some((tokens.iter().map(|t| key(t.text(written))).collect(), false)),
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
                Cut::Single { form, word } => (vec![key(form)], word),
                Cut::Term(words) => (words, false),
            });
            assert_eq!(cut, cut_by_tokenizing(form), "{form:?}");
        }
    }
}
