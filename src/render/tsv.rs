//! Tab-separated output: a header row, then one row per match
//! (`start end surface lemma pos how en`, renderings joined with `; `).

use std::io;

use crate::annotate::Brief;
use crate::glossary::Entry;
use crate::lexicon::How;

pub const HEADER: &str = "start\tend\tsurface\tlemma\tpos\thow\ten";

pub fn render_header<W: io::Write>(out: &mut W) -> io::Result<()> {
    writeln!(out, "{HEADER}")
}

/// Rows of matches in brief, written into memory at corpus speed (tabs and line breaks inside
/// a field become spaces, so every row stays one line): the end of a row after the surface
/// (`lemma pos how en`) depends only on the entry and how it was matched, so it is formatted
/// once per pair and copied after; the surface is copied from the text, which is in the caches
/// (a row cached whole for each word type was read from memory for the rarer words).
///
/// The rows gather in memory of their own ([`Rows::written`]), until taken
/// ([`Rows::clear_written`]).
#[derive(Debug, Default)]
pub struct Rows {
    /// By `how * entries + entry`: the row's end after the surface (with its tab and line
    /// break) in `ends`; of no length when not formatted yet. One way of matching's ends lie
    /// together, so that the few hundred entries most rows are of (matched exactly or
    /// inflected) are found in few cache lines.
    tails: Vec<Tail>,
    /// Those ends, in the order they were first needed, each from the start of a block (a
    /// cache line), so that a short end is copied as one block of known size, without a call
    /// and without crossing a line; the bytes after an end in its last block are zeros.
    ends: Vec<Block>,
    /// The last position written, kept in decimal.
    number: Decimal,
    /// The rows written: `out[..len]`. The rest of `out` is room to write the next in place,
    /// zeroed once when it grows, so that a row is written with one test of room.
    out: Vec<u8>,
    len: usize,
}

/// The size of the block a row's end is copied in.
const BLOCK: usize = 64;

/// A block of a row's end, one cache line.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct Block([u8; BLOCK]);

/// Where a row's end is ([`Rows::tails`]): its first block in [`Rows::ends`] and its length.
#[derive(Debug, Clone, Copy, Default)]
struct Tail {
    block: u32,
    len: u32,
}

/// The size of the block a word's surface is copied in.
const SURFACE: usize = 16;

/// The room a row's two positions take at most, each in its block.
const HEAD: usize = 2 * Decimal::BLOCK;

/// The offset in a row's room where its end is copied, at most: after the two positions and
/// a surface of a block at most.
const TAIL_AT: usize = 64;

/// The room a row of a word takes at most, with an end of a block at most: two positions, its
/// surface and its end, each in its block.
const SHORT_ROW: usize = TAIL_AT + BLOCK;

/// The first [`HEAD`] bytes of `room`, where a row's positions are written.
fn head(room: &mut [u8]) -> &mut [u8; HEAD] {
    (&mut room[..HEAD])
        .try_into()
        .expect("room for the positions")
}

/// How many ways of matching there are ([`How`], whose last is `Fuzzy`).
const HOWS: usize = How::Fuzzy as usize + 1;

impl Rows {
    #[must_use]
    pub fn new() -> Rows {
        Rows::default()
    }

