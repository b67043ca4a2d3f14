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
/// once per pair and copied after.
#[derive(Debug, Default)]
pub struct Rows {
    /// By `entry * HOWS + how`: where the row's end after the surface (with its tab and line
    /// break) is in `ends`; an empty range when not formatted yet.
    tails: Vec<std::ops::Range<u32>>,
    /// Those ends, one after the other in the order they were first needed: the few that
    /// recur most sit together in memory. [`BLOCK`] bytes of padding follow the last, so that
    /// a short end is copied as one block of known size, without a call.
    ends: Vec<u8>,
}

/// The size of the block a row's end is copied in.
const BLOCK: usize = 64;

/// How many ways of matching there are ([`How`], whose last is `Fuzzy`).
const HOWS: usize = How::Fuzzy as usize + 1;

impl Rows {
    #[must_use]
    pub fn new() -> Rows {
        Rows::default()
    }

    /// Append the rows of `briefs` to `out`.
    pub fn write(&mut self, out: &mut Vec<u8>, briefs: &[Brief<'_>]) {
        let mut numbers = itoa::Buffer::new();
        for b in briefs {
            out.extend_from_slice(numbers.format(b.start).as_bytes());
            out.push(b'\t');
            out.extend_from_slice(numbers.format(b.end).as_bytes());
            out.push(b'\t');
            push_field(out, b.surface);
            if let Some((entry, e)) = b.entry {
                let (from, to) = self.end(entry, e, b.how);
                if to - from <= BLOCK {
                    let at = out.len();
                    let block: &[u8; BLOCK] =
                        self.ends[from..from + BLOCK].try_into().expect("padded");
                    out.extend_from_slice(block);
                    out.truncate(at + to - from);
                } else {
                    out.extend_from_slice(&self.ends[from..to]);
                }
            } else {
                // a name: itself as lemma and rendering
                out.push(b'\t');
                push_field(out, b.surface);
                out.extend_from_slice(b"\tname\tname\t");
                push_field(out, b.surface);
                out.push(b'\n');
            }
        }
    }

    /// Where the end of a row of `entry` matched `how` is in `ends`, formatted on first need.
    fn end(&mut self, entry: usize, e: &Entry, how: How) -> (usize, usize) {
        let slot = entry * HOWS + how as usize;
        if slot >= self.tails.len() {
            self.tails.resize(slot + 1, 0..0);
        }
        if self.tails[slot].is_empty() {
            let from = self.ends.len().saturating_sub(BLOCK);
            self.ends.truncate(from);
            tail(&mut self.ends, e, how);
            // a glossary's row ends are far from 4 GB
            let at = |n: usize| u32::try_from(n).expect("row ends fit in u32");
            self.tails[slot] = at(from)..at(self.ends.len());
            self.ends.resize(self.ends.len() + BLOCK, 0);
        }
        let range = &self.tails[slot];
        (range.start as usize, range.end as usize)
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

/// Append a field with tabs and line breaks turned into spaces, in one pass (most fields are
/// a word, too short for a call to copy it to pay).
fn push_field(out: &mut Vec<u8>, s: &str) {
    out.extend(s.bytes().map(|b| match b {
        b'\t' | b'\n' | b'\r' => b' ',
        b => b,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::parse_file;

    #[test]
    fn rows_keep_one_line_each_and_names_render_as_themselves() {
        let entries = parse_file(
            std::path::Path::new("t.toml"),
            "[[entry]]\nsw = \"mambo ya nje\"\nen = [\"foreign\\taffairs\", \"external affairs\"]\npos = \"noun\"\n",
        )
        .unwrap();
        let briefs = [
            Brief {
                start: 3,
                end: 15,
                surface: "mambo\nya nje",
                how: How::Inflected,
                entry: Some((0, &entries[0])),
            },
            Brief {
                start: 16,
                end: 20,
                surface: "Juma",
                how: How::Name,
                entry: None,
            },
        ];
        let mut rows = Rows::new();
        let mut out = Vec::new();
        rows.write(&mut out, &briefs);
        // the second time the entry's part of the row comes from the cache
        rows.write(&mut out, &briefs[..1]);
        let out = String::from_utf8(out).unwrap();
        let row = "3\t15\tmambo ya nje\tmambo ya nje\tnoun\tinflected\tforeign affairs; external affairs\n";
        assert_eq!(
            out,
            format!("{row}16\t20\tJuma\tJuma\tname\tname\tJuma\n{row}")
        );
    }
}
