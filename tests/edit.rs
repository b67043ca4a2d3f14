//! Integration tests of the commands that write glossaries (`add`, `edit`, `remove`, `import`)
//! and of `export`: the real binary, with `ISTILAHI_USER_GLOSSARY` always pointing into a
//! scratch directory (never the real home).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch directory for one test; its `user.toml` is the personal glossary.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("istilahi-edit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn user(&self) -> PathBuf {
        self.path("user.toml")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_istilahi"));
        c.env_remove("ISTILAHI_GLOSSARY")
            .env("ISTILAHI_USER_GLOSSARY", self.user())
            .env("NO_COLOR", "1");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("the binary runs")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

const CURATED: &str = "# Curated file: comments and spacing must survive.\n\n[[entry]]\nsw = \"balozi\"   # headword\nen = [ \"ambassador\",  \"envoy\" ]\npos = \"noun\"\nclass = \"5/6\"\n\n# amani: peace\n[[entry]]\nsw = \"amani\"\nen = [\"peace\"]\npos = \"noun\"\nclass = \"9/10\"\ndomain = [\"security\"]\n";

#[test]
fn glossary_path_follows_the_environment() {
    let s = Scratch::new("path");
    let o = s.run(&["glossary", "path"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o).trim_end(), s.user().display().to_string());
}