    /// Append the rows of `briefs` to `out`.
    pub fn write(&mut self, out: &mut Vec<u8>, briefs: &[Brief<'_>]) {
        for b in briefs {
            self.push(b);
        }
        out.extend_from_slice(self.written());
        self.clear_written();
    }

    /// The rows written since they were last taken.
    #[must_use]
    pub fn written(&self) -> &[u8] {
        &self.out[..self.len]
    }

    /// Forget the rows written, once taken.
    pub fn clear_written(&mut self) {
        self.len = 0;
    }

    /// Take the buffer the rows are written in, and how many of its bytes they are (the bytes
    /// after them are old), and write on in `room` from its start: its bytes, whatever they
    /// are, are written over, so that a buffer used before serves again without being cleared
    /// (a buffer cut to its rows would be zeroed again to its full length when it grew).
    pub fn take_written(&mut self, room: Vec<u8>) -> (Vec<u8>, usize) {
        let written = std::mem::replace(&mut self.out, room);
        (written, std::mem::take(&mut self.len))
    }

    /// Write the row of one brief.
    // inlined into the loop over a sentence's matches: 2.5 instructions per byte of text fewer
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn push(&mut self, b: &Brief<'_>) {
        let Some(entry) = b.entry else {
            self.push_name(b);
            return;
        };
        let Tail { block, len } = self.end(entry, b.entries, b.how);
        let (block, tail_len) = (block as usize, len as usize);
        let (start, end) = (b.start - b.base, b.end - b.base);
        if b.plain
            && end - start <= SURFACE
            && tail_len <= BLOCK
            && let Some(surface) = b.text.as_bytes().get(start..start + SURFACE)
        {
            // most rows: a word, and an end of a block at most
            let surface: &[u8; SURFACE] = surface.try_into().expect("a block");
            let row = room_block::<SHORT_ROW>(&mut self.out, self.len);
            let tail = &self.ends[block].0;
            let head = (&mut row[..HEAD]).try_into().expect("a head");
            // each offset is within the row by its kind, and masked so that the compiler knows
            // it (a mask of a power of two, where a minimum took three instructions)
            let at = self.number.spans(head, b.start, b.end) & (HEAD - 1);
            row[at..at + SURFACE].copy_from_slice(surface);
            let at = (at + end - start) & (TAIL_AT - 1);
            row[at..at + BLOCK].copy_from_slice(tail);
            self.len += at + tail_len;
            return;
        }
        let room = room(
            &mut self.out,
            self.len,
            HEAD + SURFACE.max(end - start) + tail_len + BLOCK,
        );
        let mut at = self.number.spans(head(room), b.start, b.end);
        at += copy_surface(&mut room[at..], b.text.as_bytes(), start, end);
        copy_blocks(&mut room[at..], &self.ends[block..], tail_len);
        self.len += at + tail_len;
    }

    /// Write the row of a name: itself as lemma and rendering.
    #[inline(never)]
    fn push_name(&mut self, b: &Brief<'_>) {
        const NAME: &[u8] = b"\tname\tname\t";
        let (start, end) = (b.start - b.base, b.end - b.base);
        let text = b.text.as_bytes();
        // the surface three times, each copied as a block where it is short
        let surface = SURFACE.max(end - start);
        let room = room(&mut self.out, self.len, HEAD + 3 * surface + NAME.len() + 2);
        let mut at = self.number.spans(head(room), b.start, b.end);
        at += copy_surface(&mut room[at..], text, start, end);
        room[at] = b'\t';
        at += 1;
        at += copy_surface(&mut room[at..], text, start, end);
        room[at..at + NAME.len()].copy_from_slice(NAME);
        at += NAME.len();
        at += copy_surface(&mut room[at..], text, start, end);
        room[at] = b'\n';
        self.len += at + 1;
    }

    /// Where the end of a row of `entry` matched `how` is in `ends`, formatted on first need.
    #[inline]
    fn end(&mut self, entry: usize, entries: &[Entry], how: How) -> Tail {
        let slot = how as usize * entries.len() + entry;
        match self.tails.get(slot) {
            Some(&tail) if tail.len > 0 => tail,
            _ => self.new_end(slot, &entries[entry], how, entries.len()),
        }
    }

    #[cold]
    #[inline(never)]
    fn new_end(&mut self, slot: usize, e: &Entry, how: How, entries: usize) -> Tail {
        if self.tails.len() != HOWS * entries {
            // a glossary of another size: its rows' ends anew
            self.tails.clear();
            self.tails.resize(HOWS * entries, Tail::default());
        }
        let mut bytes = Vec::new();
        tail(&mut bytes, e, how);
        let block = u32::try_from(self.ends.len()).expect("row ends fit in u32 blocks");
        for piece in bytes.chunks(BLOCK) {
            let mut padded = [0; BLOCK];
            padded[..piece.len()].copy_from_slice(piece);
            self.ends.push(Block(padded));
        }
        let len = u32::try_from(bytes.len()).expect("a row's end fits in u32");
        self.tails[slot] = Tail { block, len };
        self.tails[slot]
    }
}

/// The `N` bytes after the first `len` bytes of `out`, which grows (zeroed) when it has fewer.
#[inline]
fn room_block<const N: usize>(out: &mut Vec<u8>, len: usize) -> &mut [u8; N] {
    if out.len() < len + N {
        grow(out, len + N);
    }
    (&mut out[len..len + N]).try_into().expect("room")
}

/// The room after the first `len` bytes of `out`, `need` bytes at least: `out` grows (zeroed)
/// when it has less.
#[inline]
fn room(out: &mut Vec<u8>, len: usize, need: usize) -> &mut [u8] {
    if out.len() - len < need {
        grow(out, len + need);
    }
    &mut out[len..]
}

#[cold]
#[inline(never)]
fn grow(out: &mut Vec<u8>, size: usize) {
    out.resize(size.max(2 * out.len()).max(4096), 0);
}

/// Copy the first `len` bytes of `blocks` to the start of `room`, which has a block more than
/// it needs: block by block, without a call.
#[inline]
fn copy_blocks(room: &mut [u8], blocks: &[Block], len: usize) {
    for (k, block) in blocks[..len.div_ceil(BLOCK)].iter().enumerate() {
        room[k * BLOCK..(k + 1) * BLOCK].copy_from_slice(&block.0);
    }
}

/// Append the end of a row after its surface: `\tlemma\tpos\thow\ten\n`.
fn tail(out: &mut Vec<u8>, e: &Entry, how: How) {
    out.push(b'\t');
    push_field(out, &e.sw);
    out.push(b'\t');
    out.extend_from_slice(e.pos.as_str().as_bytes());
    out.push(b'\t');
    out.extend_from_slice(how.as_str().as_bytes());
    out.push(b'\t');
    for (i, en) in e.en.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"; ");
        }
        push_field(out, en);
    }
    out.push(b'\n');
}

