//! Tokens and sentences: byte spans into the original text, never moved or rewritten.
//!
//! Words are found with Unicode word boundaries (UAX #29, `split_word_bound_indices`), which
//! already keep an apostrophe between letters inside the word (*ng'ombe*, *ng’ombe*) and keep a
//! number's separators (*1,000*, *3.5*). **Hyphens** are their own punctuation token: the parts of
//! *Dar-es-Salaam* or *Covid-19* are separate tokens, each analysed on its own, and a glossary term
//! written with a hyphen matches the same token sequence. Whitespace makes no token.
//!
//! Sentences end after `.`, `!`, `?` or `…` (with any closing quotes or brackets) when the next
//! word does not start in lower case — but not after a Swahili abbreviation (*Bw.*, *Dkt.*,
//! *n.k.*) or an initial. A blank line always ends a sentence; a single line break ends one
//! unless the next line starts in lower case (a hard-wrapped sentence).
//!
//! [`key`] makes the lookup form of a word: NFC, lower case, `’` as `'`. It never changes a span.

use std::ops::Range;

use compact_str::CompactString;

mod window;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Word,
    Number,
    Punct,
    Symbol,
}

impl Kind {
    /// The kind of a token that is one mark: a symbol (`%`, `$`, `+` …) or punctuation.
    fn mark(symbol: bool) -> Kind {
        if symbol { Kind::Symbol } else { Kind::Punct }
    }
}

/// A token: a byte span into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token {
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A sentence: its byte span and the range of its tokens in the token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

/// Abbreviations after which a period does not end a sentence (lower case, without the final dot).
pub const ABBREVIATIONS: &[&str] = &[
    "bw", "bi", "dkt", "dk", "dr", "mhe", "mh", "prof", "n.k", "nk", "k.m", "km", "y.a", "bibi",
    "bwana", "mwl", "mch", "sh", "shs", "ksh", "tsh", "ush", "mst", "st", "mr", "mrs", "ms", "jr",
    "sr", "no", "nam", "kif", "uk", "jan", "feb", "apr", "ago", "sept", "okt", "nov", "des", "gen",
    "lt", "kanali", "meja", "sgt", "inspekta",
];

/// The length in bytes of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// An abbreviation of [`ABBREVIATIONS`] as a number: its bytes little-endian, zero-padded.
/// Every one fits: a period is looked for after each in a search of numbers, not of strings.
const fn abbreviation_key(word: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    let mut i = 0;
    while i < word.len() {
        bytes[i] = word[i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

const _: () = assert!(LONGEST_ABBREVIATION <= 8, "an abbreviation fits a u64");

/// [`ABBREVIATIONS`] as numbers ([`abbreviation_key`]) in order, to be searched.
static SORTED_ABBREVIATIONS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut sorted: Vec<u64> = (ABBREVIATIONS.iter())
        .map(|a| abbreviation_key(a.as_bytes()))
        .collect();
    sorted.sort_unstable();
    sorted
});

/// Titles written before a name (lower case, without the dot): the capitalised word after
/// *Bw.* or *Dkt.* is a name even when it is also a common word (*Bw. Juma*).
pub const TITLES: &[&str] = &[
    "bw", "bwn", "bi", "dkt", "dk", "dr", "mhe", "mh", "prof", "mr", "mrs", "ms", "mwl", "mch",
];

/// The lookup key of a word: NFC-normalised, lower-cased, with `’` and `‘` read as `'`.
#[must_use]
pub fn key(word: &str) -> String {
    if word.is_ascii() {
        // nothing to compose and no typographic apostrophe: the common case, made cheap
        return word.to_ascii_lowercase();
    }
    word.nfc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// [`key`] as a [`CompactString`], for keys that are kept: a short ASCII word (most keys) is
/// lower-cased in place, on the stack, where [`key`] allocates.
#[must_use]
pub fn compact_key(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut k = CompactString::new(word);
        k.make_ascii_lowercase();
        k
    } else {
        key(word).into()
    }
}

/// `text` on one line: its runs of non-whitespace joined by single spaces, none at either end
/// (a line break inside a term, a context shown in a column). Built in one allocation: on text
/// rich in new words `unknown` does this for most words.
#[must_use]
pub fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// Split `text` into tokens. Whitespace makes no token; every other character is in one token.
///
/// Text between ASCII whitespace that is itself ASCII (most of a Swahili news text) is cut by a
/// byte scanner that applies the UAX #29 rules for ASCII; any other stretch goes to
/// `split_word_bound_indices`. Both give the same tokens (a unit test compares them): UAX #29
/// always breaks before ASCII whitespace, and the Unicode stretch starts at the whitespace before
/// it, so a combining mark after a space is read as the full rules read it.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    scan(text, &mut Ends::default())
}

