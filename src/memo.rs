//! The memo of analyses: each thread keeps, for the lexicon it works with, every word type it
//! has met — found by its written form, analysed on first sight (or taken from the analyses the
//! lexicon's threads share, [`crate::shared_memo`]) — so that a corpus of millions of tokens is
//! analysed once per type.
//!
//! What the hot path of annotation reads of a type is a small [`Word`], found by the number the
//! written form's slot holds (flags, first reading, term word number, key number, what may
//! follow a term's first word, where its fixed terms are in one list of them), and, for a word
//! that terms agree or inflect from, those terms in brief ([`Candidate`]); the whole
//! [`Analysed`] is in a store and read only where a term is headed by an inflected form of the
//! word, or context decides.
//! Memory is bounded: when a text begins with more than [`MEMO_LIMIT`] types in the memo, only
//! those the last text used are kept.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::lexicon::{Agrees, Analysed, How, Lexicon, Second, TermBrief};
use crate::morph::StemKind;
use crate::shared_memo::Shelved;
use crate::tokenize::{self, key};

/// A word type's analysis as a memo keeps it. Where the threads of a lexicon share their
/// analyses, the analysis is theirs ([`Arc`]: a thread that meets a word another analysed takes
/// the same analysis, not a copy), and each thread counts its own holders of it ([`Rc`]), so
/// that holding an analysis on the hot path writes no counter another thread writes too. One
/// thread alone holds its analyses directly: the step through the shared one cost it 1–2%.
#[derive(Debug, Clone)]
pub enum Held {
    Own(Rc<Analysed>),
    Shared(Rc<Arc<Analysed>>),
}

impl std::ops::Deref for Held {
    type Target = Analysed;

    fn deref(&self) -> &Analysed {
        match self {
            Held::Own(analysed) => analysed,
            Held::Shared(analysed) => analysed,
        }
    }
}

/// How many word types the analysis memo holds at most between texts: more than the working
/// vocabulary of a news corpus (the benchmark's, 28,600 types, never reaches it), and a bound
/// on memory whatever the input. When a text begins with the memo over it, only the words the
/// last text used are kept. A text (a chunk of 256 KB) may add some 40,000 more before the next
/// begins, so on text rich in new words a thread holds up to twice this: 32,000 keeps one
/// thread under 45 MiB there (64,000 took it to 78 MiB).
pub const MEMO_LIMIT: usize = 32_000;

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
    /// [`Word::READINGS`], [`Word::STARTS`] …
    pub flags: u16,
    /// The number of the word's key ([`Analysed::key`]) in the memo: words written apart
    /// with the same key (*Juma*, *JUMA*) have the same.
    key: u32,
    /// Where the word's fixed terms ([`Analysed::fixed`]) are in the memo's list of them
    /// ([`Analyser::fixed_terms`]), and how many.
    fixed: u32,
    fixed_len: u32,
    /// What may follow when a term starts here ([`Word::may_go_on`]): bit `n % 30` for the
    /// number `n` of a term's second word as written, [`Word::THEN_CONNECTIVE`],
    /// [`Word::THEN_ANY`].
    then: u32,
}

impl Word {
    /// The word has a reading, and is a word: a token with a letter (a number or a mark is
    /// matched only inside a term).
    pub const READINGS: u16 = 1;
    /// A multi-word term may start at it ([`Analysed::may_start_term`]).
    pub const STARTS: u16 = 1 << 2;
    /// [`Analysed::connective`].
    pub const CONNECTIVE: u16 = 1 << 3;
    /// [`Analysed::possessive`].
    pub const POSSESSIVE: u16 = 1 << 4;
    /// Written with a capital first letter.
    pub const CAPITAL: u16 = 1 << 5;
    /// Written as an acronym: two letters at least and none lower-case.
    pub const ACRONYM: u16 = 1 << 6;
    /// Its key is a title abbreviated before a name ([`tokenize::TITLES`]).
    pub const TITLE: u16 = 1 << 7;
    /// It has an adjective parse ([`Analysed::adjective_stem`]): it may be the agreeing
    /// adjective of a term.
    pub const ADJECTIVE: u16 = 1 << 8;
    /// Terms that agree may start at it ([`Analysed::starts_agreeing`]).
    pub const AGREEING: u16 = 1 << 9;
    /// A parse of it is the head of a term ([`Analysed::heads`]).
    pub const HEAD: u16 = 1 << 10;
    /// A reading after its first may come first before some connective
    /// ([`Lexicon::connective_before`]). Only such a word's readings are read again in context.
    pub const CONTEXT: u16 = 1 << 11;
    /// Looked up as a proper word (capitalised inside a sentence): its analysis is a name's,
    /// not its key's as a common word, whose singulars ([`Analyser::singulars`]) it lacks.
    pub const PROPER: u16 = 1 << 12;

