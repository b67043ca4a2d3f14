//! Every `annotate --format`, rendered in-process as the binary renders it (`src/cli.rs`), with
//! the checks each format's output must pass. [`FORMATS`] is the one list the property tests,
//! the bad-input matrix and the fuzz target go through: a new format is one more name and one
//! more arm in [`render`] and [`check`].

#![allow(dead_code)]

use istilahi::annotate::{Annotation, annotate};
use istilahi::lexicon::Lexicon;
use istilahi::render;
use istilahi::render::text::{Options, Tier};

use super::contract;

/// Every `annotate --format` value.
pub const FORMATS: &[&str] = &[
    "text", "json", "jsonl", "tsv", "html", "markdown", "sfm", "flextext",
];

/// Annotate `text` (named `source`) with `lexicon` and render it as `format`, at `width` for the
/// text view, the way `istilahi annotate` does.
#[must_use]
pub fn render(format: &str, lexicon: &Lexicon, source: &str, text: &str, width: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let w = &mut out;
    match format {
        "text" => {
            for (n, s) in Annotation::new(lexicon, text).enumerate() {
                let options = Options {
                    width,
                    tiers: &Tier::ALL,
                    lexicon: Some(lexicon),
                };
                render::text::render_sentence(w, n + 1, &s, options).unwrap();
            }
        }
        "json" => render::json::render(w, &[annotate(lexicon, source, text)]).unwrap(),
        "jsonl" => {
            for s in Annotation::new(lexicon, text) {
                render::json::render_sentence(w, source, &s).unwrap();
            }
        }
        "tsv" => {
            render::tsv::render_header(w).unwrap();
            let mut annotation = Annotation::new(lexicon, text);
            let mut briefs = Vec::new();
            let mut rows = render::tsv::Rows::new();
            while annotation.next_brief(&mut briefs) {
                rows.write(w, &briefs);
            }
        }
        "html" => {
            let docs = [annotate(lexicon, source, text)];
            render::html::render(w, &docs, lexicon.glossary().entries()).unwrap();
        }
        "markdown" => {
            let docs = [annotate(lexicon, source, text)];
            render::markdown::render(w, &docs, lexicon.glossary().entries()).unwrap();
        }
        "sfm" => {
            render::sfm::render_header(w).unwrap();
            render::sfm::render_source(w, source).unwrap();
            for (n, s) in Annotation::new(lexicon, text).enumerate() {
                render::sfm::render_sentence(w, source, n + 1, &s).unwrap();
            }
        }
        "flextext" => {
            let mut doc = render::flextext::FlexText::start(&mut *w).unwrap();
            doc.begin_text(source).unwrap();
            let mut last_end = None;
            for (n, s) in Annotation::new(lexicon, text).enumerate() {
                let paragraph = last_end
                    .is_some_and(|e| render::flextext::is_paragraph_break(&text[e..s.start]));
                doc.sentence(n + 1, &s, paragraph).unwrap();
                last_end = Some(s.end);
            }
            doc.end_text().unwrap();
            doc.finish().unwrap();
        }
        other => panic!("no renderer for --format {other}: add it here"),
    }
    out
}

/// Render and [`check`].
pub fn render_checked(
    format: &str,
    lexicon: &Lexicon,
    source: &str,
    text: &str,
    width: usize,
) -> Vec<u8> {
    let out = render(format, lexicon, source, text, width);
    check(format, &out, text);
    out
}

/// The checks of one format's output for `text`: every output is UTF-8; JSON, JSON Lines and
/// TSV keep the contract; the text view shows no control character; HTML and Markdown make no
/// element of the input's or glossary's text; SFM stays one marker per line; FLExText is
/// well-formed XML with only characters XML allows.
pub fn check(format: &str, out: &[u8], text: &str) {
    let s = std::str::from_utf8(out).expect("UTF-8 output");
    match format {
        "json" => contract::check_json(s, &[text]),
        "jsonl" => contract::check_jsonl(s, text),
        "tsv" => contract::check_tsv(s, text),
        "text" => check_no_controls(s),
        "html" => check_html(s),
        "markdown" => check_markdown(s),
        "sfm" => check_sfm(s),
        "flextext" => check_xml(s),
        other => panic!("no check for --format {other}: add it here"),
    }
}

