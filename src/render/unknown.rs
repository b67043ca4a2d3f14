//! Rendering the unglossed-word list: aligned text, TSV or JSON.

use std::io;

use unicode_width::UnicodeWidthStr;

use crate::render::text::visible;
use crate::unknown::Unknown;

pub fn render_text<W: io::Write>(out: &mut W, words: &[Unknown]) -> io::Result<()> {
    let ww = words
        .iter()
        .map(|u| u.word.width())
        .max()
        .unwrap_or(4)
        .max(4);
    let gw = words
        .iter()
        .map(|u| u.guess.as_deref().unwrap_or("?").width())
        .max()
        .unwrap_or(5)
        .min(48);
    for u in words {
        let guess = u.guess.as_deref().unwrap_or("?");
        let pad_w = ww - u.word.width();
        let pad_g = gw.saturating_sub(guess.width());
        writeln!(
            out,
            "{:>6}  {}{}  {}{}  {}",
            u.count,
            visible(&u.word),
            " ".repeat(pad_w),
            guess,
            " ".repeat(pad_g),
            visible(&u.context)
        )?;
    }
    Ok(())
}

pub fn render_tsv<W: io::Write>(out: &mut W, words: &[Unknown]) -> io::Result<()> {
    writeln!(out, "count\tword\tguess\tat\tcontext")?;
    for u in words {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            u.count,
            u.word,
            u.guess.as_deref().unwrap_or(""),
            u.at,
            u.context.replace('\t', " ")
        )?;
    }
    Ok(())
}

pub fn render_json<W: io::Write>(out: &mut W, words: &[Unknown]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, words)?;
    writeln!(out)
}
