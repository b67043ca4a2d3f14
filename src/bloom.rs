//! A Bloom filter of words: a set that answers "surely not" in a few instructions and "maybe"
//! otherwise. The analyser asks the lexicon's stem indexes dozens of times for each new word
//! type, nearly always for a stem that is not there; the filter answers those without hashing
//! into the index and comparing strings.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

/// A Bloom filter over string keys: two bits per key, of at least sixteen per key.
#[derive(Debug, Clone)]
pub struct Bloom {
    bits: Box<[u64]>,
    /// The filter has `1 << size` bits.
    size: u32,
}

impl Bloom {
    /// The smallest filter, in bits (as a power of two): 8 KiB, enough for the stems of a
    /// glossary of some thousands of entries.
    const MIN_SIZE: u32 = 16;
    /// The largest, 8 MiB: four million keys.
    const MAX_SIZE: u32 = 26;

    /// A filter holding `keys`, with room for sixteen bits per key: false "maybe" stay
    /// below one in fifty whatever the glossary's size.
    #[must_use]
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> Bloom {
        let keys: Vec<&str> = keys.into_iter().collect();
        let wanted = (keys.len() * 16).next_power_of_two().trailing_zeros();
        let size = wanted.clamp(Bloom::MIN_SIZE, Bloom::MAX_SIZE);
        let mut bloom = Bloom {
            bits: vec![0; (1usize << size) / 64].into_boxed_slice(),
            size,
        };
        for key in keys {
            for bit in bloom.bits_of(key) {
                bloom.bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        bloom
    }

    /// Whether `key` may be in the set: `false` means it surely is not.
    #[inline]
    #[must_use]
    pub fn may_hold(&self, key: &str) -> bool {
        self.bits_of(key)
            .iter()
            .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The two bits of `key`: the top `size` bits of its hash, and the `size` below bit 32
    /// (an Fx hash is best mixed in its high bits).
    #[inline]
    fn bits_of(&self, key: &str) -> [usize; 2] {
        let hash = FxBuildHasher.hash_one(key);
        let mask = (1u64 << self.size) - 1;
        let bits = [hash >> (64 - self.size), (hash >> (32 - self.size)) & mask];
        bits.map(|b| usize::try_from(b).expect("a filter's bits are counted in usize"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word `n` of a made-up list.
    type Words = fn(usize) -> String;

    #[test]
    fn holds_every_key_it_was_given_and_turns_most_others_away() {
        // (case, how many keys, a key, a word not among them)
        let cases: [(&str, usize, Words, Words); 2] = [
            (
                "a glossary's stems",
                4000,
                |n| format!("stem{n}a"),
                |n| format!("other{n}e"),
            ),
            (
                "a very large glossary",
                200_000,
                |n| format!("neno{n}"),
                |n| format!("jina{n}"),
            ),
        ];
        for (case, count, key, other) in cases {
            let keys: Vec<String> = (0..count).map(key).collect();
            let bloom = Bloom::new(keys.iter().map(String::as_str));
            assert!(
                keys.iter().all(|k| bloom.may_hold(k)),
                "{case}: no false no"
            );
            let held = (0..10_000).filter(|&n| bloom.may_hold(&other(n))).count();
            assert!(held < 500, "{case}: {held} of 10,000 others may be held");
        }
        assert!(!Bloom::new([]).may_hold("panga"));
    }
}
