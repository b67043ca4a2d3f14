//! The glossary: entries read from TOML files (`[[entry]]` tables, see DESIGN.md), validated,
//! and layered — the embedded default glossary, then `--glossary` files, later layers winning
//! for the same headword and part of speech.
//!
//! Reading is strict: unknown fields, unknown parts of speech and noun classes, empty strings
//! and duplicate headword+pos within a layer are errors naming the file, line and column.

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::error::{Error, LineIndex, Position, Result};

mod schema;

use crate::tokenize::key;
pub use schema::{CLASSES, Example, NounClass, Pos};
use schema::{RawEntry, RawFile};

/// The glossary files compiled into the binary: `(name, contents, entries)`, sorted by name.
/// Each comes with its entries as the build script read them (see `build.rs`), written as
/// static data, so that loading parses no TOML and decodes nothing.
#[allow(clippy::unreadable_literal)] // generated places in the pool
pub static EMBEDDED: &[(&str, &str, &[StaticEntry])] =
    include!(concat!(env!("OUT_DIR"), "/embedded_glossary.rs"));

/// The strings of the embedded entries, each once ([`Text`] is a place in it).
static POOL: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded_glossary_pool.txt"));

/// The lists of strings of the embedded entries, one after another ([`Texts`] is a place in it).
#[allow(clippy::unreadable_literal)]
static LISTS: &[Text] = include!(concat!(env!("OUT_DIR"), "/embedded_glossary_lists.rs"));

/// A string of [`POOL`]: its start and end.
#[derive(Debug, Clone, Copy)]
struct Text(u32, u32);

impl Text {
    fn get(self) -> &'static str {
        &POOL[self.0 as usize..self.1 as usize]
    }

    /// The string as a [`CompactString`]: copied inline when it fits, else borrowed from the
    /// binary (`const_new`, which copies an inline string a byte at a time).
    fn compact(self) -> CompactString {
        let s = self.get();
        if s.len() <= std::mem::size_of::<CompactString>() {
            CompactString::new(s)
        } else {
            CompactString::const_new(s)
        }
    }
}

/// A list of strings: its start and end in [`LISTS`].
#[derive(Debug, Clone, Copy)]
struct Texts(u32, u32);

impl Texts {
    fn get(self) -> &'static [Text] {
        &LISTS[self.0 as usize..self.1 as usize]
    }
}

/// An entry of an embedded glossary file as the build script writes it: the fields of a
/// glossary entry, its strings as places in one pool of text (numbers, which the loader need not
/// relocate as it would pointers), with the 1-based line and column where its `[[entry]]` table
/// starts and its noun class read.
#[derive(Debug)]
pub struct StaticEntry {
    line: u32,
    column: u32,
    sw: Text,
    en: Texts,
    pos: Pos,
    class: Option<NounClass>,
    plural: Option<Text>,
    domain: Texts,
    variants: Texts,
    note: Option<Text>,
    example: Option<(Text, Text)>,
    not: Texts,
    forbidden: Texts,
    qa: Option<bool>,
}

impl StaticEntry {
    /// The entry, its strings of up to 24 bytes kept inline and longer ones borrowed from the
    /// binary ([`Text::compact`]), so that most fields allocate nothing.
    fn entry(&self, path: &Arc<Path>) -> Entry {
        fn compact(list: Texts) -> Vec<CompactString> {
            let list = list.get();
            let mut v = Vec::with_capacity(list.len());
            v.extend(list.iter().map(|t| t.compact()));
            v
        }
        fn owned(list: Texts) -> Vec<String> {
            list.get().iter().map(|t| t.get().to_owned()).collect()
        }
        Entry {
            sw: self.sw.compact(),
            en: compact(self.en),
            pos: self.pos,
            class: self.class,
            plural: self.plural.map(Text::compact),
            domain: compact(self.domain),
            variants: compact(self.variants),
            note: self.note.map(|t| t.get().to_owned()),
            example: self.example.map(|(sw, en)| Example {
                sw: sw.get().to_owned(),
                en: en.get().to_owned(),
            }),
            not: owned(self.not),
            forbidden: owned(self.forbidden),
            qa: self.qa.unwrap_or(true),
            origin: Origin {
                path: Arc::clone(path),
                at: Position {
                    line: self.line as usize,
                    column: self.column as usize,
                },
            },
        }
    }
}