    /// The word type's number in its analyser: the same number is the same type.
    #[must_use]
    pub fn number(self) -> u32 {
        self.id
    }

    /// The number of the word's key in its analyser: the same number is the same key.
    #[must_use]
    pub fn key_number(self) -> u32 {
        self.key
    }

    /// A term starting here agrees, and its second word is a connective: any connective may
    /// follow.
    const THEN_CONNECTIVE: u32 = 1 << 30;
    /// A term starting here agrees, and its second word is an adjective, which agrees in its
    /// own way: any adjective may follow.
    const THEN_ANY: u32 = 1 << 31;

    /// Whether a term starting at this word may go on with `next`: its second word as written
    /// or agreeing, or a possessive put between. A quick test that spares most words that
    /// could start a term the search ([`Word::STARTS`] is not tested here).
    #[must_use]
    #[allow(clippy::needless_bitwise_bool)]
    pub fn may_go_on(self, next: Word) -> bool {
        // every test made, and joined with `|` rather than `||`: which words go on is not
        // predictable, and one branch costs less than four mispredicted
        let any = (self.then & Word::THEN_ANY != 0) & next.is(Word::ADJECTIVE);
        let connective = (self.then & Word::THEN_CONNECTIVE != 0) & next.is(Word::CONNECTIVE);
        let second =
            (next.word != Analysed::NOT_A_TERM_WORD) & (self.then & 1 << (next.word % 30) != 0);
        any | next.is(Word::POSSESSIVE) | connective | second
    }

    /// Whether every flag of `flags` is set.
    #[must_use]
    pub fn is(self, flags: u16) -> bool {
        self.flags & flags == flags
    }

    /// The word of the analysis `a` of `written`: numbered `id` in the store, its key numbered
    /// `key`, its fixed terms from `fixed` on in the memo's list; `then` is [`Word::then`],
    /// from [`seconds`]; `proper`: looked up as a proper word.
    fn of(
        lexicon: &Lexicon,
        (id, key, fixed): (u32, u32, u32),
        written: &str,
        a: &Analysed,
        then: u32,
        proper: bool,
    ) -> Word {
        let first = a.readings.first();
        let in_context = a.readings.split_first().is_some_and(|(first, others)| {
            (others.iter()).any(|r| lexicon.connective_before(r, first.how).is_some())
        });
        let flags = [
            // a number or a mark is matched only inside a term: a token is a word when it has
            // a letter ([`tokenize::Kind::Word`]), which its written form tells
            (
                first.is_some() && written.chars().any(char::is_alphabetic),
                Word::READINGS,
            ),
            (in_context, Word::CONTEXT),
            (a.may_start_term(), Word::STARTS),
            (a.connective, Word::CONNECTIVE),
            (a.possessive, Word::POSSESSIVE),
            (
                written.chars().next().is_some_and(char::is_uppercase),
                Word::CAPITAL,
            ),
            (is_acronym(written), Word::ACRONYM),
            (tokenize::TITLES.contains(&&*a.key), Word::TITLE),
            (
                a.parses.iter().any(|p| p.kind == StemKind::Adjective),
                Word::ADJECTIVE,
            ),
            (!a.starts_agreeing.is_empty(), Word::AGREEING),
            (!a.heads.is_empty(), Word::HEAD),
            (proper, Word::PROPER),
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
            key,
            fixed,
            fixed_len: u32::try_from(a.fixed.len()).expect("a glossary has fewer terms than that"),
            then,
        }
    }
}

