//! Annotation: text → tokens → readings → matches → [`Document`].
//!
//! Multi-word terms are matched first, longest first, never across a sentence boundary; their
//! head may inflect (*Mawaziri wa Mambo ya Nje*) with the words after it agreeing by rule
//! (connective and adjective concords of the head's class, or of class 1/2 for animates), one
//! possessive may stand after the head (*makao yake makuu*), and a verbal head takes any
//! inflection (*wanaoungwa mkono*). Then single words: exact forms, then inflected readings.
//! A capitalised word inside a sentence that no entry covers is a name; adjacent names join.

use std::collections::HashSet;

use crate::document::{Analysis, Document, Match, Sentence, Token};
use crate::lexicon::{How, Lexicon, Reading};
use crate::morph::{self, Parse, StemKind};
use crate::tokenize::{self, Kind, key};

/// Annotate a whole text.
#[must_use]
pub fn annotate(lexicon: &Lexicon, source: &str, text: &str) -> Document {
    Document {
        source: source.to_owned(),
        text: text.to_owned(),
        sentences: Annotation::new(lexicon, text).collect(),
    }
}

/// An iterator over the annotated sentences of a text, computed one at a time.
pub struct Annotation<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    tokens: Vec<tokenize::Token>,
    sentences: std::vec::IntoIter<tokenize::Sentence>,
    /// Capitalised words seen inside sentences: names also where they open one.
    names: HashSet<String>,
}

impl<'a> Annotation<'a> {
    #[must_use]
    pub fn new(lexicon: &'a Lexicon, text: &'a str) -> Annotation<'a> {
        let tokens = tokenize::tokenize(text);
        let sentences = tokenize::sentences(text, &tokens);
        let mut names = HashSet::new();
        for s in &sentences {
            for i in s.tokens.clone() {
                // capital first: `opens` walks back, and a long run of brackets would make
                // walking from every token quadratic
                if is_capitalised(tokens[i].text(text)) && !opens(text, &tokens, s.tokens.start, i)
                {
                    names.insert(key(tokens[i].text(text)));
                }
            }
        }
        Annotation {
            lexicon,
            text,
            tokens,
            sentences: sentences.into_iter(),
            names,
        }
    }
}

impl Iterator for Annotation<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        let s = self.sentences.next()?;
        Some(self.sentence(&s))
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

/// Whether two tokens are a title and its dot (*Bw.*, *Dkt.*).
fn after_title(text: &str, two: &[tokenize::Token]) -> bool {
    two[1].text(text) == "." && tokenize::TITLES.contains(&key(two[0].text(text)).as_str())
}

/// Whether token `i` opens its sentence or a quotation (a capital there says nothing).
fn opens(text: &str, tokens: &[tokenize::Token], first: usize, i: usize) -> bool {
    let mut j = i;
    while j > first {
        j -= 1;
        match tokens[j].text(text) {
            "\"" | "“" | "«" | "'" | "‘" | "(" | "[" | ":" | "-" | "–" | "—" => {}
            _ => return false,
        }
    }
    true
}

/// A term found at a position.
struct TermHit {
    term: usize,
    end: usize,
    head: Option<Parse>,
    /// The words after the head differ from the headword's (possessive, agreement).
    possessive: bool,
}

