//! A Bloom filter of words: a set that answers "surely not" in a few instructions and "maybe"
//! otherwise. The analyser asks the lexicon's stem indexes dozens of times for each new word
//! type, nearly always for a stem that is not there; the filter answers those without hashing
//! into the index and comparing strings. A key is hashed a byte at a time, so that a key made
//! of two pieces can be asked for without joining them ([`Bloom::may_hold_joined`]): most of
//! the analyser's candidates are turned away before they are built.

/// The FNV-1a offset basis, where a key's hash starts.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// `h` carried over the bytes of `piece`, a byte at a time (FNV-1a), so that the hash of two
/// pieces in turn is the hash of them joined.
#[inline]
fn hash(h: u64, piece: &str) -> u64 {
    piece
        .bytes()
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

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
            for bit in bloom.bits_of(hash(SEED, key)) {
                bloom.bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        bloom
    }

    /// Whether `key` may be in the set: `false` means it surely is not.
    #[inline]
    #[must_use]
    pub fn may_hold(&self, key: &str) -> bool {
        self.may_hold_joined(key, "")
    }

    /// Whether `a` followed by `b` may be in the set, without joining them.
    #[inline]
    #[must_use]
    pub fn may_hold_joined(&self, a: &str, b: &str) -> bool {
        self.bits_of(hash(hash(SEED, a), b))
            .iter()
            .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The two bits of a key's hash: its top `size` bits, and the `size` below bit 32.
    #[inline]
    fn bits_of(&self, hash: u64) -> [usize; 2] {
        // the murmur3 finaliser: every bit of the hash depends on every byte
        let mut hash = hash;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
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

    #[test]
    fn a_key_in_two_pieces_is_the_key_joined() {
        let bloom = Bloom::new(["panga", "ongea", "mkutano"]);
        for (a, b) in [
            ("pang", "a"),
            ("", "ongea"),
            ("mku", "tano"),
            ("mkutano", ""),
        ] {
            assert!(bloom.may_hold_joined(a, b), "{a}+{b}");
        }
        let others = ["panga", "pangi", "ongee", "mkuta"];
        let held = (0..1000)
            .filter(|n| {
                let word = format!("{}{n}", others[n % others.len()]);
                let (a, b) = word.split_at(3);
                bloom.may_hold_joined(a, b) != bloom.may_hold(&word)
            })
            .count();
        assert_eq!(held, 0, "joined and whole keys answer alike");
    }
}