/// Whether a written word is an acronym: two letters at least and none lower-case (*UN*, *CCM*).
#[must_use]
pub fn is_acronym(word: &str) -> bool {
    // most words have a lower-case letter, found first
    word.chars().all(|c| !c.is_lowercase())
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A written word's place in the memo: the number of its word type ([`Word::number`], where
/// its [`Word`] is in [`Types::words`]), and the last text that used it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    id: u32,
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
        let half = |eight: &[u8]| u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        // two loads where the text has sixteen bytes from the word's start, which is nearly
        // always: one block for both ways, copied by a call to `memcpy` of a length known
        // only at run time, cost more than finding the word in the memo
        let (low, high) = match bytes.get(start..start + 16) {
            Some(sixteen) => (half(&sixteen[..8]), half(&sixteen[8..])),
            None => Short::near_the_end(&bytes[start..end]),
        };
        // keep the word's bytes: `len` of the low half, `len - 8` of the high half
        let (low_mask, high_mask) = Short::MASKS[len];
        Some(Short(low & low_mask, high & high_mask | (len as u64) << 56))
    }

    /// The halves of a word that ends less than sixteen bytes before the text does.
    #[cold]
    fn near_the_end(word: &[u8]) -> (u64, u64) {
        let mut block = [0u8; 16];
        block[..word.len()].copy_from_slice(word);
        let [low, high] = [&block[..8], &block[8..]]
            .map(|half| u64::from_le_bytes(half.try_into().expect("eight bytes")));
        (low, high)
    }

    /// By length, the masks that keep a word's bytes in the low and the high half.
    const MASKS: [(u64, u64); Short::MAX + 1] = {
        let mut masks = [(0, 0); Short::MAX + 1];
        let mut len = 0;
        while len <= Short::MAX {
            masks[len] = if len < 8 {
                ((1 << (8 * len)) - 1, 0)
            } else {
                (u64::MAX, (1 << (8 * (len - 8))) - 1)
            };
            len += 1;
        }
        masks
    };
}

/// A short word and its slot, half a cache line each: finding a word reads one line of the
/// table, where entries of their size packed together would often straddle two. The [`Word`]
/// is apart, by number ([`Types::words`]): a slot of a word and its `Word` took a whole line,
/// and on text rich in new words the table of them took 8 MiB, and 12 while it grew.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct ShortSlot {
    short: Short,
    slot: Slot,
}

/// One memo of written words: short ones as [`Short`] keys, the rest as strings.
#[derive(Default)]
struct Words {
    short: hashbrown::HashTable<ShortSlot>,
    long: FxHashMap<CompactString, Slot>,
}

impl Words {
    fn hash(short: Short) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(short)
    }

    fn short(&mut self, short: Short) -> Option<&mut Slot> {
        (self
            .short
            .find_mut(Words::hash(short), |s| s.short == short))
        .map(|s| &mut s.slot)
    }

    fn insert_short(&mut self, short: Short, slot: Slot) {
        let hash = |s: &ShortSlot| Words::hash(s.short);
        self.short
            .insert_unique(Words::hash(short), ShortSlot { short, slot }, hash);
    }

    /// Keep the slots `keep` says to. The tables keep their room: the next text fills it again,
    /// and a table shrunk and grown anew for each text leaves the allocator holes it does not
    /// give back (peak memory on text of new words grew by megabytes).
    fn retain(&mut self, mut keep: impl FnMut(&mut Slot) -> bool) {
        self.short.retain(|s| keep(&mut s.slot));
        self.long.retain(|_, slot| keep(slot));
    }
}

/// Each thread's memo of analyses for the lexicon whose id it holds (the lexicon itself is
/// shared by every thread): written forms, `[common, proper]` (a capitalised word inside a
/// sentence), to their [`Word`], and the analyses those point into. Short written words are
/// kept inline in their table (most are short), so that finding one reads its slot and its
/// `Word`, and no string.
#[derive(Default)]
struct ThreadMemo {
    lexicon: u64,
    words: [Words; 2],
    types: Types,
    /// The adjective stems of words terms are written with, by number
    /// ([`Analyser::term_word_adjective`]).
    adjectives: FxHashMap<u32, Option<CompactString>>,
    /// The number of the current text: each [`Lexicon::analyser`] starts one.
    text: u32,
}