impl Annotation<'_> {
    fn sentence(&self, s: &tokenize::Sentence) -> Sentence {
        let text = self.text;
        let toks = &self.tokens[s.tokens.clone()];
        let terms = self.choose_terms(toks);
        let mut matches: Vec<Match> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new(); // token index ranges of matches
        let mut i = 0;
        while i < toks.len() {
            if let Some(hit) = &terms[i] {
                matches.push(self.term_match(toks, i, hit));
                spans.push((i, hit.end));
                i = hit.end;
                continue;
            }
            let tok = toks[i];
            if tok.kind != Kind::Word {
                i += 1;
                continue;
            }
            let word = tok.text(text);
            let initial = opens(text, &self.tokens, s.tokens.start, s.tokens.start + i);
            let capital = is_capitalised(word);
            let titled = capital && i >= 2 && after_title(text, &toks[i - 2..i]);
            let analysed = self.lexicon.analyse(word, capital && !initial);
            if !titled && !analysed.readings.is_empty() {
                let next = toks.get(i + 1).map(|t| key(t.text(text)));
                let first = self.first_in_context(&analysed.readings, next.as_deref());
                matches.push(self.word_match(tok, &analysed.readings, first));
                spans.push((i, i + 1));
                i += 1;
                continue;
            }
            let name_like =
                is_acronym(word) || (capital && (!initial || self.names.contains(&key(word))));
            if name_like {
                // join adjacent names: Jens Stoltenberg
                let mut end = i + 1;
                while end < toks.len()
                    && toks[end].kind == Kind::Word
                    && is_capitalised(toks[end].text(text))
                    && !is_acronym(toks[end].text(text))
                    && text[toks[end - 1].end..toks[end].start] == *" "
                    && terms[end].is_none()
                    && self
                        .lexicon
                        .analyse(toks[end].text(text), true)
                        .readings
                        .is_empty()
                {
                    end += 1;
                }
                matches.push(name_match(text, toks[i].start, toks[end - 1].end));
                spans.push((i, end));
                i = end;
                continue;
            }
            i += 1;
        }
        let mut tokens: Vec<Token> = toks
            .iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                text: t.text(text).to_owned(),
                kind: t.kind,
                match_index: None,
            })
            .collect();
        for (m, &(a, b)) in spans.iter().enumerate() {
            for t in &mut tokens[a..b] {
                t.match_index = Some(m);
            }
        }
        Sentence {
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_owned(),
            tokens,
            matches,
        }
    }

    /// Choose the terms of a sentence: of the longest term at each token, the set of
    /// non-overlapping terms that covers the sentence best (longer terms weigh more), so that
    /// *kufanya mazungumzo ya usalama* prefers the three-word term over the two-word one.
    fn choose_terms(&self, toks: &[tokenize::Token]) -> Vec<Option<TermHit>> {
        let n = toks.len();
        let mut at: Vec<Option<TermHit>> = (0..n).map(|i| self.term_at(toks, i)).collect();
        // best[i]: the best score of tokens i.. ; take[i]: whether the term at i is taken
        let mut best = vec![0usize; n + 1];
        let mut take = vec![false; n];
        for i in (0..n).rev() {
            best[i] = best[i + 1];
            if let Some(hit) = &at[i] {
                let len = hit.end - i;
                let score = len * len + best[hit.end];
                if score > best[i] {
                    best[i] = score;
                    take[i] = true;
                }
            }
        }
        let mut chosen: Vec<Option<TermHit>> = (0..n).map(|_| None).collect();
        let mut i = 0;
        while i < n {
            if take[i] {
                let hit = at[i].take().expect("a term where one was taken");
                let end = hit.end;
                chosen[i] = Some(hit);
                i = end;
            } else {
                i += 1;
            }
        }
        chosen
    }

    /// Which reading comes first in context: a noun followed by its own connective (*mpaka wa*,
    /// class 3 → *wa*) is read as that noun when it is as good as the best reading.
    fn first_in_context(&self, readings: &[Reading], next: Option<&str>) -> usize {
        let Some(next) = next else { return 0 };
        if readings.len() < 2 || !morph::CONNECTIVES.contains(&next) {
            return 0;
        }
        let agrees = |r: &Reading| {
            let e = self.lexicon.entry(r.entry);
            e.pos == crate::glossary::Pos::Noun
                && r.parse.is_none()
                && e.class
                    .is_some_and(|c| morph::connective(c.singular) == Some(next))
                && r.how == readings[0].how
        };
        readings.iter().position(agrees).unwrap_or(0)
    }

    /// The longest term starting at token `i`.
    fn term_at(&self, toks: &[tokenize::Token], i: usize) -> Option<TermHit> {
        let text = self.text;
        let first = key(toks[i].text(text));
        let mut best: Option<TermHit> = None;
        let mut consider = |hit: TermHit| {
            let better = match &best {
                None => true,
                Some(b) => {
                    hit.end > b.end || (hit.end == b.end && b.head.is_some() && hit.head.is_none())
                }
            };
            if better {
                best = Some(hit);
            }
        };
        let candidates = if self.lexicon.terms_starting(&first).is_empty() {
            Vec::new()
        } else {
            // only the terms whose second word is here (or after a possessive) can match
            let second = toks.get(i + 1).map(|t| key(t.text(text)));
            let third = second
                .as_deref()
                .filter(|w| morph::is_possessive(w))
                .and_then(|_| toks.get(i + 2))
                .map(|t| key(t.text(text)));
            self.lexicon
                .terms_followed_by(&first, second.as_deref(), third.as_deref())
        };
        for t in candidates {
            if let Some((end, possessive)) = self.rest_of_term(toks, i, t, None) {
                consider(TermHit {
                    term: t,
                    end,
                    head: None,
                    possessive,
                });
            }
        }
        if toks[i].kind == Kind::Word {
            let word = toks[i].text(text);
            // the same reading of capitals as for single words (a name inside a sentence)
            let proper = is_capitalised(word) && !opens(text, toks, 0, i);
            let analysed = self.lexicon.analyse(word, proper);
            for &(t, p) in &analysed.heads {
                let parse = &analysed.parses[p];
                if let Some((end, possessive)) = self.rest_of_term(toks, i, t, Some(parse)) {
                    consider(TermHit {
                        term: t,
                        end,
                        head: Some(parse.clone()),
                        possessive,
                    });
                }
            }
        }
        best
    }

    /// Match the words of term `t` after its head at token `i`; the end token index and whether
    /// the words differ from the headword's (a possessive inserted, a concord changed).
    fn rest_of_term(
        &self,
        toks: &[tokenize::Token],
        i: usize,
        t: usize,
        head: Option<&Parse>,
    ) -> Option<(usize, bool)> {
        let text = self.text;
        let term = self.lexicon.term(t);
        let mut j = i + 1;
        let mut possessive = false;
        // a 9/10 noun is the same in both numbers: its term may stand in the plural with the
        // plural concords (kura ya maoni → kura za maoni)
        let same_both = head.is_none() && term.same_in_both_numbers();
        let mut agreeing = same_both || head.is_some_and(|p| p.kind == StemKind::Noun);
        let mut after_connective = false;
        let mut changed = false;
        for (n, want) in term.words.iter().enumerate().skip(1) {
            let mut tok = toks.get(j)?;
            // only whitespace may separate the tokens of a term, and only where the term has it
            let mut got = key(tok.text(text));
            if n == 1 && got != *want && morph::is_possessive(&got) && !morph::is_possessive(want) {
                possessive = true;
                j += 1;
                tok = toks.get(j)?;
                got = key(tok.text(text));
            }
            let is_connective = morph::CONNECTIVES.contains(&want.as_str());
            let want_adjective = if agreeing && !is_connective {
                self.adjective_stem(want)
            } else {
                None
            };
            let adjective = want_adjective.is_some();
            changed |= got != *want;
            if agreeing && is_connective && morph::CONNECTIVES.contains(&got.as_str()) {
                let allowed = if same_both {
                    matches!(got.as_str(), "ya" | "za" | "wa")
                } else {
                    head.and_then(|p| p.class).is_none_or(|c| {
                        got == "wa" || morph::connective(c).is_some_and(|k| k == got)
                    })
                };
                if !allowed {
                    return None;
                }
            } else if got == *want {
                // exact
            } else if after_connective && self.is_plural_of(&got, want) {
                // the noun after an agreeing connective may be plural too: wakuu wa mikoa
            } else if adjective && self.adjective_stem(&got) == want_adjective {
                // agreeing adjective: mkuu → wakuu
            } else {
                return None;
            }
            after_connective = agreeing && is_connective;
            agreeing = agreeing && adjective;
            j += 1;
        }
        // an agreeing word that differs from the headword's makes the match inflected
        Some((j, possessive || changed))
    }

    /// Whether `word` is a plural form of the noun `singular`.
    fn is_plural_of(&self, word: &str, singular: &str) -> bool {
        self.lexicon.analyse(word, false).parses.iter().any(|p| {
            p.kind == StemKind::Noun && p.stem == singular && p.class.is_some_and(|c| c % 2 == 0)
        })
    }

    fn adjective_stem(&self, word: &str) -> Option<String> {
        self.lexicon
            .analyse(word, false)
            .parses
            .iter()
            .find(|p| p.kind == StemKind::Adjective)
            .map(|p| p.stem.clone())
    }

    fn term_match(&self, toks: &[tokenize::Token], i: usize, hit: &TermHit) -> Match {
        let text = self.text;
        let term = self.lexicon.term(hit.term);
        let entry = self.lexicon.entry(term.entry);
        let start = toks[i].start;
        let end = toks[hit.end - 1].end;
        let mut morphemes = Vec::new();
        let mut words = Vec::new();
        let mut affixes = String::new();
        for (n, tok) in toks[i..hit.end].iter().enumerate() {
            let surface = tok.text(text);
            match (&hit.head, n) {
                (Some(parse), 0) => {
                    let parts = surface_morphemes(surface, parse);
                    words.push(parts.join("-"));
                    morphemes.extend(parts);
                    affixes = parse
                        .morphemes
                        .iter()
                        .take_while(|m| m.gloss.is_some())
                        .filter_map(|m| m.gloss)
                        .collect::<Vec<_>>()
                        .join("-");
                }
                _ if tok.kind == Kind::Punct => {}
                _ => {
                    words.push(surface.to_owned());
                    morphemes.push(surface.to_owned());
                }
            }
        }
        let how = if hit.head.is_some() || hit.possessive {
            How::Inflected
        } else {
            term.how
        };
        let gloss = if affixes.is_empty() {
            entry.en[0].clone()
        } else {
            format!("{affixes}-{}", entry.en[0])
        };
        let analysis = Analysis {
            lemma: entry.sw.clone(),
            pos: entry.pos.to_string(),
            en: entry.en.clone(),
            how,
            segmentation: words.join(" "),
            morphemes: morphemes.clone(),
            gloss: gloss.clone(),
        };
        Match {
            start,
            end,
            surface: text[start..end].to_owned(),
            lemma: entry.sw.clone(),
            en: entry.en.clone(),
            pos: entry.pos.to_string(),
            how,
            morphemes,
            gloss,
            class: entry.class.map(|c| c.to_string()),
            note: entry.note.clone(),
            analyses: vec![analysis],
        }
    }

    /// The match of one word: reading `first` best, then the others in their order.
    fn word_match(&self, tok: tokenize::Token, readings: &[Reading], first: usize) -> Match {
        let surface = tok.text(self.text);
        let order = std::iter::once(first).chain((0..readings.len()).filter(|&i| i != first));
        let analyses: Vec<Analysis> = order
            .map(|i| &readings[i])
            .map(|r| {
                let e = self.lexicon.entry(r.entry);
                let (morphemes, gloss) = match &r.parse {
                    Some(p) => (
                        surface_morphemes(surface, p),
                        p.gloss(&stem_gloss(&e.en[0])),
                    ),
                    None => (vec![surface.to_owned()], e.en[0].clone()),
                };
                Analysis {
                    lemma: e.sw.clone(),
                    pos: e.pos.to_string(),
                    en: e.en.clone(),
                    how: r.how,
                    segmentation: morphemes.join("-"),
                    morphemes,
                    gloss,
                }
            })
            .collect();
        let best = &readings[first];
        let e = self.lexicon.entry(best.entry);
        Match {
            start: tok.start,
            end: tok.end,
            surface: surface.to_owned(),
            lemma: e.sw.clone(),
            en: e.en.clone(),
            pos: e.pos.to_string(),
            how: best.how,
            morphemes: analyses[0].morphemes.clone(),
            gloss: analyses[0].gloss.clone(),
            class: e.class.map(|c| c.to_string()),
            note: e.note.clone(),
            analyses,
        }
    }
}