/// The domains the curated glossary uses (`lint` checks them; the loader accepts any word).
pub const DOMAINS: &[&str] = &[
    "core",
    "general",
    "diplomacy",
    "government",
    "elections",
    "security",
    "law",
    "economy",
    "organisations",
    "geography",
    "media",
    "health",
    "disasters",
    "time",
    "society",
    "religion",
    "environment",
    "education",
    "science",
    "sport",
    "transport",
    "agriculture",
];

/// The most tokens (words and marks) a headword, variant or plural may have. A longer "term"
/// is a passage, not a term; matching one would cost its length at every token of a text.
pub const MAX_TERM_TOKENS: usize = 64;

/// Where an entry was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: Arc<Path>,
    pub at: Position,
}

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub sw: CompactString,
    pub en: Vec<CompactString>,
    pub pos: Pos,
    pub class: Option<NounClass>,
    pub plural: Option<CompactString>,
    pub domain: Vec<CompactString>,
    pub variants: Vec<CompactString>,
    pub note: Option<String>,
    pub example: Option<Example>,
    pub not: Vec<String>,
    pub forbidden: Vec<String>,
    /// Whether `qa` checks the entry's renderings in translations (`qa = false` skips it).
    pub qa: bool,
    pub origin: Origin,
}

/// Parse and validate one glossary file's text. Duplicates inside the file are errors.
pub fn parse_file(path: &Path, text: &str) -> Result<Vec<Entry>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| Error::GlossaryToml {
        path: path.to_path_buf(),
        at: Position::of_offset(text, e.span().map_or(0, |s| s.start)),
        message: e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(": "),
    })?;
    let shared: Arc<Path> = Arc::from(path);
    let lines = LineIndex::new(text);
    let mut entries = Vec::with_capacity(raw.entry.len());
    for spanned in raw.entry {
        let at = lines.position(spanned.span().start);
        let origin = Origin {
            path: Arc::clone(&shared),
            at,
        };
        entries.push(validate(spanned.into_inner(), origin)?);
    }
    check_duplicates(&entries)?;
    Ok(entries)
}

/// Append the entries of an embedded file, as the build script wrote them, to `into`.
///
/// They are not validated here, as they cannot change after the build: the unit test
/// `stored_embedded_entries_equal_the_parsed_text` reads every embedded file as any other file
/// is read (validated, duplicates refused) and compares, so a glossary that breaks a rule fails
/// the tests. A file the build script could not read has no entries written: its text is parsed
/// here, which reports the error.
fn embedded_file(
    path: &Path,
    text: &str,
    stored: &[StaticEntry],
    into: &mut Vec<Entry>,
) -> Result<()> {
    if stored.is_empty() {
        into.extend(parse_file(path, text)?);
        return Ok(());
    }
    let shared: Arc<Path> = Arc::from(path);
    into.extend(stored.iter().map(|e| e.entry(&shared)));
    Ok(())
}

/// Whether a value has nothing but whitespace and byte-order marks (which make no token).
fn blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// Whether a list has an empty (blank) string.
fn has_blank<S: AsRef<str>>(list: &[S]) -> bool {
    list.iter().any(|s| blank(s.as_ref()))
}

fn validate(raw: RawEntry, origin: Origin) -> Result<Entry> {
    check(&raw, &origin)?;
    let class = raw.class.as_deref().and_then(NounClass::parse);
    Ok(Entry::from_checked(raw, class, origin))
}

