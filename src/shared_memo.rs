//! The analyses shared between threads: when several threads annotate at once, a word type one
//! of them has analysed is taken by the others from here instead of analysed again, so that a
//! corpus's vocabulary is analysed about once, and held in memory once, however many threads
//! read it.
//!
//! Each thread still keeps its own memo ([`crate::memo`]) and reads only that on its hot path;
//! this is asked only on a thread's first sight of a word type. A thread takes the analysis
//! itself (an [`Arc`], counted once more), not a copy: an analysis is never written once made,
//! and a thread counts its own holders of it without atomics ([`crate::memo::Held`]), so no two
//! threads write the same memory while they annotate. Taking the same analysis rather than a
//! copy of it took two threads on the benchmark's two halves from 83 to 60 MiB, and from 21,700
//! page faults to 16,000: on this virtual machine, a page of memory touched for the first time
//! costs as much as annotating a few hundred bytes. The memo is bounded: when it holds
//! [`SHARED_LIMIT`] word types it is emptied and filled anew (the analyses a thread holds stay
//! with it).
//!
//! Sharing pays only where the threads meet the same words: on text rich in new words (names,
//! rare forms, another language) nearly every analysis left here is never taken, and keeping
//! it and freeing it again costs more than the threads save (100 MB of such text took 31 s of
//! CPU on two threads, 19 s without sharing, when what was left here was a copy). So when the
//! memo fills and fewer than one in [`WORTH`] of the threads' first sights found their analysis
//! here since it was last emptied, sharing stops for the rest of the run and each thread
//! analyses for itself.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::lexicon::Analysed;

/// How many word types the shared memo holds at most: as many as a thread's memo
/// ([`crate::memo::MEMO_LIMIT`]).
pub const SHARED_LIMIT: usize = crate::memo::MEMO_LIMIT;

/// An analysis as a thread left it: the word's [`Analysed`] with what may follow its terms set,
/// and the bits of what may follow any of them (`then` of [`crate::memo::Word`]). The analysis
/// is the one the thread that made it keeps: the others take it, not a copy.
#[derive(Debug, Clone)]
pub struct Shelved {
    pub analysed: Arc<Analysed>,
    pub then: u32,
}

/// Sharing goes on while at least one in this many first sights finds its analysis shared.
pub const WORTH: usize = 4;

/// Analyses by key, `[common, proper]` (a capitalised word inside a sentence); the key is the
/// analysis's own ([`Analysed::key`]), not a copy. With them, how many were asked for and
/// found since the memo was last emptied.
#[derive(Debug, Default)]
struct Shelves {
    by_key: [FxHashMap<Arc<str>, Shelved>; 2],
    asked: usize,
    found: usize,
}

/// The analyses of one lexicon that its threads share.
#[derive(Debug)]
pub struct SharedMemo {
    shelves: Mutex<Shelves>,
    /// How many word types it holds at most ([`SHARED_LIMIT`]).
    limit: usize,
    /// Whether sharing still pays ([`WORTH`]).
    on: AtomicBool,
}

impl Default for SharedMemo {
    fn default() -> SharedMemo {
        SharedMemo::with_limit(SHARED_LIMIT)
    }
}

impl SharedMemo {
    /// A memo that holds at most `limit` word types.
    #[must_use]
    pub fn with_limit(limit: usize) -> SharedMemo {
        SharedMemo {
            shelves: Mutex::default(),
            limit,
            on: AtomicBool::new(true),
        }
    }

    /// Whether threads share analyses still: once it stops paying ([`WORTH`]) they do not.
    #[must_use]
    pub fn is_on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }

    /// The analysis of `key` (`proper`: capitalised inside a sentence), if a thread left it.
    #[must_use]
    pub fn get(&self, key: &str, proper: bool) -> Option<Shelved> {
        // a thread that panicked held the lock for a lookup or an insert: the maps are whole
        let mut shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        let found = shelves.by_key[usize::from(proper)].get(key).cloned();
        shelves.asked += 1;
        shelves.found += usize::from(found.is_some());
        found
    }

    /// Leave the analysis of `key` for the other threads. A full memo is emptied first, or,
    /// when too few of the analyses asked for were found in it, sharing stops; the analyses it
    /// held are freed outside the lock.
    pub fn put(&self, key: Arc<str>, proper: bool, analysis: Shelved) {
        if !self.is_on() {
            // a thread that asked before sharing stopped
            return;
        }
        let mut shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        let full = shelves.by_key[0].len() + shelves.by_key[1].len() >= self.limit;
        let old = full.then(|| std::mem::take(&mut *shelves));
        if let Some(old) = &old
            && old.found * WORTH < old.asked
        {
            self.on.store(false, Ordering::Relaxed);
        } else {
            shelves.by_key[usize::from(proper)].insert(key, analysis);
        }
        drop(shelves);
        drop(old);
    }

    /// How many word types it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        let shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        shelves.by_key[0].len() + shelves.by_key[1].len()
    }

    /// Whether it holds none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;

    fn analysis(word: &str) -> Shelved {
        let mut g = Glossary::default();
        let text = "[[entry]]\nsw = \"mtoto\"\nen = [\"child\"]\npos = \"noun\"\nclass = \"1/2\"\n";
        g.add_layer(parse_file(std::path::Path::new("t.toml"), text).unwrap());
        Shelved {
            analysed: Arc::new(Lexicon::new(g).analyse_key(word.to_owned(), false)),
            then: 7,
        }
    }

    #[test]
    fn an_analysis_left_by_one_thread_is_found_by_its_key_and_kind() {
        let memo = SharedMemo::default();
        assert!(memo.is_empty());
        memo.put("watoto".into(), false, analysis("watoto"));
        let found = memo.get("watoto", false).expect("left there");
        assert_eq!(&*found.analysed.key, "watoto");
        assert_eq!(found.then, 7);
        assert!(
            memo.get("watoto", true).is_none(),
            "a name inside a sentence is another kind of word"
        );
        assert!(memo.get("mtoto", false).is_none());
        std::thread::scope(|scope| {
            scope.spawn(|| assert!(memo.get("watoto", false).is_some(), "from another thread"));
        });
    }

    #[test]
    fn sharing_stops_when_what_was_left_is_seldom_taken() {
        let memo = SharedMemo::with_limit(4);
        // every word found: a full memo is emptied and sharing goes on
        for word in ["mtoto", "watoto", "kitoto", "vitoto", "mtoto"] {
            if memo.get(word, false).is_none() {
                memo.put(word.into(), false, analysis(word));
            }
            assert!(memo.get(word, false).is_some());
        }
        assert!(memo.is_on());
        // new words only: when the memo fills again, fewer than one in WORTH asked were found
        for word in ["mti", "miti", "kiti", "viti", "jiti"] {
            assert!(memo.get(word, false).is_none());
            memo.put(word.into(), false, analysis(word));
        }
        assert!(!memo.is_on(), "not worth sharing");
        assert!(memo.is_empty(), "and what it held is freed");
    }

    #[test]
    fn a_full_memo_is_emptied_and_filled_anew() {
        let memo = SharedMemo::with_limit(3);
        for word in ["mtoto", "watoto", "kitoto", "vitoto"] {
            memo.put(word.into(), false, analysis(word));
            assert!(memo.len() <= 3, "bounded at {word}");
        }
        assert_eq!(memo.len(), 1);
        assert!(memo.get("vitoto", false).is_some(), "the newest is kept");
        assert!(memo.get("mtoto", false).is_none());
    }
}
