//! The tokenizer's fast path over plain ASCII text: the classes of 64 bytes are found at once
//! as bit masks (16 bytes at a time with SIMD, through `wide`), and the gaps, words and marks
//! between them are read off the masks, a token at a time rather than a byte at a time.
//!
//! It makes exactly what the byte-by-byte scan ([`super::scan`]) makes of the same bytes, and
//! leaves that scan whatever needs more than the masks tell: a stretch with a byte outside
//! ASCII (read by UAX #29), an underscore, a mark that may join two words or numbers (`n.k`,
//! `ng'ombe`, `1,000`), and a stretch that does not end inside the 64 bytes.

use wide::u8x16;

use super::{Ends, Kind, SYMBOL, Token, class, ends_sentence, may_join};

/// How many bytes a window classifies at once: a bit each in a `u64`.
pub(super) const WIDTH: usize = 64;

/// The classes of the bytes of a window, bit `k` for its byte `k`.
struct Masks {
    /// Whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
    space: u64,
    /// Line ends: `\n`, `\r`.
    line: u64,
    /// Bytes outside ASCII, and `_`: neither is read off the masks.
    unusual: u64,
    /// Letters and digits, which join into words.
    word: u64,
    letter: u64,
}

impl Masks {
    fn of(window: &[u8; WIDTH]) -> Masks {
        let mut m = Masks {
            space: 0,
            line: 0,
            unusual: 0,
            word: 0,
            letter: 0,
        };
        let each = u8x16::splat;
        // `x` in `from..=from + span`, by the unsigned minimum: wrapping below `from` goes high
        let within = |x: u8x16, from: u8, span: u8| {
            let t = x - each(from);
            t.min(each(span)).cmp_eq(t)
        };
        for (k, sixteen) in window.chunks_exact(16).enumerate() {
            let x = u8x16::from(<[u8; 16]>::try_from(sixteen).expect("sixteen bytes"));
            // the high bit of each byte, as bit `k` of the window
            let bits = |v: u8x16| u64::from(v.move_mask().cast_unsigned() as u16) << (16 * k);
            let letter = within(x | each(0x20), b'a', 25);
            let digit = within(x, b'0', 9);
            let is = |b: u8| x.cmp_eq(each(b));
            m.space |= bits(within(x, b'\t', 4) | is(b' '));
            m.line |= bits(is(b'\n') | is(b'\r'));
            // a byte outside ASCII has its high bit set
            m.unusual |= bits(x | is(b'_'));
            m.letter |= bits(letter);
            m.word |= bits(letter | digit);
        }
        m
    }
}

/// Read the gaps and the plain ASCII stretches after them that lie whole in the [`WIDTH`] bytes
/// from `w` (the first byte of a gap, with that many bytes in the text), pushing their tokens
/// and noting where a sentence may end as the scan does; where it stops, the first byte of a
/// gap (`w` itself when the first stretch is not for it).
///
/// The tokens are read off the masks: a token starts at the first byte of a run of word bytes
/// and at every other byte that is not whitespace, and ends after its run or its byte, so the
/// `n`th start and the `n`th end are one token's.
// kept out of the scan: inlined there, which the compiler does or not as the rest of the module
// changes, it took 2.4 M more instructions on 5 MB of news (+0.5 a byte)
#[inline(never)]
pub(super) fn read(bytes: &[u8], w: usize, tokens: &mut Vec<Token>, ends: &mut Ends) -> usize {
    let window: &[u8; WIDTH] = bytes[w..w + WIDTH].try_into().expect("a window");
    let m = Masks::of(window);
    // the stretches read end before the last whitespace: the byte after a stretch decides its
    // last token, and one that runs on past the window is the next window's
    let mut limit = last_gap_before(m.space, WIDTH);
    // what the masks do not tell sends its stretch to the scan, from the gap before it: a byte
    // outside ASCII (read by UAX #29), `_` (which joins letters and digits into a word, and
    // alone is a token a byte), and a mark between two word bytes (which may join them: `n.k`,
    // `ng'ombe`, `1,000`)
    let marks = !m.word & !m.space;
    let joining = marks_where(marks & m.word << 1 & m.word >> 1, window, may_join);
    let unread = (m.unusual | joining) & below(limit);
    if unread != 0 {
        limit = last_gap_before(m.space, unread.trailing_zeros() as usize);
    }
    let word_starts = m.word & !(m.word << 1);
    let word_ends = !m.word & m.word << 1;
    let mut starts = (word_starts | marks) & below(limit);
    let mut token_ends = (word_ends | marks << 1) & below(limit + 1);
    // bit `k` set where a letter stands at or after byte `k` in its run of word bytes: at the
    // start of a run, whether it is a word or a number, for the whole window at once (the
    // letters carried back along the runs in six doubling steps)
    let (mut lettered, mut run) = (m.letter, m.word);
    for step in [1, 2, 4, 8, 16, 32] {
        lettered |= run & lettered >> step;
        run &= run >> step;
    }
    // where a sentence may end: at a mark that may end one, and at the token before a line
    // end (the tokens before a place are the starts before it)
    let stop = marks_where(marks & below(limit), window, ends_sentence);
    let first = tokens.len();
    let mut stops = (stop | m.line) & below(limit);
    while stops != 0 {
        let q = stops.trailing_zeros() as usize;
        stops &= stops - 1;
        let before = first + (starts & below(q)).count_ones() as usize;
        if stop >> q & 1 != 0 {
            ends.note(before);
        } else if before > 0 {
            ends.note(before - 1);
        }
    }
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        let end = token_ends.trailing_zeros() as usize;
        starts &= starts - 1;
        token_ends &= token_ends - 1;
        let kind = if m.word >> p & 1 == 0 {
            Kind::mark(class(window[p]) == SYMBOL)
        } else if lettered >> p & 1 != 0 {
            Kind::Word
        } else {
            Kind::Number
        };
        tokens.push(Token {
            start: w + p,
            end: w + end,
            kind,
        });
    }
    w + limit
}

/// The bits of `marks` whose bytes in `window` are marks `kind` keeps: a window has a few
/// marks, and a test of each costs less than a mask of each kind over its 64 bytes.
fn marks_where(mut marks: u64, window: &[u8; WIDTH], kind: impl Fn(u8) -> bool) -> u64 {
    let mut kept = 0;
    while marks != 0 {
        let k = marks.trailing_zeros() as usize;
        marks &= marks - 1;
        kept |= u64::from(kind(window[k % WIDTH])) << k;
    }
    kept
}

/// The bits below bit `k` (all of them for `k` of 64).
fn below(k: usize) -> u64 {
    1u64.checked_shl(k as u32).map_or(u64::MAX, |bit| bit - 1)
}

/// The first byte of the last gap that begins before byte `k` of a window whose first byte is
/// whitespace, given its whitespace `space`: 0 when there is none but the first.
fn last_gap_before(space: u64, k: usize) -> usize {
    let space = space & below(k);
    // the last byte of the last gap, then the byte after the last non-whitespace before it
    let last = 63 - space.leading_zeros() as usize;
    let words = !space & below(last);
    if words == 0 {
        0
    } else {
        64 - words.leading_zeros() as usize
    }
}
