//! The reading views, `annotate --format html` and `--format markdown`: run the real binary on
//! texts we wrote, parse what it writes (an HTML parser, a Markdown parser with the forge
//! extensions) and compare with golden files (`UPDATE_GOLDEN=1 cargo test` rewrites them).

#[path = "common/process.rs"]
mod process;

use process::{golden, scratch, stdout};

use std::path::{Path, PathBuf};
use std::process::Output;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Selector};

/// Run the binary; it must succeed.
fn run(args: &[&str]) -> Output {
    let o = process::run(args);
    assert!(
        o.status.code() == Some(0),
        "{args:?}: exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

const SAMPLE: &str = "tests/data/sample.sw.txt";

/// Every Markdown extension a forge or another reader may turn on, but smart punctuation
/// (which changes quotes, not structure).
fn forge() -> Options {
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The annotation of `args` as JSON.
fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["annotate", "--format", "json"];
    all.extend(args);
    serde_json::from_str(&stdout(&run(&all))).unwrap()
}

#[test]
fn sample_html_matches_golden() {
    golden(
        "sample.html",
        &stdout(&run(&["annotate", "--format", "html", SAMPLE])),
    );
}

#[test]
fn sample_markdown_matches_golden() {
    golden(
        "sample.md",
        &stdout(&run(&["annotate", "--format", "markdown", SAMPLE])),
    );
}

#[test]
fn html_shows_every_token_once_every_gloss_and_the_languages() {
    let page = Html::parse_document(&stdout(&run(&["annotate", "--format", "html", SAMPLE])));
    let v = json(&[SAMPLE]);
    let sentences = v["documents"][0]["sentences"].as_array().unwrap();
    let lis: Vec<ElementRef> = page.select(&sel("li.s")).collect();
    assert_eq!(lis.len(), sentences.len());
    assert_eq!(
        page.root_element().value().attr("lang"),
        Some("en"),
        "the page is in English"
    );
    let mut glosses = 0;
    for (n, (li, s)) in lis.iter().zip(sentences).enumerate() {
        // the source tiers, read in order, are the sentence's tokens, each once
        let shown: String = li.select(&sel(".sw")).map(text).collect();
        let tokens: String = s["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["text"].as_str().unwrap())
            .collect();
        assert_eq!(squeeze(&shown), squeeze(&tokens), "sentence {}", n + 1);
        for sw in li.select(&sel(".sw")) {
            assert_eq!(sw.value().attr("lang"), Some("sw"));
        }
        let gl: Vec<String> = li.select(&sel(".gl[lang=en]")).map(text).collect();
        for (i, m) in s["matches"].as_array().unwrap().iter().enumerate() {
            if m["how"] == "name" {
                continue;
            }
            let gloss = m["gloss"].as_str().unwrap();
            assert!(gl.iter().any(|g| g == gloss), "gloss {gloss:?} shown");
            glosses += 1;
            // the entry card: every rendering, in English
            let card = li
                .select(&sel(&format!("#c1-{}-{i}", n + 1)))
                .next()
                .unwrap_or_else(|| panic!("a card for {}", m["surface"]));
            assert_eq!(card.value().attr("role"), Some("tooltip"));
            let renderings: Vec<String> =
                card.select(&sel("ol.en[lang=en] li")).map(text).collect();
            let en: Vec<&str> = m["en"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap())
                .collect();
            assert_eq!(renderings, en);
        }
    }
    assert!(glosses > 50, "the sample has many glossed words");
    // multi-word terms are grouped, names and unknown words styled apart, terms listed
    assert!(page.select(&sel(".m.multi")).count() >= 10);
    assert!(page.select(&sel(".m.name")).count() >= 2);
    assert!(page.select(&sel(".m.dom")).count() >= 10);
    assert!(page.select(&sel("section.terms tbody tr")).count() >= 30);
    // one style sheet, with a rule for every control
    let styles: Vec<String> = page.select(&sel("style")).map(text).collect();
    assert_eq!(styles.len(), 1);
    let controls: Vec<&str> = page
        .select(&sel("input"))
        .filter_map(|i| i.value().attr("id"))
        .collect();
    assert!(controls.len() >= 4, "{controls:?}");
    for id in controls.iter().filter(|&&id| id != "hl-all") {
        assert!(styles[0].contains(&format!("#{id}:")), "a rule for {id}");
    }
    assert_eq!(
        page.select(&sel("link, img, iframe, script[src]")).count(),
        0,
        "self-contained"
    );
}

/// A glossary and a text full of markup, in a scratch directory.
fn hostile(dir: &Path) -> (PathBuf, PathBuf) {
    let glossary = dir.join("hostile.toml");
    std::fs::write(
        &glossary,
        r#"
[[entry]]
sw = "zumbara"
en = ["<script>alert(1)</script>", "<b>x</b> | `tick` *star* _under_ [link](http://e)"]
pos = "noun"
class = "9/10"
domain = ["security", "<b>x</b>"]
note = "<script>alert(1)</script> and <b>x</b> & more"
example = { sw = "Zumbara <b>x</b>.", en = "<script>alert(1)</script>" }
"#,
    )
    .unwrap();
    let text = dir.join("a<b>.txt");
    std::fs::write(
        &text,
        "Zumbara <script>alert(2)</script> ina <b>nguvu</b> | `x` zumbara.\n",
    )
    .unwrap();
    (glossary, text)
}

#[test]
fn html_escapes_input_and_glossary_text() {
    let dir = scratch("html-escape");
    let (glossary, input) = hostile(&dir);
    let out = stdout(&run(&[
        "annotate",
        "--format",
        "html",
        "--glossary",
        glossary.to_str().unwrap(),
        input.to_str().unwrap(),
        SAMPLE,
    ]));
    let page = Html::parse_document(&out);
    // only the page's own script, and no element from the text
    let scripts: Vec<String> = page.select(&sel("script")).map(text).collect();
    assert_eq!(scripts.len(), 1);
    assert!(!scripts[0].contains("alert"));
    assert_eq!(page.select(&sel("b")).count(), 0);
    // the markup is there as text
    let all: String = page.root_element().text().collect();
    assert!(all.contains("<script>alert(1)</script> and <b>x</b> & more"));
    assert!(all.contains("Zumbara <b>x</b>."));
    assert!(all.contains("a<b>.txt"));
    let card = page.select(&sel(".card")).next().expect("a card");
    let renderings: Vec<String> = card.select(&sel("ol.en li")).map(text).collect();
    assert_eq!(renderings[0], "<script>alert(1)</script>");
    let first: String = page
        .select(&sel("li.s"))
        .next()
        .unwrap()
        .select(&sel(".sw"))
        .map(text)
        .collect();
    assert!(first.contains("<script>alert(2)</script>"), "{first}");
    assert!(first.contains("<b>nguvu</b>"));
    // one page, a section per file
    assert_eq!(page.select(&sel("html")).count(), 1);
    assert_eq!(page.select(&sel("section.doc")).count(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_escapes_input_and_glossary_text() {
    let dir = scratch("md-escape");
    let (glossary, input) = hostile(&dir);
    let out = stdout(&run(&[
        "annotate",
        "--format",
        "markdown",
        "--glossary",
        glossary.to_str().unwrap(),
        input.to_str().unwrap(),
    ]));
    assert!(!out.contains("<script"), "{out}");
    assert!(!out.contains("<b>"));
    // read as a forge reads it: no HTML, no code, no link; the markup comes back as text
    let mut plain = String::new();
    let mut tables: Vec<Vec<usize>> = Vec::new();
    for event in Parser::new_ext(&out, forge()) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?}"),
            Event::Code(c) => panic!("code span {c:?}"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => panic!("a link"),
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableRow | Tag::TableHead) => tables.last_mut().unwrap().push(0),
            Event::Start(Tag::TableCell) => *tables.last_mut().unwrap().last_mut().unwrap() += 1,
            Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item) => plain.push('\n'),
            Event::Text(t) => plain.push_str(&t),
            _ => {}
        }
    }
    assert!(
        plain.contains("<script>alert(1)</script> and <b>x</b> & more"),
        "{plain}"
    );
    assert!(plain.contains("<b>x</b> | `tick` *star* _under_ [link](http://e)"));
    assert!(plain.contains("Zumbara <script>alert(2)</script> ina <b>nguvu</b> | `x` zumbara."));
    assert!(plain.contains("a<b>.txt"));
    // every row of a table has as many cells as its head
    assert!(!tables.is_empty());
    for rows in &tables {
        assert!(
            rows.len() >= 2 && rows.iter().all(|&r| r == rows[0]),
            "{rows:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_tables_hold_every_token_and_gloss() {
    let out = stdout(&run(&["annotate", "--format", "markdown", SAMPLE]));
    let v = json(&[SAMPLE]);
    // per table: its rows of cell texts
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell = String::new();
    for event in Parser::new_ext(&out, forge()) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                tables.last_mut().unwrap().push(Vec::new());
            }
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::End(TagEnd::TableCell) => tables
                .last_mut()
                .unwrap()
                .last_mut()
                .unwrap()
                .push(std::mem::take(&mut cell)),
            Event::Text(t) => cell.push_str(&t),
            _ => {}
        }
    }
    let sources: String = tables.iter().flat_map(|t| t[0].clone()).collect();
    let glosses: Vec<String> = tables
        .iter()
        .flat_map(|t| t.last().unwrap().clone())
        .collect();
    let mut tokens = String::new();
    for s in v["documents"][0]["sentences"].as_array().unwrap() {
        for t in s["tokens"].as_array().unwrap() {
            tokens.push_str(t["text"].as_str().unwrap());
        }
        for m in s["matches"].as_array().unwrap() {
            if m["how"] != "name" {
                let gloss = m["gloss"].as_str().unwrap();
                assert!(glosses.iter().any(|g| g == gloss), "gloss {gloss:?}");
            }
        }
    }
    assert_eq!(squeeze(&sources), squeeze(&tokens));
}