/// Copy `field` to the start of `room` with tabs and line breaks turned into spaces; how many
/// bytes it takes.
fn copy_field(room: &mut [u8], field: &[u8]) -> usize {
    for (to, &b) in room.iter_mut().zip(field) {
        *to = in_field(b);
    }
    field.len()
}

/// Copy the surface `text[start..end]` to the start of `room`, which has [`SURFACE`] bytes at
/// least, as [`copy_field`] does; how many bytes it takes. A short surface without control
/// bytes (a word, most terms) is copied as one block, without a loop.
#[inline]
fn copy_surface(room: &mut [u8], text: &[u8], start: usize, end: usize) -> usize {
    const EACH: u128 = u128::MAX / 255;
    let len = end - start;
    if len <= SURFACE
        && let Some(block) = text.get(start..start + SURFACE)
    {
        let block: &[u8; SURFACE] = block.try_into().expect("a block");
        // the bytes past the surface read as spaces: then a byte below a space is a control
        // byte of the surface (a tab, a line break), which the field must not keep
        let past = u128::MAX.checked_shl(8 * len as u32).unwrap_or(0);
        let bytes = u128::from_le_bytes(*block) | (past & (0x20 * EACH));
        let controls = bytes.wrapping_sub(0x20 * EACH) & !bytes & (0x80 * EACH);
        if controls == 0 {
            room[..SURFACE].copy_from_slice(block);
            return len;
        }
    }
    copy_field(room, &text[start..end])
}

/// Append a field with tabs and line breaks turned into spaces, in one pass (most fields are
/// a word, too short for a call to copy it to pay).
fn push_field(out: &mut Vec<u8>, s: &str) {
    out.extend(s.bytes().map(in_field));
}

/// A byte of a field as a row holds it: a tab or a line break as a space, so that every row
/// stays one line of its columns.
fn in_field(b: u8) -> u8 {
    match b {
        b'\t' | b'\n' | b'\r' => b' ',
        b => b,
    }
}

/// A number written in decimal and a tab, kept from row to row: the positions of a text's rows
/// go up by a little each time, so the next most often has the same digits as the last but for
/// the last three. Those digits before the last three are kept written, and the last three with
/// the tab are read from a table of all thousand, so that a number is two block copies and one
/// test, which fails about once in a hundred rows (where the digits are written anew, dividing
/// by ten for each). Nothing is carried from digit to digit: a carry, once in a dozen rows,
/// was a branch the processor could not foresee.
#[derive(Debug)]
struct Decimal {
    /// The numbers written the fast way: `floor..floor + span`, where `span` is 1000, or 0 when
    /// the last number had no digits before its last three (whose zeros are then not written)
    /// or too many.
    floor: usize,
    span: usize,
    /// The digits of `floor / 1000`, then whatever: copied as one block of known size.
    high: [u8; Decimal::HIGH],
    /// How many of them there are, at most [`Decimal::MAX_HIGH`].
    len: usize,
}

impl Default for Decimal {
    fn default() -> Decimal {
        Decimal {
            floor: 0,
            span: 0,
            high: [0; Decimal::HIGH],
            len: 0,
        }
    }
}

