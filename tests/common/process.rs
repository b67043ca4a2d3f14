//! Running the real binary in integration tests: a command kept away from the user's own
//! glossaries and colour settings, its output as text, scratch directories and golden files
//! (`UPDATE_GOLDEN=1 cargo test` rewrites them). Included by path, so a test crate compiles
//! only this file of `common`.

#![allow(dead_code)] // each test crate uses its own share

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary, with no `ISTILAHI_GLOSSARY`, no personal glossary and no colour.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_istilahi"));
    c.env_remove("ISTILAHI_GLOSSARY")
        // keep the real personal glossary out: a path that does not exist
        .env(
            "ISTILAHI_USER_GLOSSARY",
            std::env::temp_dir().join("istilahi-tests-no-such-dir/glossary.toml"),
        )
        .env("NO_COLOR", "1");
    c
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

/// A fresh scratch directory for one test of this test crate and process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "istilahi-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Compare `actual` with `tests/golden/NAME`, or write it there under `UPDATE_GOLDEN=1`.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all("tests/golden").unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run UPDATE_GOLDEN=1 cargo test",
            path.display()
        )
    });
    assert!(
        want == actual,
        "{} differs from the output (UPDATE_GOLDEN=1 rewrites it)\n--- want\n{want}\n--- got\n{actual}",
        path.display()
    );
}
