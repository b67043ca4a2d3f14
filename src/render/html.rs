//! The HTML reading view: one self-contained page (inline CSS, no external resources; a few
//! lines of optional script) with a coverage summary and a legend at the top, a section per
//! document, and an interlinear block per sentence — each word or term with its morphemes and
//! English gloss beneath it. Multi-word terms are boxed, subject-domain terms highlighted,
//! names and unknown words styled apart; hovering or focusing a term shows its whole entry.
//! Each document ends with a table of its terms, which is also what a printout keeps.
//!
//! The markup is built with `maud`, which escapes every piece of text it is given: input and
//! glossary text never reach the page unescaped. The only raw strings are the fixed style
//! sheet and script below and style rules made of numbers.

use std::fmt::Write as _;
use std::io;

use compact_str::CompactString;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::interlinear::{self, Piece, Unit};
use crate::coverage::{self, Coverage, Inventory};
use crate::document::{Document, Match, Sentence};
use crate::glossary::Entry;
use crate::lexicon::How;
use crate::tokenize::Kind;

/// Write the page for `documents`. `entries` are the entries their matches index
/// (`Match::entry`): the glossary of the lexicon that annotated them.
pub fn render<W: io::Write>(
    out: &mut W,
    documents: &[Document],
    entries: &[Entry],
) -> io::Result<()> {
    let page = Page::new(documents, entries).markup();
    out.write_all(page.into_string().as_bytes())?;
    writeln!(out)
}

/// What every part of the page needs to know.
struct Page<'a> {
    documents: &'a [Document],
    entries: &'a [Entry],
    coverage: Coverage,
    /// The subject domains found, in the order of the coverage figures; their index names
    /// their CSS class (`d0`, `d1`…), so no glossary text goes into the style sheet.
    domains: Vec<String>,
}

const STYLE: &str = include_str!("html.css");

/// Optional: Escape hides an open entry card; cards of words on the right open leftwards.
const SCRIPT: &str = "(function(){\
var b=document.body;\
document.addEventListener('keydown',function(e){if(e.key==='Escape'){b.classList.add('quiet');\
var a=document.activeElement;if(a&&a.classList.contains('m')){a.blur();}}});\
document.addEventListener('pointermove',function(){b.classList.remove('quiet');});\
function place(){var w=document.documentElement.clientWidth;\
document.querySelectorAll('.m').forEach(function(u){\
u.classList.toggle('flip',u.getBoundingClientRect().left>w/2);});}\
place();window.addEventListener('resize',place);\
})();";