/// The rules a glossary entry keeps beyond its types (see the module documentation).
fn check(raw: &RawEntry, origin: &Origin) -> Result<()> {
    let fail = |message: String| Error::GlossaryEntry {
        path: origin.path.to_path_buf(),
        at: origin.at,
        entry: raw.sw.to_string(),
        message,
    };
    if blank(&raw.sw) {
        return Err(fail("`sw` is empty".into()));
    }
    if raw.en.is_empty() {
        return Err(fail("`en` has no rendering".into()));
    }
    let lists = [
        ("en", has_blank(&raw.en)),
        ("domain", has_blank(&raw.domain)),
        ("variants", has_blank(&raw.variants)),
        ("not", has_blank(&raw.not)),
        ("forbidden", has_blank(&raw.forbidden)),
    ];
    if let Some((field, _)) = lists.iter().find(|(_, empty)| *empty) {
        return Err(fail(format!("`{field}` has an empty string")));
    }
    let forms = std::iter::once(("sw", &raw.sw))
        .chain(raw.variants.iter().map(|v| ("variants", v)))
        .chain(raw.plural.iter().map(|p| ("plural", p)));
    for (field, form) in forms {
        // a form with a space at an end or two between could never be matched as written
        if !blank(form) && (form.trim() != form || form.contains("  ")) {
            return Err(fail(format!("`{field}` has stray spaces: {form:?}")));
        }
        // a form shorter in bytes than the limit cannot have more tokens: no tokenizing then
        if form.len() > MAX_TERM_TOKENS {
            let n = crate::tokenize::tokenize(form).len();
            if n > MAX_TERM_TOKENS {
                return Err(fail(format!(
                    "`{field}` has {n} words and marks (a term has at most {MAX_TERM_TOKENS})"
                )));
            }
        }
    }
    let singles = [
        ("plural", raw.plural.as_deref()),
        ("note", raw.note.as_deref()),
    ];
    for (field, value) in singles {
        if value.is_some_and(blank) {
            return Err(fail(format!("`{field}` is empty")));
        }
    }
    if let Some(ex) = &raw.example
        && (blank(&ex.sw) || blank(&ex.en))
    {
        return Err(fail("`example` needs both `sw` and `en`".into()));
    }
    match raw.class.as_deref() {
        Some(c) if NounClass::parse(c).is_none() => Err(fail(format!(
            "unknown noun class {c:?} (expected one of {})",
            CLASSES.join(", ")
        ))),
        Some(_) if raw.pos == Pos::Verb => Err(fail("a verb has no noun class".into())),
        _ => Ok(()),
    }
}

impl Entry {
    /// The entry of a raw entry that keeps the rules ([`check`]), with its class read.
    fn from_checked(raw: RawEntry, class: Option<NounClass>, origin: Origin) -> Entry {
        Entry {
            sw: raw.sw,
            en: raw.en,
            pos: raw.pos,
            class,
            plural: raw.plural,
            domain: raw.domain,
            variants: raw.variants,
            note: raw.note,
            example: raw.example,
            not: raw.not,
            forbidden: raw.forbidden,
            qa: raw.qa.unwrap_or(true),
            origin,
        }
    }
}

/// The identity of an entry: its headword key and part of speech.
#[must_use]
pub fn identity(entry: &Entry) -> (String, Pos) {
    (key(&entry.sw), entry.pos)
}

fn check_duplicates(entries: &[Entry]) -> Result<()> {
    let mut seen: FxHashMap<(String, Pos), &Entry> = FxHashMap::default();
    for e in entries {
        if let Some(first) = seen.insert(identity(e), e) {
            return Err(Error::DuplicateEntry {
                path: e.origin.path.to_path_buf(),
                at: e.origin.at,
                entry: e.sw.to_string(),
                pos: e.pos.to_string(),
                first_path: first.origin.path.to_path_buf(),
                first_at: first.origin.at,
            });
        }
    }
    Ok(())
}

/// Read a glossary file from disk.
pub fn read_file(path: &Path) -> Result<Vec<Entry>> {
    let text = crate::input::read_text(path)?;
    parse_file(path, &text)
}

/// A loaded glossary: entries from every layer, later layers replacing earlier entries with the
/// same headword and part of speech.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    /// Each entry's [`identity`] → its index; built when first needed (by another layer or
    /// [`Glossary::get`]), which a run on the embedded glossary alone never is.
    index: OnceLock<FxHashMap<(String, Pos), usize>>,
}

impl Glossary {
    /// The embedded default glossary (one layer: duplicates across its files are errors).
    pub fn embedded() -> Result<Glossary> {
        let count = EMBEDDED.iter().map(|(_, _, stored)| stored.len());
        let mut entries = Vec::with_capacity(count.sum());
        for (name, text, stored) in EMBEDDED {
            embedded_file(Path::new(name), text, stored, &mut entries)?;
        }
        // no duplicates: a unit test checks the embedded files, which cannot change after the
        // build (`embedded_glossary_has_no_duplicates`)
        Ok(Glossary {
            entries,
            index: OnceLock::new(),
        })
    }

