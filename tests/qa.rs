//! `istilahi qa`: the real binary on translations we wrote, with a glossary of our own
//! (`--no-default-glossary`) so that every expectation follows from entries in this file.

#[path = "common/process.rs"]
mod process;

use std::path::{Path, PathBuf};
use std::process::Output;

use process::{bin, stdout};

const GLOSSARY: &str = r#"
[[entry]]
sw = "balozi"
en = ["ambassador", "envoy"]
pos = "noun"
class = "5/6"
domain = ["diplomacy"]

[[entry]]
sw = "Katibu Mkuu"
en = ["Secretary-General"]
pos = "noun"
class = "5/6"
domain = ["organisations"]

[[entry]]
sw = "mtoto"
en = ["child"]
pos = "noun"
class = "1/2"
domain = ["society"]

[[entry]]
sw = "teua"
en = ["appoint", "nominate"]
pos = "verb"
domain = ["government"]

[[entry]]
sw = "chukua"
en = ["take"]
pos = "verb"
domain = ["security"]

[[entry]]
sw = "mlemavu"
en = ["person with a disability", "disabled person"]
pos = "noun"
class = "1/2"
domain = ["health"]
forbidden = ["cripple", "handicapped person"]

[[entry]]
sw = "jeshi"
en = ["army"]
pos = "noun"
class = "5/6"
domain = ["security"]

[[entry]]
sw = "nchi"
en = ["country"]
pos = "noun"
class = "9/10"
domain = ["general"]

[[entry]]
sw = "hospitali"
en = ["hospital"]
pos = "noun"
class = "9/10"
domain = ["health"]
qa = false
"#;

/// A scratch directory holding the glossary.
fn scratch(name: &str) -> PathBuf {
    let dir = process::scratch(name);
    std::fs::write(dir.join("g.toml"), GLOSSARY).unwrap();
    dir
}

/// A scratch directory with the glossary and a translation, `a.sw` and `a.en`.
fn translation(name: &str, sw: &str, en: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "a.sw", sw);
    write(&dir, "a.en", en);
    dir
}

