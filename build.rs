//! Embeds every `glossary/*.toml` into the binary: writes `$OUT_DIR/embedded_glossary.rs`, a
//! sorted list of `(file name, TOML text, entries)` — the text with `include_str!` (for `lint`,
//! export and editing), the entries as read by serde at build time and stored with postcard as
//! a list of `StoredEntry` (the entry with the line and column where it starts), so that starting
//! the program parses no TOML and computes no position. A file that does not parse gets no
//! entries here (a build warning says why): the program then parses its text at run time and
//! reports the error with file, line and column.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/glossary/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/error/position.rs"]
mod position;

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = root.join("glossary");
    println!("cargo::rerun-if-changed={}", dir.display());
    println!("cargo::rerun-if-changed=src/glossary/schema.rs");
    println!("cargo::rerun-if-changed=src/error/position.rs");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.file_name().expect("a file").to_string_lossy();
        let text = fs::read_to_string(path).unwrap_or_default();
        let lines = position::LineIndex::new(&text);
        let entries: Vec<schema::StoredEntry> = match toml::from_str::<schema::RawFile>(&text) {
            Ok(file) => file
                .entry
                .into_iter()
                .map(|spanned| {
                    let at = lines.position(spanned.span().start);
                    let small = |n: usize| u32::try_from(n).expect("a glossary under 4 GB");
                    let mut entry = spanned.into_inner();
                    let class = entry.class.take().and_then(|c| {
                        let class = schema::NounClass::parse(&c);
                        if class.is_none() {
                            println!("cargo::warning=glossary/{name}: unknown noun class {c:?}");
                        }
                        class
                    });
                    schema::StoredEntry {
                        line: small(at.line),
                        column: small(at.column),
                        class,
                        entry,
                    }
                })
                .collect(),
            Err(e) => {
                let first = e.message().lines().next().unwrap_or_default().to_owned();
                println!("cargo::warning=glossary/{name} does not parse: {first}");
                Vec::new()
            }
        };
        let bytes = postcard::to_stdvec(&entries).expect("serialising glossary entries");
        let bin = out_dir.join(format!("{name}.postcard"));
        fs::write(&bin, bytes).expect("write the embedded entries");
        writeln!(
            out,
            "    ({:?}, include_str!({:?}), include_bytes!({:?})),",
            format!("glossary/{name}"),
            path.display().to_string(),
            bin.display().to_string()
        )
        .expect("writing to a string");
    }
    out.push(']');
    fs::write(out_dir.join("embedded_glossary.rs"), out).expect("write embedded glossary list");
}