    /// The index of the entries by identity, built on first use.
    fn index(&self) -> &FxHashMap<(String, Pos), usize> {
        self.index.get_or_init(|| {
            let mut index = FxHashMap::default();
            index.reserve(self.entries.len());
            for (i, e) in self.entries.iter().enumerate() {
                index.insert(identity(e), i);
            }
            index
        })
    }

    /// Lay `entries` over the glossary: an entry with the same headword and pos replaces the
    /// earlier one in place; new entries are appended.
    pub fn add_layer(&mut self, entries: Vec<Entry>) {
        self.index();
        let index = self.index.get_mut().expect("the index was built above");
        self.entries.reserve(entries.len());
        index.reserve(entries.len());
        for e in entries {
            match index.entry(identity(&e)) {
                std::collections::hash_map::Entry::Occupied(i) => self.entries[*i.get()] = e,
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(self.entries.len());
                    self.entries.push(e);
                }
            }
        }
    }

    /// Read a file and lay it over the glossary.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let entries = read_file(path)?;
        self.add_layer(entries);
        Ok(())
    }

    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for a headword and pos, if any.
    #[must_use]
    pub fn get(&self, sw: &str, pos: Pos) -> Option<&Entry> {
        self.index().get(&(key(sw), pos)).map(|&i| &self.entries[i])
    }
}

/// A curation problem in an otherwise valid entry: what `lint` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub path: PathBuf,
    pub at: Position,
    pub entry: String,
    pub message: String,
}

impl std::fmt::Display for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: entry {:?}: {}",
            self.path.display(),
            self.at,
            self.entry,
            self.message
        )
    }
}

/// The curated glossary's rules beyond validity: nouns carry a class, 1–4 renderings, known
/// domains, at least one domain, verbs without an infinitive `ku-` in multi-letter stems that
/// have a `ku`-less entry, no rendering both allowed and forbidden.
#[must_use]
pub fn lint(entries: &[Entry]) -> Vec<Lint> {
    let mut out = Vec::new();
    for e in entries {
        let mut problem = |message: String| {
            out.push(Lint {
                path: e.origin.path.to_path_buf(),
                at: e.origin.at,
                entry: e.sw.to_string(),
                message,
            });
        };
        if e.pos == Pos::Noun && e.class.is_none() {
            problem("a noun needs `class`".into());
        }
        if e.en.len() > 4 {
            problem(format!("{} renderings (at most 4)", e.en.len()));
        }
        if e.domain.is_empty() {
            problem("no `domain`".into());
        }
        for d in &e.domain {
            if !DOMAINS.contains(&d.as_str()) {
                problem(format!("unknown domain {d:?}"));
            }
        }
        for f in &e.forbidden {
            if e.en.iter().any(|r| r.eq_ignore_ascii_case(f)) {
                problem(format!("{f:?} is both a rendering and forbidden"));
            }
        }
        let mut seen = Vec::new();
        for r in &e.en {
            let k = r.to_lowercase();
            if seen.contains(&k) {
                problem(format!("rendering {r:?} twice"));
            }
            seen.push(k);
        }
    }
    out
}