fn name_match(text: &str, start: usize, end: usize) -> Match {
    let surface = text[start..end].to_owned();
    Match {
        start,
        end,
        lemma: surface.clone(),
        en: vec![surface.clone()],
        pos: "name".into(),
        how: How::Name,
        morphemes: vec![surface.clone()],
        gloss: "[name]".into(),
        class: None,
        note: None,
        analyses: Vec::new(),
        surface,
    }
}

/// The gloss of a stem: its first English rendering with dots for spaces (`take.place`).
fn stem_gloss(en: &str) -> String {
    en.split_whitespace().collect::<Vec<_>>().join(".")
}

/// The parse's morphemes cut from the surface, keeping its case (*Ma-balozi*).
fn surface_morphemes(surface: &str, parse: &Parse) -> Vec<String> {
    let forms: Vec<&str> = parse.morphemes.iter().map(|m| m.form.as_str()).collect();
    let total: usize = forms.iter().map(|f| f.chars().count()).sum();
    if total != surface.chars().count() {
        return forms.iter().map(|&f| f.to_owned()).collect();
    }
    let mut out = Vec::with_capacity(forms.len());
    let mut chars = surface.chars();
    for f in forms {
        out.push(chars.by_ref().take(f.chars().count()).collect());
    }
    out
}
