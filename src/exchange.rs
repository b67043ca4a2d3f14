//! Glossary exchange formats: writing entries as `OmegaT` TSV, CSV (memoQ/Trados), TBX-Basic
//! (TBX v3, ISO 30042:2019) and JSON, and reading TSV, CSV and TBX (v3 and v2 `martif`) back
//! into [`Draft`]s with the line each came from. CSV and TSV go through the `csv` crate, XML
//! through `quick-xml`. Reading only parses: validation is the loader's, see [`import`].
//!
//! - TSV (`OmegaT`): no header; exactly three tab-separated columns: source (`sw`), target
//!   (renderings joined with `; `) and comment (`pos; class; note`, absent parts left out).
//!   Tabs and line breaks inside a field become spaces.
//! - CSV: a header row `Swahili,English,part of speech,noun class,domain,note`; renderings and
//!   domains joined with `; `.
//! - TBX: one `conceptEntry` per entry with `descrip type="subjectField"` per domain and the
//!   note; a `sw` `langSec` (headword, then variants with `termType` `variant`) and an `en`
//!   `langSec` (renderings: the first `preferredTerm-admn-sts`, the others `admittedTerm-admn-sts`,
//!   forbidden ones `deprecatedTerm-admn-sts`); the example as `descrip type="context"`.
//!   Parts of speech outside TBX-Basic's list are written as istilahi names them.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use crate::edit::{Draft, GlossaryFile, split_list};
use crate::error::{Error, LineIndex, Position, Result};
use crate::glossary::{Example, NounClass, Pos};
use crate::tokenize::key;

/// One record read from an exchange file: its 1-based line and the draft (or why none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub draft: Result<Draft, String>,
}

/// A record that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub line: usize,
    pub message: String,
}

const JOIN: &str = "; ";

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The I/O error under a CSV writer's error, keeping its kind (a closed pipe must stay one, which
/// the binary takes as success).
fn csv_error(e: csv::Error) -> io::Error {
    if e.is_io_error() {
        match e.into_kind() {
            csv::ErrorKind::Io(source) => source,
            _ => unreachable!("is_io_error said so"),
        }
    } else {
        io::Error::other(e.to_string())
    }
}

/// `OmegaT` glossary: `source\ttarget\tcomment`, one line per entry.
pub fn write_tsv<W: Write>(w: W, entries: &[Draft]) -> io::Result<()> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Never)
        .has_headers(false)
        .from_writer(w);
    for d in entries {
        let mut comment: Vec<String> = Vec::new();
        comment.extend(d.pos.clone());
        comment.extend(d.class.clone());
        comment.extend(d.note.clone());
        out.write_record([
            one_line(&d.sw),
            one_line(&d.en.join(JOIN)),
            one_line(&comment.join(JOIN)),
        ])
        .map_err(csv_error)?;
    }
    out.flush()
}

const CSV_HEADER: [&str; 6] = [
    "Swahili",
    "English",
    "part of speech",
    "noun class",
    "domain",
    "note",
];

/// CSV with a header row (memoQ/Trados term base import).
pub fn write_csv<W: Write>(w: W, entries: &[Draft]) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(CSV_HEADER).map_err(csv_error)?;
    for d in entries {
        out.write_record([
            d.sw.as_str(),
            &d.en.join(JOIN),
            d.pos.as_deref().unwrap_or_default(),
            d.class.as_deref().unwrap_or_default(),
            &d.domain.join(JOIN),
            d.note.as_deref().unwrap_or_default(),
        ])
        .map_err(csv_error)?;
    }
    out.flush()
}

/// A JSON array of entries (the glossary fields; absent ones left out).
pub fn write_json<W: Write>(mut w: W, entries: &[Draft]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, entries)?;
    writeln!(w)
}

fn tbx_pos(pos: &str) -> &str {
    match pos {
        "adj" => "adjective",
        "adv" => "adverb",
        "name" => "properNoun",
        other => other,
    }
}

fn istilahi_pos(pos: &str) -> String {
    match pos {
        "adjective" => "adj",
        "adverb" => "adv",
        "properNoun" => "name",
        other => other,
    }
    .to_owned()
}

type XmlWriter<W> = quick_xml::Writer<W>;

