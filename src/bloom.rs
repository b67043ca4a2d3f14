//! A Bloom filter of words: a set that answers "surely not" in a few instructions and "maybe"
//! otherwise. The analyser asks the lexicon's stem indexes dozens of times for each new word
//! type, nearly always for a stem that is not there; the filter answers those without hashing
//! into the index and comparing strings.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

/// A Bloom filter over string keys: two bits of [`Bloom::BITS`] per key.
#[derive(Debug, Clone)]
pub struct Bloom {
    bits: Box<[u64]>,
}

impl Bloom {
    /// The size of the filter in bits: 8 KiB, so that some thousands of stems leave most
    /// bits clear (false "maybe" below 1 in 50 for 4,000 keys).
    const BITS: usize = 1 << 16;

    /// A filter holding `keys`.
    #[must_use]
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> Bloom {
        let mut bloom = Bloom {
            bits: vec![0; Bloom::BITS / 64].into_boxed_slice(),
        };
        for key in keys {
            for bit in Bloom::bits_of(key) {
                bloom.bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        bloom
    }

    /// Whether `key` may be in the set: `false` means it surely is not.
    #[inline]
    #[must_use]
    pub fn may_hold(&self, key: &str) -> bool {
        Bloom::bits_of(key)
            .iter()
            .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The two bits of `key`: two 16-bit pieces of one hash.
    #[inline]
    fn bits_of(key: &str) -> [usize; 2] {
        let hash = FxBuildHasher.hash_one(key);
        // the high bits of an Fx hash are its best mixed
        [(hash >> 48) as usize, (hash >> 32) as usize & 0xffff]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_key_it_was_given_and_turns_most_others_away() {
        let keys: Vec<String> = (0..4000).map(|n| format!("stem{n}a")).collect();
        let bloom = Bloom::new(keys.iter().map(String::as_str));
        assert!(keys.iter().all(|k| bloom.may_hold(k)), "no false no");
        let others = (0..10_000)
            .filter(|n| bloom.may_hold(&format!("other{n}e")))
            .count();
        assert!(others < 500, "{others} of 10,000 others may be held");
        assert!(!Bloom::new([]).may_hold("panga"));
    }
}
