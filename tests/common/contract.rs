//! The invariants of istilahi's output, checked against the text it describes: the tokenizer's
//! (spans in order, on character boundaries, covering every visible character; sentences
//! partition the tokens) and the JSON contract of DESIGN.md (spans slice to their text, matches
//! do not overlap, every token inside a match points to it). Shared by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/`), which include this file by path.
//! Every check panics with a message naming what broke.

#![allow(dead_code, clippy::many_single_char_names)]

use serde_json::Value;

use istilahi::tokenize::{Sentence, Token};

/// The tokenizer's invariants for `tokens` and `sentences` of `text`.
pub fn check_tokens(text: &str, tokens: &[Token], sentences: &[Sentence]) {
    let mut last = 0;
    for t in tokens {
        assert!(t.start >= last, "tokens in order: {t:?} after {last}");
        assert!(t.start < t.end, "a token is not empty: {t:?}");
        assert!(t.end <= text.len(), "a token inside the text: {t:?}");
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "a token on char boundaries: {t:?}"
        );
        let s = t.text(text);
        assert!(
            !s.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
            "a token holds a visible character: {t:?} {s:?}"
        );
        last = t.end;
    }
    // every character that is not whitespace (or a byte-order mark) lies in a token
    let mut k = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '\u{feff}' {
            continue;
        }
        while k < tokens.len() && tokens[k].end <= i {
            k += 1;
        }
        assert!(
            k < tokens.len() && tokens[k].start <= i,
            "{c:?} at byte {i} is in no token"
        );
    }
    // sentences: in order, non-empty, exactly covering the token list
    let mut next = 0;
    for s in sentences {
        assert_eq!(s.tokens.start, next, "sentences partition the tokens");
        assert!(s.tokens.start < s.tokens.end, "a sentence has a token");
        assert_eq!(s.start, tokens[s.tokens.start].start, "sentence start");
        assert_eq!(s.end, tokens[s.tokens.end - 1].end, "sentence end");
        next = s.tokens.end;
    }
    assert_eq!(next, tokens.len(), "every token is in a sentence");
}

fn num(v: &Value, field: &str) -> usize {
    let n = v[field]
        .as_u64()
        .unwrap_or_else(|| panic!("`{field}` is a number in {v}"));
    usize::try_from(n).expect("an offset fits usize")
}

fn string<'v>(v: &'v Value, field: &str) -> &'v str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("`{field}` is a string in {v}"))
}

/// The slice `start..end` of `text`, which must exist.
fn slice(text: &str, start: usize, end: usize) -> &str {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} in the text"
    );
    text.get(start..end)
        .unwrap_or_else(|| panic!("span {start}..{end} on char boundaries"))
}

/// One sentence object of the contract, against its document's `text`.
pub fn check_sentence(s: &Value, text: &str) {
    let (start, end) = (num(s, "start"), num(s, "end"));
    assert_eq!(string(s, "text"), slice(text, start, end), "sentence text");
    let tokens = s["tokens"].as_array().expect("`tokens` is an array");
    let matches = s["matches"].as_array().expect("`matches` is an array");
    let mut spans = Vec::with_capacity(matches.len());
    let mut last = start;
    for m in matches {
        let (a, b) = (num(m, "start"), num(m, "end"));
        assert!(
            a >= last && a < b && b <= end,
            "match {a}..{b} in order inside {start}..{end}, after {last}"
        );
        assert_eq!(string(m, "surface"), slice(text, a, b), "surface");
        assert!(!string(m, "lemma").is_empty(), "a lemma");
        assert!(!string(m, "pos").is_empty(), "a pos");
        let how = string(m, "how");
        assert!(
            matches!(how, "exact" | "inflected" | "variant" | "name" | "fuzzy"),
            "how {how}"
        );
        let en = m["en"].as_array().expect("`en` is an array");
        assert!(
            !en.is_empty() && en.iter().all(Value::is_string),
            "renderings"
        );
        assert!(
            m["morphemes"]
                .as_array()
                .is_some_and(|a| a.iter().all(Value::is_string))
        );
        string(m, "gloss");
        spans.push((a, b));
        last = b;
    }
    let mut last = start;
    for t in tokens {
        let (a, b) = (num(t, "start"), num(t, "end"));
        assert!(
            a >= last && a < b && b <= end,
            "token {a}..{b} in order inside {start}..{end}"
        );
        assert_eq!(string(t, "text"), slice(text, a, b), "token text");
        let kind = string(t, "kind");
        assert!(
            matches!(kind, "word" | "number" | "punct" | "symbol"),
            "kind {kind}"
        );
        let covering = spans.iter().position(|&(ma, mb)| ma <= a && b <= mb);
        match &t["match"] {
            Value::Null => assert_eq!(covering, None, "token {a}..{b} inside a match points to it"),
            v => {
                let i = usize::try_from(v.as_u64().expect("`match` is an index")).unwrap();
                assert!(i < spans.len(), "match index {i} exists");
                assert_eq!(
                    Some(i),
                    covering,
                    "token {a}..{b} points to the match covering it"
                );
            }
        }
        last = b;
    }
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        assert_eq!(
            num(first, "start"),
            start,
            "the first token opens the sentence"
        );
        assert_eq!(num(last, "end"), end, "the last token closes the sentence");
    }
}

/// A whole `annotate --format json` output: `texts` are the documents' texts, in order.
pub fn check_json(output: &str, texts: &[&str]) {
    let v: Value = serde_json::from_str(output).expect("the output is JSON");
    assert!(v["version"].is_string(), "a version");
    let docs = v["documents"].as_array().expect("`documents` is an array");
    assert_eq!(docs.len(), texts.len(), "one document per input");
    for (doc, text) in docs.iter().zip(texts) {
        string(doc, "source");
        let mut last = 0;
        for s in doc["sentences"]
            .as_array()
            .expect("`sentences` is an array")
        {
            assert!(num(s, "start") >= last, "sentences in order");
            check_sentence(s, text);
            last = num(s, "end");
        }
    }
}

/// A whole `annotate --format jsonl` output of one document.
pub fn check_jsonl(output: &str, text: &str) {
    assert!(
        output.is_empty() || output.ends_with('\n'),
        "lines end in a newline"
    );
    for line in output.lines() {
        let v: Value = serde_json::from_str(line).expect("each line is JSON");
        string(&v, "source");
        check_sentence(&v, text);
    }
}

/// A `annotate --format tsv` output: the header, then rows of seven fields whose offsets slice
/// the text to the surface (tabs and line breaks in it shown as spaces).
pub fn check_tsv(output: &str, text: &str) {
    let mut lines = output.split('\n');
    assert_eq!(
        lines.next(),
        Some("start\tend\tsurface\tlemma\tpos\thow\ten"),
        "the header"
    );
    for row in lines.filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 7, "seven fields in {row:?}");
        let a: usize = fields[0].parse().expect("start is a number");
        let b: usize = fields[1].parse().expect("end is a number");
        let surface = slice(text, a, b).replace(['\t', '\n', '\r'], " ");
        assert_eq!(fields[2], surface, "the surface at {a}..{b}");
    }
}
