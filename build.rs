//! Embeds every `glossary/*.toml` into the binary: writes `$OUT_DIR/embedded_glossary.rs`, a
//! sorted list of `(file name, TOML text, entries)` — the text with `include_str!` (for `lint`,
//! export and editing), the entries as read by serde at build time and written as Rust static
//! data, a slice of `StaticEntry` literals (the entry's strings as `&'static str`, with the line
//! and column where it starts), so that starting the program parses no TOML, decodes nothing,
//! checks no UTF-8 and computes no position. A file that does not parse gets no
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

/// An entry as read at build time: the entry, the 1-based line and column where its
/// `[[entry]]` table starts, and its noun class read (the entry's `class` is then `None`).
struct StoredEntry {
    line: u32,
    column: u32,
    class: Option<schema::NounClass>,
    entry: schema::RawEntry,
}

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
        let entries: Vec<StoredEntry> = match toml::from_str::<schema::RawFile>(&text) {
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
                    StoredEntry {
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
        let mut list = String::from("&[\n");
        for e in &entries {
            write_entry(&mut list, e);
        }
        list.push_str("    ]");
        writeln!(
            out,
            "    ({:?}, include_str!({:?}), {list}),",
            format!("glossary/{name}"),
            path.display().to_string(),
        )
        .expect("writing to a string");
    }
    out.push(']');
    fs::write(out_dir.join("embedded_glossary.rs"), out).expect("write embedded glossary list");
}

/// Write one entry as a `StaticEntry` literal (its strings as Rust literals, which `{:?}` of a
/// `str` is).
fn write_entry(out: &mut String, stored: &StoredEntry) {
    fn list<S: AsRef<str>>(items: &[S]) -> String {
        let items: Vec<String> = items.iter().map(|s| format!("{:?}", s.as_ref())).collect();
        format!("&[{}]", items.join(", "))
    }
    fn option<S: AsRef<str>>(item: Option<&S>) -> String {
        item.map_or_else(|| "None".to_owned(), |s| format!("Some({:?})", s.as_ref()))
    }
    let e = &stored.entry;
    let class = stored.class.map_or_else(
        || "None".to_owned(),
        |c| {
            let plural = c
                .plural
                .map_or_else(|| "None".to_owned(), |p| format!("Some({p})"));
            format!(
                "Some(NounClass {{ singular: {}, plural: {plural} }})",
                c.singular
            )
        },
    );
    let example = e.example.as_ref().map_or_else(
        || "None".to_owned(),
        |x| format!("Some(({:?}, {:?}))", x.sw, x.en),
    );
    let qa =
        e.qa.map_or_else(|| "None".to_owned(), |q| format!("Some({q})"));
    writeln!(
        out,
        "        StaticEntry {{ line: {}, column: {}, sw: {:?}, en: {}, pos: Pos::{:?}, \
         class: {class}, plural: {}, domain: {}, variants: {}, note: {}, example: {example}, \
         not: {}, forbidden: {}, qa: {qa} }},",
        stored.line,
        stored.column,
        e.sw.as_str(),
        list(&e.en),
        e.pos,
        option(e.plural.as_ref()),
        list(&e.domain),
        list(&e.variants),
        option(e.note.as_ref()),
        list(&e.not),
        list(&e.forbidden),
    )
    .expect("writing to a string");
}
