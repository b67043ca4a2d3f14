//! `istilahi stats` output: the coverage figures of [`Stats`] as an aligned text summary,
//! a JSON object, or TSV rows `source figure value`. Each takes the figures of every file
//! (empty when they are not wanted) and the total.

use std::io;

use serde::Serialize;

use crate::stats::Stats;

/// The figures as named rows, in the order every format shows them (domains last).
fn rows(s: &Stats) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = vec![
        ("sentences".into(), s.sentences.to_string()),
        ("words".into(), s.words.to_string()),
        ("glossed".into(), s.glossed.to_string()),
        ("glossed_percent".into(), percent(s, s.glossed)),
        ("name_words".into(), s.name_words.to_string()),
        ("unknown".into(), s.unknown.to_string()),
        ("unknown_types".into(), s.unknown_types().to_string()),
        ("matches".into(), s.matches.total().to_string()),
        ("exact".into(), s.matches.exact.to_string()),
        ("variant".into(), s.matches.variant.to_string()),
        ("inflected".into(), s.matches.inflected.to_string()),
        ("name".into(), s.matches.name.to_string()),
        ("fuzzy".into(), s.matches.fuzzy.to_string()),
        ("multi_word_terms".into(), s.multi_word_terms.to_string()),
        ("domain_terms".into(), s.domain_terms.to_string()),
    ];
    rows.extend(
        s.domains
            .iter()
            .map(|(d, n)| (format!("domain:{d}"), n.to_string())),
    );
    rows
}

fn percent(s: &Stats, part: usize) -> String {
    format!("{:.1}", s.percent(part))
}

/// The text summary of one set of figures.
fn summary<W: io::Write>(out: &mut W, s: &Stats) -> io::Result<()> {
    let line = |out: &mut W, label: &str, n: usize, share: bool| -> io::Result<()> {
        if share {
            writeln!(out, "{label:<20}{n:>9}  {:>5}%", percent(s, n))
        } else {
            writeln!(out, "{label:<20}{n:>9}")
        }
    };
    line(out, "sentences", s.sentences, false)?;
    line(out, "words", s.words, false)?;
    line(out, "  glossed", s.glossed, true)?;
    line(out, "  in names", s.name_words, true)?;
    line(out, "  unknown", s.unknown, true)?;
    if s.unknown_types_exact() {
        line(out, "  unknown, distinct", s.unknown_types(), false)?;
    } else {
        // past the words counted exactly: an estimate, marked as one
        let about = format!("~{}", s.unknown_types());
        writeln!(out, "{:<20}{about:>9}", "  unknown, distinct")?;
    }
    line(out, "matches", s.matches.total(), false)?;
    line(out, "  exact", s.matches.exact, false)?;
    line(out, "  variant", s.matches.variant, false)?;
    line(out, "  inflected", s.matches.inflected, false)?;
    line(out, "  name", s.matches.name, false)?;
    line(out, "  fuzzy", s.matches.fuzzy, false)?;
    line(out, "multi-word terms", s.multi_word_terms, false)?;
    line(out, "domain terms", s.domain_terms, false)?;
    if !s.domains.is_empty() {
        writeln!(out, "terms by domain")?;
        for (d, n) in &s.domains {
            line(out, &format!("  {d}"), *n, false)?;
        }
    }
    Ok(())
}

/// Text: a block per file (if any), then the total.
pub fn render_text<W: io::Write>(
    out: &mut W,
    files: &[(String, Stats)],
    total: &Stats,
) -> io::Result<()> {
    for (source, s) in files {
        writeln!(out, "== {source} ==")?;
        summary(out, s)?;
        writeln!(out)?;
    }
    if !files.is_empty() {
        writeln!(out, "== total ==")?;
    }
    summary(out, total)
}

/// TSV: a header, then one row per figure: `source figure value` (`total` for the sum).
pub fn render_tsv<W: io::Write>(
    out: &mut W,
    files: &[(String, Stats)],
    total: &Stats,
) -> io::Result<()> {
    writeln!(out, "source\tfigure\tvalue")?;
    let all = files.iter().map(|(n, s)| (n.as_str(), s));
    for (source, s) in all.chain(std::iter::once(("total", total))) {
        let source = source.replace(['\t', '\n', '\r'], " ");
        for (figure, value) in rows(s) {
            writeln!(out, "{source}\t{figure}\t{value}")?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Figures<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(flatten)]
    stats: &'a Stats,
    glossed_percent: f64,
    unknown_types: usize,
}

impl<'a> Figures<'a> {
    fn new(source: Option<&'a str>, stats: &'a Stats) -> Figures<'a> {
        Figures {
            source,
            stats,
            glossed_percent: (stats.percent(stats.glossed) * 10.0).round() / 10.0,
            unknown_types: stats.unknown_types(),
        }
    }
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'a str,
    total: Figures<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<Figures<'a>>,
}

/// JSON: `{"version", "total": {...}, "files": [{"source", ...}]}` (`files` only when given).
pub fn render_json<W: io::Write>(
    out: &mut W,
    files: &[(String, Stats)],
    total: &Stats,
) -> io::Result<()> {
    let output = Output {
        version: super::json::VERSION,
        total: Figures::new(None, total),
        files: files
            .iter()
            .map(|(n, s)| Figures::new(Some(n), s))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
