//! Integration tests: run the real binary on texts we wrote, compare with golden files
//! (`UPDATE_GOLDEN=1 cargo test` rewrites them), and check every kind of bad input.

#![allow(clippy::many_single_char_names, clippy::cast_possible_truncation)]

#[path = "common/process.rs"]
mod process;

use process::{bin, golden, run, scratch, stderr, stdout};

fn data(name: &str) -> String {
    format!("tests/data/{name}")
}

#[test]
fn sample_text_view_matches_golden() {
    let o = run(&["annotate", &data("sample.sw.txt"), "--width", "100"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    golden("sample.text", &stdout(&o));
}

#[test]
fn sample_json_matches_golden_and_contract() {
    let o = run(&["annotate", "--format", "json", &data("sample.sw.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = std::fs::read_to_string(data("sample.sw.txt")).unwrap();
    let mut last_end = 0;
    for s in v["documents"][0]["sentences"].as_array().unwrap() {
        let matches = s["matches"].as_array().unwrap();
        for m in matches {
            let (a, b) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], m["surface"].as_str().unwrap());
            assert!(a >= last_end, "matches overlap");
            last_end = b;
        }
        for t in s["tokens"].as_array().unwrap() {
            let (a, b) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], t["text"].as_str().unwrap());
            if let Some(i) = t["match"].as_u64() {
                let m = &matches[i as usize];
                assert!(
                    m["start"].as_u64().unwrap() as usize <= a
                        && b <= m["end"].as_u64().unwrap() as usize
                );
            }
        }
    }
    let pretty = serde_json::to_string_pretty(&v).unwrap() + "\n";
    golden("sample.json", &pretty);
}

#[test]
fn sample_tsv_matches_golden() {
    let o = run(&["annotate", "--format", "tsv", &data("sample.sw.txt")]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("start\tend\tsurface\tlemma\tpos\thow\ten\n"));
    golden("sample.tsv", &out);
}

#[test]
fn inflected_and_multiword_terms_are_found() {
    let o = run(&["annotate", "--format", "tsv", &data("sample.sw.txt")]);
    let out = stdout(&o);
    for (surface, lemma) in [
        ("Mawaziri wa Mambo ya Nje", "Waziri wa Mambo ya Nje"),
        ("wanatarajiwa", "tarajia"),
        ("Mabalozi", "balozi"),
        ("Maafisa wakuu", "afisa mkuu"),
        ("wanaunga mkono", "unga mkono"),
    ] {
        assert!(
            out.lines().any(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                f[2] == surface && f[3].eq_ignore_ascii_case(lemma)
            }),
            "{surface} → {lemma} missing in\n{out}"
        );
    }
}