/// The tokens of `text` and its sentences: [`tokenize`] and [`sentences`] in one, where the
/// scan that finds the tokens also notes where a sentence may end, which [`sentences`] finds
/// again from the tokens.
#[must_use]
pub fn split(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    // room for the ends of news text's sentences, which are some 150 bytes long: grown from
    // nothing for each chunk, the lists were copied a dozen times
    let mut ends = Ends(Vec::with_capacity(text.len() / 64));
    let tokens = scan(text, &mut ends);
    let sentences = sentences_at(text, &tokens, ends.0);
    (tokens, sentences)
}

/// The tokens at which a sentence may end ([`candidates`]), noted by [`scan`] as it finds
/// them, in order and once each.
#[derive(Default)]
struct Ends(Vec<usize>);

impl Ends {
    #[inline]
    fn note(&mut self, token: usize) {
        if self.0.last() != Some(&token) {
            self.0.push(token);
        }
    }

    /// Forget the tokens from `token` on, which are read again.
    fn forget_from(&mut self, token: usize) {
        while self.0.last().is_some_and(|&t| t >= token) {
            self.0.pop();
        }
    }
}

/// [`tokenize`], noting in `ends` the tokens at which a sentence may end.
fn scan(text: &str, ends: &mut Ends) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut tokens = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    // where the whitespace before the current stretch starts, and how many tokens came before it
    let (mut space_from, mut mark) = (0, 0);
    // the class of the byte at `i`, known from the token before
    let mut c = bytes.first().map_or(SPACE, |&b| class(b));
    while i < n {
        // most gaps are one space; long runs of blanks (padding, layout) go eight bytes at a time
        const BLANKS: u64 = u64::from_ne_bytes([b' '; 8]);
        if c == SPACE {
            // plain ASCII a window at a time, where the text has a window from here
            if i + window::WIDTH <= n {
                let from = i;
                i = window::read(bytes, i, &mut tokens, ends);
                if i != from {
                    continue;
                }
            }
            space_from = i;
            i += 1;
            // a line end after a token: a sentence may end at it
            let line_end = if bytes.get(i).is_some_and(|&b| class(b) == SPACE) {
                while let Some(eight) = bytes.get(i..i + 8)
                    && u64::from_ne_bytes(eight.try_into().expect("eight bytes")) == BLANKS
                {
                    i += 8;
                }
                while i < n && class(bytes[i]) == SPACE {
                    i += 1;
                }
                has_line_end(&bytes[space_from..i])
            } else {
                matches!(bytes[space_from], b'\n' | b'\r')
            };
            if line_end && !tokens.is_empty() {
                ends.note(tokens.len() - 1);
            }
            mark = tokens.len();
            c = bytes.get(i).map_or(SPACE, |&b| class(b));
        } else if c == HIGH {
            // a non-ASCII byte sends its whole stretch to UAX #29
            tokens.truncate(mark);
            ends.forget_from(mark);
            let end = bytes[i..]
                .iter()
                .position(|&b| class(b) == SPACE)
                .map_or(n, |p| i + p);
            unicode_tokens(text, space_from, end, &mut tokens, ends);
            (i, c) = (end, SPACE);
        } else {
            (i, c) = ascii_token(bytes, i, c, &mut tokens, ends);
        }
    }
    tokens
}

