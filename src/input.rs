//! Reading input text: files and standard input, whole or in chunks, with errors that name the
//! file and, for bad UTF-8, the byte offset in the whole input.
//!
//! [`Chunks`] reads a large input a piece at a time, so memory stays bounded whatever its size.
//! A chunk ends where a cut cannot split a sentence or a word: at a blank line if there is one
//! in the second half of the chunk, else after a line that ends a sentence, else at any line
//! break, else at any whitespace; only a chunk-sized stretch with no whitespace at all is cut
//! at a character boundary. Each chunk knows its byte offset and first line in the input, so
//! spans and line numbers stay those of the whole input.
//!
//! Text is returned as it is — a byte-order mark or CRLF line ends stay, so byte offsets match
//! the file. With `lossy`, invalid UTF-8 is replaced by U+FFFD, and offsets count the repaired
//! text.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The chunk size aimed at: large enough that a cut is rare inside a news article, small
/// enough that a few chunks in flight stay within a few megabytes.
pub const CHUNK_SIZE: usize = 256 << 10;

/// Read a whole file (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    read_all(path, false)
}

/// Read a whole file (or standard input for `-`); with `lossy`, bad UTF-8 is replaced.
pub fn read_all(path: &Path, lossy: bool) -> Result<String> {
    let mut reader = open(path)?;
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(display_path(path), e))?;
    decode(bytes, path, 0, lossy)
}

/// The name an input is reported under: `<stdin>` for `-`.
#[must_use]
pub fn display_path(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        PathBuf::from("<stdin>")
    } else {
        path.to_path_buf()
    }
}

/// Open a file (or standard input for `-`) for reading; a directory is an error.
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin()));
    }
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(Box::new(file))
}

fn decode(bytes: Vec<u8>, path: &Path, offset: usize, lossy: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::NotUtf8 {
            path: display_path(path),
            offset: offset + e.utf8_error().valid_up_to(),
        }),
    }
}

/// One piece of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub text: String,
    /// Byte offset of the chunk's start in the whole input.
    pub offset: usize,
    /// The 1-based line number of the chunk's first line.
    pub line: usize,
}

/// An input read in chunks of about `size` bytes, cut at safe places (see the module docs).
pub struct Chunks<R> {
    reader: R,
    path: PathBuf,
    size: usize,
    lossy: bool,
    pending: Vec<u8>,
    offset: usize,
    line: usize,
    eof: bool,
    failed: bool,
}

impl Chunks<Box<dyn Read + Send>> {
    /// Open `path` (or standard input for `-`) for reading in chunks.
    pub fn open(path: &Path, lossy: bool) -> Result<Self> {
        Ok(Chunks::new(open(path)?, path, CHUNK_SIZE, lossy))
    }
}

impl<R: Read> Chunks<R> {
    pub fn new(reader: R, path: &Path, size: usize, lossy: bool) -> Chunks<R> {
        Chunks {
            reader,
            path: path.to_path_buf(),
            size: size.max(16),
            lossy,
            pending: Vec::new(),
            offset: 0,
            line: 1,
            eof: false,
            failed: false,
        }
    }

    /// Read until `size` bytes are pending or the input ends, straight into `pending`.
    fn fill(&mut self) -> Result<()> {
        if self.eof || self.pending.len() >= self.size {
            return Ok(());
        }
        let want = self.size - self.pending.len();
        self.pending.reserve_exact(want);
        // reads until `want` bytes have come or the input ends, retrying interrupted reads
        match (&mut self.reader)
            .take(want as u64)
            .read_to_end(&mut self.pending)
        {
            Ok(n) if n < want => self.eof = true,
            Ok(_) => {}
            Err(e) => return Err(Error::io(display_path(&self.path), e)),
        }
        Ok(())
    }
}