/// `istilahi qa` with only the glossary above, run in `dir`.
fn qa(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(["--no-default-glossary", "--glossary", "g.toml", "qa"])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// The TSV rows after the header.
fn rows(o: &Output) -> Vec<Vec<String>> {
    let out = stdout(o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("segment\tsurface\tlemma\tproblem\texpected")
    );
    lines
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_correct_translation_is_clean() {
    let dir = translation(
        "clean",
        "Balozi alifika jana.\n\nKatibu Mkuu aliwateua mabalozi wawili.\n",
        "The ambassador arrived yesterday.\nThe Secretary General appointed two envoys.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "0 of 2 segments flagged: 0 missing, 0 forbidden, 0 empty (4 terms checked)\n"
    );
}

#[test]
fn inflected_renderings_are_not_flagged() {
    // plural, -ies plural, irregular plural, past tense, irregular past, hyphen/space, case
    let dir = translation(
        "inflected",
        "Mabalozi walifika.\nWatoto walicheza.\nWaziri aliteua balozi.\nPolisi walichukua simu.\nKATIBU MKUU alisema.\nMajeshi yalifika.\n",
        "Ambassadors arrived.\nThe children played.\nThe minister nominated an envoy.\nThe police took the phones.\nThe secretary-general said so.\nThe armies arrived.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(rows(&o).is_empty());
}

#[test]
fn a_different_word_is_flagged_at_its_segment() {
    let dir = translation(
        "different",
        "Balozi alifika.\n\nMtoto alicheza.\nKatibu Mkuu alisema.\n",
        "The ambassador arrived.\nThe child played.\n\n\nThe chairman said so.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        rows(&o),
        [[
            "3",
            "Katibu Mkuu",
            "Katibu Mkuu",
            "missing",
            "Secretary-General"
        ]]
    );
    // the text view names the segment, both line numbers and both texts
    let o = qa(&dir, &["a.sw", "a.en"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "segment 3 (source line 4, target line 5)\n  sw: Katibu Mkuu alisema.\n  en: The chairman said so.\n  missing    Katibu Mkuu (Katibu Mkuu noun) → Secretary-General\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "1 of 3 segments flagged: 1 missing, 0 forbidden, 0 empty (3 terms checked)\n"
        ),
        "{text}"
    );
}

#[test]
fn a_forbidden_rendering_is_flagged() {
    let dir = translation(
        "forbidden",
        "Mlemavu alifika.\nWalemavu walifika.\n",
        "A disabled person arrived.\nThe handicapped persons arrived.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        rows(&o),
        [[
            "2",
            "Walemavu",
            "mlemavu",
            "forbidden: handicapped persons",
            "person with a disability; disabled person"
        ]]
    );
}

#[test]
fn each_occurrence_needs_a_rendering() {
    let dir = translation(
        "counts",
        "Balozi alikutana na balozi mwingine.\nBalozi alikutana na balozi mwingine.\n",
        "The ambassador met another diplomat.\nThe ambassador met another envoy.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(1));
    let rows = rows(&o);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0][0].as_str(), rows[0][3].as_str()), ("1", "missing"));
}

#[test]
fn paragraphs_align_by_blank_lines() {
    // one target sentence for two source lines: only paragraphs align
    let dir = translation(
        "paragraph",
        "Balozi alifika.\nMtoto alicheza.\n\nKatibu Mkuu alisema.\n",
        "\nThe ambassador arrived and the child played.\n\n\nThe head said so.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(
        err,
        "istilahi: a.sw has 3 segments but a.en has 2; the translation is not aligned\n"
    );
    let o = qa(&dir, &["a.sw", "a.en", "--align", "paragraph"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("segment 2 (source line 4, target line 5)\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn one_tsv_with_swahili_and_english_columns() {
    let dir = scratch("tsv");
    write(
        &dir,
        "pairs.tsv",
        "id\tswahili\tenglish\nx1\tBalozi alifika.\tThe ambassador arrived.\nx2\tMtoto alicheza.\t\nx3\tJeshi lilifika.\tThe \"navy\" arrived.\n",
    );
    let o = qa(&dir, &["pairs.tsv", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        rows(&o),
        [
            vec!["2", "", "", "empty target", ""],
            vec!["3", "Jeshi", "jeshi", "missing", "army"],
        ]
    );
    let o = qa(&dir, &["pairs.tsv"]);
    assert!(
        stdout(&o).contains("segment 2 (line 3)\n  sw: Mtoto alicheza.\n  en: \n  empty target\n"),
        "{}",
        stdout(&o)
    );
    write(&dir, "bad.tsv", "id\tsw\ten\n1\ta\tb\n");
    let o = qa(&dir, &["bad.tsv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "istilahi: bad.tsv:1:1: no \"swahili\" column (the header needs \"swahili\" and \"english\")\n"
    );
}

#[test]
fn json_lists_flagged_segments_with_their_problems() {
    let dir = translation(
        "json",
        "Balozi alifika.\nMabalozi walifika.\n",
        "The ambassador arrived.\nThe consuls arrived.\n",
    );
    let o = qa(&dir, &["a.sw", "a.en", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["segments"], 2);
    assert_eq!(v["summary"]["flagged"], 1);
    assert_eq!(v["summary"]["missing"], 1);
    let segments = v["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 1);
    let s = &segments[0];
    assert_eq!(
        (s["segment"].as_u64(), s["source_line"].as_u64()),
        (Some(2), Some(2))
    );
    let p = &s["problems"][0];
    assert_eq!(p["problem"], "missing");
    assert_eq!(p["lemma"], "balozi");
    let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
    assert_eq!(
        &s["source"].as_str().unwrap()[start as usize..end as usize],
        "Mabalozi"
    );
    assert_eq!(p["expected"], serde_json::json!(["ambassador", "envoy"]));
}

#[test]
fn scope_domain_terms_all_and_qa_false() {
    let dir = translation("scope", "Hospitali ya nchi.\n", "The clinic of the land.\n");
    // nchi is general vocabulary, hospitali has qa = false
    let o = qa(&dir, &["a.sw", "a.en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = qa(&dir, &["a.sw", "a.en", "--all", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(rows(&o), [["1", "nchi", "nchi", "missing", "country"]]);
}