impl Decimal {
    /// The room a number and its tab are given: 21 bytes at most, the 20 digits of the largest
    /// `u64` and the tab, rounded up to a power of two.
    const BLOCK: usize = 32;
    /// The block the digits before the last three are copied in.
    const HIGH: usize = 16;
    /// The most digits before the last three that the fast way writes: a number under 10^16.
    const MAX_HIGH: usize = Decimal::HIGH - 3;

    /// Write a row's positions `start` and `end`, each with a tab, at the start of `head`; how
    /// many bytes they take.
    // written for every row, inlined
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn spans(&mut self, head: &mut [u8; HEAD], start: usize, end: usize) -> usize {
        let at = self.put(head, 0, start);
        at + self.put(head, at, end)
    }

    /// Write `n` and a tab at byte `at` of `head`, at most [`Decimal::BLOCK`] (a number written
    /// before it), where the bounds of every offset are known; how many bytes they take.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn put(&mut self, head: &mut [u8; HEAD], at: usize, n: usize) -> usize {
        let low = n.wrapping_sub(self.floor);
        let at = at & (Decimal::BLOCK - 1);
        if low >= self.span {
            return self.put_anew(head, at, n);
        }
        head[at..at + Decimal::HIGH].copy_from_slice(&self.high);
        let len = self.len & 15;
        head[at + len..at + len + 4].copy_from_slice(&TRIPLES[low & 1023]);
        len + 4
    }

    /// Write `n` where it is not in the thousand of the last: keep its thousands for the next
    /// when it has some and not too many.
    #[cold]
    #[inline(never)]
    fn put_anew(&mut self, head: &mut [u8; HEAD], at: usize, n: usize) -> usize {
        let mut numbers = itoa::Buffer::new();
        let written = numbers.format(n).as_bytes();
        let len = written.len();
        head[at..at + len].copy_from_slice(written);
        head[at + len] = b'\t';
        (self.floor, self.span, self.len) = if (4..=Decimal::MAX_HIGH + 3).contains(&len) {
            self.high[..len - 3].copy_from_slice(&written[..len - 3]);
            (n - n % 1000, 1000, len - 3)
        } else {
            (0, 0, 0)
        };
        len + 1
    }
}

