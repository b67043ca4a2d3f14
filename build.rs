//! Embeds every `glossary/*.toml` into the binary: writes `$OUT_DIR/embedded_glossary.rs`, a
//! sorted list of `(file name, TOML text, entries)` — the text with `include_str!` (for `lint`,
//! export and editing), the entries as read by serde at build time and written as Rust static
//! data, a slice of `StaticEntry` literals (with the line and column where each starts), so that
//! starting the program parses no TOML, decodes nothing, checks no UTF-8 and computes no
//! position. The entries' strings are written once each into `embedded_glossary_pool.txt`, and
//! their lists into `embedded_glossary_lists.rs`; an entry holds their places, numbers only.
//! A file that does not parse gets no entries here (a build warning says why): the program then
//! parses its text at run time and reports the error with file, line and column.

use std::collections::HashMap;
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
    let mut pool = Pool::default();
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
            pool.write_entry(&mut list, e);
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
    fs::write(out_dir.join("embedded_glossary_pool.txt"), &pool.text)
        .expect("write the embedded glossary's strings");
    let mut lists = String::from("&[\n");
    for chunk in pool.lists.chunks(8) {
        let items: Vec<String> = chunk
            .iter()
            .map(|t| format!("Text({}, {})", t.0, t.1))
            .collect();
        writeln!(lists, "    {},", items.join(", ")).expect("writing to a string");
    }
    lists.push(']');
    fs::write(out_dir.join("embedded_glossary_lists.rs"), lists)
        .expect("write the embedded glossary's lists");
}

/// The strings of the embedded entries, each once, in one text, and their lists, so that the
/// entries written hold numbers only: a static `&str` in each would be a pointer the loader
/// relocates at every start (35,000 of them, on pages it then copies).
#[derive(Default)]
struct Pool {
    text: String,
    at: HashMap<String, (u32, u32)>,
    lists: Vec<(u32, u32)>,
}

impl Pool {
    /// A string as a `Text(start, end)` literal: its bytes in the pool.
    fn text(&mut self, s: &str) -> String {
        let (start, end) = self.span(s);
        format!("Text({start}, {end})")
    }

    fn span(&mut self, s: &str) -> (u32, u32) {
        if let Some(&span) = self.at.get(s) {
            return span;
        }
        let offset = |n: usize| u32::try_from(n).expect("embedded strings under 4 GB");
        let span = (offset(self.text.len()), offset(self.text.len() + s.len()));
        self.text.push_str(s);
        self.at.insert(s.to_owned(), span);
        span
    }

    /// A list of strings as a `Texts(start, end)` literal: its place in the lists.
    fn list<S: AsRef<str>>(&mut self, items: &[S]) -> String {
        let start = self.lists.len();
        for s in items {
            let span = self.span(s.as_ref());
            self.lists.push(span);
        }
        format!("Texts({start}, {})", self.lists.len())
    }

    fn option<S: AsRef<str>>(&mut self, item: Option<&S>) -> String {
        item.map_or_else(
            || "None".to_owned(),
            |s| format!("Some({})", self.text(s.as_ref())),
        )
    }

    /// Write one entry as a `StaticEntry` literal.
    fn write_entry(&mut self, out: &mut String, stored: &StoredEntry) {
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
            |x| format!("Some(({}, {}))", self.text(&x.sw), self.text(&x.en)),
        );
        let qa =
            e.qa.map_or_else(|| "None".to_owned(), |q| format!("Some({q})"));
        writeln!(
            out,
            "        StaticEntry {{ line: {}, column: {}, sw: {}, en: {}, pos: Pos::{:?}, \
             class: {class}, plural: {}, domain: {}, variants: {}, note: {}, \
             example: {example}, not: {}, forbidden: {}, qa: {qa} }},",
            stored.line,
            stored.column,
            self.text(&e.sw),
            self.list(&e.en),
            e.pos,
            self.option(e.plural.as_ref()),
            self.list(&e.domain),
            self.list(&e.variants),
            self.option(e.note.as_ref()),
            self.list(&e.not),
            self.list(&e.forbidden),
        )
        .expect("writing to a string");
    }
}
