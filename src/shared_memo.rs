//! The analyses shared between threads: when several threads annotate at once, a word type one
//! of them has analysed is copied by the others from here instead of analysed again, so that a
//! corpus's vocabulary is analysed about once however many threads read it.
//!
//! Each thread still keeps its own memo ([`crate::memo`]) and reads only that on its hot path;
//! this is asked only on a thread's first sight of a word type. A thread takes a copy of the
//! analysis, so no two threads ever write the same memory while they annotate. The memo is
//! bounded: when it holds [`SHARED_LIMIT`] word types it is emptied and filled anew.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::lexicon::Analysed;

/// How many word types the shared memo holds at most: as many as a thread's memo
/// ([`crate::memo::MEMO_LIMIT`]).
pub const SHARED_LIMIT: usize = crate::memo::MEMO_LIMIT;

/// An analysis as a thread left it: the word's [`Analysed`] with what may follow its terms set,
/// and the bits of what may follow any of them (`then` of [`crate::memo::Word`]).
#[derive(Debug)]
pub struct Shelved {
    pub analysed: Analysed,
    pub then: u32,
}

/// Analyses by key, `[common, proper]` (a capitalised word inside a sentence); the key is the
/// analysis's own ([`Analysed::key`]), not a copy.
type Shelves = [FxHashMap<Arc<str>, Arc<Shelved>>; 2];

/// The analyses of one lexicon that its threads share.
#[derive(Debug)]
pub struct SharedMemo {
    shelves: Mutex<Shelves>,
    /// How many word types it holds at most ([`SHARED_LIMIT`]).
    limit: usize,
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
        }
    }

    /// The analysis of `key` (`proper`: capitalised inside a sentence), if a thread left it.
    #[must_use]
    pub fn get(&self, key: &str, proper: bool) -> Option<Arc<Shelved>> {
        // a thread that panicked held the lock for a lookup or an insert: the maps are whole
        let shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        shelves[usize::from(proper)].get(key).cloned()
    }

    /// Leave the analysis of `key` for the other threads. A full memo is emptied first; the
    /// analyses it held are freed outside the lock.
    pub fn put(&self, key: Arc<str>, proper: bool, analysis: Shelved) {
        let analysis = Arc::new(analysis);
        let mut shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        let full = shelves[0].len() + shelves[1].len() >= self.limit;
        let old = full.then(|| std::mem::take(&mut *shelves));
        shelves[usize::from(proper)].insert(key, analysis);
        drop(shelves);
        drop(old);
    }

    /// How many word types it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        let shelves = self.shelves.lock().unwrap_or_else(PoisonError::into_inner);
        shelves[0].len() + shelves[1].len()
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
            analysed: Lexicon::new(g).analyse_key(word.to_owned(), false),
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
