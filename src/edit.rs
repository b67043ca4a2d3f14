//! Writing glossary files: adding, editing and removing entries with `toml_edit`, so comments,
//! blank lines, key order and every untouched entry stay byte-identical; new entries are
//! appended at the end of the file. Every change is validated with the loader's own code
//! ([`crate::glossary::parse_file`]) before anything is written, and files are replaced
//! atomically (a temporary file in the same directory, fsync, rename) under an advisory lock
//! on a `.NAME.lock` file beside the glossary, so concurrent writers all land.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::error::{Error, Position, Result};
use crate::glossary::{self, Entry, Example, Pos};
use crate::tokenize::key;

/// An entry as a user or an exchange file gives it: every field as text, so that the loader's
/// validation — not this type — decides what is valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub sw: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domain: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Example>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbidden: Vec<String>,
    /// `Some(false)`: `qa` skips the entry (absent means checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qa: Option<bool>,
}

impl Draft {
    /// The draft of a loaded (valid) entry.
    #[must_use]
    pub fn from_entry(e: &Entry) -> Draft {
        Draft {
            sw: e.sw.to_string(),
            en: e.en.iter().map(ToString::to_string).collect(),
            pos: Some(e.pos.to_string()),
            class: e.class.map(|c| c.to_string()),
            plural: e.plural.as_ref().map(ToString::to_string),
            domain: e.domain.iter().map(ToString::to_string).collect(),
            variants: e.variants.iter().map(ToString::to_string).collect(),
            note: e.note.clone(),
            example: e.example.clone(),
            not: e.not.clone(),
            forbidden: e.forbidden.clone(),
            qa: (!e.qa).then_some(false),
        }
    }

    /// The `[[entry]]` table, keys in the order of DESIGN.md.
    #[must_use]
    pub fn to_table(&self) -> Table {
        let mut t = Table::new();
        t.insert("sw", toml_edit::value(&self.sw));
        t.insert("en", Item::Value(array(&self.en)));
        let singles = [
            ("pos", &self.pos),
            ("class", &self.class),
            ("plural", &self.plural),
        ];
        for (k, v) in singles {
            if let Some(v) = v {
                t.insert(k, toml_edit::value(v));
            }
        }
        let lists = [("domain", &self.domain), ("variants", &self.variants)];
        for (k, v) in lists {
            if !v.is_empty() {
                t.insert(k, Item::Value(array(v)));
            }
        }
        if let Some(note) = &self.note {
            t.insert("note", toml_edit::value(note));
        }
        if let Some(ex) = &self.example {
            let mut it = InlineTable::new();
            it.insert("sw", Value::from(ex.sw.as_str()));
            it.insert("en", Value::from(ex.en.as_str()));
            it.fmt();
            t.insert("example", Item::Value(Value::InlineTable(it)));
        }
        let lists = [("not", &self.not), ("forbidden", &self.forbidden)];
        for (k, v) in lists {
            if !v.is_empty() {
                t.insert(k, Item::Value(array(v)));
            }
        }
        if let Some(qa) = self.qa {
            t.insert("qa", toml_edit::value(qa));
        }
        t
    }

    /// The draft as a one-entry glossary file.
    #[must_use]
    pub fn to_toml(&self) -> String {
        let mut aot = ArrayOfTables::new();
        aot.push(self.to_table());
        let mut doc = DocumentMut::new();
        doc.insert("entry", Item::ArrayOfTables(aot));
        doc.to_string()
    }

    /// Validate the draft with the loader: the entry, or the loader's message (without a place,
    /// since the draft has none yet).
    pub fn check(&self) -> Result<Entry, String> {
        let text = self.to_toml();
        match glossary::parse_file(Path::new("<new entry>"), &text) {
            Ok(mut entries) if entries.len() == 1 => Ok(entries.remove(0)),
            Ok(_) => Err("not one entry".into()),
            Err(e) => Err(loader_message(e)),
        }
    }
}

fn array(items: &[String]) -> Value {
    let mut a: Array = items.iter().map(String::as_str).collect();
    a.fmt();
    Value::Array(a)
}