/// The word types of a memo, numbered in the order they were met: their analyses, and what is
/// kept of each beside them to be read without them.
#[derive(Default)]
struct Types {
    store: Vec<Held>,
    /// What the hot path reads of each word in the store, by number: those met first, the
    /// commonest, lie together.
    words: Vec<Word>,
    /// The number of each key of the words in the store ([`Word::key_number`]).
    keys: FxHashMap<Arc<str>, u32>,
    /// The fixed terms of the words in the store, each word's together
    /// ([`Analyser::fixed_terms`]): a copy of theirs in one list, in the order the words were
    /// first seen, so that the terms of the commonest words lie together.
    fixed: Vec<TermBrief>,
    /// The terms that agree or inflect from the words in the store ([`Analyser::candidates`]),
    /// each word's together, and where each word's start, by word number: only a word with
    /// [`Word::AGREEING`] or [`Word::HEAD`] has any, and only those are read.
    candidates: Vec<Candidate>,
    candidates_at: Vec<u32>,
    /// The singulars of the words in the store ([`Analyser::singulars`]), each word's
    /// together, and where each word's start, by word number.
    singulars: Vec<u32>,
    singulars_at: Vec<u32>,
    /// By word number, for a word looked up as a proper one, the number of its key's word type
    /// as a common word once asked for ([`Analyser::common_word`]), else [`Types::NO_WORD`].
    common: Vec<u32>,
}

impl Types {
    /// Number the word type of `analysed`, whose singulars are `singulars`, the next: its
    /// number, its key's number, and where its fixed terms start ([`Word::of`]).
    fn add(&mut self, analysed: Held, singulars: &[u32]) -> (u32, u32, u32) {
        let id = u32::try_from(self.store.len()).expect("the memo is bounded");
        let key = key_number(&mut self.keys, &analysed.key);
        let fixed = appended_at(&mut self.fixed, &analysed.fixed);
        let candidates = candidates_at_end(&mut self.candidates, &analysed);
        self.candidates_at.push(candidates);
        self.singulars_at
            .push(appended_at(&mut self.singulars, singulars));
        self.common.push(Types::NO_WORD);
        self.store.push(analysed);
        (id, key, fixed)
    }

    /// [`Types::common`] of a word not linked yet.
    const NO_WORD: u32 = u32::MAX;

    /// The singulars of word type `id` ([`Analyser::singulars`]).
    fn singulars(&self, id: u32) -> &[u32] {
        word_run(&self.singulars, &self.singulars_at, id)
    }
}

impl ThreadMemo {
    /// Start a new text; over [`MEMO_LIMIT`], forget the words the last text did not use.
    fn next_text(&mut self) {
        if self.types.store.len() > MEMO_LIMIT {
            let last = self.text;
            let mut types = Types::default();
            for words in &mut self.words {
                words.retain(|slot| {
                    if slot.used != last {
                        return false;
                    }
                    let old = slot.id as usize;
                    let mut word = self.types.words[old];
                    (word.id, word.key, word.fixed) =
                        types.add(self.types.store[old].clone(), self.types.singulars(slot.id));
                    types.words.push(word);
                    slot.id = word.id;
                    true
                });
            }
            self.types = types;
        }
        self.text = self.text.wrapping_add(1);
    }
}

thread_local! {
    static MEMO: Cell<ThreadMemo> = Cell::default();
}

/// Leave this thread's memo to the end of the process, unfreed: a process about to exit gives
/// its memory back at once, where dropping a memo of tens of thousands of analyses one by one
/// takes some milliseconds. Only for a thread whose process is ending.
pub fn leave_to_exit() {
    std::mem::forget(MEMO.take());
}

/// A thread's memo of analyses, taken for a run of lookups (a text) and given back to the
/// thread when dropped: [`Lexicon::analyse`] without a thread-local access per word.
pub struct Analyser<'a> {
    lexicon: &'a Lexicon,
    memo: ThreadMemo,
}

