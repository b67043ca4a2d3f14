//! Rendering term-QA findings: a text report grouped by segment (line numbers, both texts, one
//! line per problem), JSON, or TSV (`segment surface lemma problem expected`).

use std::io;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::qa::{Checked, Kind, Problem, Summary};
use crate::render::text::visible;
use crate::tokenize::one_line;

pub const TSV_HEADER: &str = "segment\tsurface\tlemma\tproblem\texpected";

const HEAD: Style = Style::new().bold();
const LABEL: Style = Style::new().dimmed();
const MISSING: Style = AnsiColor::Yellow.on_default();
const FORBIDDEN: Style = AnsiColor::Red.on_default();

/// Text for the terminal: on one line, control characters made visible.
fn shown(s: &str) -> String {
    visible(&one_line(s))
}

/// The problem column: `missing`, `forbidden: WORDS`, `empty target`, `empty source`.
fn problem_text(p: &Problem) -> String {
    match (&p.problem, &p.found) {
        (Kind::Forbidden, Some(found)) => format!("forbidden: {}", one_line(found)),
        (kind, _) => kind.as_str().to_owned(),
    }
}

/// Segments with problems, grouped, then the totals.
pub fn render_text<W: io::Write>(
    out: &mut W,
    checked: &[Checked],
    summary: &Summary,
) -> io::Result<()> {
    for c in checked.iter().filter(|c| !c.problems.is_empty()) {
        let lines = if c.source_line == c.target_line {
            format!("line {}", c.source_line)
        } else {
            format!(
                "source line {}, target line {}",
                c.source_line, c.target_line
            )
        };
        writeln!(out, "{HEAD}segment {}{HEAD:#} ({lines})", c.segment)?;
        writeln!(out, "  {LABEL}sw:{LABEL:#} {}", shown(&c.source))?;
        writeln!(out, "  {LABEL}en:{LABEL:#} {}", shown(&c.target))?;
        for p in &c.problems {
            let style = if p.problem == Kind::Forbidden {
                FORBIDDEN
            } else {
                MISSING
            };
            let kind = p.problem.as_str();
            match p.problem {
                Kind::EmptyTarget | Kind::EmptySource => {
                    writeln!(out, "  {style}{kind}{style:#}")?;
                }
                Kind::Missing => writeln!(
                    out,
                    "  {style}{kind:<9}{style:#}  {} ({} {}) → {}",
                    shown(&p.surface),
                    shown(&p.lemma),
                    p.pos,
                    shown(&p.expected.join("; "))
                )?,
                Kind::Forbidden => writeln!(
                    out,
                    "  {style}{kind:<9}{style:#}  {} ({} {}): \"{}\" is forbidden → {}",
                    shown(&p.surface),
                    shown(&p.lemma),
                    p.pos,
                    shown(p.found.as_deref().unwrap_or_default()),
                    shown(&p.expected.join("; "))
                )?,
            }
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} of {} segments flagged: {} missing, {} forbidden, {} empty ({} terms checked)",
        summary.flagged,
        summary.segments,
        summary.missing,
        summary.forbidden,
        summary.empty,
        summary.terms
    )
}

/// A field with tabs and line breaks turned into spaces.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A header row, then one row per problem.
pub fn render_tsv<W: io::Write>(out: &mut W, checked: &[Checked]) -> io::Result<()> {
    writeln!(out, "{TSV_HEADER}")?;
    for c in checked {
        for p in &c.problems {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                c.segment,
                field(&p.surface),
                field(&p.lemma),
                field(&problem_text(p)),
                field(&p.expected.join("; "))
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'a str,
    summary: &'a Summary,
    segments: Vec<&'a Checked>,
}

/// One object: the totals and every segment with problems.
pub fn render_json<W: io::Write>(
    out: &mut W,
    checked: &[Checked],
    summary: &Summary,
) -> io::Result<()> {
    let output = Output {
        version: crate::render::json::VERSION,
        summary,
        segments: checked.iter().filter(|c| !c.problems.is_empty()).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