/// Byte classes of the ASCII scanner.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const UNDERSCORE: u8 = 8;
const SYMBOL: u8 = 16;
const HIGH: u8 = 32;
const WORDISH: u8 = ALPHA | DIGIT | UNDERSCORE;

const CLASSES: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if c.is_ascii_alphabetic() {
            ALPHA
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDERSCORE
        } else if is_symbol(c as char) {
            SYMBOL
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}

/// The ASCII token at `bytes[j]` (of class `c`, not whitespace) by the UAX #29 rules as they
/// apply to ASCII: letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); `:` `.` `'` join two
/// letters (WB6/7); `,` `;` `.` `'` join two digits (WB11/12); every other character stands
/// alone. Pushes it and returns where it ends and the class of the byte there ([`SPACE`] at the
/// text's end).
#[inline]
fn ascii_token(
    bytes: &[u8],
    mut j: usize,
    c: u8,
    tokens: &mut Vec<Token>,
    ends: &mut Ends,
) -> (usize, u8) {
    let class_at = |j: usize| bytes.get(j).map_or(SPACE, |&b| class(b));
    if c & WORDISH == 0 {
        let kind = Kind::mark(c == SYMBOL);
        if ends_sentence(bytes[j]) {
            ends.note(tokens.len());
        }
        tokens.push(Token {
            start: j,
            end: j + 1,
            kind,
        });
        return (j + 1, class_at(j + 1));
    }
    let start = j;
    let mut seen = 0;
    let after = loop {
        // most words are letters alone: eight at a time while they last
        while let Some(eight) = bytes.get(j..j + 8) {
            let letters = leading_letters(u64::from_le_bytes(eight.try_into().expect("eight")));
            seen |= ALPHA * u8::from(letters > 0);
            j += letters;
            if letters < 8 {
                break;
            }
        }
        let mut after = class_at(j);
        while after & WORDISH != 0 {
            seen |= after;
            j += 1;
            after = class_at(j);
        }
        // a joiner between two letters or two digits (the next byte is never whitespace then)
        if after == OTHER
            && let (Some(&mid), Some(&next)) = (bytes.get(j), bytes.get(j + 1))
            && may_join(mid)
        {
            let (prev, next) = (class(bytes[j - 1]), class(next));
            let letters = prev == ALPHA && next == ALPHA && matches!(mid, b':' | b'.' | b'\'');
            let digits =
                prev == DIGIT && next == DIGIT && matches!(mid, b',' | b';' | b'.' | b'\'');
            if letters || digits {
                j += 1;
                continue;
            }
        }
        break after;
    };
    if seen & (ALPHA | DIGIT) != 0 {
        let kind = if seen & ALPHA != 0 {
            Kind::Word
        } else {
            Kind::Number
        };
        tokens.push(Token {
            start,
            end: j,
            kind,
        });
    } else {
        // underscores alone are punctuation, one token each
        tokens.extend((start..j).map(|k| Token {
            start: k,
            end: k + 1,
            kind: Kind::Punct,
        }));
    }
    (j, after)
}

/// Whether ASCII byte `b` is a mark that may end a sentence: `.` `!` `?`.
fn ends_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

/// Whether ASCII byte `b` is a mark that may join two words or two numbers it stands between
/// (`n.k`, `ng'ombe`, `1,000`): `:` `.` `'` `,` `;` (which of them joins which, the scan tells).
fn may_join(b: u8) -> bool {
    matches!(b, b':' | b'.' | b'\'' | b',' | b';')
}