impl Analyser<'_> {
    /// Take this thread's memo for the lexicon numbered `id`, and start a new text in it.
    pub(crate) fn new(lexicon: &Lexicon, id: u64) -> Analyser<'_> {
        let mut memo = MEMO.take();
        if memo.lexicon != id {
            memo = ThreadMemo {
                lexicon: id,
                ..ThreadMemo::default()
            };
        }
        memo.next_text();
        Analyser { lexicon, memo }
    }

    /// The word type `written` (`proper`: capitalised inside a sentence), analysed on first
    /// sight.
    pub fn word(&mut self, written: &str, proper: bool) -> Word {
        self.word_at(written, 0..written.len(), proper)
    }

    /// [`Analyser::word`] of `text[span]`: the fast way to find the words of a text.
    // inlined into the loop over a text's tokens, which the compiler did not do of itself
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn word_at(&mut self, text: &str, span: std::ops::Range<usize>, proper: bool) -> Word {
        let now = self.memo.text;
        let words = &mut self.memo.words[usize::from(proper)];
        let short = Short::of(text.as_bytes(), span.start, span.end);
        let slot = match short {
            Some(short) => words.short(short),
            None => words.long.get_mut(&text[span.clone()]),
        };
        if let Some(slot) = slot {
            slot.used = now;
            return self.memo.types.words[slot.id as usize];
        }
        self.first_sight(&text[span], short, proper)
    }

    /// Analyse a word not in the memo, and keep it there.
    #[cold]
    #[inline(never)]
    fn first_sight(&mut self, written: &str, short: Option<Short>, proper: bool) -> Word {
        let now = self.memo.text;
        let (analysed, then) = self.analysis(key(written), proper);
        let singulars: Vec<u32> = (analysed.parses.iter())
            .filter(|p| p.is_plural_noun())
            .filter_map(|p| self.lexicon.term_word(&p.stem))
            .collect();
        let (id, key, fixed) = self.memo.types.add(analysed, &singulars);
        let analysed = &self.memo.types.store[id as usize];
        let word = Word::of(
            self.lexicon,
            (id, key, fixed),
            written,
            analysed,
            then,
            proper,
        );
        self.memo.types.words.push(word);
        let slot = Slot { id, used: now };
        let words = &mut self.memo.words[usize::from(proper)];
        match short {
            Some(short) => words.insert_short(short, slot),
            None => {
                words.long.insert(written.into(), slot);
            }
        }
        word
    }

    /// The analysis of `key`, and [`Word::then`] of it: taken from the analyses the
    /// lexicon's threads share, if one left it there, else made (and left there for them).
    fn analysis(&mut self, key: String, proper: bool) -> (Held, u32) {
        let shared = (self.lexicon.shared()).filter(|shared| shared.is_on());
        if let Some(shelved) = shared.and_then(|shared| shared.get(&key, proper)) {
            let analysed = Arc::clone(&shelved.analysed);
            return (Held::Shared(Rc::new(analysed)), shelved.then);
        }
        let mut analysed = self.lexicon.analyse_key(key, proper);
        let then = seconds(self.lexicon, &mut self.memo.adjectives, &mut analysed);
        let Some(shared) = shared else {
            return (Held::Own(Rc::new(analysed)), then);
        };
        let analysed = Arc::new(analysed);
        let shelved = Shelved {
            analysed: Arc::clone(&analysed),
            then,
        };
        shared.put(Arc::clone(&analysed.key), proper, shelved);
        (Held::Shared(Rc::new(analysed)), then)
    }

    /// The fixed terms a word this analyser gave starts ([`Analysed::fixed`]), read without
    /// its analysis.
    #[must_use]
    pub fn fixed_terms(&self, word: Word) -> &[TermBrief] {
        let from = word.fixed as usize;
        &self.memo.types.fixed[from..from + word.fixed_len as usize]
    }

    /// The terms that agree or inflect from a word this analyser gave, read without its
    /// analysis: those that agree from it as written, then those it heads.
    #[must_use]
    pub fn candidates(&self, word: Word) -> &[Candidate] {
        let types = &self.memo.types;
        word_run(&types.candidates, &types.candidates_at, word.id)
    }

    /// The words terms are written with ([`Analysed::word`]) that a word this analyser gave is
    /// a plural of by its analysis (a name's is not a common word's): the singular nouns of its
    /// plural parses.
    #[must_use]
    pub fn singulars(&self, word: Word) -> &[u32] {
        self.memo.types.singulars(word.id)
    }

    /// The whole analysis of a word this analyser gave.
    #[must_use]
    pub fn analysed(&self, word: Word) -> &Held {
        &self.memo.types.store[word.id as usize]
    }

    /// The stem of `word`, a word terms are written with (numbered `id`, [`Analysed::word`]),
    /// as an adjective, if it is one: a term's adjective agrees with its head (*mkuu* →
    /// *wakuu*). Asked at every agreeing term, so kept for as long as the memo.
    pub fn term_word_adjective(&mut self, word: &str, id: u32) -> Option<CompactString> {
        adjective_of(self.lexicon, &mut self.memo.adjectives, word, id)
    }

    /// The word type of `word`'s key as a common word: `word` itself unless it was looked up as
    /// a proper one ([`Word::PROPER`]), whose type is a name's; else found once and kept beside
    /// it for the rest of the text.
    pub fn common_word(&mut self, word: Word) -> Word {
        if !word.is(Word::PROPER) {
            return word;
        }
        let id = word.id as usize;
        match self.memo.types.common[id] {
            Types::NO_WORD => {
                let key = Arc::clone(&self.memo.types.store[id].key);
                let common = self.word(&key, false);
                self.memo.types.common[id] = common.id;
                common
            }
            common => self.memo.types.words[common as usize],
        }
    }

    /// [`Lexicon::analyse`].
    pub fn analyse(&mut self, written: &str, proper: bool) -> Held {
        let word = self.word(written, proper);
        self.analysed(word).clone()
    }
}