/// Paths listed in a path-list environment value (`:`-separated on Unix, `;` on Windows).
#[must_use]
pub fn split_path_list(value: &std::ffi::OsStr) -> Vec<PathBuf> {
    std::env::split_paths(value)
        .filter(|p| !p.as_os_str().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_glossary_has_no_duplicates() {
        let mut all = Vec::new();
        for (name, text, _) in EMBEDDED {
            all.extend(parse_file(Path::new(name), text).unwrap());
        }
        check_duplicates(&all).unwrap();
    }

    #[test]
    fn stored_embedded_entries_equal_the_parsed_text() {
        for (name, text, stored) in EMBEDDED {
            let path = Path::new(name);
            assert!(!stored.is_empty(), "{name}: the build stored no entries");
            let mut stored_entries = Vec::new();
            embedded_file(path, text, stored, &mut stored_entries).unwrap();
            assert_eq!(stored_entries, parse_file(path, text).unwrap(), "{name}");
        }
    }

    fn parse(text: &str) -> Result<Vec<Entry>> {
        parse_file(Path::new("t.toml"), text)
    }

    #[test]
    fn reads_a_full_entry() {
        let e = &parse(
            r#"
[[entry]]
sw = "balozi"
en = ["ambassador", "envoy"]
pos = "noun"
class = "5/6"
domain = ["diplomacy"]
note = "Head of an embassy."
example = { sw = "Balozi alifika.", en = "The ambassador arrived." }
"#,
        )
        .unwrap()[0];
        assert_eq!(e.sw, "balozi");
        assert_eq!(e.class, NounClass::parse("5/6"));
        assert_eq!(e.origin.at.line, 2);
    }

    #[test]
    fn unknown_field_names_line_and_column() {
        let err =
            parse("[[entry]]\nsw = \"a\"\nen = [\"b\"]\npos = \"noun\"\ncolour = 1\n").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("t.toml:5:1: unknown field `colour`"),
            "{msg}"
        );
    }

    #[test]
    fn bad_values_are_rejected() {
        let cases = [
            ("pos = \"nown\"", "unknown variant `nown`"),
            (
                "pos = \"noun\"\nclass = \"5/7\"",
                "unknown noun class \"5/7\"",
            ),
            (
                "pos = \"verb\"\nclass = \"5/6\"",
                "a verb has no noun class",
            ),
            ("pos = \"noun\"\nnote = \"\"", "`note` is empty"),
            (
                "pos = \"noun\"\nvariants = [\"mambo  ya nje\"]",
                "`variants` has stray spaces",
            ),
            (
                "pos = \"noun\"\nplural = \"ma-a \"",
                "`plural` has stray spaces",
            ),
        ];
        for (extra, want) in cases {
            let text = format!("[[entry]]\nsw = \"a\"\nen = [\"b\"]\n{extra}\n");
            let msg = parse(&text).unwrap_err().to_string();
            assert!(msg.contains(want), "{extra}: {msg}");
        }
        let msg = parse("[[entry]]\nsw = \"a\"\nen = []\npos = \"noun\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("`en` has no rendering"), "{msg}");
        let msg = parse("[[entry]]\nen = [\"x\"]\npos = \"noun\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("missing field `sw`"), "{msg}");
        let msg = parse("[[entry]]\nsw = \" a\"\nen = [\"x\"]\npos = \"noun\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("`sw` has stray spaces"), "{msg}");
    }

    #[test]
    fn a_term_of_too_many_words_is_refused() {
        let long = vec!["neno"; MAX_TERM_TOKENS].join(" ");
        let ok = format!("[[entry]]\nsw = \"{long}\"\nen = [\"x\"]\npos = \"phrase\"\n");
        assert_eq!(parse(&ok).unwrap().len(), 1);
        let too_long = format!("{long} zaidi");
        let text = format!(
            "[[entry]]\nsw = \"a\"\nen = [\"x\"]\npos = \"phrase\"\nvariants = [\"b\", \"{too_long}\"]\n"
        );
        let msg = parse(&text).unwrap_err().to_string();
        assert_eq!(
            msg,
            "t.toml:1:1: entry \"a\": `variants` has 65 words and marks (a term has at most 64)"
        );
    }

    #[test]
    fn duplicates_report_both_places() {
        let text = "[[entry]]\nsw = \"Taifa\"\nen = [\"nation\"]\npos = \"noun\"\n\n[[entry]]\nsw = \"taifa\"\nen = [\"state\"]\npos = \"noun\"\n";
        let msg = parse(text).unwrap_err().to_string();
        assert_eq!(
            msg,
            "t.toml:6:1: duplicate entry \"taifa\" (noun); first defined at t.toml:1:1"
        );
        // another pos is another entry
        let ok = text.replacen("pos = \"noun\"\n", "pos = \"name\"\n", 1);
        assert_eq!(parse(&ok).unwrap().len(), 2);
    }

    #[test]
    fn later_layers_win() {
        let mut g = Glossary::default();
        g.add_layer(parse("[[entry]]\nsw = \"a\"\nen = [\"one\"]\npos = \"noun\"\n").unwrap());
        g.add_layer(parse("[[entry]]\nsw = \"A\"\nen = [\"two\"]\npos = \"noun\"\n").unwrap());
        assert_eq!(g.len(), 1);
        assert_eq!(g.get("a", Pos::Noun).unwrap().en, ["two"]);
    }

    #[test]
    fn embedded_glossary_loads() {
        let g = Glossary::embedded().unwrap();
        assert!(!g.is_empty());
    }
}