/// How many of the eight bytes of `block` (the first in its lowest byte) are ASCII letters
/// before the first that is not one.
fn leading_letters(block: u64) -> usize {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * EACH;
    // lower-cased, high bits off, so that adding below never carries into the next byte
    let low = (block | (0x20 * EACH)) & !HIGH;
    let from_a = low + (0x80 - u64::from(b'a')) * EACH;
    let past_z = low + (0x80 - u64::from(b'z') - 1) * EACH;
    let letters = from_a & !past_z & !block & HIGH;
    (!letters & HIGH).trailing_zeros() as usize / 8
}

/// The tokens of `text[from..to]` by `split_word_bound_indices`.
fn unicode_tokens(text: &str, from: usize, to: usize, tokens: &mut Vec<Token>, ends: &mut Ends) {
    for (offset, piece) in text[from..to].split_word_bound_indices() {
        let start = from + offset;
        // A byte-order mark is not text: skip it wherever UAX #29 attached it.
        let trimmed = piece.trim_start_matches('\u{feff}');
        let start = start + (piece.len() - trimmed.len());
        let piece = trimmed.trim_end_matches('\u{feff}');
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        let end = start + piece.len();
        if piece.chars().any(char::is_alphanumeric) {
            let kind = if piece.chars().any(char::is_alphabetic) {
                Kind::Word
            } else {
                Kind::Number
            };
            tokens.push(Token { start, end, kind });
        } else {
            // A run of punctuation (e.g. an emoji sequence) may come as one piece; split it
            // into characters so that every mark is its own token.
            for (i, c) in piece.char_indices() {
                if c.is_whitespace() || c == '\u{feff}' {
                    continue;
                }
                let kind = Kind::mark(is_symbol(c));
                if matches!(c, '.' | '!' | '?' | '…') {
                    ends.note(tokens.len());
                }
                tokens.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    kind,
                });
            }
        }
    }
}

const fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '%'
            | '+'
            | '='
            | '<'
            | '>'
            | '^'
            | '|'
            | '~'
            | '©'
            | '®'
            | '°'
            | '×'
            | '÷'
            | '#'
            | '&'
            | '@'
            | '§'
            | '¶'
            | '±'
            | '‰'
            | '№'
            | '™'
            | '₹'
            | '₦'
    ) || matches!(c, '\u{2100}'..='\u{2BFF}')
        || c >= '\u{1F000}'
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "}")
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the whitespace `gap` holds a blank line. A line ends with `\n`, `\r\n` or a lone
/// `\r` (old Mac files).
fn has_blank_line(gap: &str) -> bool {
    if gap.is_ascii() {
        // the common case: every byte of an ASCII gap is whitespace, so only line ends count
        let bytes = gap.as_bytes();
        let mut newlines = 0;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
        }
        return false;
    }
    let mut newlines = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}

/// Whether the whitespace `gap` holds a line end (`\n`, or `\r` alone).
fn has_line_end(gap: &[u8]) -> bool {
    if gap.len() <= 16 {
        // most gaps are one space: a loop beats a call
        gap.iter().any(|&b| matches!(b, b'\n' | b'\r'))
    } else {
        memchr::memchr2(b'\n', b'\r', gap).is_some()
    }
}

/// The most tokens one sentence holds: a longer run without a sentence end (a pasted table, a
/// megabyte on one line) is cut after this many, keeping the work and memory of a sentence
/// bounded. Real sentences are far shorter.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// Group `tokens` of `text` into sentences.
///
/// A sentence ends only at terminal punctuation, before a line end, at the text's end or after
/// [`MAX_SENTENCE_TOKENS`]: the tokens where the first two stand are found by searching the
/// text's bytes, and only they are looked at closely.
#[must_use]
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    sentences_at(text, tokens, candidates(text, tokens))
}