/// Text meant for a terminal: no control characters but line ends and the renderer's own SGR
/// styling (`ESC [ … m`).
pub fn check_no_controls(s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.next(),
                Some('['),
                "an escape that is not styling in {s:?}"
            );
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
                assert!(
                    d.is_ascii_digit() || d == ';',
                    "an escape that is not styling in {s:?}"
                );
            }
            continue;
        }
        assert!(
            c == '\n' || !c.is_control(),
            "control character {c:?} in the text view: {s:?}"
        );
    }
}

/// Elements that text from an input or a glossary could smuggle in if it were not escaped.
const FOREIGN: &str = "b, i, img, iframe, object, embed, a[href^='javascript'], svg, form, input[type='text'], marquee, u";

/// The page's own elements only: no element from the hostile markup above, the page's one
/// script, and no event-handler attribute.
pub fn check_html(s: &str) {
    let page = scraper::Html::parse_document(s);
    let foreign = scraper::Selector::parse(FOREIGN).unwrap();
    if let Some(e) = page.select(&foreign).next() {
        panic!("an element made from text: {}", e.html());
    }
    let scripts = page
        .select(&scraper::Selector::parse("script").unwrap())
        .count();
    assert!(scripts <= 1, "{scripts} scripts: one is the page's own");
    for e in page.select(&scraper::Selector::parse("*").unwrap()) {
        for (name, _) in e.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "an event handler attribute {name} in {}",
                e.html()
            );
        }
    }
}

/// Markdown whose HTML, if any, is not from the text: parsed, it holds no raw HTML that opens
/// one of the hostile elements, and no autolink to a script.
pub fn check_markdown(s: &str) {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new(s) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let lower = h.to_lowercase();
                for tag in [
                    "<script", "<b>", "<b ", "<img", "<iframe", "<i>", "<svg", "<u>",
                ] {
                    assert!(!lower.contains(tag), "raw HTML {h:?} in the Markdown");
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    !dest_url.to_lowercase().starts_with("javascript"),
                    "a script link {dest_url:?}"
                );
            }
            _ => {}
        }
    }
}

/// Toolbox SFM: the header, then per document an `\id` line and per sentence one record of
/// exactly the lines `\ref \tx \mb \ge \ps \ft` and a blank line: a line break in the text or
/// a glossary must not start a line (or a marker) of its own.
pub fn check_sfm(s: &str) {
    let lines: Vec<&str> = s.lines().collect();
    let is = |line: &str, marker: &str| line == marker || line.starts_with(&format!("{marker} "));
    assert!(
        lines.len() >= 2 && is(lines[0], "\\_sh") && lines[1].is_empty(),
        "the header"
    );
    let mut i = 2;
    while i < lines.len() {
        if is(lines[i], "\\id") {
            assert_eq!(
                lines.get(i + 1),
                Some(&""),
                "a blank line after {:?}",
                lines[i]
            );
            i += 2;
            continue;
        }
        for (k, marker) in ["\\ref", "\\tx", "\\mb", "\\ge", "\\ps", "\\ft", ""]
            .iter()
            .enumerate()
        {
            let line = lines.get(i + k).copied().unwrap_or_default();
            let ok = if marker.is_empty() {
                line.is_empty()
            } else {
                is(line, marker)
            };
            assert!(ok, "line {} of a record is {line:?}, not {marker:?}", k + 1);
        }
        i += 7;
    }
}

/// Well-formed XML holding only the characters XML 1.0 allows (no C0 control but tab and line
/// ends, no U+FFFE or U+FFFF), as FLEx's parser demands.
pub fn check_xml(s: &str) {
    for c in s.chars() {
        assert!(
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..),
            "character {c:?} is not allowed in XML"
        );
    }
    let mut reader = quick_xml::Reader::from_str(s);
    let mut depth = 0usize;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
}

/// Look `query` up as Swahili and as English and render the result as text (with no control
/// characters) and as JSON that parses: what any query must survive.
pub fn lookup_checked(lexicon: &Lexicon, query: &str) {
    let found = vec![
        istilahi::lookup::lookup(lexicon, query),
        istilahi::lookup::lookup_english(lexicon, query),
    ];
    let mut out = Vec::new();
    for f in &found {
        render::lookup::render_text(&mut out, lexicon, f).unwrap();
    }
    check_no_controls(std::str::from_utf8(&out).unwrap());
    out.clear();
    render::lookup::render_json(&mut out, lexicon, &found).unwrap();
    let _: serde_json::Value = serde_json::from_slice(&out).expect("lookup JSON parses");
}
