//! The bad-input matrix: the real binary on every kind of hostile or broken input, in every
//! `--format` (`tests/common/formats.rs`), and on hostile glossaries. Each case either works
//! (exit 0 or 1, nothing on stderr, output that passes its format's checks) or is refused with
//! one line on stderr and exit 2. Big inputs are generated here, never committed; the full-size
//! cases (a 50 MB line, 100,000 entries) are `#[ignore]`d tests for a release build:
//! `cargo test --release --test hostile -- --ignored`.

mod common;
#[path = "common/process.rs"]
mod process;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::formats::{self, FORMATS};
use common::small_glossary;
use process::bin;

/// A scratch directory holding the small glossary.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("istilahi-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("small.toml"), small_glossary::TOML).unwrap();
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// The binary on the small glossary alone.
    fn bin(&self) -> Command {
        with_glossary(&self.path("small.toml"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The binary on the glossary at `path` alone.
fn with_glossary(path: &Path) -> Command {
    let mut c = bin();
    c.arg("--no-default-glossary").arg("--glossary").arg(path);
    c
}

/// Run with `stdin` fed from a thread (so a big input cannot block on a full output pipe).
fn run_with_stdin(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A run that worked: exit 0 (something found) or 1 (nothing), no message, output that
/// passes the format's checks against `text`.
fn assert_works(format: &str, o: &Output, text: &str) {
    let code = o.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{format}: exit {code:?}, stderr {}",
        stderr(o)
    );
    assert!(o.stderr.is_empty(), "{format}: stderr {}", stderr(o));
    formats::check(format, &o.stdout, text);
}

/// A refused run: exit 2 and one line on stderr containing `want`.
fn assert_refused(o: &Output, want: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit 2, stderr {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("istilahi: "), "{err}");
    assert!(err.contains(want), "{want:?} in {err:?}");
}

/// The inputs of the matrix that are valid UTF-8.
const CASES: &[(&str, &str)] = &[
    ("empty", ""),
    ("whitespace only", " \t\n\r\n  \u{3000}\u{a0}\n\n\u{2028}"),
    (
        "byte-order mark",
        "\u{feff}Balozi alifika.\nWaziri wa Mambo ya Nje alisema.",
    ),
    ("only a byte-order mark", "\u{feff}"),
    (
        "CRLF",
        "Balozi alifika.\r\nWaziri wa Mambo ya Nje alisema.\r\n\r\nkura ya maoni\r\n",
    ),
    (
        "lone CR",
        "Picha ya Faili\rWaziri alisema\r\rbalozi na afisa mkuu\r",
    ),
    (
        "NUL and control bytes",
        "balozi\0 na\u{1}\u{1b}[31m waziri\u{7f} \u{b}\u{c} afisa mkuu\u{8}\u{9b}2J \u{0}",
    ),
    (
        "emoji, combining marks, right-to-left",
        "Balozi 🙂👩‍👩‍👧 🇹🇿 wa\u{301} Mambo ya Nje שלום مرحبا \u{202e}waziri\u{202c} \
         e\u{301}\u{301}\u{301} ng’ombe 日本語 İstanbul ẞ",
    ),
    (
        "markup and markers",
        "<script>alert(1)</script> <b>balozi</b> *waziri* [x](javascript:alert(1)) | `na` \
         \n\\ge afisa \n\\ref 1 &amp; ]]> <!-- x --> {{b}} # balozi",
    ),
    ("punctuation only", "((((((\"\"\"\"…!?.,;:—–-)))))"),
];

#[test]
fn every_case_in_every_format() {
    let s = Scratch::new("matrix");
    for (name, text) in CASES {
        for format in FORMATS {
            // from a file and from standard input
            let file = s.write("input.txt", text.as_bytes());
            let mut cmd = s.bin();
            cmd.args(["annotate", "--format", format]).arg(&file);
            let o = cmd.output().unwrap();
            assert_works(format, &o, text);
            let mut cmd = s.bin();
            cmd.args(["annotate", "--format", format, "-"]);
            let o = run_with_stdin(cmd, text.as_bytes());
            assert_works(format, &o, text);
            let _ = name;
        }
    }
}

#[test]
fn empty_and_blank_inputs_find_nothing() {
    let s = Scratch::new("empty");
    for text in ["", " \n\t\r\n", "\u{feff}"] {
        for format in FORMATS {
            let mut cmd = s.bin();
            cmd.args(["annotate", "--format", format, "-"]);
            let o = run_with_stdin(cmd, text.as_bytes());
            assert_eq!(o.status.code(), Some(1), "{format}: nothing found");
        }
    }
}

#[test]
fn every_width_from_one() {
    let s = Scratch::new("width");
    let text = "Mawaziri wa Mambo ya Nje wanatarajiwa 🙂 kukutana na maafisa wakuu.";
    let file = s.write("input.txt", text.as_bytes());
    for width in ["1", "2", "5", "19", "20", "21", "65535"] {
        let o = s
            .bin()
            .args(["annotate", "--width", width])
            .arg(&file)
            .output()
            .unwrap();
        assert_works("text", &o, text);
    }
    let o = s
        .bin()
        .args(["annotate", "--width", "0"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "a width of 0 is a usage error");
}

/// The other commands that read texts, on every case: they work or find nothing, their JSON
/// parses and their text shows no control character.
#[test]
fn other_commands_on_every_case() {
    let s = Scratch::new("others");
    for (_, text) in CASES {
        let file = s.write("input.txt", text.as_bytes());
        for (command, formats) in [
            ("unknown", &["text", "tsv", "json"]),
            ("stats", &["text", "tsv", "json"]),
            ("qa", &["text", "tsv", "json"]),
        ] {
            for format in formats {
                let mut cmd = s.bin();
                cmd.args([command, "--format", format]).arg(&file);
                if command == "qa" {
                    // the text against itself as its "translation"
                    cmd.arg(&file);
                }
                let o = cmd.output().unwrap();
                let code = o.status.code();
                assert!(
                    matches!(code, Some(0 | 1)),
                    "{command} {format}: {code:?} {}",
                    stderr(&o)
                );
                assert!(o.stderr.is_empty(), "{command} {format}: {}", stderr(&o));
                let out = std::str::from_utf8(&o.stdout).expect("UTF-8 output");
                match *format {
                    "json" => {
                        let _: serde_json::Value = serde_json::from_str(out).expect("JSON");
                    }
                    "text" => formats::check_no_controls(out),
                    _ => {}
                }
            }
        }
        // every line of the text as a query
        // (a NUL cannot be a command-line argument)
        let queries: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.contains('\0'))
            .collect();
        if !queries.is_empty() {
            for flags in [
                &["lookup"][..],
                &["lookup", "--en"],
                &["lookup", "--format", "json"],
            ] {
                let o = s.bin().args(flags).args(&queries).output().unwrap();
                assert!(
                    matches!(o.status.code(), Some(0 | 1)),
                    "{flags:?}: {}",
                    stderr(&o)
                );
                assert!(o.stderr.is_empty(), "{flags:?}: {}", stderr(&o));
                let out = std::str::from_utf8(&o.stdout).unwrap();
                if flags.contains(&"json") {
                    let _: serde_json::Value = serde_json::from_str(out).expect("JSON");
                } else {
                    formats::check_no_controls(out);
                }
            }
        }
    }
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let s = Scratch::new("utf8");
    let bad = b"balozi \xff za leo";
    let file = s.write("bad.txt", bad);
    for format in FORMATS {
        let o = s
            .bin()
            .args(["annotate", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert_refused(&o, "bad.txt: invalid UTF-8 at byte offset 7");
        assert!(
            stderr(&o)
                .trim_end()
                .ends_with("invalid UTF-8 at byte offset 7")
        );
        let mut cmd = s.bin();
        cmd.args(["annotate", "--format", format, "-"]);
        let o = run_with_stdin(cmd, bad);
        assert_refused(&o, "invalid UTF-8 at byte offset 7");
    }
    // a truncated sequence at the very end, and one deep in a big input
    let mut big = "balozi na waziri.\n".repeat(100_000).into_bytes();
    let at = big.len();
    big.extend_from_slice("habari \u{e9}".as_bytes());
    big.pop();
    let file = s.write("big.txt", &big);
    let o = s
        .bin()
        .args(["annotate", "--format", "tsv"])
        .arg(&file)
        .output()
        .unwrap();
    let want = format!("invalid UTF-8 at byte offset {}", at + 7);
    assert!(
        stderr(&o).trim_end().ends_with(&want),
        "{want} in {}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn lossy_replaces_invalid_bytes() {
    let s = Scratch::new("lossy");
    let bad: &[u8] = b"balozi \xff na \xe2\x82 waziri \xc0\xaf afisa mkuu \xf4\x90\x80\x80";
    let text = String::from_utf8_lossy(bad).into_owned();
    assert!(text.contains('\u{fffd}'));
    let file = s.write("bad.txt", bad);
    for format in FORMATS {
        for flags in [&["--lossy", "annotate"][..], &["annotate", "--lossy"][..]] {
            let o = s
                .bin()
                .args(flags)
                .args(["--format", format])
                .arg(&file)
                .output()
                .unwrap();
            assert_works(format, &o, &text);
            assert_eq!(o.status.code(), Some(0), "{format}: balozi is found");
        }
    }
}

#[test]
fn a_directory_or_a_missing_file() {
    let s = Scratch::new("paths");
    for format in FORMATS {
        let o = s
            .bin()
            .args(["annotate", "--format", format])
            .arg(&s.dir)
            .output()
            .unwrap();
        assert_refused(&o, "is a directory");
        let o = s
            .bin()
            .args(["annotate", "--format", format])
            .arg(s.path("no-such-file.txt"))
            .output()
            .unwrap();
        assert_refused(&o, "no-such-file.txt");
    }
    let o = s.bin().args(["unknown"]).arg(&s.dir).output().unwrap();
    assert_refused(&o, "is a directory");
    let o = s.bin().arg("lint").arg(&s.dir).output().unwrap();
    assert_refused(&o, "is a directory");
    let o = bin()
        .arg("--glossary")
        .arg(&s.dir)
        .args(["lookup", "balozi"])
        .output()
        .unwrap();
    assert_refused(&o, "is a directory");
}

#[test]
fn a_closed_output_pipe_is_success() {
    let s = Scratch::new("pipe");
    let file = s.write(
        "long.txt",
        "Balozi wa nchi alisema kwamba Waziri wa Mambo ya Nje atafika.\n"
            .repeat(20_000)
            .as_bytes(),
    );
    for format in FORMATS {
        // what `istilahi annotate … | head -c 10` does
        let mut child = s
            .bin()
            .args(["annotate", "--format", format])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 10];
        stdout.read_exact(&mut head).unwrap();
        drop(stdout);
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{format}: {}", stderr(&o));
    }
    // lookup and export too
    for args in [
        &["export", "--format", "tbx"][..],
        &["export", "--format", "csv"],
        &["export", "--format", "tsv"],
        &["export", "--format", "json"],
        &["lookup", "balozi", "waziri"],
    ] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 10];
        stdout.read_exact(&mut head).unwrap();
        drop(stdout);
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

/// Annotate a generated file in `formats`, checking each output.
fn annotate_big(s: &Scratch, text: &str, formats: &[&str]) {
    let file = s.write("big.txt", text.as_bytes());
    for format in formats {
        let o = s
            .bin()
            .args(["annotate", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert_works(format, &o, text);
    }
}

/// A single line of words with no sentence end (sizes for a debug build; the 50 MB line is
/// `fifty_megabyte_single_line`).
#[test]
fn a_long_single_line() {
    let s = Scratch::new("line");
    let line = "balozi na waziri wa Mambo ya Nje ".repeat(1024 * 1024 / 33);
    annotate_big(&s, &line, &["tsv", "text"]);
    let line = "balozi na waziri wa Mambo ya Nje ".repeat(100 * 1024 / 33);
    annotate_big(&s, &line, FORMATS);
}

/// The formats written as the input is read (their memory does not grow with the input).
const STREAMING: &[&str] = &["text", "jsonl", "tsv", "sfm", "flextext"];

/// 50 MB on one line: sentences, and words with no sentence end. The streaming formats take the
/// full size; JSON, HTML and Markdown build one document of the whole input (about 210 bytes of
/// memory per input byte in a release build: 2.1 GB for 10 MB of JSON), so they take 10 MB.
/// Outputs go to files (`-o`); the format checks run on the TSV and the text view.
#[test]
#[ignore = "50 MB: run in a release build"]
fn fifty_megabyte_single_line() {
    let s = Scratch::new("line50");
    let unit = "Balozi alifika. waziri wa Mambo ya Nje na afisa mkuu ";
    let words = "balozi na waziri wa Mambo ya Nje ";
    for (text, name) in [
        (unit.repeat(50 * 1024 * 1024 / unit.len()), "sentences"),
        (words.repeat(50 * 1024 * 1024 / words.len()), "words"),
    ] {
        let input = s.write("big.txt", text.as_bytes());
        let small = s.write("small.txt", &text.as_bytes()[..10 * 1024 * 1024]);
        for format in FORMATS {
            let streaming = STREAMING.contains(format);
            let out = s.path(&format!("out.{format}"));
            let o = s
                .bin()
                .args(["annotate", "--format", format, "-o"])
                .arg(&out)
                .arg(if streaming { &input } else { &small })
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0), "{name} {format}: {}", stderr(&o));
            assert!(o.stderr.is_empty(), "{name} {format}: {}", stderr(&o));
            let written = std::fs::read(&out).unwrap();
            assert!(!written.is_empty(), "{name} {format}: output");
            if matches!(*format, "tsv" | "text") {
                formats::check(format, &written, &text);
            }
            std::fs::remove_file(&out).unwrap();
        }
    }
}

#[test]
fn a_one_megabyte_word() {
    let s = Scratch::new("word");
    let word = "a".repeat(1024 * 1024);
    annotate_big(&s, &format!("balozi {word} waziri"), FORMATS);
    let word = "Mawaziri".repeat(128 * 1024);
    annotate_big(&s, &word, FORMATS);
    // and as a query
    let o = s.bin().args(["lookup", &word[..100_000]]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = s
        .bin()
        .args(["lookup", "--en", &word[..100_000]])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

// ---- glossaries

/// An entry in TOML.
fn entry(sw: &str, en: &str, pos: &str, extra: &str) -> String {
    format!("[[entry]]\nsw = {sw:?}\nen = [{en:?}]\npos = \"{pos}\"\n{extra}\n")
}

#[test]
fn deeply_nested_toml_is_refused() {
    let s = Scratch::new("deep");
    let depth = 100_000;
    let cases = [
        (
            "arrays.toml",
            format!("x = {}{}", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "tables.toml",
            format!("x = {}1{}", "{a = ".repeat(depth), "}".repeat(depth)),
        ),
        (
            "in-entry.toml",
            entry("a", "b", "noun", &format!("note = {}", "[".repeat(depth))),
        ),
        ("keys.toml", format!("[{}b]\n", "a.".repeat(depth))),
    ];
    for (name, text) in cases {
        let path = s.write(name, text.as_bytes());
        let o = bin()
            .arg("--glossary")
            .arg(&path)
            .args(["lookup", "balozi"])
            .output()
            .unwrap();
        assert_refused(&o, name);
        assert!(stderr(&o).contains("recursion limit"), "{}", stderr(&o));
        let o = bin().arg("lint").arg(&path).output().unwrap();
        assert_refused(&o, name);
    }
}

#[test]
fn huge_values_work() {
    let s = Scratch::new("huge");
    // half a megabyte of note, a quarter-megabyte headword and rendering (a debug build reads
    // TOML at about 2 MB/s; `scripts/scale.sh` times 1, 2 and 4 MB in a release build)
    let note = "maelezo ".repeat(64 * 1024);
    let word = "x".repeat(256 * 1024);
    let text = entry("balozi", "ambassador", "noun", &format!("note = {note:?}"))
        + &entry(&word, "a long word", "noun", "")
        + &entry("neno", &"y".repeat(256 * 1024), "noun", "");
    let path = s.write("huge.toml", text.as_bytes());
    let o = with_glossary(&path)
        .args(["lookup", "balozi", "neno", &word[..1000]])
        .output()
        .unwrap();
    // the 1,000-letter query finds nothing (exit 1), the others their entries
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("ambassador") && out.contains(&"y".repeat(1000)),
        "{out}"
    );
    let input = s.write("in.txt", format!("balozi {word} neno").as_bytes());
    for format in FORMATS {
        let o = with_glossary(&path)
            .args(["annotate", "--format", format])
            .arg(&input)
            .output()
            .unwrap();
        assert_works(format, &o, &format!("balozi {word} neno"));
    }
}

fn many_entries(n: usize) -> String {
    (0..n)
        .map(|i| {
            entry(
                &format!("neno{i}"),
                &format!("word {i}"),
                "noun",
                "class = \"9/10\"",
            )
        })
        .collect()
}

/// Many entries load and are found (10,000 here; 100,000 in `a_hundred_thousand_entries`).
#[test]
fn many_entries_load() {
    let s = Scratch::new("many");
    let path = s.write("many.toml", many_entries(10_000).as_bytes());
    let o = with_glossary(&path)
        .args(["lookup", "neno9999", "neno0"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
#[ignore = "100,000 entries: run in a release build"]
fn a_hundred_thousand_entries() {
    let s = Scratch::new("many100k");
    let path = s.write("many.toml", many_entries(100_000).as_bytes());
    let mut text = String::new();
    for i in 0..100_000 {
        let _ = write!(text, "neno{i} ");
    }
    let input = s.write("in.txt", text.as_bytes());
    for format in FORMATS {
        let o = with_glossary(&path)
            .args(["annotate", "--format", format])
            .arg(&input)
            .output()
            .unwrap();
        assert_works(format, &o, &text);
    }
}

#[test]
fn an_entry_with_thousands_of_variants() {
    let s = Scratch::new("variants");
    let variants: Vec<String> = (0..5_000).map(|i| format!("lahaja{i}")).collect();
    let text = entry("neno", "word", "noun", &format!("variants = {variants:?}"));
    let path = s.write("variants.toml", text.as_bytes());
    let input_text = "lahaja4999 na lahaja0 neno";
    let input = s.write("in.txt", input_text.as_bytes());
    let o = with_glossary(&path)
        .args(["annotate", "--format", "tsv"])
        .arg(&input)
        .output()
        .unwrap();
    assert_works("tsv", &o, input_text);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches("\tvariant\t").count(), 2, "{out}");
}

#[test]
fn a_term_of_thousands_of_words_is_refused() {
    let s = Scratch::new("long-term");
    let words = vec!["wa"; 3_000].join(" ");
    let path = s.write("long.toml", entry(&words, "x", "phrase", "").as_bytes());
    let o = bin()
        .arg("--glossary")
        .arg(&path)
        .args(["lookup", "wa"])
        .output()
        .unwrap();
    assert_refused(&o, "long.toml:1:1: entry");
    assert!(
        stderr(&o).contains("`sw` has 3000 words and marks (a term has at most 64)"),
        "{}",
        stderr(&o)
    );
    // the longest allowed term works, also on a text of its first word over and over
    let words = [vec!["wa"; 63], vec!["mwisho"]].concat().join(" ");
    let path = s.write(
        "max.toml",
        entry(&words, "the end", "phrase", "").as_bytes(),
    );
    let text = format!("{} {words}.", "wa ".repeat(20_000));
    let input = s.write("in.txt", text.as_bytes());
    let o = with_glossary(&path)
        .args(["annotate", "--format", "tsv"])
        .arg(&input)
        .output()
        .unwrap();
    assert_works("tsv", &o, &text);
    assert_eq!(
        String::from_utf8(o.stdout).unwrap().lines().count(),
        2,
        "one match"
    );
}

#[test]
fn many_terms_sharing_a_first_word() {
    let s = Scratch::new("shared");
    let text: String = (0..2_000)
        .map(|i| entry(&format!("wa neno{i}"), &format!("term {i}"), "phrase", ""))
        .collect();
    let path = s.write("shared.toml", text.as_bytes());
    let input_text = format!("{}wa neno1999.", "wa ".repeat(20_000));
    let input = s.write("in.txt", input_text.as_bytes());
    let o = with_glossary(&path)
        .args(["annotate", "--format", "tsv"])
        .arg(&input)
        .output()
        .unwrap();
    assert_works("tsv", &o, &input_text);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("\twa neno1999\t")
    );
}

// ---- escaping: input and glossary text never becomes markup

const HOSTILE_GLOSSARY: &str = r#"
[[entry]]
sw = "<b>hatari</b>"
en = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
pos = "noun"
class = "9/10"
domain = ["<svg onload=alert(1)>", "security"]
variants = ["<i>hatari</i>"]
note = "<iframe src=javascript:alert(1)></iframe> *bold* [l](javascript:alert(1))"
example = { sw = "<b>Hatari</b> ilitokea.", en = "<u>Danger</u> occurred." }

[[entry]]
sw = "balozi"
en = ["amb<b>ass</b>ador\n\\ge injected\r\n\\ref x", "*envoy* | `x`"]
pos = "noun"
class = "5/6"
domain = ["</style><script>alert(2)</script>"]
note = "]]> <!-- -->\n\\ge injected"
"#;

#[test]
fn html_and_markdown_escape_input_and_glossary_text() {
    let s = Scratch::new("escape");
    let path = s.write("hostile.toml", HOSTILE_GLOSSARY.as_bytes());
    let text = "<b>hatari</b> na <i>hatari</i>: Mabalozi <script>alert(3)</script> \
                <img src=x onerror=alert(4)> *balozi* [x](javascript:alert(5)) <Jina>.";
    let input = s.write("<b>jina<script>.txt", text.as_bytes());
    for format in FORMATS {
        let o = with_glossary(&path)
            .args(["annotate", "--format", format])
            .arg(&input)
            .output()
            .unwrap();
        assert_works(format, &o, text);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{format}: the hostile terms are found"
        );
    }
    // the same checks on the renderers in-process, and the page still shows the text
    let lexicon = {
        let mut g = istilahi::glossary::Glossary::default();
        g.add_layer(istilahi::glossary::parse_file(Path::new("h.toml"), HOSTILE_GLOSSARY).unwrap());
        istilahi::lexicon::Lexicon::new(g)
    };
    let html = formats::render_checked("html", &lexicon, "<b>src</b>", text, 80);
    let page = scraper::Html::parse_document(std::str::from_utf8(&html).unwrap());
    let body: String = page.root_element().text().collect();
    assert!(body.contains("<b>hatari</b>"), "the term shows as text");
    assert!(
        body.contains("<script>alert(1)</script>"),
        "the rendering shows as text"
    );
    let md = formats::render_checked("markdown", &lexicon, "<b>src</b>", text, 80);
    let md = String::from_utf8(md).unwrap();
    assert!(!md.contains("<script>") && !md.contains("<b>"), "{md}");
}

/// `add` and `remove` on a glossary written on Windows (a byte-order mark, CRLF line ends) keep
/// every byte of it: the TOML writer used to drop the mark and turn CRLF into LF.
#[test]
fn editing_a_windows_file_keeps_its_bytes() {
    let s = Scratch::new("crlf");
    let original =
        "\u{feff}# maneno\r\n[[entry]]\r\nsw = \"neno\"\r\nen = [\"word\"]\r\npos = \"noun\"\r\n";
    let path = s.write("win.toml", original.as_bytes());
    let o = bin()
        .args(["add", "--sw", "mpya", "--en", "new", "--pos", "adj", "--to"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let added = std::fs::read_to_string(&path).unwrap();
    assert!(added.starts_with(original), "{added:?}");
    assert!(
        !added.replace("\r\n", "").contains('\n'),
        "CRLF throughout: {added:?}"
    );
    let o = bin()
        .args(["remove", "mpya", "--to"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}
