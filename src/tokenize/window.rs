//! The tokenizer's fast path over plain ASCII text: the classes of 64 bytes are found at once
//! as bit masks (16 bytes at a time with SIMD, through `wide`), and the gaps, words and marks
//! between them are read off the masks, a token at a time rather than a byte at a time.
//!
//! It makes exactly what the byte-by-byte scan ([`super::scan`]) makes of the same bytes, and
//! leaves that scan whatever needs more than the masks tell: a stretch with a byte outside
//! ASCII (read by UAX #29), a mark that may join two words or numbers (`n.k`, `ng'ombe`,
//! `1,000`), and a stretch that does not end inside the 64 bytes.

use wide::u8x16;

use super::{Ends, Kind, SYMBOL, Token, class};

/// How many bytes a window classifies at once: a bit each in a `u64`.
pub(super) const WIDTH: usize = 64;

/// The classes of the bytes of a window, bit `k` for its byte `k`.
struct Masks {
    /// Whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
    space: u64,
    /// Line ends: `\n`, `\r`.
    line: u64,
    /// Bytes outside ASCII.
    high: u64,
    /// Letters, digits and `_`, which join into words.
    word: u64,
    letter: u64,
    digit: u64,
}

impl Masks {
    fn of(window: &[u8; WIDTH]) -> Masks {
        let mut m = Masks {
            space: 0,
            line: 0,
            high: 0,
            word: 0,
            letter: 0,
            digit: 0,
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
            let under = x.cmp_eq(each(b'_'));
            m.space |= bits(within(x, b'\t', 4) | x.cmp_eq(each(b' ')));
            m.line |= bits(x.cmp_eq(each(b'\n')) | x.cmp_eq(each(b'\r')));
            m.high |= bits(x);
            m.letter |= bits(letter);
            m.digit |= bits(digit);
            m.word |= bits(letter | digit | under);
        }
        m
    }
}

/// Read the gaps and the plain ASCII stretches after them that lie whole in the [`WIDTH`] bytes
/// from `w` (the first byte of a gap, with that many bytes in the text), pushing their tokens
/// and noting where a sentence may end as the scan does; where it stops, the first byte of a
/// gap (`w` itself when the first stretch is not for it).
pub(super) fn read(bytes: &[u8], w: usize, tokens: &mut Vec<Token>, ends: &mut Ends) -> usize {
    let window: &[u8; WIDTH] = bytes[w..w + WIDTH].try_into().expect("a window");
    let m = Masks::of(window);
    // the stretches read end before the last whitespace: the byte after a stretch decides its
    // last token, and one that runs on past the window is the next window's
    let mut limit = last_gap_before(m.space, WIDTH);
    if m.high & below(limit) != 0 {
        // a byte outside ASCII sends its stretch to UAX #29, from the gap before it
        limit = last_gap_before(m.space, m.high.trailing_zeros() as usize);
    }
    // where the last gap began, and how many tokens came before it
    let (mut gap, mut mark) = (0, tokens.len());
    let mut prev_end = 0;
    let mut starts = ((m.word & !(m.word << 1)) | (!m.word & !m.space)) & below(limit);
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        if m.space >> prev_end & 1 != 0 {
            // a gap, as the scan reads it
            (gap, mark) = (prev_end, tokens.len());
            if m.line & (below(p) & !below(prev_end)) != 0 && !tokens.is_empty() {
                ends.note(tokens.len() - 1);
            }
        }
        if m.word >> p & 1 != 0 {
            let end = p + (!(m.word >> p)).trailing_zeros() as usize;
            if matches!(window[end], b':' | b'.' | b'\'' | b',' | b';')
                && m.word >> (end + 1) & 1 != 0
            {
                // a mark that may join two words: the scan reads the gap before them again
                tokens.truncate(mark);
                ends.forget_from(mark);
                return w + gap;
            }
            let run = below(end) & !below(p);
            if m.letter & run != 0 {
                tokens.push(Token {
                    start: w + p,
                    end: w + end,
                    kind: Kind::Word,
                });
            } else if m.digit & run != 0 {
                tokens.push(Token {
                    start: w + p,
                    end: w + end,
                    kind: Kind::Number,
                });
            } else {
                // underscores alone are punctuation, one token each
                tokens.extend((w + p..w + end).map(|k| Token {
                    start: k,
                    end: k + 1,
                    kind: Kind::Punct,
                }));
            }
            prev_end = end;
        } else {
            let b = window[p];
            if matches!(b, b'.' | b'!' | b'?') {
                ends.note(tokens.len());
            }
            let kind = if class(b) == SYMBOL {
                Kind::Symbol
            } else {
                Kind::Punct
            };
            tokens.push(Token {
                start: w + p,
                end: w + p + 1,
                kind,
            });
            prev_end = p + 1;
        }
    }
    w + limit
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
