//! Integration tests of the views for people and tools: the Toolbox (SFM) and FLEx (FLExText)
//! exports checked against the JSON of the same text and golden files (`UPDATE_GOLDEN=1`
//! rewrites them), the text view's tiers, `stats` on a text and glossary of our own, shell
//! completions and the manual page.

#![allow(clippy::cast_possible_truncation)]

#[path = "common/process.rs"]
mod process;

use process::{bin, golden, run, scratch, stderr, stdout};

use std::path::Path;
use std::process::Output;

use quick_xml::events::Event;

const SAMPLE: &str = "tests/data/sample.sw.txt";

/// The number of tokens of each sentence, from `annotate --format json`.
fn tokens_per_sentence(file: &str) -> Vec<usize> {
    let o = run(&["annotate", "--format", "json", file]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["documents"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["tokens"].as_array().unwrap().len())
        .collect()
}

/// The `\tx` words of each `\ref` record of a Toolbox file.
fn sfm_records(sfm: &str) -> Vec<Vec<String>> {
    let mut records: Vec<Vec<String>> = Vec::new();
    for line in sfm.lines() {
        if line.starts_with("\\ref ") {
            records.push(Vec::new());
        } else if let Some(tx) = line.strip_prefix("\\tx ") {
            let record = records.last_mut().expect("\\tx inside a record");
            record.extend(tx.split_whitespace().map(str::to_owned));
        }
    }
    records
}

#[test]
fn sfm_has_a_record_per_sentence_and_a_word_per_token() {
    let o = run(&["annotate", "--format", "sfm", SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("\\_sh v3.0  400  Text\n"), "{out}");
    let records = sfm_records(&out);
    let tokens = tokens_per_sentence(SAMPLE);
    assert_eq!(records.len(), tokens.len());
    for (n, (words, count)) in records.iter().zip(&tokens).enumerate() {
        assert_eq!(words.len(), *count, "record {}: {words:?}", n + 1);
    }
    // every record has each tier once, \ft included
    for marker in ["\\tx ", "\\mb ", "\\ge ", "\\ps "] {
        assert_eq!(
            out.lines().filter(|l| l.starts_with(marker)).count(),
            tokens.len()
        );
    }
    assert_eq!(out.lines().filter(|l| *l == "\\ft").count(), tokens.len());
    assert!(out.contains("\\ref sample.sw.txt 1\n"));
    golden("sample.sfm", &out);
}

/// Phrases, and the words of each, of a FLExText document read with quick-xml.
fn flextext_phrases(xml: &str) -> Vec<usize> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut phrases = Vec::new();
    let mut path: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.local_name().into_inner().to_owned();
                if name == "phrase" {
                    assert_eq!(
                        path.join("/"),
                        "document/interlinear-text/paragraphs/paragraph/phrases"
                    );
                    phrases.push(0);
                }
                if name == "word" {
                    assert_eq!(path.last().map(String::as_str), Some("words"));
                    *phrases.last_mut().expect("a word inside a phrase") += 1;
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty());
    phrases
}

#[test]
fn flextext_has_a_phrase_per_sentence_and_a_word_per_token() {
    let o = run(&["annotate", "--format", "flextext", SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(flextext_phrases(&out), tokens_per_sentence(SAMPLE));
    // the sample's sentences are separated by blank lines: a paragraph each
    assert_eq!(out.matches("<paragraph>").count(), 7);
    for item in [
        r#"<item type="segnum" lang="en">1</item>"#,
        r#"<item type="txt" lang="sw">wanatarajiwa</item>"#,
        r#"<item type="txt" lang="sw">-w</item>"#,
        r#"<item type="gls" lang="en">-PASS</item>"#,
        r#"<item type="cf" lang="sw">tarajia</item>"#,
        r#"<item type="msa" lang="en">v</item>"#,
        r#"<item type="pos" lang="en">v</item>"#,
        r#"<item type="punct" lang="sw">.</item>"#,
        r#"<language lang="sw" vernacular="true"/>"#,
    ] {
        assert!(out.contains(item), "{item} missing");
    }
    golden("sample.flextext", &out);
}

#[test]
fn exports_escape_and_align_awkward_text() {
    // markup characters, a wide script and an emoji in a text of our own
    let dir = scratch("awkward");
    let f = dir.join("a <b> & c.txt");
    std::fs::write(
        &f,
        "Balozi <alisema> \"東京\" & 🙂 leo.\n\nMabalozi walifika.\n",
    )
    .unwrap();
    let name = f.to_str().unwrap();
    let o = run(&["annotate", "--format", "flextext", name]);
    let out = stdout(&o);
    assert_eq!(flextext_phrases(&out), tokens_per_sentence(name), "{out}");
    assert!(out.contains("&lt;") && out.contains("&amp;"), "{out}");
    let o = run(&["annotate", "--format", "sfm", name]);
    let out = stdout(&o);
    assert!(out.contains("\\id a_<b>_&_c.txt\n"), "{out}");
    let records = sfm_records(&out);
    let tokens = tokens_per_sentence(name);
    assert_eq!(records.iter().map(Vec::len).collect::<Vec<_>>(), tokens);
}

#[test]
fn text_view_tiers_are_chosen_on_the_command_line() {
    let o = run(&[
        "annotate",
        SAMPLE,
        "--tiers",
        "gloss,words",
        "--width",
        "100",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let first: Vec<&str> = out.lines().take(3).collect();
    assert!(
        first[1].trim_start().starts_with("6-foreign minister"),
        "{out}"
    );
    assert!(
        first[2]
            .trim_start()
            .starts_with("Mawaziri wa Mambo ya Nje"),
        "{out}"
    );
    assert!(
        !out.contains("wa-na-taraji-w-a"),
        "no morpheme tier:\n{out}"
    );
    let o = run(&["annotate", SAMPLE, "--tiers", "words,words"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("words is given twice"),
        "{}",
        stderr(&o)
    );
    let o = run(&["annotate", SAMPLE, "--tiers", "words,english"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn domain_terms_are_highlighted_only_with_colour() {
    let o = bin()
        .args(["annotate", SAMPLE, "--color", "always"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let out = stdout(&o);
    // balozi (diplomacy) and Arusha (geography) are domain terms; wiki ijayo (time) is not
    assert!(out.contains("\u{1b}[1m\u{1b}[33mMabalozi"), "{out:?}");
    assert!(out.contains("\u{1b}[1m\u{1b}[33mArusha"), "{out:?}");
    assert!(out.contains("wiki ijayo") && !out.contains("\u{1b}[33mwiki"));
    let o = run(&["annotate", SAMPLE]);
    assert!(!stdout(&o).contains('\u{1b}'));
}

/// `stats` with only our tiny glossary, on texts written here.
fn stats(dir: &Path, texts: &[(&str, &str)], extra: &[&str]) -> Output {
    let mut args = vec![
        "stats".to_owned(),
        "--no-default-glossary".to_owned(),
        "--glossary".to_owned(),
        "tests/data/views.toml".to_owned(),
    ];
    for (name, text) in texts {
        let f = dir.join(name);
        std::fs::write(&f, text).unwrap();
        args.push(f.display().to_string());
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    bin().args(&args).output().unwrap()
}

#[test]
fn stats_counts_a_text_of_our_own() {
    let dir = scratch("stats");
    let o = stats(
        &dir,
        &[
            (
                "a.txt",
                "Katibu Mkuu wa balozi Juma Ali walifika leo.\n\nMabalozi wa inchi 12 wamefika leo.\n",
            ),
            ("b.txt", "Leo balozi hakufika kwa sababu ya mvua.\n"),
        ],
        &["--format", "json", "--per-file"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let total = &v["total"];
    // a: 13 words (12 is a number): 9 glossed, 2 in the name Juma Ali, leo twice unknown;
    // b: 7 words: balozi and hakufika glossed, Leo kwa sababu ya mvua unknown
    let want = serde_json::json!({
        "sentences": 3, "words": 20, "glossed": 11, "name_words": 2, "unknown": 7,
        "unknown_types": 5, "glossed_percent": 55.0,
        "matches": {"exact": 5, "variant": 1, "inflected": 4, "name": 1, "fuzzy": 0},
        "multi_word_terms": 1, "domain_terms": 4,
        "domains": {"core": 2, "diplomacy": 4, "general": 4, "government": 1}
    });
    assert_eq!(total, &want, "{}", stdout(&o));
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["words"], 7);
    assert!(files[0]["source"].as_str().unwrap().ends_with("a.txt"));

    let o = stats(
        &dir,
        &[("b.txt", "Leo balozi hakufika.\n")],
        &["--format", "tsv"],
    );
    let out = stdout(&o);
    assert!(out.starts_with("source\tfigure\tvalue\n"), "{out}");
    assert!(out.contains("total\twords\t3\n"), "{out}");
    assert!(out.contains("total\tglossed_percent\t66.7\n"), "{out}");
    assert!(out.contains("total\tdomain:diplomacy\t1\n"), "{out}");

    let o = stats(&dir, &[("b.txt", "Leo balozi hakufika.\n")], &[]);
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l == "  glossed                   2   66.7%"),
        "{out}"
    );
}

#[test]
fn stats_of_a_text_without_words_exits_1() {
    let dir = scratch("stats-empty");
    let o = stats(&dir, &[("e.txt", "12, 13.\n")], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l == "words                       0")
    );
    let o = stats(&dir, &[], &["no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn stats_reads_standard_input() {
    let o = bin()
        .args(["stats", "--format", "json", "-"])
        .stdin(std::fs::File::open(SAMPLE).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["total"]["sentences"], 7);
    assert!(v["total"]["glossed"].as_u64().unwrap() > 50);
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        for sub in ["annotate", "lookup", "stats", "export", "completions"] {
            assert!(out.contains(sub), "{shell} completions lack {sub}");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_is_roff_naming_the_subcommands() {
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(".TH istilahi"), "{out}");
    for sub in ["annotate", "lookup", "stats", "unknown", "man"] {
        assert!(out.contains(sub), "man page lacks {sub}");
    }
    let dir = scratch("man");
    let f = dir.join("istilahi.1");
    let o = run(&["man", "-o", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), out);
}