/// The message of a loader error, without its file and place.
fn loader_message(e: Error) -> String {
    match e {
        Error::GlossaryToml { message, .. } | Error::GlossaryEntry { message, .. } => message,
        other => other.to_string(),
    }
}

/// What `add` does when the file already has an entry with the same headword and pos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Refuse: [`Error::DuplicateRefused`].
    Refuse,
    /// Add the new renderings to the existing entry.
    Merge,
    /// Replace the existing entry where it stands.
    Replace,
}

/// What `add` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Appended,
    Merged,
    Replaced,
}

/// One glossary file open for editing.
#[derive(Debug)]
pub struct GlossaryFile {
    path: PathBuf,
    original: String,
    doc: DocumentMut,
    /// The file starts with a byte-order mark, which the TOML parser drops: written back.
    bom: bool,
    /// The file's lines end in CRLF, which the TOML writer makes LF: written back as CRLF.
    crlf: bool,
}

impl GlossaryFile {
    /// Parse a glossary file's text; it must be valid for the loader.
    pub fn parse(path: &Path, text: &str) -> Result<GlossaryFile> {
        glossary::parse_file(path, text)?;
        let doc: DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| Error::GlossaryToml {
                    path: path.to_path_buf(),
                    at: Position::of_offset(text, e.span().map_or(0, |s| s.start)),
                    message: e.message().trim().to_owned(),
                })?;
        if let Some(item) = doc.get("entry")
            && !item.is_array_of_tables()
        {
            return Err(Error::Unsupported {
                path: path.to_path_buf(),
                message: "entries must be written as [[entry]] tables to be edited".into(),
            });
        }
        Ok(GlossaryFile {
            path: path.to_path_buf(),
            original: text.to_owned(),
            doc,
            bom: text.starts_with('\u{feff}'),
            crlf: text.find('\n').is_some_and(|i| text[..i].ends_with('\r')),
        })
    }

    /// Read a glossary file; a missing file is an empty glossary starting with `header`.
    pub fn open(path: &Path, header: &str) -> Result<GlossaryFile> {
        if path.exists() {
            let text = crate::input::read_text(path)?;
            GlossaryFile::parse(path, &text)
        } else {
            let mut gf = GlossaryFile::parse(path, header)?;
            gf.original = String::new();
            Ok(gf)
        }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's text as it would be written.
    #[must_use]
    pub fn text(&self) -> String {
        let mut text = self.doc.to_string();
        if self.crlf {
            text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if self.bom && !text.starts_with('\u{feff}') {
            text.insert(0, '\u{feff}');
        }
        text
    }

    /// Whether the text differs from what was read (a new file always counts as changed).
    #[must_use]
    pub fn changed(&self) -> bool {
        self.original.is_empty() || self.text() != self.original
    }

    fn tables(&self) -> impl Iterator<Item = &Table> {
        self.doc
            .get("entry")
            .and_then(Item::as_array_of_tables)
            .into_iter()
            .flat_map(ArrayOfTables::iter)
    }

    fn tables_mut(&mut self) -> &mut ArrayOfTables {
        self.doc
            .entry("entry")
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
            .as_array_of_tables_mut()
            .expect("checked when parsed")
    }

    /// The indices of the entries with this headword (and pos, if given).
    #[must_use]
    pub fn find(&self, headword: &str, pos: Option<Pos>) -> Vec<usize> {
        let want = key(headword);
        self.tables()
            .enumerate()
            .filter(|(_, t)| {
                t.get("sw").and_then(Item::as_str).map(key).as_deref() == Some(want.as_str())
                    && pos.is_none_or(|p| t.get("pos").and_then(Item::as_str) == Some(p.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The one entry `headword` (+ `pos`) names: not found and ambiguous are errors.
    fn find_one(&self, headword: &str, pos: Option<Pos>) -> Result<usize> {
        let found = self.find(headword, pos);
        match found.as_slice() {
            [i] => Ok(*i),
            [] => Err(Error::NotFound {
                path: self.path.clone(),
                entry: headword.to_owned(),
                pos: pos.map(|p| p.to_string()),
            }),
            many => Err(Error::Ambiguous {
                path: self.path.clone(),
                entry: headword.to_owned(),
                poses: many
                    .iter()
                    .filter_map(|&i| self.table(i).get("pos").and_then(Item::as_str))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    fn table(&self, i: usize) -> &Table {
        self.tables().nth(i).expect("index from find")
    }

    /// The text of entry `i` as it stands in the file.
    #[must_use]
    pub fn entry_text(&self, i: usize) -> String {
        let mut t = self.table(i).clone();
        t.decor_mut().clear();
        let mut aot = ArrayOfTables::new();
        aot.push(t);
        let mut doc = DocumentMut::new();
        doc.insert("entry", Item::ArrayOfTables(aot));
        doc.to_string()
    }

    /// The identities (headword key, pos) of the file's entries.
    #[must_use]
    pub fn identities(&self) -> HashSet<(String, String)> {
        self.tables()
            .filter_map(|t| {
                let sw = t.get("sw").and_then(Item::as_str)?;
                let pos = t.get("pos").and_then(Item::as_str)?;
                Some((key(sw), pos.to_owned()))
            })
            .collect()
    }

    fn check(&self, draft: &Draft) -> Result<Entry> {
        draft.check().map_err(|message| Error::NewEntry {
            path: self.path.clone(),
            entry: draft.sw.clone(),
            message,
        })
    }

    /// Validate and append an entry the caller knows to be new (see [`GlossaryFile::identities`]).
    pub fn append_new(&mut self, draft: &Draft) -> Result<Entry> {
        let entry = self.check(draft)?;
        self.append(draft.to_table());
        Ok(entry)
    }

    /// Add an entry: validated first; a duplicate headword+pos is refused, merged or replaced.
    pub fn add(&mut self, draft: &Draft, on_duplicate: OnDuplicate) -> Result<Added> {
        let entry = self.check(draft)?;
        let existing = self.find(&entry.sw, Some(entry.pos));
        if let Some(&i) = existing.first() {
            match on_duplicate {
                OnDuplicate::Refuse => {
                    return Err(Error::DuplicateRefused {
                        path: self.path.clone(),
                        entry: entry.sw.to_string(),
                        pos: entry.pos.to_string(),
                        existing: self.entry_text(i),
                    });
                }
                OnDuplicate::Merge => {
                    let t = self.tables_mut().get_mut(i).expect("index from find");
                    let en = t
                        .get_mut("en")
                        .and_then(Item::as_array_mut)
                        .expect("a valid entry has `en`");
                    for r in &entry.en {
                        let known = en
                            .iter()
                            .filter_map(Value::as_str)
                            .any(|x| x.to_lowercase() == r.to_lowercase());
                        if !known {
                            en.push(r.as_str());
                        }
                    }
                    return Ok(Added::Merged);
                }
                OnDuplicate::Replace => {
                    let t = self.tables_mut().get_mut(i).expect("index from find");
                    let mut new = draft.to_table();
                    *new.decor_mut() = t.decor().clone();
                    if let Some(p) = t.position() {
                        new.set_position(p);
                    }
                    *t = new;
                    return Ok(Added::Replaced);
                }
            }
        }
        self.append(draft.to_table());
        Ok(Added::Appended)
    }

    /// Append a table at the very end of the file, after a blank line.
    fn append(&mut self, mut table: Table) {
        let trailing = self.doc.trailing().as_str().unwrap_or_default().to_owned();
        let has_entries = self.tables().next().is_some();
        let prefix = if trailing.is_empty() {
            if has_entries { "\n" } else { "" }.to_owned()
        } else if trailing.trim().is_empty() {
            trailing
        } else {
            format!("{trailing}\n")
        };
        self.doc.set_trailing("");
        table.decor_mut().set_prefix(prefix);
        self.tables_mut().push(table);
    }

    /// Set fields of one entry (`FIELD=VALUE`; an empty value removes the field; list fields
    /// take `;`-separated values; `example.sw`/`example.en` set the example).
    pub fn set(&mut self, headword: &str, pos: Option<Pos>, assignments: &[String]) -> Result<()> {
        let i = self.find_one(headword, pos)?;
        let mut parsed = Vec::new();
        for a in assignments {
            let Some((field, value)) = a.split_once('=') else {
                return Err(Error::BadAssignment {
                    assignment: a.clone(),
                    message: "expected FIELD=VALUE".into(),
                });
            };
            parsed.push((field.trim().to_owned(), value.trim().to_owned(), a));
        }
        let t = self.tables_mut().get_mut(i).expect("index from find_one");
        for (field, value, a) in parsed {
            match field.as_str() {
                "sw" | "pos" | "class" | "plural" | "note" => {
                    set_or_remove(t, &field, (!value.is_empty()).then(|| Value::from(value)));
                }
                "en" | "domain" | "variants" | "not" | "forbidden" => {
                    let items = split_list(&value);
                    set_or_remove(t, &field, (!items.is_empty()).then(|| array(&items)));
                }
                "qa" => {
                    let flag = match value.as_str() {
                        "" => None,
                        "true" => Some(Value::from(true)),
                        "false" => Some(Value::from(false)),
                        _ => {
                            return Err(Error::BadAssignment {
                                assignment: a.clone(),
                                message: "`qa` is true or false".into(),
                            });
                        }
                    };
                    set_or_remove(t, "qa", flag);
                }
                "example.sw" | "example.en" => {
                    let k = &field["example.".len()..];
                    let mut ex = t
                        .get("example")
                        .and_then(Item::as_inline_table)
                        .cloned()
                        .unwrap_or_default();
                    if value.is_empty() {
                        ex.remove(k);
                    } else {
                        ex.insert(k, Value::from(value));
                    }
                    ex.fmt();
                    set_or_remove(
                        t,
                        "example",
                        (!ex.is_empty()).then_some(Value::InlineTable(ex)),
                    );
                }
                _ => {
                    return Err(Error::BadAssignment {
                        assignment: a.clone(),
                        message: "unknown field (expected sw, en, pos, class, plural, domain, \
                                  variants, note, not, forbidden, qa, example.sw, example.en)"
                            .into(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Remove one entry (with the comments above it); returns its text.
    pub fn remove(&mut self, headword: &str, pos: Option<Pos>) -> Result<String> {
        let i = self.find_one(headword, pos)?;
        let text = self.entry_text(i);
        self.tables_mut().remove(i);
        Ok(text)
    }

    /// The new text, validated by the loader (errors name this file and the line in the new text).
    pub fn validated(&self) -> Result<String> {
        let text = self.text();
        glossary::parse_file(&self.path, &text)?;
        Ok(text)
    }
}

/// Replace a value keeping its decoration (the spaces and comment around it), or remove the key.
fn set_or_remove(t: &mut Table, field: &str, value: Option<Value>) {
    match value {
        None => {
            t.remove(field);
        }
        Some(mut v) => {
            if let Some(old) = t.get(field).and_then(Item::as_value) {
                *v.decor_mut() = old.decor().clone();
            }
            t.insert(field, Item::Value(v));
        }
    }
}

/// Open `path` under its lock (creating the file with `header` if missing), apply `change`,
/// validate, and write the result atomically if it changed. A failed change or validation
/// leaves the file untouched.
pub fn update<T>(
    path: &Path,
    header: &str,
    change: impl FnOnce(&mut GlossaryFile) -> Result<T>,
) -> Result<T> {
    with_lock(path, || {
        let mut gf = GlossaryFile::open(path, header)?;
        let out = change(&mut gf)?;
        let text = gf.validated()?;
        if gf.changed() {
            write_atomic(path, text.as_bytes())?;
        }
        Ok(out)
    })
}

fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "glossary".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.lock"))
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Run `f` holding an exclusive advisory lock on `path`'s lock file (created if needed, and the
/// directory too).
pub fn with_lock<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let dir = parent_dir(path);
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let lock_path = lock_path(path);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| Error::io(&lock_path, e))?;
    lock.lock().map_err(|e| Error::io(&lock_path, e))?;
    let out = f();
    drop(lock);
    out
}

/// A `;`-separated list as users and exchange files write it: items trimmed, empty ones dropped.
#[must_use]
pub fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The file of a glossary directory (like `glossary/`) that a new entry belongs in: the file named
/// after its first domain (`diplomacy.toml`), else `general.toml`.
#[must_use]
pub fn domain_file(dir: &Path, domains: &[String]) -> PathBuf {
    domains.first().map_or_else(
        || dir.join("general.toml"),
        |d| dir.join(format!("{d}.toml")),
    )
}

/// The file of a glossary directory that holds `headword` (with `pos`, if given), if any.
pub fn file_with(dir: &Path, headword: &str, pos: Option<Pos>) -> Result<Option<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let key = crate::tokenize::key(headword);
    for f in files {
        let entries = crate::glossary::read_file(&f)?;
        if entries
            .iter()
            .any(|e| crate::tokenize::key(&e.sw) == key && pos.is_none_or(|p| e.pos == p))
        {
            return Ok(Some(f));
        }
    }
    Ok(None)
}

/// In debug builds only, `ISTILAHI_TEST_PAUSE_BEFORE_RENAME=MS` sleeps between the written,
/// synced temporary file and the rename, so a test can kill the process at the worst moment.
fn pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("ISTILAHI_TEST_PAUSE_BEFORE_RENAME")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Replace `path` with `bytes` atomically: a temporary file in the same directory, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map_or_else(|| "glossary".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        // keep the permissions of the file being replaced
        if let Ok(meta) = fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        pause_before_rename();
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# A header comment.\n\n[[entry]]\nsw = \"balozi\"   # the head\nen = [\"ambassador\", \"envoy\"]\npos = \"noun\"\nclass = \"5/6\"\n\n# a comment before\n[[entry]]\nsw = \"amani\"\nen = [ \"peace\" ]\npos = \"noun\"\nclass = \"9/10\"\n";

    fn open() -> GlossaryFile {
        GlossaryFile::parse(Path::new("g.toml"), FILE).unwrap()
    }

    fn draft(sw: &str, en: &[&str], pos: &str) -> Draft {
        Draft {
            sw: sw.into(),
            en: en.iter().map(|s| (*s).to_owned()).collect(),
            pos: Some(pos.into()),
            ..Draft::default()
        }
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_ends_are_kept() {
        let crlf = format!("\u{feff}{}", FILE.replace('\n', "\r\n"));
        let mut gf = GlossaryFile::parse(Path::new("g.toml"), &crlf).unwrap();
        assert_eq!(gf.text(), crlf, "untouched");
        assert!(!gf.changed());
        gf.add(&draft("mpya", &["new"], "adj"), OnDuplicate::Refuse)
            .unwrap();
        let text = gf.text();
        assert!(text.starts_with(&crlf), "{text:?}");
        assert!(text[crlf.len()..].contains("sw = \"mpya\"\r\n"), "{text:?}");
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
        gf.remove("mpya", None).unwrap();
        assert_eq!(gf.text(), crlf, "removed again");
    }

    #[test]
    fn untouched_is_byte_identical() {
        assert_eq!(open().text(), FILE);
        for (name, text, _) in glossary::EMBEDDED {
            let gf = GlossaryFile::parse(Path::new(name), text).unwrap();
            assert_eq!(gf.text(), *text, "{name}");
        }
    }

    #[test]
    fn add_appends_lines_only() {
        let mut gf = open();
        let mut d = draft("mkutano", &["meeting"], "noun");
        d.class = Some("3/4".into());
        d.example = Some(Example {
            sw: "Mkutano ulianza.".into(),
            en: "The meeting began.".into(),
        });
        assert_eq!(gf.add(&d, OnDuplicate::Refuse).unwrap(), Added::Appended);
        let text = gf.validated().unwrap();
        assert!(text.starts_with(FILE), "{text}");
        assert_eq!(
            &text[FILE.len()..],
            "\n[[entry]]\nsw = \"mkutano\"\nen = [\"meeting\"]\npos = \"noun\"\nclass = \"3/4\"\nexample = { sw = \"Mkutano ulianza.\", en = \"The meeting began.\" }\n"
        );
    }

    #[test]
    fn duplicates_refused_merged_replaced() {
        let mut gf = open();
        let d = draft("Balozi", &["envoy", "diplomat"], "noun");
        let err = gf.add(&d, OnDuplicate::Refuse).unwrap_err();
        assert!(matches!(err, Error::DuplicateRefused { .. }), "{err}");
        gf.add(&d, OnDuplicate::Merge).unwrap();
        assert!(
            gf.text()
                .contains("en = [\"ambassador\", \"envoy\", \"diplomat\"]\n")
        );
        let mut gf = open();
        gf.add(&d, OnDuplicate::Replace).unwrap();
        let text = gf.validated().unwrap();
        assert!(text.starts_with("# A header comment.\n\n[[entry]]\nsw = \"Balozi\"\nen = [\"envoy\", \"diplomat\"]\npos = \"noun\"\n\n# a comment before\n"), "{text}");
    }

    #[test]
    fn invalid_drafts_are_refused_with_the_loaders_message() {
        let mut gf = open();
        let cases = [
            (draft("x", &[], "noun"), "`en` has no rendering"),
            (draft("x", &["y"], "nown"), "unknown variant `nown`"),
            (
                Draft {
                    class: Some("5/7".into()),
                    ..draft("x", &["y"], "noun")
                },
                "unknown noun class \"5/7\"",
            ),
        ];
        for (d, want) in cases {
            let msg = gf.add(&d, OnDuplicate::Refuse).unwrap_err().to_string();
            assert!(msg.starts_with("g.toml: new entry \"x\": "), "{msg}");
            assert!(msg.contains(want), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
        assert_eq!(gf.text(), FILE);
    }

    #[test]
    fn set_keeps_comments_and_remove_takes_the_entry() {
        let mut gf = open();
        gf.set(
            "balozi",
            None,
            &[
                "sw=Balozi".into(),
                "domain=diplomacy; government".into(),
                "note=Envoy.".into(),
            ],
        )
        .unwrap();
        let text = gf.validated().unwrap();
        assert!(text.contains("sw = \"Balozi\"   # the head\n"), "{text}");
        assert!(
            text.contains(
                "class = \"5/6\"\ndomain = [\"diplomacy\", \"government\"]\nnote = \"Envoy.\"\n"
            ),
            "{text}"
        );
        let removed = gf.remove("amani", Some(Pos::Noun)).unwrap();
        assert!(removed.contains("sw = \"amani\""));
        assert!(!gf.text().contains("a comment before"));
        assert!(matches!(
            gf.remove("amani", None),
            Err(Error::NotFound { .. })
        ));
        assert!(matches!(
            gf.set("balozi", None, &["colour=red".into()]),
            Err(Error::BadAssignment { .. })
        ));
    }

    #[test]
    fn qa_flag_is_set_read_and_carried() {
        let mut gf = open();
        gf.set("amani", None, &["qa=false".into()]).unwrap();
        let text = gf.validated().unwrap();
        assert!(text.ends_with("class = \"9/10\"\nqa = false\n"), "{text}");
        let entries = glossary::parse_file(Path::new("g.toml"), &text).unwrap();
        assert!(entries[0].qa && !entries[1].qa);
        let d = Draft::from_entry(&entries[1]);
        assert_eq!(d.qa, Some(false));
        assert_eq!(Draft::from_entry(&entries[0]).qa, None);
        assert!(d.to_toml().ends_with("qa = false\n"));
        gf.set("amani", None, &["qa=".into()]).unwrap();
        assert_eq!(gf.text(), FILE);
        assert!(matches!(
            gf.set("amani", None, &["qa=no".into()]),
            Err(Error::BadAssignment { .. })
        ));
    }

    #[test]
    fn a_new_file_keeps_its_header_first() {
        let mut gf = GlossaryFile::parse(Path::new("n.toml"), "# Personal glossary.\n").unwrap();
        gf.add(&draft("amani", &["peace"], "noun"), OnDuplicate::Refuse)
            .unwrap();
        gf.add(&draft("vita", &["war"], "noun"), OnDuplicate::Refuse)
            .unwrap();
        assert_eq!(
            gf.validated().unwrap(),
            "# Personal glossary.\n\n[[entry]]\nsw = \"amani\"\nen = [\"peace\"]\npos = \"noun\"\n\n[[entry]]\nsw = \"vita\"\nen = [\"war\"]\npos = \"noun\"\n"
        );
    }
}