/// The last three digits of every number below 1000, padded with zeros, and a tab (and room up
/// to a power of two, so that an index masked is known to be in it).
static TRIPLES: [[u8; 4]; 1024] = {
    let mut triples = [[0; 4]; 1024];
    let mut n = 0;
    while n < 1000 {
        triples[n] = [
            b'0' + (n / 100) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
            b'\t',
        ];
        n += 1;
    }
    triples
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::parse_file;

    #[test]
    fn positions_are_written_in_decimal_whatever_the_step_between_them() {
        let cases: &[(&str, &[usize])] = &[
            ("small steps", &[0, 3, 9, 10, 15, 99, 100, 101]),
            (
                "carry through nines",
                &[9_998, 10_005, 99_999, 100_000, 199_995, 200_003],
            ),
            (
                "large and backward steps",
                &[7, 123_456_789, 5, 1, 18_446_744_073_709_551_615],
            ),
            ("one digit then two", &[1, 2, 11, 12]),
            (
                "steps across hundreds and thousands",
                &[95, 103, 190, 289, 998, 1_005, 1_099, 1_100, 99_990, 100_089],
            ),
            (
                "the digits before the last three kept, and left",
                &[
                    999,
                    1_000,
                    1_999,
                    2_000,
                    2_001,
                    1_000,
                    1_001,
                    999_999_999_999_999,
                    1_000_000_000_000_000,
                    9_999_999_999_999_999,
                    10_000_000_000_000_000,
                    10_000_000_000_000_001,
                    4_321,
                ],
            ),
        ];
        for (name, numbers) in cases {
            let mut decimal = Decimal::default();
            let mut out = Vec::new();
            for &n in *numbers {
                let mut head = [0; HEAD];
                let len = decimal.put(&mut head, 0, n);
                out.extend_from_slice(&head[..len]);
            }
            let want = numbers
                .iter()
                .map(|n| n.to_string() + "\t")
                .collect::<String>();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn a_surface_is_copied_as_a_field_however_it_is_copied() {
        // (name, text, span): a block of 16 bytes is read where the text has one after the start
        let cases: &[(&str, &str, (usize, usize))] = &[
            (
                "a word with a block after it",
                "mambo ya nje ya nchi",
                (0, 5),
            ),
            ("a word at the text's end", "ya mambo", (3, 8)),
            ("sixteen bytes", "mawasilianokimataifa na", (0, 16)),
            ("longer than a block", "mawasilianokimataifa na", (0, 20)),
            ("a line break inside", "mambo\nya nje ya nchi", (0, 12)),
            ("a tab inside", "mambo\tya nje ya nchi hizi", (0, 12)),
            ("a carriage return", "mambo\r\nya nje ya nchi hizo", (0, 13)),
            ("a control byte kept", "mambo\u{1}ya nje ya nchi", (0, 12)),
            ("a line break just past it", "mambo\nya nje ya nchi", (0, 5)),
            ("non-ASCII", "ng’ombe wa nchi hii ya", (0, 9)),
        ];
        for &(name, text, (start, end)) in cases {
            let mut room = [0u8; 64];
            let len = copy_surface(&mut room, text.as_bytes(), start, end);
            let want: String = text[start..end]
                .chars()
                .map(|c| {
                    if matches!(c, '\t' | '\n' | '\r') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(std::str::from_utf8(&room[..len]).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn a_row_is_the_same_written_the_short_way_or_the_general_way() {
        let long_en =
            "a rendering long enough that the row's end takes more than one block of copying";
        let entries = parse_file(
            std::path::Path::new("t.toml"),
            &format!(
                "[[entry]]\nsw = \"neno\"\nen = [\"word\"]\npos = \"noun\"\n\n\
                 [[entry]]\nsw = \"kirefu\"\nen = [\"{long_en}\"]\npos = \"adj\"\n"
            ),
        )
        .unwrap();
        // words near the end of the text (no block of sixteen bytes after them), a word longer
        // than a block, and positions that cross a power of ten at every step
        let text = format!("{}maneno kirefu wanakikamilishiana neno", " ".repeat(40));
        let words: Vec<(usize, usize)> = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize;
                (start, start + w.len())
            })
            .collect();
        let mut base = 0;
        for step in [
            1,
            7,
            90,
            993,
            99_960,
            9_999_000,
            999_990_000,
            1_000_000_000_000,
        ] {
            base += step;
            let briefs = |plain| {
                let mut briefs = Vec::new();
                for (k, &(start, end)) in words.iter().enumerate() {
                    for how in [How::Exact, How::Inflected] {
                        briefs.push(Brief {
                            start: base + start,
                            end: base + end,
                            how,
                            entry: Some(k % 2),
                            text: &text,
                            base,
                            entries: &entries,
                            plain,
                        });
                    }
                }
                briefs
            };
            let (mut short, mut general) = (Vec::new(), Vec::new());
            Rows::new().write(&mut short, &briefs(true));
            Rows::new().write(&mut general, &briefs(false));
            assert_eq!(
                String::from_utf8(short).unwrap(),
                String::from_utf8(general.clone()).unwrap()
            );
            let first = String::from_utf8(general).unwrap();
            let (start, end) = words[0];
            assert!(
                first.starts_with(&format!(
                    "{}\t{}\tmaneno\tneno\tnoun\texact\tword\n",
                    base + start,
                    base + end
                )),
                "{first}"
            );
            assert!(first.contains(long_en));
        }
    }

    #[test]
    fn rows_keep_one_line_each_and_names_render_as_themselves() {
        let entries = parse_file(
            std::path::Path::new("t.toml"),
            "[[entry]]\nsw = \"mambo ya nje\"\nen = [\"foreign\\taffairs\", \"external affairs\"]\npos = \"noun\"\n",
        )
        .unwrap();
        // a text that starts at byte 100 of its input
        let text = "na mambo\nya nje Juma";
        let brief = |start: usize, end: usize, how, entry| Brief {
            start: 100 + start,
            end: 100 + end,
            how,
            entry,
            text,
            base: 100,
            entries: &entries,
            plain: false,
        };
        let briefs = [
            brief(3, 15, How::Inflected, Some(0)),
            brief(16, 20, How::Name, None),
            brief(3, 15, How::Inflected, Some(0)),
        ];
        let mut rows = Rows::new();
        let mut out = Vec::new();
        rows.write(&mut out, &briefs);
        // the second time the entry's part of the row comes from the cache
        rows.write(&mut out, &briefs[..1]);
        rows.write(&mut out, &briefs[2..]);
        let out = String::from_utf8(out).unwrap();
        let row = "103\t115\tmambo ya nje\tmambo ya nje\tnoun\tinflected\tforeign affairs; external affairs\n";
        assert_eq!(
            out,
            format!("{row}116\t120\tJuma\tJuma\tname\tname\tJuma\n{row}{row}{row}")
        );
    }
}