/// A term that agrees or inflects from a word ([`Analysed::starts_agreeing`],
/// [`Analysed::heads`]) in brief: what may follow it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub term: u32,
    /// For a term the word heads, which of its parses does ([`Analysed::parses`]); `None` for
    /// one that agrees from it as written.
    pub parse: Option<u32>,
    pub second: Second,
}

/// Append the terms that agree or inflect from the word of `analysed` to the memo's list of
/// them; where they start.
fn candidates_at_end(list: &mut Vec<Candidate>, analysed: &Analysed) -> u32 {
    let at = u32::try_from(list.len()).expect("the memo is bounded");
    let small = |n: usize| u32::try_from(n).expect("terms and parses fit in u32");
    let agreeing = (analysed.starts_agreeing.iter())
        .zip(analysed.seconds_agreeing.iter())
        .map(|(&t, &second)| Candidate {
            term: small(t),
            parse: None,
            second,
        });
    let heads = (analysed.heads.iter())
        .zip(analysed.seconds_of_heads.iter())
        .map(|(&(t, p), &second)| Candidate {
            term: small(t),
            parse: Some(small(p)),
            second,
        });
    list.extend(agreeing.chain(heads));
    at
}

/// The run of word type `id` in a list kept of every word in the store, each word's together
/// (its candidates, its singulars), given where each word's run starts, by word number.
fn word_run<'l, T>(list: &'l [T], starts: &[u32], id: u32) -> &'l [T] {
    let id = id as usize;
    let from = starts[id] as usize;
    let to = (starts.get(id + 1)).map_or(list.len(), |&to| to as usize);
    &list[from..to]
}

/// Append what is kept of a word (its fixed terms, its singulars) to the memo's list of such;
/// where it starts.
fn appended_at<T: Copy>(list: &mut Vec<T>, items: &[T]) -> u32 {
    let at = u32::try_from(list.len()).expect("the memo is bounded");
    list.extend_from_slice(items);
    at
}

/// The number of `key` in `keys`, given on first sight.
fn key_number(keys: &mut FxHashMap<Arc<str>, u32>, key: &Arc<str>) -> u32 {
    let next = u32::try_from(keys.len()).expect("the memo is bounded");
    *keys.entry(Arc::clone(key)).or_insert(next)
}

/// Set what may follow the terms a word may start ([`Second`]), and return [`Word::then`] of
/// the word. `adjectives` keeps [`Analyser::term_word_adjective`].
fn seconds(
    lexicon: &Lexicon,
    adjectives: &mut FxHashMap<u32, Option<CompactString>>,
    a: &mut Analysed,
) -> u32 {
    let mut second = |t: usize, agreeing: bool| {
        let term = lexicon.term(t);
        let agrees = if !agreeing {
            Agrees::No
        } else if term.connectives & 2 != 0 {
            Agrees::Connective
        } else if adjective_of(lexicon, adjectives, &term.words[1], term.ids[1]).is_some() {
            Agrees::Adjective
        } else {
            Agrees::No
        };
        Second {
            word: term.ids[1],
            agrees,
            third: term.third(),
        }
    };
    a.seconds_agreeing = a.starts_agreeing.iter().map(|&t| second(t, true)).collect();
    a.seconds_of_heads = a
        .heads
        .iter()
        .map(|&(t, p)| second(t, a.parses[p].kind == StemKind::Noun))
        .collect();
    let starts = a.fixed.iter().map(|f| 1 << (f.second % 30));
    let others = a.seconds_agreeing.iter().chain(&a.seconds_of_heads);
    starts
        .chain(others.map(|&s| then(s)))
        .fold(0, |then, one| then | one)
}

