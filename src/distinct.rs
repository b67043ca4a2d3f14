//! Counting distinct words in bounded memory: exactly up to [`EXACT_LIMIT`] of them, kept as a
//! set of 64-bit hashes, then as an estimate (`HyperLogLog++`, from the `hyperloglogplus` crate,
//! with a standard error of about 0.4%), so that the figure for a corpus of any size costs at
//! most a few megabytes.

use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use hyperloglogplus::{HyperLogLog, HyperLogLogPlus};
use rustc_hash::FxHashSet;

/// How many distinct words are counted exactly: far more than the unknown words of the
/// largest corpus the glossary covers well; a set of that many hashes takes about 1 MB.
pub const EXACT_LIMIT: usize = 100_000;

/// The sketch's precision: 2^16 registers (some 50 KB), a standard error of 0.4%.
const PRECISION: u8 = 16;

/// `SipHash` with fixed keys: a word hashes the same in every run and every thread, so counts
/// made apart can be merged.
type Hashes = BuildHasherDefault<DefaultHasher>;

/// The distinct words seen: exact up to [`EXACT_LIMIT`], estimated after.
#[derive(Debug, Clone, Default)]
pub struct Distinct {
    /// The hashes of the words, while they are counted exactly.
    exact: FxHashSet<u64>,
    /// The estimate, once there are more than [`EXACT_LIMIT`].
    sketch: Option<Box<HyperLogLogPlus<u64, Hashes>>>,
}

impl Distinct {
    /// Count `word` (once, however often it comes).
    pub fn insert(&mut self, word: &str) {
        self.insert_hash(Hashes::default().hash_one(word));
    }

    fn insert_hash(&mut self, hash: u64) {
        if let Some(sketch) = &mut self.sketch {
            sketch.insert(&hash);
        } else {
            self.exact.insert(hash);
            if self.exact.len() > EXACT_LIMIT {
                self.estimate_from_now_on();
            }
        }
    }

    /// Move the hashes counted so far into a sketch, and count there from now on.
    fn estimate_from_now_on(&mut self) {
        if self.sketch.is_some() {
            return;
        }
        let mut sketch =
            HyperLogLogPlus::new(PRECISION, Hashes::default()).expect("a valid precision");
        for hash in std::mem::take(&mut self.exact) {
            sketch.insert(&hash);
        }
        self.sketch = Some(Box::new(sketch));
    }

    /// Count the words `other` counted too.
    pub fn merge(&mut self, other: &Distinct) {
        match &other.sketch {
            None => {
                for &hash in &other.exact {
                    self.insert_hash(hash);
                }
            }
            Some(theirs) => {
                self.estimate_from_now_on();
                let ours = self.sketch.as_mut().expect("a sketch now");
                ours.merge(theirs).expect("sketches of one precision");
            }
        }
    }

    /// How many distinct words were seen: exact when [`Distinct::is_exact`].
    #[must_use]
    pub fn count(&self) -> usize {
        match &self.sketch {
            None => self.exact.len(),
            // the sketch settles its pending hashes as it counts, so count on a copy
            Some(sketch) => {
                let estimate = sketch.as_ref().clone().count().round();
                // an estimate of a count that fits in usize
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let n = estimate as usize;
                n
            }
        }
    }

    /// Whether [`Distinct::count`] is exact (at most [`EXACT_LIMIT`] words were seen).
    #[must_use]
    pub fn is_exact(&self) -> bool {
        self.sketch.is_none()
    }
}

impl PartialEq for Distinct {
    fn eq(&self, other: &Distinct) -> bool {
        match (&self.sketch, &other.sketch) {
            (None, None) => self.exact == other.exact,
            (Some(_), Some(_)) => self.count() == other.count(),
            _ => false,
        }
    }
}

impl Eq for Distinct {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_words_are_counted_exactly() {
        let mut d = Distinct::default();
        for w in ["leo", "kesho", "leo", "jana", "kesho"] {
            d.insert(w);
        }
        assert_eq!(d.count(), 3);
        assert!(d.is_exact());
    }

    #[test]
    fn many_words_are_estimated_closely_and_merge() {
        // two counts that share a third of their words: 180,000 distinct in all
        let (mut a, mut b) = (Distinct::default(), Distinct::default());
        for n in 0..120_000 {
            a.insert(&format!("neno{n}"));
        }
        for n in 60_000..180_000 {
            b.insert(&format!("neno{n}"));
        }
        assert!(!a.is_exact(), "past the limit");
        let within = |count: usize, truth: usize| {
            // five standard errors of a 2^16-register sketch
            count.abs_diff(truth) < truth / 50
        };
        assert!(within(a.count(), 120_000), "{}", a.count());
        a.merge(&b);
        assert!(within(a.count(), 180_000), "{}", a.count());
        // an exact count merged into an estimate, and the other way round
        let mut small = Distinct::default();
        small.insert("neno0");
        small.insert("jipya");
        let before = a.count();
        a.merge(&small);
        // one word more moves an estimate by a register at most
        assert!(a.count().abs_diff(before) <= before / 1000);
        small.merge(&a);
        assert!(!small.is_exact());
        assert!(within(small.count(), 180_001), "{}", small.count());
    }

    #[test]
    fn exact_counts_merge_exactly() {
        let (mut a, mut b) = (Distinct::default(), Distinct::default());
        a.insert("leo");
        a.insert("na");
        b.insert("na");
        b.insert("kesho");
        a.merge(&b);
        assert_eq!(a.count(), 3);
        assert!(a.is_exact());
    }
}