/// [`sentences`], given the [`candidates`].
fn sentences_at(text: &str, tokens: &[Token], candidates: Vec<usize>) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(candidates.len() + 1);
    let mut push = |first: usize, last: usize| {
        out.push(Sentence {
            start: tokens[first].start,
            end: tokens[last].end,
            tokens: first..last + 1,
        });
    };
    let n = tokens.len();
    let mut first = 0;
    let mut i = 0;
    let mut candidates = candidates.into_iter().peekable();
    while i < n {
        while candidates.next_if(|&c| c < i).is_some() {}
        let next = candidates.peek().copied().unwrap_or(n);
        // the tokens before the next candidate end no sentence, unless one grows too long
        let cut = first + MAX_SENTENCE_TOKENS - 1;
        if cut < next {
            if cut >= n - 1 {
                break;
            }
            push(first, cut);
            (first, i) = (cut + 1, cut + 1);
            continue;
        }
        if next == n {
            break;
        }
        let (last, boundary) = ends_at(text, tokens, next);
        if boundary || last + 1 - first >= MAX_SENTENCE_TOKENS {
            push(first, last);
            first = last + 1;
        }
        i = last + 1;
    }
    if first < n {
        push(first, n - 1);
    }
    out
}

/// The tokens at which a sentence may end before its length or the text's end cut it, in
/// order: terminal punctuation, and the token before a line end. Some are not, which
/// [`ends_at`] tells. [`scan`] notes the same as it reads the text.
fn candidates(text: &str, tokens: &[Token]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Ends::default();
    for (k, t) in tokens.iter().enumerate() {
        if t.kind == Kind::Punct && is_terminal(t.text(text)) {
            ends.note(k);
        }
        let gap_end = tokens.get(k + 1).map_or(bytes.len(), |next| next.start);
        if has_line_end(&bytes[t.end..gap_end]) {
            ends.note(k);
        }
    }
    ends.0
}

/// Whether a sentence ends at token `i`: the last token of the sentence if it does (a terminal
/// run swallows the marks glued to it), and whether it ends there.
fn ends_at(text: &str, tokens: &[Token], i: usize) -> (usize, bool) {
    let tok = tokens[i];
    let mut last = i;
    let mut boundary = false;
    if tok.kind == Kind::Punct
        && is_terminal(tok.text(text))
        && !is_abbreviation_dot(text, tokens, i)
    {
        // swallow the rest of a terminal run and any closing marks glued to it
        while last + 1 < tokens.len()
            && tokens[last + 1].start == tokens[last].end
            && (is_terminal(tokens[last + 1].text(text)) || is_closing(tokens[last + 1].text(text)))
        {
            last += 1;
        }
        boundary = match tokens.get(last + 1) {
            None => true,
            Some(next) => next.start > tokens[last].end && !starts_lowercase(next.text(text)),
        };
    }
    if let Some(next) = tokens.get(last + 1) {
        let gap = &text.as_bytes()[tokens[last].end..next.start];
        // most gaps are one space or none
        let plain = matches!(gap, [] | [b' ']);
        if !plain
            && has_line_end(gap)
            && (has_blank_line(&text[tokens[last].end..next.start])
                || !starts_lowercase(next.text(text)))
        {
            boundary = true;
        }
    } else {
        boundary = true;
    }
    (last, boundary)
}