/// Where to end a chunk of at most `bytes.len()` bytes: the safest cut in its second half, by
/// the order of the module docs.
fn cut(bytes: &[u8]) -> usize {
    let floor = bytes.len() / 2;
    let tail = &bytes[floor..];
    let after = |i: usize| floor + i + 1;
    // a blank line: "\n" then only spaces or tabs or "\r" then "\n"
    let mut last_newline: Option<usize> = None;
    let mut sentence_end: Option<usize> = None;
    for i in memchr::memrchr_iter(b'\n', tail) {
        if let Some(next) = last_newline
            && tail[i + 1..next]
                .iter()
                .all(|&c| matches!(c, b' ' | b'\t' | b'\r'))
        {
            return after(next);
        }
        if sentence_end.is_none() {
            let line = tail[..i].trim_ascii_end();
            if line.ends_with(b".") || line.ends_with(b"!") || line.ends_with(b"?") {
                sentence_end = Some(i);
            }
        }
        last_newline = Some(i);
    }
    if let Some(i) = sentence_end.or(last_newline) {
        return after(i);
    }
    if let Some(i) = tail
        .iter()
        .rposition(|&b| matches!(b, b' ' | b'\t' | b'\r'))
    {
        return after(i);
    }
    // no whitespace at all: the last character boundary
    let mut end = bytes.len();
    while end > floor && (bytes[end - 1] & 0b1100_0000) == 0b1000_0000 {
        end -= 1;
    }
    if end > floor && bytes[end - 1] >= 0b1100_0000 {
        end -= 1; // the lead byte of a character cut short
    }
    if end > floor { end } else { bytes.len() }
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        if self.failed {
            return None;
        }
        if let Err(e) = self.fill() {
            self.failed = true;
            return Some(Err(e));
        }
        if self.pending.is_empty() {
            return None;
        }
        let end = if self.eof && self.pending.len() <= self.size {
            self.pending.len()
        } else {
            cut(&self.pending[..self.size.min(self.pending.len())])
        };
        // what is left over starts the next chunk, in memory of a chunk's size
        let mut rest = Vec::with_capacity(self.size);
        rest.extend_from_slice(&self.pending[end..]);
        self.pending.truncate(end);
        let bytes = std::mem::replace(&mut self.pending, rest);
        let lines = memchr::memchr_iter(b'\n', &bytes).count();
        match decode(bytes, &self.path, self.offset, self.lossy) {
            Ok(text) => {
                let chunk = Chunk {
                    offset: self.offset,
                    line: self.line,
                    text,
                };
                self.offset += chunk.text.len();
                self.line += lines;
                Some(Ok(chunk))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &[u8], size: usize) -> Vec<Chunk> {
        Chunks::new(text, Path::new("t.txt"), size, false)
            .collect::<Result<Vec<_>>>()
            .unwrap()
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let dir = std::env::temp_dir().join(format!("istilahi-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.txt");
        std::fs::write(&file, b"habari \xff za leo").unwrap();
        let err = read_text(&file).unwrap_err();
        assert!(
            err.to_string().ends_with("invalid UTF-8 at byte offset 7"),
            "{err}"
        );
        assert_eq!(read_all(&file, true).unwrap(), "habari \u{fffd} za leo");
        assert!(matches!(read_text(&dir), Err(Error::IsDirectory { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn chunks_put_the_input_back_together() {
        let text = "Habari za leo. Mvua ilinyesha\nsana jana.\n\nWatu wengi walifika mapema; wengine baadaye.\nMwisho wa habari ".repeat(50);
        for size in [16, 40, 100, 1000, 100_000] {
            let parts = chunks(text.as_bytes(), size);
            let joined: String = parts.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(joined, text, "size {size}");
            let mut offset = 0;
            let mut line = 1;
            for c in &parts {
                assert_eq!((c.offset, c.line), (offset, line), "size {size}");
                offset += c.text.len();
                line += c.text.matches('\n').count();
            }
        }
    }

    #[test]
    fn chunks_end_at_blank_lines_then_sentence_ends_then_spaces() {
        let parts = chunks(b"aaaa bbbb.\ncccc\n\ndddd eeee ffff gggg", 24);
        assert_eq!(parts[0].text, "aaaa bbbb.\ncccc\n\n");
        let parts = chunks(b"aaaa bbbb cccc.\ndddd\neeee", 24);
        assert_eq!(parts[0].text, "aaaa bbbb cccc.\n");
        let parts = chunks(b"aaaa bbbb cccc dddd eeee ffff gggg", 24);
        assert_eq!(parts[0].text, "aaaa bbbb cccc dddd ");
    }

    #[test]
    fn a_line_without_whitespace_is_cut_at_a_character_boundary() {
        let text = "ñ".repeat(100);
        let parts = chunks(text.as_bytes(), 33);
        assert!(parts.len() > 1);
        assert_eq!(
            parts.iter().map(|c| c.text.as_str()).collect::<String>(),
            text
        );
    }

    #[test]
    fn bad_utf8_in_a_later_chunk_names_the_offset_in_the_whole_input() {
        let mut bytes = b"habari za leo\n".repeat(10);
        bytes.extend_from_slice(b"mbaya \xc3\x28 sana\n");
        let err = Chunks::new(&bytes[..], Path::new("t.txt"), 32, false)
            .collect::<Result<Vec<_>>>()
            .unwrap_err();
        assert_eq!(err.to_string(), "t.txt: invalid UTF-8 at byte offset 146");
        let lossy: String = Chunks::new(&bytes[..], Path::new("t.txt"), 32, true)
            .map(|c| c.unwrap().text)
            .collect();
        assert!(lossy.ends_with("mbaya \u{fffd}( sana\n"));
    }
}