#[test]
fn add_creates_the_personal_glossary_and_lookup_uses_it() {
    let s = Scratch::new("personal");
    let o = s.run(&[
        "add",
        "--sw",
        "kikosi kazi",
        "--en",
        "task force",
        "--pos",
        "noun",
        "--class",
        "7/8",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = read(&s.user());
    assert!(text.starts_with("# "), "a header comment first: {text}");
    assert!(
        text.contains("sw = \"kikosi kazi\"\nen = [\"task force\"]\n"),
        "{text}"
    );
    let o = s.run(&["lookup", "kikosi kazi"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("task force"), "{}", stdout(&o));
}

#[test]
fn add_only_adds_lines_and_untouched_files_stay_identical() {
    let s = Scratch::new("adds");
    let file = s.path("g.toml");
    std::fs::write(&file, CURATED).unwrap();
    // an edit that changes nothing writes nothing different
    let o = s.run(&[
        "edit",
        "amani",
        "--set",
        "en=peace",
        "--to",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(read(&file), CURATED);
    let o = s.run(&[
        "add",
        "--sw",
        "vita",
        "--en",
        "war",
        "--pos",
        "noun",
        "--class",
        "9/10",
        "--domain",
        "security",
        "--note",
        "Also 'battle'.",
        "--example-sw",
        "Vita vimeisha.",
        "--example-en",
        "The war is over.",
        "--to",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = read(&file);
    assert!(text.starts_with(CURATED), "{text}");
    assert_eq!(
        &text[CURATED.len()..],
        "\n[[entry]]\nsw = \"vita\"\nen = [\"war\"]\npos = \"noun\"\nclass = \"9/10\"\ndomain = [\"security\"]\nnote = \"Also 'battle'.\"\nexample = { sw = \"Vita vimeisha.\", en = \"The war is over.\" }\n"
    );
}

#[test]
fn duplicates_are_refused_unless_merged_or_replaced() {
    let s = Scratch::new("dups");
    let file = s.path("g.toml");
    let f = file.to_str().unwrap();
    std::fs::write(&file, CURATED).unwrap();
    let o = s.run(&[
        "add", "--sw", "Balozi", "--en", "diplomat", "--pos", "noun", "--to", f,
    ]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("sw = \"balozi\""),
        "shows the entry: {}",
        stderr(&o)
    );
    assert_eq!(read(&file), CURATED);
    let o = s.run(&[
        "add", "--sw", "balozi", "--en", "diplomat", "--pos", "noun", "--to", f, "--merge",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        read(&file).contains("en = [ \"ambassador\",  \"envoy\" , \"diplomat\"]"),
        "{}",
        read(&file)
    );
    let o = s.run(&[
        "add",
        "--sw",
        "balozi",
        "--en",
        "envoy",
        "--pos",
        "noun",
        "--class",
        "5/6",
        "--to",
        f,
        "--replace",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = read(&file);
    assert!(text.starts_with("# Curated file: comments and spacing must survive.\n\n[[entry]]\nsw = \"balozi\"\nen = [\"envoy\"]\npos = \"noun\"\nclass = \"5/6\"\n\n# amani: peace\n"), "{text}");
}

#[test]
fn edit_and_remove_keep_the_rest_byte_identical() {
    let s = Scratch::new("editremove");
    let file = s.path("g.toml");
    let f = file.to_str().unwrap();
    std::fs::write(&file, CURATED).unwrap();
    let o = s.run(&[
        "edit",
        "balozi",
        "--pos",
        "noun",
        "--set",
        "sw=Balozi",
        "--set",
        "note=Head of an embassy.",
        "--to",
        f,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let want = CURATED
        .replace(
            "sw = \"balozi\"   # headword",
            "sw = \"Balozi\"   # headword",
        )
        .replace(
            "class = \"5/6\"\n",
            "class = \"5/6\"\nnote = \"Head of an embassy.\"\n",
        );
    assert_eq!(read(&file), want);
    let o = s.run(&["remove", "amani", "--to", f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let want = want.split("\n# amani").next().unwrap().to_owned();
    assert_eq!(read(&file), want);
    let o = s.run(&["remove", "amani", "--to", f]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o).trim_end(),
        format!("istilahi: {f}: no entry \"amani\"")
    );
}

#[test]
fn invalid_adds_fail_with_one_line_and_leave_the_file_unchanged() {
    let s = Scratch::new("invalid");
    let file = s.path("g.toml");
    let f = file.to_str().unwrap();
    std::fs::write(&file, CURATED).unwrap();
    let broken = s.path("broken.toml");
    let b = broken.to_str().unwrap();
    let broken_text = "[[entry]]\nsw = \"a\"\nen = [\"b\"\n";
    std::fs::write(&broken, broken_text).unwrap();
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &["--sw", "x", "--pos", "noun", "--to", f],
            "`en` has no rendering",
            CURATED,
        ),
        (
            &[
                "--sw", "x", "--en", "y", "--pos", "noun", "--class", "5/7", "--to", f,
            ],
            "unknown noun class \"5/7\"",
            CURATED,
        ),
        (
            &["--sw", "x", "--en", "y", "--pos", "nown", "--to", f],
            "unknown variant `nown`",
            CURATED,
        ),
        (
            &["--sw", "x", "--en", "y", "--to", f],
            "missing field `pos`",
            CURATED,
        ),
        (
            &["--sw", "x", "--en", "", "--pos", "noun", "--to", f],
            "`en` has an empty string",
            CURATED,
        ),
        (
            &["--sw", "a", "--en", "b", "--pos", "noun", "--to", b],
            "broken.toml:4:1",
            broken_text,
        ),
    ];
    for (args, want, unchanged) in cases {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        let o = s.run(&all);
        let err = stderr(&o);
        assert_eq!(code(&o), 2, "{args:?}: {err}");
        assert!(err.starts_with("istilahi: "), "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        let target = if args.contains(&b) { &broken } else { &file };
        assert_eq!(read(target), unchanged, "{args:?}");
    }
    // a bad personal glossary is not created either
    let o = s.run(&["add", "--sw", "x", "--pos", "noun"]);
    assert_eq!(code(&o), 2);
    assert!(!s.user().exists());
}

#[test]
fn concurrent_adds_all_land() {
    let s = Scratch::new("concurrent");
    let file = s.path("g.toml");
    let f = file.to_str().unwrap().to_owned();
    let children: Vec<_> = (0..20)
        .map(|i| {
            s.cmd()
                .args([
                    "add",
                    "--sw",
                    &format!("neno{i}"),
                    "--en",
                    &format!("word {i}"),
                    "--pos",
                    "noun",
                    "--to",
                    &f,
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let entries = istilahi::glossary::read_file(&file).expect("a valid file");
    assert_eq!(entries.len(), 20);
    for i in 0..20 {
        assert!(
            entries.iter().any(|e| e.sw == format!("neno{i}")),
            "neno{i}"
        );
    }
}

/// The pause before the rename is a hook of debug builds only: a release binary never waits.
#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the pause hook is in debug builds only"
)]
fn a_process_killed_before_the_rename_leaves_the_old_file() {
    let s = Scratch::new("killed");
    let file = s.path("g.toml");
    std::fs::write(&file, CURATED).unwrap();
    let mut child = s
        .cmd()
        .args([
            "add", "--sw", "neno", "--en", "word", "--pos", "noun", "--class", "5/6",
        ])
        .args(["--to", file.to_str().unwrap()])
        .env("ISTILAHI_TEST_PAUSE_BEFORE_RENAME", "30000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // wait until the new version is written and synced to its temporary file
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let temp_written = || {
        std::fs::read_dir(&s.dir).unwrap().flatten().any(|e| {
            e.path().extension().is_some_and(|x| x == "tmp")
                && std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("neno"))
        })
    };
    while !temp_written() {
        assert!(
            std::time::Instant::now() < deadline,
            "no temporary file appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(read(&file), CURATED, "the old version, byte for byte");
    // and the next write still lands
    let o = s.run(&[
        "add",
        "--sw",
        "neno",
        "--en",
        "word",
        "--pos",
        "noun",
        "--class",
        "5/6",
        "--to",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(istilahi::glossary::read_file(&file).unwrap().len(), 3);
}

#[test]
fn interactive_add_proposes_class_and_plural() {
    use std::io::Write as _;
    let s = Scratch::new("interactive");
    let file = s.path("g.toml");
    let mut child = s
        .cmd()
        .args(["add", "--interactive", "--to", file.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // headword, then accept the proposed pos, class and plural, then renderings and domain
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"kitengo\n\n\n\nunit; department\ngovernment\n\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("noun class [7/8]") && err.contains("plural [vitengo]"),
        "{err}"
    );
    let entries = istilahi::glossary::read_file(&file).unwrap();
    let e = &entries[0];
    assert_eq!((e.sw.as_str(), e.en.len()), ("kitengo", 2));
    assert_eq!(e.class.map(|c| c.to_string()).as_deref(), Some("7/8"));
    assert_eq!(e.plural, None, "the rule gives the plural");
}

#[test]
fn a_glossary_directory_takes_entries_by_domain() {
    let s = Scratch::new("directory");
    let dir = s.path("glossary");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("diplomacy.toml"), CURATED).unwrap();
    std::fs::write(dir.join("general.toml"), "# general\n").unwrap();
    let d = dir.to_str().unwrap();
    let o = s.run(&[
        "add",
        "--sw",
        "ubalozi mdogo",
        "--en",
        "consulate",
        "--pos",
        "noun",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o)); // to the personal glossary
    let o = s.run(&[
        "add",
        "--sw",
        "ziara",
        "--en",
        "visit",
        "--pos",
        "noun",
        "--class",
        "9/10",
        "--domain",
        "diplomacy",
        "--to",
        d,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = read(&dir.join("diplomacy.toml"));
    assert!(
        after.starts_with(CURATED) && after.contains("sw = \"ziara\""),
        "{after}"
    );
    // edit and remove find the file that holds the headword
    let o = s.run(&["edit", "amani", "--set", "note=Also: calm.", "--to", d]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(read(&dir.join("diplomacy.toml")).contains("note = \"Also: calm.\""));
    let o = s.run(&["remove", "ziara", "--to", d]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!read(&dir.join("diplomacy.toml")).contains("ziara"));
    assert_eq!(read(&dir.join("general.toml")), "# general\n");
}

#[test]
fn tsv_has_three_columns_on_every_line() {
    let s = Scratch::new("tsv");
    let o = s.run(&["export", "--format", "tsv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().count() > 100);
    for (n, line) in out.lines().enumerate() {
        assert_eq!(line.split('\t').count(), 3, "line {}: {line:?}", n + 1);
    }
    assert!(
        out.contains("balozi\tambassador; envoy\tnoun; 5/6; "),
        "{out}"
    );
}

#[test]
fn tbx_parses_with_one_concept_entry_per_entry() {
    let s = Scratch::new("tbx");
    let o = s.run(&["export", "--format", "tbx"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json = s.run(&["export", "--format", "json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let tbx = stdout(&o);
    let mut reader = quick_xml::Reader::from_str(&tbx);
    let (mut concepts, mut depth, mut root) = (0, 0usize, String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) => {
                let name = AsRef::<str>::as_ref(&e.name()).to_owned();
                if depth == 0 {
                    root = name.clone();
                }
                if name == "conceptEntry" {
                    concepts += 1;
                }
                depth += 1;
            }
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(root, "tbx");
    assert_eq!(concepts, entries.len());
    assert!(tbx.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""));
    assert!(tbx.contains("<descrip type=\"subjectField\">diplomacy</descrip>"));
}

#[test]
fn export_import_export_is_a_fixed_point() {
    let s = Scratch::new("roundtrip");
    for format in ["tsv", "csv", "tbx"] {
        let first = s.path(&format!("first.{format}"));
        // two curated files keep the debug-build test quick (the whole glossary takes seconds)
        let o = s.run(&[
            "--no-default-glossary",
            "--glossary",
            "glossary/diplomacy.toml",
            "--glossary",
            "glossary/verbs.toml",
            "export",
            "--format",
            format,
            "-o",
            first.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 0, "{format}: {}", stderr(&o));
        let toml = s.path(&format!("imported-{format}.toml"));
        let o = s.run(&[
            "import",
            first.to_str().unwrap(),
            "--from",
            format,
            "--to",
            toml.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 0, "{format}: {}", stderr(&o));
        let o = s.run(&[
            "--no-default-glossary",
            "--glossary",
            toml.to_str().unwrap(),
            "export",
            "--format",
            format,
        ]);
        assert_eq!(code(&o), 0, "{format}: {}", stderr(&o));
        assert!(
            read(&first) == stdout(&o),
            "{format}: the second export differs"
        );
    }
}

#[test]
fn tbx_v2_imports() {
    let s = Scratch::new("tbx2");
    let tbx = s.path("old.tbx");
    std::fs::write(
        &tbx,
        r#"<?xml version="1.0"?>
<martif type="TBX" xml:lang="en">
 <text><body>
  <termEntry id="t1">
   <descripGrp><descrip type="subjectField">law</descrip></descripGrp>
   <langSet xml:lang="sw-TZ"><tig><term>mahakama</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
   <langSet xml:lang="en"><tig><term>court</term></tig><tig><term>tribunal</term></tig></langSet>
  </termEntry>
  <termEntry id="t2">
   <langSet xml:lang="en"><tig><term>orphan</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>
"#,
    )
    .unwrap();
    let out = s.path("law.toml");
    let o = s.run(&[
        "import",
        tbx.to_str().unwrap(),
        "--from",
        "tbx",
        "--to",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "one row rejected");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("old.tbx:9: rejected: no Swahili term"),
        "{err}"
    );
    let entries = istilahi::glossary::read_file(&out).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].sw, "mahakama");
    assert_eq!(entries[0].en, ["court", "tribunal"]);
    assert_eq!(entries[0].domain, ["law"]);
}

#[test]
fn import_reports_rejected_rows_with_line_numbers() {
    let s = Scratch::new("rejects");
    let tsv = s.path("in.tsv");
    std::fs::write(
        &tsv,
        "amani\tpeace\tnoun; 9/10\nvita\twar\n\tnothing\tnoun\namani\tcalm\tnoun\nx\ty\tz\tw\n",
    )
    .unwrap();
    let out = s.path("out.toml");
    let o = s.run(&[
        "import",
        tsv.to_str().unwrap(),
        "--from",
        "tsv",
        "--to",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines[0].contains("in.tsv:2: rejected: entry \"vita\": missing field `pos`"),
        "{err}"
    );
    assert!(
        lines[1].contains("in.tsv:3: rejected: entry \"\": `sw` is empty"),
        "{err}"
    );
    assert!(
        lines[2].contains("in.tsv:4: rejected: duplicate entry \"amani\" (noun)"),
        "{err}"
    );
    assert!(
        lines[3].contains("in.tsv:5: rejected: expected 3 tab-separated columns"),
        "{err}"
    );
    assert_eq!(istilahi::glossary::read_file(&out).unwrap().len(), 1);
}