/// A period right after an abbreviation or a one-letter initial does not end a sentence.
fn is_abbreviation_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].text(text) != "." || i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.end != tokens[i].start || prev.kind != Kind::Word {
        return false;
    }
    let word = prev.text(text);
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial
        || if word.is_ascii() {
            word.len() <= LONGEST_ABBREVIATION && {
                let mut lower = [0; LONGEST_ABBREVIATION];
                let lower = &mut lower[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                SORTED_ABBREVIATIONS
                    .binary_search(&abbreviation_key(lower))
                    .is_ok()
            }
        } else {
            ABBREVIATIONS.contains(&key(word).as_str())
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A xorshift generator from `seed`: the same texts every run.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    fn texts<'t>(text: &'t str, toks: &[Token]) -> Vec<&'t str> {
        toks.iter().map(|t| t.text(text)).collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &toks)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    /// The reference: every token looked at in turn.
    fn sentences_token_by_token(text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut first = 0;
        let mut i = 0;
        while i < tokens.len() {
            let (last, boundary) = ends_at(text, tokens, i);
            if boundary || last + 1 - first >= MAX_SENTENCE_TOKENS {
                out.push(Sentence {
                    start: tokens[first].start,
                    end: tokens[last].end,
                    tokens: first..last + 1,
                });
                first = last + 1;
            }
            i = last + 1;
        }
        out
    }

    /// The reference: the whole text through `split_word_bound_indices`.
    fn tokenize_by_crate(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        unicode_tokens(text, 0, text.len(), &mut tokens, &mut Ends::default());
        tokens
    }

    #[test]
    fn ascii_scanner_agrees_with_uax29() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "7",
            "0",
            "_",
            ":",
            ".",
            "'",
            ",",
            ";",
            "-",
            " ",
            "\t",
            "\n",
            "\r",
            "\x0b",
            "\x0c",
            "\"",
            "(",
            "%",
            "$",
            "\0",
            "\u{1}",
            "é",
            "\u{301}",
            "\u{200d}",
            "🙂",
            "’",
            "\u{feff}",
            "\u{a0}",
            "ß",
            "٣",
            "א",
            "ab",
            "12",
            "\u{2060}",
            // runs of letters longer than a block, and the bytes next to letters in ASCII
            "wanatarajiwa",
            "MKUTANO",
            "Mambo",
            "@",
            "[",
            "`",
            "{",
            "z",
            "A",
        ];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let len = (next() % 12) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(tokenize(&text), tokenize_by_crate(&text), "{text:?}");
        }
    }

    /// Texts long enough that the scan reads them a window at a time ([`window`]): words,
    /// numbers, marks that may join them, underscores, line ends and bytes outside ASCII at
    /// every place in a window, and tokens across its edge.
    #[test]
    fn the_scan_a_window_at_a_time_agrees_with_uax29_and_notes_the_same_ends() {
        // the pieces, `|` between them; a space four times, as text has them often
        const PIECES: &str = "neno|Mabalozi|wa|ya|na| | | | |  |\n|\r\n|\t|\n\n|.|,|!|?|:|;|'|\"|(|)|-|%|$|@|_|\
                              __|a_b|2026|3.5|1,000|n.k|ng'ombe|Bw.|x:y|é|“|”|’|\u{301}|\u{a0}|🙂|\
                              wanatarajiwa|kilichotarajiwa|MKUTANO|\0|\u{1}|\x0b|\x0c|a|Z|9";
        let pieces: Vec<&str> = PIECES.split('|').collect();
        let mut next = xorshift(0x5851_f42d_4c95_7f2d_u64);
        for round in 0..4_000 {
            // some texts of long runs without whitespace, which cross windows
            let spaces = round % 5 != 0;
            let len = (next() % 160) as usize;
            let text: String = (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .filter(|p| spaces || !p.trim().is_empty())
                .collect();
            let toks = tokenize(&text);
            assert_eq!(toks, tokenize_by_crate(&text), "{text:?}");
            let sents = sentences(&text, &toks);
            assert_eq!(split(&text), (toks, sents), "{text:?}");
        }
    }

    #[test]
    fn sentences_from_candidates_agree_with_every_token_looked_at() {
        const PIECES: &[&str] = &[
            "neno", "Neno", "Bw", "n.k", "3.5", "A", " ", "  ", "\n", "\r\n", "\r", "\n\n",
            "\n \n", "\t", ".", "!", "?", "…", "\"", "”", ")", "'", "(", "«", ",", "-", "é",
            "\u{a0}", "\u{2028}", "\u{feff}", ".é", "?\u{301}", "a.", "é…",
        ];
        let mut next = xorshift(0x2545_f491_4f6c_dd1d_u64);
        let check = |text: &str| {
            let toks = tokenize(text);
            let sents = sentences(text, &toks);
            assert_eq!(sents, sentences_token_by_token(text, &toks), "{text:?}");
            // the scan notes the same places a sentence may end as the tokens tell
            assert_eq!(split(text), (toks, sents), "{text:?}");
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            check(&text);
        }
        // runs cut by their length, with ends before, at and after the cut
        for end in [0, 1, 2, 998, 999, 1000, 1001, 1997, 1998, 1999] {
            let mut text = "neno ".repeat(2100);
            text.replace_range(end * 5 + 4..end * 5 + 5, ".\nNeno ");
            check(&text);
            check(&text.replace(".\nNeno ", "...” Neno "));
        }
    }

    #[test]
    fn leading_letters_counts_ascii_letters_in_a_block() {
        let cases: &[(&str, &[u8; 8], usize)] = &[
            ("all letters", b"mabalozi", 8),
            ("a space ends them", b"ya nchi ", 2),
            ("capitals count", b"MaWaZiRi", 8),
            ("a digit ends them", b"covid19x", 5),
            ("none", b" mabaloz", 0),
            ("neighbours of A-Z and a-z", b"Zz@[`{aa", 2),
            ("a UTF-8 byte ends them", b"caf\xc3\xa9 ab", 3),
            ("an underscore ends them", b"ab_cdefg", 2),
        ];
        for &(name, block, letters) in cases {
            assert_eq!(
                leading_letters(u64::from_le_bytes(*block)),
                letters,
                "{name}"
            );
        }
    }

    #[test]
    fn apostrophes_are_letters() {
        let t = "ng'ombe na ng’ambo";
        let toks = tokenize(t);
        assert_eq!(texts(t, &toks), ["ng'ombe", "na", "ng’ambo"]);
        assert!(toks.iter().all(|t| t.kind == Kind::Word));
    }

    #[test]
    fn numbers_keep_separators() {
        let t = "watu 1,000 kwa 3.5 mwaka 2021.";
        let toks = tokenize(t);
        assert_eq!(
            texts(t, &toks),
            ["watu", "1,000", "kwa", "3.5", "mwaka", "2021", "."]
        );
        assert_eq!(toks[1].kind, Kind::Number);
        assert_eq!(toks[6].kind, Kind::Punct);
    }

    #[test]
    fn hyphen_is_its_own_token() {
        let t = "Dar-es-Salaam na Covid-19";
        assert_eq!(
            texts(t, &tokenize(t)),
            ["Dar", "-", "es", "-", "Salaam", "na", "Covid", "-", "19"]
        );
    }

    #[test]
    fn symbols_and_punctuation() {
        let t = "asilimia 5% (takriban)";
        let toks = tokenize(t);
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Number,
                Kind::Symbol,
                Kind::Punct,
                Kind::Word,
                Kind::Punct
            ]
        );
    }

    #[test]
    fn keys_fold_case_apostrophes_and_normalise() {
        assert_eq!(key("Ng’ombe"), "ng'ombe");
        assert_eq!(key("MAWAZIRI"), "mawaziri");
        // e + combining acute → é
        assert_eq!(key("Caf\u{65}\u{301}"), "café");
    }

    #[test]
    fn one_line_joins_lines() {
        assert_eq!(one_line(" a \n b\t c "), "a b c");
        let cases = [
            ("plain", "wa Mambo ya Nje"),
            ("runs and line ends", "  wa\tMambo \r\n ya\x0bNje\x0c "),
            ("a no-break space", "wa\u{a0}Mambo ya Nje"),
            ("letters outside ASCII", "Ng’ombe  na\nkondoo"),
            ("blank", " \n\t "),
            ("empty", ""),
        ];
        for (case, span) in cases {
            let joined = span.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(span), joined, "{case}");
        }
    }

    #[test]
    fn compact_keys_are_keys() {
        for word in [
            "",
            "balozi",
            "MAWAZIRI",
            "Ng’ombe",
            "Caf\u{65}\u{301}",
            "KUJIANDIKISHAKUPIGAKURAMARAMBILI",
            "Ü",
        ] {
            assert_eq!(compact_key(word), key(word), "{word:?}");
        }
    }

    #[test]
    fn sentences_do_not_split_after_abbreviations_or_initials() {
        let s = sentence_texts(
            "Bw. Juma na Dkt. Amina walifika. Mhe. J. K. Nyerere alisema n.k. Kisha walitoka.",
        );
        assert_eq!(
            s,
            [
                "Bw. Juma na Dkt. Amina walifika.",
                "Mhe. J. K. Nyerere alisema n.k. Kisha walitoka."
            ]
        );
    }

    #[test]
    fn quotes_brackets_and_ellipses() {
        let s = sentence_texts(
            "Alisema: \"Tutashinda.\" Wengine walikaa kimya (kwa muda.) Hata hivyo... na wao pia. Mwisho…",
        );
        assert_eq!(
            s,
            [
                "Alisema: \"Tutashinda.\"",
                "Wengine walikaa kimya (kwa muda.)",
                "Hata hivyo... na wao pia.",
                "Mwisho…"
            ]
        );
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        let s = sentence_texts("Ulinzi\n\nmkutano wa leo\r\n\r\nhabari");
        assert_eq!(s, ["Ulinzi", "mkutano wa leo", "habari"]);
    }

    #[test]
    fn single_line_break_ends_unless_lowercase_follows() {
        let s = sentence_texts("Picha ya Faili\nKatibu Mkuu alisema\nkwamba atakuja");
        assert_eq!(s, ["Picha ya Faili", "Katibu Mkuu alisema\nkwamba atakuja"]);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let s = sentence_texts("Picha ya Faili\rKatibu Mkuu alisema\rkwamba atakuja\r\rhabari");
        assert_eq!(
            s,
            [
                "Picha ya Faili",
                "Katibu Mkuu alisema\rkwamba atakuja",
                "habari"
            ]
        );
        // CRLF is one line end, not a blank line
        assert_eq!(sentence_texts("juu\r\nya"), ["juu\r\nya"]);
    }

    #[test]
    fn a_run_without_an_end_is_cut_into_bounded_sentences() {
        let text = "neno ".repeat(MAX_SENTENCE_TOKENS * 2 + 5);
        let toks = tokenize(&text);
        let sents = sentences(&text, &toks);
        let lens: Vec<usize> = sents.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 5]);
    }

    #[test]
    fn bom_crlf_and_tabs_are_tolerated() {
        let t = "\u{feff}Habari\tza\r\nleo.";
        let toks = tokenize(t);
        assert_eq!(texts(t, &toks), ["Habari", "za", "leo", "."]);
    }

    #[test]
    fn invariants_hold_on_mixed_text() {
        let t = "\u{feff}«Mhe. Rais» alisema:\t\"Tutaendelea...\" (4 Januari) — 1,000 ng’ombe; 5% 🙂 n.k.\r\n\r\nMwisho!";
        let toks = tokenize(t);
        let mut last = 0;
        for tok in &toks {
            assert!(
                tok.start >= last && tok.start < tok.end,
                "in order, non-empty"
            );
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
            last = tok.end;
        }
        // every non-space character is inside some token
        for (i, c) in t.char_indices() {
            if !c.is_whitespace() && c != '\u{feff}' {
                assert!(
                    toks.iter().any(|k| k.start <= i && i < k.end),
                    "{c:?} at {i} not covered"
                );
            }
        }
        let sents = sentences(t, &toks);
        let covered: usize = sents.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(covered, toks.len(), "sentences partition the tokens");
    }
}