/// [`Analyser::term_word_adjective`], with the memo's part it needs.
fn adjective_of(
    lexicon: &Lexicon,
    adjectives: &mut FxHashMap<u32, Option<CompactString>>,
    word: &str,
    id: u32,
) -> Option<CompactString> {
    adjectives
        .entry(id)
        .or_insert_with(|| lexicon.analyse_key(key(word), false).adjective_stem())
        .clone()
}

/// The bits of [`Word::then`] that admit what `second` admits.
fn then(second: Second) -> u32 {
    let word = 1 << (second.word % 30);
    match second.agrees {
        Agrees::No => word,
        Agrees::Connective => word | Word::THEN_CONNECTIVE,
        Agrees::Adjective => word | Word::THEN_ANY,
    }
}

impl Drop for Analyser<'_> {
    fn drop(&mut self) {
        MEMO.set(std::mem::take(&mut self.memo));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, parse_file};

    fn lexicon(text: &str) -> Lexicon {
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("t.toml"), text).unwrap());
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
    fn the_hot_record_stays_small() {
        // a text's words are a list of these, read at every token
        assert!(std::mem::size_of::<Word>() <= 32);
        // a short word's slot is half a cache line: the table of them is the memo's largest
        assert_eq!(std::mem::size_of::<ShortSlot>(), 32);
    }

    #[test]
    fn word_flags_and_the_quick_term_test_follow_the_analysis() {
        let text = "[[entry]]\nsw = \"mambo ya nje\"\nen = [\"foreign affairs\"]\npos = \"noun\"\n\n\
                    [[entry]]\nsw = \"balozi\"\nen = [\"ambassador\"]\npos = \"noun\"\nclass = \"5/6\"\n\n\
                    [[entry]]\nsw = \"jambo\"\nen = [\"matter\"]\npos = \"noun\"\nclass = \"5/6\"\n";
        let lx = lexicon(text);
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
        assert!(balozi.is(Word::READINGS) && !balozi.is(Word::CONTEXT));
        assert_eq!(lx.entry(balozi.entry as usize).sw, "balozi");
        assert_eq!(balozi.how, How::Inflected);
    }

    #[test]
    fn the_terms_that_agree_or_inflect_from_a_word_are_kept_in_brief_as_it_has_them() {
        let lx = lexicon(
            "[[entry]]\nsw = \"mkuu wa mkoa\"\nen = [\"regional commissioner\"]\npos = \"noun\"\n\
             class = \"1/2\"\n\n\
             [[entry]]\nsw = \"mkuu\"\nen = [\"head\"]\npos = \"noun\"\nclass = \"1/2\"\n\n\
             [[entry]]\nsw = \"mkoa\"\nen = [\"region\"]\npos = \"noun\"\nclass = \"3/4\"\n",
        );
        let in_brief = |analyser: &Analyser, word: Word| {
            let brief = (analyser.candidates(word).iter())
                .map(|c| (c.term as usize, c.parse.map(|p| p as usize)))
                .collect::<Vec<_>>();
            let a = analyser.analysed(word);
            let whole = (a.starts_agreeing.iter().map(|&t| (t, None)))
                .chain(a.heads.iter().map(|&(t, p)| (t, Some(p))))
                .collect::<Vec<_>>();
            (brief, whole)
        };
        let mut analyser = lx.analyser();
        for written in ["mkoa", "wakuu", "mkuu", "wa", "mikoa"] {
            let word = analyser.word(written, false);
            let (brief, whole) = in_brief(&analyser, word);
            assert_eq!(brief, whole, "{written}");
            if written == "wakuu" {
                assert!(!brief.is_empty(), "an inflected head");
            }
        }
        // numbered anew when the memo forgets other words
        let wakuu = analyser.word("wakuu", false);
        let before = in_brief(&analyser, wakuu);
        let filler = analyser.analysed(wakuu).clone();
        analyser.memo.types.store.resize(MEMO_LIMIT + 1, filler);
        drop(analyser);
        let mut analyser = lx.analyser();
        assert!(
            analyser.memo.types.store.len() < 10,
            "the memo forgot the filler"
        );
        let wakuu = analyser.word("wakuu", false);
        assert_eq!(in_brief(&analyser, wakuu), before);
    }

    #[test]
    fn a_full_memo_keeps_the_words_the_last_text_used() {
        let lx = lexicon(
            "[[entry]]\nsw = \"mtoto\"\nen = [\"child\"]\npos = \"noun\"\nclass = \"1/2\"\n\n\
             [[entry]]\nsw = \"mpango\"\nen = [\"plan\"]\npos = \"noun\"\nclass = \"3/4\"\n",
        );
        let mut analyser = lx.analyser();
        let old = analyser.analyse("watoto", false);
        drop(analyser);
        let mut analyser = lx.analyser();
        let used = analyser.word("mipango", false);
        // fill the store past the limit, as many other words would
        let filler = analyser.analysed(used).clone();
        analyser.memo.types.store.resize(MEMO_LIMIT + 1, filler);
        drop(analyser);
        let mut analyser = lx.analyser();
        assert_eq!(
            analyser.memo.types.store.len(),
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
        assert_eq!(analyser.memo.types.store.len(), 2);
    }

    #[test]
    fn threads_that_share_analyses_take_them_from_each_other_and_read_the_same() {
        let text = "[[entry]]\nsw = \"mtoto\"\nen = [\"child\"]\npos = \"noun\"\nclass = \"1/2\"\n\n\
                    [[entry]]\nsw = \"mkuu wa mkoa\"\nen = [\"regional commissioner\"]\n\
                    pos = \"noun\"\nclass = \"1/2\"\n\n\
                    [[entry]]\nsw = \"mkuu\"\nen = [\"head\"]\npos = \"noun\"\nclass = \"1/2\"\n";
        let words = [
            ("watoto", false),
            ("wakuu", false),
            ("Mkuu", true),
            ("wa", false),
        ];
        let read = |lx: &Lexicon| {
            let mut analyser = lx.analyser();
            (words.iter())
                .map(|&(w, proper)| {
                    let word = analyser.word(w, proper);
                    let brief = (analyser.candidates(word).iter())
                        .map(|c| (c.term, c.parse))
                        .collect::<Vec<_>>();
                    let a = analyser.analysed(word);
                    format!(
                        "{} {} {:?} {:?} {brief:?}",
                        word.flags, word.then, a.readings, a.parses
                    )
                })
                .collect::<Vec<_>>()
        };
        let alone = read(&lexicon(text));
        let lx = lexicon(text).share_analyses();
        std::thread::scope(|scope| {
            assert_eq!(scope.spawn(|| read(&lx)).join().unwrap(), alone);
        });
        let shared = lx.shared().expect("shared");
        assert_eq!(shared.len(), words.len(), "each word type left once");
        assert!(
            shared.get("mkuu", true).is_some(),
            "as a name inside a sentence"
        );
        assert!(
            shared.get("mkuu", false).is_none(),
            "never met as a common word"
        );
        std::thread::scope(|scope| {
            assert_eq!(scope.spawn(|| read(&lx)).join().unwrap(), alone, "taken");
        });
        assert_eq!(shared.len(), words.len());
        // what another thread left is what a thread reads: here, a plan for children
        let other = lexicon(
            "[[entry]]\nsw = \"mpango\"\nen = [\"plan\"]\npos = \"noun\"\nclass = \"3/4\"\n",
        );
        let plan = other.analyse_key("mipango".to_owned(), false);
        shared.put(
            "watoto".into(),
            false,
            Shelved {
                analysed: Arc::new(plan),
                then: 0,
            },
        );
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let mut analyser = lx.analyser();
                let watoto = analyser.word("watoto", false);
                assert_eq!(&*analyser.analysed(watoto).key, "mipango");
            });
        });
    }
}