fn leaf<W: Write>(
    x: &mut XmlWriter<W>,
    name: &str,
    attr: Option<(&str, &str)>,
    text: &str,
) -> io::Result<()> {
    let mut el = x.create_element(name);
    if let Some(a) = attr {
        el = el.with_attribute(a);
    }
    el.write_text_content(BytesText::new(text))?;
    Ok(())
}

struct TermSec<'a> {
    term: &'a str,
    pos: Option<&'a str>,
    term_type: Option<&'a str>,
    status: Option<&'a str>,
    context: Option<&'a str>,
}

fn term_sec<W: Write>(x: &mut XmlWriter<W>, t: &TermSec) -> io::Result<()> {
    x.create_element("termSec").write_inner_content(|x| {
        leaf(x, "term", None, t.term)?;
        if let Some(p) = t.pos {
            leaf(x, "termNote", Some(("type", "partOfSpeech")), tbx_pos(p))?;
        }
        if let Some(tt) = t.term_type {
            leaf(x, "termNote", Some(("type", "termType")), tt)?;
        }
        if let Some(s) = t.status {
            leaf(x, "termNote", Some(("type", "administrativeStatus")), s)?;
        }
        if let Some(c) = t.context {
            leaf(x, "descrip", Some(("type", "context")), c)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// TBX-Basic, TBX v3 (ISO 30042:2019), DCA style.
pub fn write_tbx<W: Write>(w: W, entries: &[Draft]) -> io::Result<()> {
    let mut x = quick_xml::Writer::new_with_indent(w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("tbx").with_attributes([
        ("type", "TBX-Basic"),
        ("style", "dca"),
        ("xml:lang", "sw"),
        ("xmlns", "urn:iso:std:iso:30042:ed-2"),
    ]);
    x.create_element("tbx")
        .with_attributes(root.attributes().filter_map(std::result::Result::ok))
        .write_inner_content(|x| {
            x.create_element("tbxHeader").write_inner_content(|x| {
                x.create_element("fileDesc").write_inner_content(|x| {
                    x.create_element("sourceDesc")
                        .write_inner_content(|x| leaf(x, "p", None, "istilahi glossary export"))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            x.create_element("text").write_inner_content(|x| {
                x.create_element("body").write_inner_content(|x| {
                    for (n, d) in entries.iter().enumerate() {
                        concept_entry(x, n + 1, d)?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })?;
    let mut w = x.into_inner();
    writeln!(w)?;
    w.flush()
}

fn concept_entry<W: Write>(x: &mut XmlWriter<W>, n: usize, d: &Draft) -> io::Result<()> {
    let id = format!("c{n}");
    let pos = d.pos.as_deref();
    x.create_element("conceptEntry")
        .with_attribute(("id", id.as_str()))
        .write_inner_content(|x| {
            for dom in &d.domain {
                leaf(x, "descrip", Some(("type", "subjectField")), dom)?;
            }
            if let Some(note) = &d.note {
                leaf(x, "note", None, note)?;
            }
            x.create_element("langSec")
                .with_attribute(("xml:lang", "sw"))
                .write_inner_content(|x| {
                    term_sec(
                        x,
                        &TermSec {
                            term: &d.sw,
                            pos,
                            term_type: None,
                            status: None,
                            context: d.example.as_ref().map(|e| e.sw.as_str()),
                        },
                    )?;
                    for v in &d.variants {
                        term_sec(
                            x,
                            &TermSec {
                                term: v,
                                pos,
                                term_type: Some("variant"),
                                status: None,
                                context: None,
                            },
                        )?;
                    }
                    Ok(())
                })?;
            x.create_element("langSec")
                .with_attribute(("xml:lang", "en"))
                .write_inner_content(|x| {
                    for (i, r) in d.en.iter().enumerate() {
                        term_sec(
                            x,
                            &TermSec {
                                term: r,
                                pos,
                                term_type: None,
                                status: Some(if i == 0 {
                                    "preferredTerm-admn-sts"
                                } else {
                                    "admittedTerm-admn-sts"
                                }),
                                context: if i == 0 {
                                    d.example.as_ref().map(|e| e.en.as_str())
                                } else {
                                    None
                                },
                            },
                        )?;
                    }
                    for f in &d.forbidden {
                        term_sec(
                            x,
                            &TermSec {
                                term: f,
                                pos,
                                term_type: None,
                                status: Some("deprecatedTerm-admn-sts"),
                                context: None,
                            },
                        )?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// Read `OmegaT` TSV (`source\ttarget\tcomment`; the comment may be missing).
pub fn read_tsv(path: &Path, text: &str) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quoting(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| exchange_error(path, text, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() == 1 && record[0].trim().is_empty() {
            continue;
        }
        let draft = if record.len() == 2 || record.len() == 3 {
            Ok(tsv_draft(
                &record[0],
                &record[1],
                record.get(2).unwrap_or_default(),
            ))
        } else {
            Err(format!(
                "expected 3 tab-separated columns (source, target, comment), found {}",
                record.len()
            ))
        };
        rows.push(Row { line, draft });
    }
    Ok(rows)
}

fn tsv_draft(source: &str, target: &str, comment: &str) -> Draft {
    let mut d = Draft {
        sw: source.trim().to_owned(),
        en: split_list(target),
        ..Draft::default()
    };
    let mut parts: Vec<&str> = comment.split(JOIN).collect();
    if parts
        .first()
        .is_some_and(|p| Pos::parse(p.trim()).is_some())
    {
        d.pos = Some(parts.remove(0).trim().to_owned());
        // a class-like part is the class, valid or not (the loader then names a bad one)
        if parts.first().is_some_and(|p| looks_like_class(p.trim())) {
            d.class = Some(parts.remove(0).trim().to_owned());
        }
    }
    d.note = non_empty(&parts.join(JOIN));
    d
}

fn looks_like_class(s: &str) -> bool {
    NounClass::parse(s).is_some()
        || (!s.is_empty() && s.len() <= 5 && s.chars().all(|c| c.is_ascii_digit() || c == '/'))
}

fn exchange_error(path: &Path, text: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let _ = text;
    Error::Exchange {
        path: path.to_path_buf(),
        at: Position { line, column: 1 },
        message: e.to_string(),
    }
}

/// Read CSV with a header row naming the columns (see the module doc; case does not matter).
pub fn read_csv(path: &Path, text: &str) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| exchange_error(path, text, &e))?
        .clone();
    let mut columns: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        let Some(name) = CSV_HEADER.iter().find(|c| c.to_lowercase() == h) else {
            return Err(Error::Exchange {
                path: path.to_path_buf(),
                at: Position { line: 1, column: 1 },
                message: format!("unknown column {h:?} (expected {})", CSV_HEADER.join(", ")),
            });
        };
        columns.insert(name, i);
    }
    for required in ["Swahili", "English"] {
        if !columns.contains_key(required) {
            return Err(Error::Exchange {
                path: path.to_path_buf(),
                at: Position { line: 1, column: 1 },
                message: format!("no {required:?} column"),
            });
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| exchange_error(path, text, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |name: &str| {
            columns
                .get(name)
                .and_then(|&i| record.get(i))
                .unwrap_or_default()
        };
        let d = Draft {
            sw: field("Swahili").trim().to_owned(),
            en: split_list(field("English")),
            pos: non_empty(field("part of speech")),
            class: non_empty(field("noun class")),
            domain: split_list(field("domain")),
            note: non_empty(field("note")),
            ..Draft::default()
        };
        rows.push(Row { line, draft: Ok(d) });
    }
    Ok(rows)
}

/// A parsed XML element: local name, attributes (qualified names), children, own text.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
    line: usize,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn descendants<'a>(&'a self, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            out.push(c);
            c.descendants(out);
        }
    }
}

fn parse_xml(path: &Path, text: &str) -> Result<Node> {
    // a message may quote the input (an entity's name): control characters are shown
    // escaped, so the error stays one line
    let fail = |offset: u64, message: String| Error::Exchange {
        path: path.to_path_buf(),
        at: Position::of_offset(text, usize::try_from(offset).unwrap_or(usize::MAX)),
        message: message
            .chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    let lines = LineIndex::new(text);
    loop {
        let at = reader.buffer_position();
        let line = lines
            .position(usize::try_from(at).unwrap_or(text.len()))
            .line;
        let event = reader
            .read_event()
            .map_err(|e| fail(reader.error_position(), format!("bad XML: {e}")))?;
        let element = |e: &BytesStart| -> Result<Node> {
            let mut attrs = Vec::new();
            for a in e.attributes() {
                let a = a.map_err(|e| fail(at, format!("bad XML attribute: {e}")))?;
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| fail(at, format!("bad XML attribute: {e}")))?;
                attrs.push((AsRef::<str>::as_ref(&a.key).to_owned(), value.into_owned()));
            }
            Ok(Node {
                name: AsRef::<str>::as_ref(&e.local_name()).to_owned(),
                attrs,
                line,
                ..Node::default()
            })
        };
        match event {
            Event::Start(e) => stack.push(element(&e)?),
            Event::Empty(e) => {
                let node = element(&e)?;
                stack.last_mut().expect("root").children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().expect("balanced");
                stack.last_mut().expect("root").children.push(node);
            }
            Event::Text(t) => stack
                .last_mut()
                .expect("root")
                .text
                .push_str(&t.xml10_content()),
            Event::CData(t) => stack
                .last_mut()
                .expect("root")
                .text
                .push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => return Err(fail(at, format!("unknown entity &{other};"))),
                    },
                };
                stack.last_mut().expect("root").text.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(fail(text.len() as u64, "unclosed XML element".into()));
    }
    Ok(stack.pop().expect("root"))
}

/// Read TBX: v3 (`conceptEntry`/`langSec`/`termSec`) or v2 (`martif`, `termEntry`/`langSet`/`tig`).
pub fn read_tbx(path: &Path, text: &str) -> Result<Vec<Row>> {
    let root = parse_xml(path, text)?;
    let mut all = Vec::new();
    root.descendants(&mut all);
    let entries: Vec<&Node> = all
        .into_iter()
        .filter(|n| n.name == "conceptEntry" || n.name == "termEntry")
        .collect();
    if entries.is_empty() {
        return Err(Error::Exchange {
            path: path.to_path_buf(),
            at: Position { line: 1, column: 1 },
            message: "no conceptEntry or termEntry elements: not a TBX file".into(),
        });
    }
    Ok(entries
        .into_iter()
        .map(|e| Row {
            line: e.line,
            draft: tbx_draft(e),
        })
        .collect())
}

#[derive(Default)]
struct Term {
    text: String,
    notes: HashMap<String, String>,
    context: Option<String>,
}

fn tbx_term(sec: &Node) -> Term {
    let mut all = Vec::new();
    sec.descendants(&mut all);
    let mut t = Term::default();
    for n in all {
        match n.name.as_str() {
            "term" => t.text.clone_from(&n.text),
            "termNote" => {
                if let Some(ty) = n.attr("type") {
                    t.notes.insert(ty.to_owned(), n.text.trim().to_owned());
                }
            }
            "descrip" if n.attr("type") == Some("context") => t.context = Some(n.text.clone()),
            _ => {}
        }
    }
    t
}

fn tbx_draft(entry: &Node) -> Result<Draft, String> {
    let mut d = Draft::default();
    let mut notes = Vec::new();
    let mut sw_terms = Vec::new();
    let mut en_terms = Vec::new();
    let mut level: Vec<&Node> = entry.children.iter().collect();
    // v2 groups: descripGrp / adminGrp hold entry-level descrips
    level.extend(
        entry
            .children
            .iter()
            .filter(|c| c.name.ends_with("Grp"))
            .flat_map(|c| c.children.iter()),
    );
    for c in level {
        match c.name.as_str() {
            "descrip" if c.attr("type") == Some("subjectField") => d.domain.push(c.text.clone()),
            "note" => notes.push(c.text.clone()),
            "langSec" | "langSet" => {
                let lang = c
                    .attr("xml:lang")
                    .or_else(|| c.attr("lang"))
                    .unwrap_or_default()
                    .to_lowercase();
                let primary = lang.split(['-', '_']).next().unwrap_or_default().to_owned();
                let terms: Vec<Term> = c
                    .children
                    .iter()
                    .filter(|s| matches!(s.name.as_str(), "termSec" | "tig" | "ntig"))
                    .map(tbx_term)
                    .collect();
                match primary.as_str() {
                    "sw" | "swa" | "swh" => sw_terms.extend(terms),
                    "en" | "eng" => en_terms.extend(terms),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let pos_of = |t: &Term| t.notes.get("partOfSpeech").map(|p| istilahi_pos(p));
    let head = sw_terms
        .iter()
        .position(|t| t.notes.get("termType").map(String::as_str) != Some("variant"))
        .ok_or("no Swahili term (a langSec with xml:lang=\"sw\")")?;
    let head = sw_terms.remove(head);
    head.text.trim().clone_into(&mut d.sw);
    d.pos = pos_of(&head).or_else(|| en_terms.iter().find_map(pos_of));
    d.variants = sw_terms.iter().map(|t| t.text.trim().to_owned()).collect();
    let mut example_en = None;
    for t in &en_terms {
        let status = t
            .notes
            .get("administrativeStatus")
            .map_or("", String::as_str);
        if status.starts_with("deprecated") || status.starts_with("superseded") {
            d.forbidden.push(t.text.trim().to_owned());
        } else {
            if example_en.is_none() {
                example_en.clone_from(&t.context);
            }
            d.en.push(t.text.trim().to_owned());
        }
    }
    if let (Some(sw), Some(en)) = (head.context, example_en) {
        d.example = Some(Example { sw, en });
    }
    d.note = non_empty(&notes.join(" "));
    Ok(d)
}

/// Add the rows to a glossary file: each is validated by the loader; invalid rows and duplicate
/// headword+pos (of the file or of an earlier row) are rejected with their line.
#[must_use]
pub fn import(file: &mut GlossaryFile, rows: Vec<Row>) -> Vec<Rejected> {
    let mut seen = file.identities();
    let mut rejected = Vec::new();
    for row in rows {
        let result = row.draft.and_then(|d| {
            let entry = d.check().map_err(|m| format!("entry {:?}: {m}", d.sw))?;
            let id = (key(&entry.sw), entry.pos.to_string());
            if seen.contains(&id) {
                return Err(format!("duplicate entry {:?} ({})", entry.sw, entry.pos));
            }
            file.append_new(&d).map_err(|e| e.to_string())?;
            seen.insert(id);
            Ok(())
        });
        if let Err(message) = result {
            rejected.push(Rejected {
                line: row.line,
                message,
            });
        }
    }
    rejected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Draft {
        Draft {
            sw: "balozi".into(),
            en: vec!["ambassador".into(), "envoy & emissary".into()],
            pos: Some("noun".into()),
            class: Some("5/6".into()),
            domain: vec!["diplomacy".into(), "government".into()],
            variants: vec!["baloz".into()],
            note: Some("Head of an embassy <not a consul>.".into()),
            example: Some(Example {
                sw: "Balozi alifika.".into(),
                en: "The ambassador arrived.".into(),
            }),
            forbidden: vec!["consul".into()],
            ..Draft::default()
        }
    }

    #[test]
    fn tbx_carries_every_field_but_class() {
        let mut out = Vec::new();
        write_tbx(&mut out, &[full()]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(
                "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"
            ),
            "{text}"
        );
        let rows = read_tbx(Path::new("t.tbx"), &text).unwrap();
        assert_eq!(rows.len(), 1);
        let want = Draft {
            class: None,
            ..full()
        };
        assert_eq!(rows[0].draft, Ok(want));
    }

    #[test]
    fn tsv_comment_gives_pos_class_and_note() {
        let d = tsv_draft(
            "balozi",
            "ambassador; envoy",
            "noun; 5/6; A note; with a semicolon",
        );
        assert_eq!(d.pos.as_deref(), Some("noun"));
        assert_eq!(d.class.as_deref(), Some("5/6"));
        assert_eq!(d.note.as_deref(), Some("A note; with a semicolon"));
        assert_eq!(d.en, ["ambassador", "envoy"]);
        // a bad class stays a class, so that the loader names it
        assert_eq!(
            tsv_draft("a", "b", "noun; 5/7").class.as_deref(),
            Some("5/7")
        );
        let free = tsv_draft("a", "b", "just a comment");
        assert_eq!(
            (free.pos, free.note.as_deref()),
            (None, Some("just a comment"))
        );
    }

    #[test]
    fn bad_xml_names_the_line() {
        let err = read_tbx(Path::new("t.tbx"), "<tbx>\n<text>\n</tbx>\n").unwrap_err();
        assert!(err.to_string().starts_with("t.tbx:3:"), "{err}");
    }
}