#[test]
fn jsonl_is_one_sentence_per_line() {
    let o = bin()
        .args(["annotate", "--format", "jsonl", "-"])
        .stdin(std::fs::File::open(data("sample.sw.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 7);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["tokens"].is_array() && v["matches"].is_array());
        assert_eq!(v["source"], "<stdin>");
    }
}

#[test]
fn several_files_give_several_documents() {
    let f = data("sample.sw.txt");
    let o = run(&["annotate", "--format", "json", &f, &f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn lookup_shows_the_entry() {
    let o = run(&["lookup", "balozi"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("ambassador"));
}

#[test]
fn lookup_takes_inflected_forms() {
    let o = run(&["lookup", "wanatarajiwa"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("-tarajia") && out.contains("wa-na-taraji-w-a"),
        "{out}"
    );
}

#[test]
fn lookup_english_to_swahili() {
    let o = run(&["lookup", "--en", "ambassador", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["hits"][0]["sw"], "balozi");
}

#[test]
fn lookup_miss_exits_1_with_suggestions() {
    let o = run(&["lookup", "qzqzqz"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("did you mean"), "{}", stdout(&o));
    let o = run(&["lookup", "baloz", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["suggestions"][0], "balozi");
}

#[test]
fn missing_file_is_an_error() {
    let o = run(&["annotate", "tests/data/no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("tests/data/no-such-file.txt") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn directory_is_an_error() {
    let o = run(&["annotate", "tests/data"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tests/data: is a directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = scratch("utf8");
    let f = dir.join("bad.txt");
    std::fs::write(&f, b"Habari za leo \xc3\x28 ndiyo").unwrap();
    let o = run(&["annotate", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid UTF-8 at byte offset 14"),
        "{}",
        stderr(&o)
    );
}

fn glossary_error(name: &str, body: &str) -> String {
    let dir = scratch(name);
    let f = dir.join("g.toml");
    std::fs::write(&f, body).unwrap();
    let o = run(&["lookup", "balozi", "--glossary", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    err.replace(dir.to_str().unwrap(), "DIR")
}

#[test]
fn malformed_glossary_names_file_line_and_column() {
    let err = glossary_error(
        "malformed",
        "[[entry]]\nsw = \"a\"\nen = [\"b\"\npos = \"noun\"\n",
    );
    assert!(
        err.starts_with("istilahi: DIR/g.toml:4:1: invalid array"),
        "{err}"
    );
}

#[test]
fn unknown_field_is_an_error() {
    let err = glossary_error(
        "unknown",
        "[[entry]]\nsw = \"a\"\nen = [\"b\"]\npos = \"noun\"\nrang = \"x\"\n",
    );
    assert!(
        err.contains("DIR/g.toml:5:1: unknown field `rang`"),
        "{err}"
    );
}

#[test]
fn duplicate_headword_is_an_error() {
    let err = glossary_error(
        "dup",
        "[[entry]]\nsw = \"a\"\nen = [\"b\"]\npos = \"noun\"\n\n[[entry]]\nsw = \"A\"\nen = [\"c\"]\npos = \"noun\"\n",
    );
    assert!(
        err.contains(
            "DIR/g.toml:6:1: duplicate entry \"A\" (noun); first defined at DIR/g.toml:1:1"
        ),
        "{err}"
    );
}

#[test]
fn glossary_layers_override_the_default() {
    let dir = scratch("layer");
    let f = dir.join("mine.toml");
    std::fs::write(
        &f,
        "[[entry]]\nsw = \"balozi\"\nen = [\"envoy (mine)\"]\npos = \"noun\"\nclass = \"5/6\"\n",
    )
    .unwrap();
    let o = run(&["lookup", "mabalozi", "--glossary", f.to_str().unwrap()]);
    assert!(stdout(&o).contains("envoy (mine)"), "{}", stdout(&o));
    let o = bin()
        .args(["lookup", "balozi"])
        .env("ISTILAHI_GLOSSARY", &f)
        .output()
        .unwrap();
    assert!(stdout(&o).contains("envoy (mine)"));
    let o = run(&[
        "lookup",
        "serikali",
        "--no-default-glossary",
        "--glossary",
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["annotate", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn several_files_on_several_threads_give_what_one_thread_gives() {
    // threads share the words they have analysed: what each file gets must not depend on
    // which thread met a word first
    let dir = scratch("threads");
    let sample = std::fs::read_to_string(data("sample.sw.txt")).unwrap();
    let reversed = sample.lines().rev().collect::<Vec<_>>().join("\n") + "\n";
    let ours = "Mawaziri wa Mambo ya Nje wa nchi hizo walikutana jana mjini Nairobi.\n\
                Mabalozi wanatarajiwa kuwasilisha ripoti yao kwa Rais wiki ijayo.\n\
                Serikali imesema kwamba mpango huo utaanza mwezi ujao.\n\
                Wabunge walijadili bajeti ya wizara ya afya kwa saa tatu.\n";
    let mut files = Vec::new();
    for (name, text) in [
        ("a.txt", sample.clone()),
        ("b.txt", reversed),
        ("c.txt", ours.repeat(3)),
        ("d.txt", format!("{ours}{sample}")),
        // several chunks, whose rows differ in length: buffers go back and forth between
        // threads and are written over
        ("e.txt", ours.repeat(1200) + &sample.repeat(150)),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path.to_str().unwrap().to_owned());
    }
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    for command in [
        &["annotate", "--format", "tsv"][..],
        &["annotate", "--format", "jsonl"],
        &["annotate", "--format", "tsv", "--exact-only"],
        &["stats", "--per-file"],
    ] {
        let output = |threads: &str| {
            let mut args = vec!["--threads", threads];
            args.extend_from_slice(command);
            args.extend_from_slice(&files);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{command:?}: {}", stderr(&o));
            stdout(&o)
        };
        let one = output("1");
        assert!(one.lines().count() > 8, "{command:?} gives little:\n{one}");
        assert_eq!(output("2"), one, "{command:?} on two threads");
        assert_eq!(output("3"), one, "{command:?} on three threads");
    }
}