impl<'a> Page<'a> {
    fn new(documents: &'a [Document], entries: &'a [Entry]) -> Page<'a> {
        let coverage = Coverage::of(documents, entries);
        let domains = coverage.by_domain.iter().map(|(d, _)| d.clone()).collect();
        Page {
            documents,
            entries,
            coverage,
            domains,
        }
    }

    /// What the page shows: the one file's name, or how many texts.
    fn subject(&self) -> String {
        match self.documents {
            [one] => one.source.clone(),
            many => format!("{} texts", many.len()),
        }
    }

    fn markup(&self) -> Markup {
        html! {
            (DOCTYPE)
            "\n"
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="generator" content="istilahi";
                    title { "istilahi: " (self.subject()) }
                    style { (PreEscaped(STYLE)) (PreEscaped(self.domain_rules())) }
                }
                "\n"
                body {
                    header {
                        h1 { "Glossed Swahili: " (self.subject()) }
                        p.hint { "Hover over a word, or move to it with the Tab key, to see its glossary entry." }
                    }
                    "\n"
                    main {
                        (self.overview())
                        "\n"
                        @for (n, doc) in self.documents.iter().enumerate() {
                            (self.document(n + 1, doc))
                        }
                    }
                    script { (PreEscaped(SCRIPT)) }
                }
            }
            "\n"
        }
    }

    /// Rules that turn the highlight off for all but the chosen domain.
    fn domain_rules(&self) -> String {
        let mut css = String::from("body:has(#hl-none:checked) .dom>.sw{box-shadow:none}\n");
        for i in 0..self.domains.len() {
            let _ = writeln!(
                css,
                "body:has(#hl-{i}:checked) .dom:not(.d{i})>.sw{{box-shadow:none}}"
            );
        }
        css
    }

    fn overview(&self) -> Markup {
        let c = &self.coverage;
        html! {
            section.overview aria-labelledby="coverage" {
                div.summary {
                    h2 #coverage { "Coverage" }
                    p.big {
                        strong { (c.glossed_percent()) "%" }
                        " of " (c.words) " words glossed"
                        span.sub {
                            (c.sentences) " sentence" @if c.sentences != 1 { "s" }
                            @if c.documents > 1 { ", " (c.documents) " texts" }
                            ", " (c.multiword) " multi-word term" @if c.multiword != 1 { "s" }
                        }
                    }
                    table.counts {
                        caption { "Words by how they were found" }
                        thead { tr { th scope="col" { "found" } th scope="col" { "words" } th scope="col" { "matches" } } }
                        tbody {
                            @for h in &c.by_how {
                                tr {
                                    th scope="row" { span class={ "key " (h.how.as_str()) } { (h.how.as_str()) } }
                                    td { (h.words) } td { (h.matches) }
                                }
                            }
                            tr {
                                th scope="row" { span.key.unk { "not in the glossary" } }
                                td { (c.unknown) } td { "–" }
                            }
                        }
                    }
                }
                (Self::legend())
                (self.controls())
            }
        }
    }

    fn legend() -> Markup {
        html! {
            div.legend {
                h2 #legend { "How to read" }
                p { "Under each Swahili word: its morphemes (for inflected forms) and its English gloss." }
                ul aria-labelledby="legend" {
                    li { span.key.exact { "exact" } " written as in the glossary" }
                    li { span.key.variant { "variant" } " a listed spelling or plural" }
                    li { span.key.inflected { "inflected" } " an inflected form of an entry" }
                    li { span.key.name { "name" } " a capitalised word no entry covers" }
                    li { span.key.unk { "unknown" } " not in the glossary" }
                    li { span.key.multi { "multi-word term" } " one entry" }
                    li { span.key.dom { "domain term" } " diplomacy, security, law…" }
                }
                details {
                    summary { "Gloss abbreviations" }
                    dl.abbr {
                        @for (abbr, meaning) in ABBREVIATIONS {
                            dt { (abbr) } dd { (meaning) }
                        }
                    }
                }
            }
        }
    }

    fn controls(&self) -> Markup {
        html! {
            div.controls {
                fieldset {
                    legend { "Show" }
                    label { input #show-mo type="checkbox" checked; " morphemes" }
                    label { input #show-gl type="checkbox" checked; " English gloss" }
                }
                @if !self.domains.is_empty() {
                    fieldset.domains {
                        legend { "Highlight domain terms" }
                        label { input #hl-all type="radio" name="hl" checked; " all" }
                        @for (i, (d, n)) in self.coverage.by_domain.iter().enumerate() {
                            label { input id={ "hl-" (i) } type="radio" name="hl"; " " (d) " (" (n) ")" }
                        }
                        label { input #hl-none type="radio" name="hl"; " none" }
                    }
                }
            }
        }
    }

    fn document(&self, n: usize, doc: &Document) -> Markup {
        let c = Coverage::of(std::slice::from_ref(doc), self.entries);
        let id = format!("doc{n}");
        html! {
            section.doc aria-labelledby=(id) {
                h2 id=(id) { (doc.source) }
                p.docsum {
                    (c.sentences) " sentences, " (c.words) " words, "
                    (c.glossed_percent()) "% glossed, " (c.names) " in names, "
                    (c.unknown) " not in the glossary"
                }
                "\n"
                ol.sentences {
                    @for (i, s) in doc.sentences.iter().enumerate() {
                        (self.sentence(n, i + 1, s))
                        "\n"
                    }
                }
                (self.terms(n, doc))
            }
            "\n"
        }
    }

    fn sentence(&self, doc: usize, n: usize, s: &Sentence) -> Markup {
        let segmented = s.matches.iter().any(|m| m.segmentation().is_some());
        html! {
            li.s id={ "d" (doc) "s" (n) } {
                span.n aria-hidden="true" { (n) }
                div.il.nomo[!segmented] {
                    @for col in interlinear::columns(s) {
                        div.col {
                            @for unit in interlinear::units(s, &col) {
                                (self.unit(doc, n, s, &unit))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A word or term with its tiers; the punctuation written against it stands in its source
    /// tier.
    fn unit(&self, doc: usize, n: usize, s: &Sentence, unit: &Unit) -> Markup {
        let text = |pieces: &[Piece]| -> String {
            pieces.iter().map(|&p| interlinear::surface(s, p)).collect()
        };
        let (before, after) = (text(&unit.before), text(&unit.after));
        let surface = html! {
            @if !before.is_empty() { span.pu { (before) } }
            (interlinear::surface(s, unit.piece))
            @if !after.is_empty() { span.pu { (after) } }
        };
        match unit.piece {
            Piece::Token(t) => {
                let class = match s.tokens[t].kind {
                    Kind::Word => "u unk",
                    Kind::Number => "u num",
                    Kind::Punct | Kind::Symbol => "u p",
                };
                html! {
                    div class=(class) {
                        div.sw lang="sw" { (surface) }
                        div.mo {}
                        div.gl {}
                    }
                }
            }
            Piece::Match(i) => {
                let m = &s.matches[i];
                let entry = m.entry.and_then(|e| self.entries.get(e));
                let mut class = format!("u m {}", m.how.as_str());
                if interlinear::is_multiword(s, i) {
                    class.push_str(" multi");
                }
                if let Some(e) = entry.filter(|e| crate::domain::is_domain_entry(e)) {
                    class.push_str(" dom");
                    for d in &e.domain {
                        if let Some(k) = self.domains.iter().position(|x| x == d) {
                            let _ = write!(class, " d{k}");
                        }
                    }
                }
                let card = format!("c{doc}-{n}-{i}");
                let morphs = m.segmentation().unwrap_or_default();
                html! {
                    @if let Some(e) = entry {
                        div class=(class) tabindex="0" aria-describedby=(card) {
                            div.sw lang="sw" { (surface) }
                            div.mo lang="sw" { (morphs) }
                            div.gl lang="en" { (interlinear::gloss(m)) }
                            (card_markup(&card, m, e))
                        }
                    } @else if m.how == How::Name {
                        div class=(class) title="name: not in the glossary" {
                            div.sw lang="sw" { (surface) }
                            div.mo {}
                            div.gl { "name" }
                        }
                    } @else {
                        // an entry this page was not given: what the match itself says
                        div class=(class) {
                            div.sw lang="sw" { (surface) }
                            div.mo lang="sw" { (morphs) }
                            div.gl lang="en" { (m.gloss) }
                        }
                    }
                }
            }
        }
    }

    /// The table of the terms of a document, in order of first appearance, then its names and
    /// the words no entry covers.
    fn terms(&self, n: usize, doc: &Document) -> Markup {
        let inv = Inventory::of(doc, self.entries.len());
        let terms: Vec<(usize, usize, usize)> = inv
            .entries
            .iter()
            .copied()
            .filter(|&(e, _, _)| !coverage::is_function_word(&self.entries[e]))
            .collect();
        let id = format!("terms{n}");
        html! {
            section.terms aria-labelledby=(id) {
                h3 id=(id) { "Terms in this text" }
                p.hint { "In order of first appearance; function words (domain core) are left out." }
                @if terms.is_empty() {
                    p { "No glossary term was found." }
                } @else {
                    table.terms {
                        thead {
                            tr {
                                th scope="col" { "Swahili" }
                                th scope="col" { "English" }
                                th scope="col" { "grammar" }
                                th scope="col" { "domain" }
                                th scope="col" { "note and example" }
                                th scope="col" { "seen" }
                            }
                        }
                        tbody {
                            @for &(e, seen, first) in &terms {
                                @let entry = &self.entries[e];
                                tr.domrow[crate::domain::is_domain_entry(entry)] {
                                    th scope="row" lang="sw" { span { (entry.sw) } }
                                    td lang="en" { (entry.en.join("; ")) }
                                    td { (grammar(entry)) }
                                    td { (entry.domain.join(", ")) }
                                    td { (note_and_example(entry)) }
                                    td {
                                        (seen) "× from "
                                        a href={ "#d" (n) "s" (first) } aria-label={ "sentence " (first) } { "§" (first) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !inv.names.is_empty() {
                    p.names { strong { "Names: " } span lang="sw" { (inv.names.join(", ")) } }
                }
                @if !inv.unknown.is_empty() {
                    p.unknown { strong { "Not in the glossary: " } span lang="sw" { (inv.unknown.join(", ")) } }
                }
            }
        }
    }
}

/// `noun · class 5/6 · plural mabalozi`
fn grammar(e: &Entry) -> Markup {
    html! {
        (e.pos.as_str())
        @if let Some(c) = e.class { " · class " (c.to_string()) }
        @if let Some(p) = &e.plural { " · plural " span lang="sw" { (p) } }
    }
}

fn note_and_example(e: &Entry) -> Markup {
    html! {
        @if let Some(note) = &e.note { span.note { (note) } }
        @if let Some(x) = &e.example {
            @if e.note.is_some() { " " }
            span.ex { q lang="sw" { (x.sw) } " — " q lang="en" { (x.en) } }
        }
    }
}

/// The popup with a term's whole entry and how it was found.
fn card_markup(id: &str, m: &Match, e: &Entry) -> Markup {
    let others: Vec<_> = m
        .analyses
        .iter()
        .skip(1)
        .filter(|a| a.lemma != e.sw || a.pos != e.pos.as_str())
        .collect();
    html! {
        div.card role="tooltip" id=(id) {
            p.hw {
                span.lemma lang="sw" { (e.sw) } " "
                span.gram { (grammar(e)) }
            }
            ol.en lang="en" {
                @for r in &e.en { li { (r) } }
            }
            dl {
                @if !e.domain.is_empty() { dt { "domain" } dd { (e.domain.join(", ")) } }
                dt { "found" }
                dd {
                    (m.how.as_str())
                    @if let Some(seg) = m.segmentation() {
                        ": " span lang="sw" { (seg) } " = " span lang="en" { (m.gloss) }
                    }
                }
                @if !e.variants.is_empty() { dt { "also written" } dd lang="sw" { (e.variants.join(", ")) } }
                @if let Some(note) = &e.note { dt { "note" } dd { (note) } }
                @if let Some(x) = &e.example {
                    dt { "example" }
                    dd { span.exsw lang="sw" { (x.sw) } span.exen lang="en" { (x.en) } }
                }
                @if !e.not.is_empty() { dt { "not" } dd { (e.not.join("; ")) } }
                @if !e.forbidden.is_empty() { dt { "avoid" } dd lang="en" { (e.forbidden.join("; ")) } }
                @if !others.is_empty() {
                    dt { "other readings" }
                    dd {
                        @for (k, a) in others.iter().enumerate() {
                            @if k > 0 { "; " }
                            span lang="sw" { (a.lemma) } " (" (a.pos) ") " span lang="en" { (a.en.first().map_or("", CompactString::as_str)) }
                        }
                    }
                }
            }
        }
    }
}

/// The gloss abbreviations the morpheme analyser writes.
const ABBREVIATIONS: &[(&str, &str)] = &[
    (
        "1SG 2SG 3SG",
        "first, second, third person singular subject",
    ),
    ("1PL 2PL 3PL", "first, second, third person plural subject"),
    ("SM3…SM18", "subject marker of noun class 3…18"),
    ("OM3…OM18, 3SG.OBJ…", "object marker"),
    ("1–18 (on nouns)", "noun class prefix"),
    ("PRS PST FUT PRF", "present, past, future, perfect"),
    (
        "SIT NARR HAB",
        "situative -ki-, narrative -ka-, habitual hu-",
    ),
    (
        "COND CF NOT.YET",
        "conditional -nge-, counterfactual -ngali-, not yet -ja-",
    ),
    ("NEG REL INF", "negative, relative, infinitive ku-"),
    (
        "APPL CAUS STAT PASS RECP REFL",
        "applicative, causative, stative, passive, reciprocal, reflexive",
    ),
    (
        "FV SBJV IMP.PL",
        "final vowel, subjunctive, plural imperative",
    ),
    ("LOC", "locative -ni"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;

    fn page(toml: &str, text: &str) -> String {
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("t.toml"), toml).unwrap());
        let lx = Lexicon::new(g);
        let doc = annotate(&lx, "a <b>.txt", text);
        let mut out = Vec::new();
        render(&mut out, &[doc], lx.glossary().entries()).unwrap();
        String::from_utf8(out).unwrap()
    }

    const GLOSSARY: &str = r#"
[[entry]]
sw = "balozi"
en = ["ambassador", "<i>envoy</i>"]
pos = "noun"
class = "5/6"
domain = ["diplomacy"]
note = "a & b <script>x</script>"
example = { sw = "Balozi \"mpya\".", en = "The new ambassador." }
"#;

    #[test]
    fn text_is_escaped_everywhere() {
        let html = page(GLOSSARY, "Mabalozi <b>walikuja</b> & balozi.");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("<i>"));
        assert!(!html.contains("<script>x"));
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("a &amp; b &lt;script&gt;x&lt;/script&gt;"));
        assert!(html.contains("&lt;i&gt;envoy&lt;/i&gt;"));
        assert!(html.contains("Balozi &quot;mpya&quot;."));
        assert!(html.contains("<title>istilahi: a &lt;b&gt;.txt</title>"));
    }

    #[test]
    fn without_the_entries_matches_show_their_own_gloss() {
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("t.toml"), GLOSSARY).unwrap());
        let lx = Lexicon::new(g);
        let doc = annotate(&lx, "t", "Mabalozi Juma.");
        let mut out = Vec::new();
        render(&mut out, &[doc], &[]).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(
            html.contains(r#"<div class="gl" lang="en">6-ambassador</div>"#),
            "{html}"
        );
        assert!(!html.contains("role=\"tooltip\""));
        assert!(html.contains("No glossary term was found."));
    }

    #[test]
    fn terms_carry_their_how_domain_and_card() {
        let html = page(GLOSSARY, "Mabalozi walikuja.");
        assert!(html.contains(r#"class="u m inflected dom d0""#), "{html}");
        assert!(html.contains(r#"aria-describedby="c1-1-0""#));
        assert!(html.contains(r#"<div class="card" role="tooltip" id="c1-1-0">"#));
        assert!(html.contains("body:has(#hl-0:checked) .dom:not(.d0)>.sw"));
        assert!(html.contains(r#"<div class="mo" lang="sw">Ma-balozi</div>"#));
        assert!(html.contains(r#"<div class="u unk"><div class="sw" lang="sw">walikuja<span class="pu">.</span></div>"#));
    }
}
