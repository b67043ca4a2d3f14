//! Term QA of a translation: for every glossary term recognised in a Swahili segment (also
//! inflected and multi-word), an approved English rendering must appear in the aligned English
//! segment — as often as the term occurs — and no forbidden rendering may.
//!
//! Which terms are checked: by default the *domain terms* ([`crate::domain::is_domain_entry`]:
//! function words, everyday vocabulary and time words have no stable English rendering) and
//! entries that list `forbidden` renderings; with [`Options::all`] every entry. An entry with
//! `qa = false` is never checked. Names recognised only by their capital are not checked.
//!
//! Renderings are compared through [`crate::english`] keys, so inflection, case, hyphens,
//! possessives and British/American spelling do not raise alarms. Each source occurrence claims
//! its own target words (the most constrained occurrence first), so two occurrences need two
//! renderings and one English word never answers for two source terms.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use serde::Serialize;

use crate::annotate::Annotation;
use crate::bitext::Segment;
use crate::domain;
use crate::english::{self, English, Phrase, Word};
use crate::glossary::{Entry, Pos};
use crate::lexicon::{How, Lexicon};

/// What to check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Check every entry, not only domain terms.
    pub all: bool,
}

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A source term with no approved rendering left for it in the target.
    Missing,
    /// A forbidden rendering of a source term used in the target.
    Forbidden,
    /// A source segment whose target is empty.
    EmptyTarget,
    /// A target segment whose source is empty.
    EmptySource,
}

impl Kind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Missing => "missing",
            Kind::Forbidden => "forbidden",
            Kind::EmptyTarget => "empty target",
            Kind::EmptySource => "empty source",
        }
    }
}

/// One problem in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub problem: Kind,
    /// The source term as written (empty for an empty segment).
    pub surface: String,
    /// Its headword and part of speech.
    pub lemma: String,
    pub pos: String,
    /// Byte span of the term in the source segment.
    pub start: usize,
    pub end: usize,
    /// The approved renderings.
    pub expected: Vec<String>,
    /// For `forbidden`: the target text used, and its byte span in the target segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_end: Option<usize>,
}

/// A checked segment with its problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub segment: usize,
    pub source_line: usize,
    pub target_line: usize,
    pub source: String,
    pub target: String,
    /// Term occurrences checked in the segment.
    pub terms: usize,
    pub problems: Vec<Problem>,
}

/// Totals over a translation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub segments: usize,
    pub flagged: usize,
    pub terms: usize,
    pub missing: usize,
    pub forbidden: usize,
    pub empty: usize,
}

impl Summary {
    /// The totals of checked segments.
    #[must_use]
    pub fn of(checked: &[Checked]) -> Summary {
        let mut s = Summary::default();
        for c in checked {
            s.add(c);
        }
        s
    }

    /// Count a checked segment in.
    pub fn add(&mut self, c: &Checked) {
        self.segments += 1;
        self.terms += c.terms;
        self.flagged += usize::from(!c.problems.is_empty());
        for p in &c.problems {
            match p.problem {
                Kind::Missing => self.missing += 1,
                Kind::Forbidden => self.forbidden += 1,
                Kind::EmptyTarget | Kind::EmptySource => self.empty += 1,
            }
        }
    }

    #[must_use]
    pub fn problems(&self) -> usize {
        self.missing + self.forbidden + self.empty
    }
}

/// The compared forms of one entry.
#[derive(Debug)]
struct Forms {
    approved: Vec<Phrase>,
    forbidden: Vec<Phrase>,
}

/// One recognised source term to account for.
struct Occurrence<'e> {
    surface: String,
    start: usize,
    end: usize,
    entries: Vec<&'e Entry>,
    /// Target word ranges where an approved rendering stands, in text order.
    candidates: Vec<Range<usize>>,
    forbidden: Vec<Phrase>,
}

/// Checks segments against a lexicon; keeps the English forms of the entries it has met.
pub struct Checker<'a> {
    lexicon: &'a Lexicon,
    options: Options,
    english: English,
    forms: HashMap<(String, Pos), Rc<Forms>>,
}

impl std::fmt::Debug for Checker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'a> Checker<'a> {
    #[must_use]
    pub fn new(lexicon: &'a Lexicon, options: Options) -> Checker<'a> {
        Checker {
            lexicon,
            options,
            english: English::new(),
            forms: HashMap::new(),
        }
    }

    /// Whether QA checks an entry.
    #[must_use]
    pub fn checks(&self, e: &Entry) -> bool {
        e.qa && (self.options.all || domain::is_domain_entry(e) || !e.forbidden.is_empty())
    }

    fn forms(&mut self, e: &Entry) -> Rc<Forms> {
        let id = crate::glossary::identity(e);
        if let Some(f) = self.forms.get(&id) {
            return Rc::clone(f);
        }
        let mut approved = Vec::new();
        for r in &e.en {
            approved.extend(self.english.phrases(r));
        }
        let mut forbidden = Vec::new();
        for r in &e.forbidden {
            forbidden.extend(self.english.phrases(r));
        }
        let f = Rc::new(Forms {
            approved,
            forbidden,
        });
        self.forms.insert(id, Rc::clone(&f));
        f
    }

    /// Check one segment.
    pub fn check(&mut self, segment: &Segment) -> Checked {
        let mut checked = Checked {
            segment: segment.number,
            source_line: segment.source_line,
            target_line: segment.target_line,
            source: segment.source.clone(),
            target: segment.target.clone(),
            terms: 0,
            problems: Vec::new(),
        };
        let source_empty = segment.source.trim().is_empty();
        let target_empty = segment.target.trim().is_empty();
        if source_empty || target_empty {
            if source_empty != target_empty {
                let problem = if target_empty {
                    Kind::EmptyTarget
                } else {
                    Kind::EmptySource
                };
                checked.problems.push(empty(problem));
            }
            return checked;
        }
        let words = self.english.words(&segment.target);
        let occurrences = self.occurrences(&segment.source, &words);
        checked.terms = occurrences.len();
        checked.problems = assign(&occurrences, &words, &segment.target);
        checked
    }

    /// The checked terms of a source segment, with where their approved renderings stand in
    /// the target's words.
    fn occurrences(&mut self, source: &str, words: &[Word]) -> Vec<Occurrence<'a>> {
        let lexicon = self.lexicon;
        let glossary = lexicon.glossary();
        let mut out = Vec::new();
        for sentence in Annotation::new(lexicon, source) {
            for m in &sentence.matches {
                if m.how == How::Name {
                    continue;
                }
                // every reading of the match that QA checks, the best first
                let readings: Vec<(&str, &str)> = if m.analyses.is_empty() {
                    vec![(m.lemma.as_str(), m.pos.as_str())]
                } else {
                    m.analyses
                        .iter()
                        .filter(|a| a.how == m.analyses[0].how)
                        .map(|a| (a.lemma.as_str(), a.pos.as_str()))
                        .collect()
                };
                let Some(best) = readings
                    .first()
                    .and_then(|&(l, p)| glossary.get(l, Pos::parse(p)?))
                else {
                    continue;
                };
                if !self.checks(best) {
                    continue;
                }
                let mut entries: Vec<&'a Entry> = Vec::new();
                for &(l, p) in &readings {
                    if let Some(e) = Pos::parse(p).and_then(|p| glossary.get(l, p))
                        && self.checks(e)
                        && !entries.iter().any(|x| std::ptr::eq(*x, e))
                    {
                        entries.push(e);
                    }
                }
                let mut candidates: Vec<Range<usize>> = Vec::new();
                let mut forbidden: Vec<Phrase> = Vec::new();
                for e in &entries {
                    let forms = self.forms(e);
                    for phrase in &forms.approved {
                        candidates.extend(english::find(words, phrase));
                    }
                    forbidden.extend(forms.forbidden.iter().cloned());
                }
                candidates.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
                candidates.dedup();
                out.push(Occurrence {
                    surface: m.surface.to_string(),
                    start: m.start,
                    end: m.end,
                    entries,
                    candidates,
                    forbidden,
                });
            }
        }
        out
    }
}

fn empty(problem: Kind) -> Problem {
    Problem {
        problem,
        surface: String::new(),
        lemma: String::new(),
        pos: String::new(),
        start: 0,
        end: 0,
        expected: Vec::new(),
        found: None,
        found_start: None,
        found_end: None,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Give each occurrence its own target words: the most constrained first (fewest candidates,
/// then the longest rendering), each taking its first free candidate; then an occurrence left
/// without one may take a candidate held by another occurrence that can move to a free one.
fn claim(occurrences: &[Occurrence<'_>]) -> Vec<Option<Range<usize>>> {
    let longest = |i: usize| occurrences[i].candidates.iter().map(Range::len).max();
    let mut order: Vec<usize> = (0..occurrences.len()).collect();
    order.sort_by_key(|&i| {
        (
            occurrences[i].candidates.len(),
            std::cmp::Reverse(longest(i)),
            i,
        )
    });
    let mut held: Vec<Option<Range<usize>>> = vec![None; occurrences.len()];
    let free = |held: &[Option<Range<usize>>], c: &Range<usize>, except: &[usize]| {
        held.iter()
            .enumerate()
            .all(|(j, h)| except.contains(&j) || h.as_ref().is_none_or(|h| !overlaps(h, c)))
    };
    for &i in &order {
        held[i] = occurrences[i]
            .candidates
            .iter()
            .find(|c| free(&held, c, &[]))
            .cloned();
    }
    for &i in &order {
        if held[i].is_some() {
            continue;
        }
        'candidates: for c in &occurrences[i].candidates {
            let blockers: Vec<usize> = (0..held.len())
                .filter(|&j| held[j].as_ref().is_some_and(|h| overlaps(h, c)))
                .collect();
            let [j] = blockers[..] else { continue };
            for alt in &occurrences[j].candidates {
                if !overlaps(alt, c) && free(&held, alt, &[j]) {
                    held[j] = Some(alt.clone());
                    held[i] = Some(c.clone());
                    break 'candidates;
                }
            }
        }
    }
    held
}

/// Report forbidden renderings and the occurrences left without an approved rendering.
fn assign(occurrences: &[Occurrence<'_>], words: &[Word], target: &str) -> Vec<Problem> {
    let held = claim(occurrences);
    let taken: Vec<Range<usize>> = held.iter().flatten().cloned().collect();
    let assigned: Vec<bool> = held.iter().map(Option::is_some).collect();
    let problem = |o: &Occurrence<'_>, kind: Kind| {
        let mut expected: Vec<String> = Vec::new();
        for e in &o.entries {
            for r in &e.en {
                if !expected.iter().any(|x| x == r) {
                    expected.push(r.to_string());
                }
            }
        }
        Problem {
            problem: kind,
            surface: o.surface.clone(),
            lemma: o.entries[0].sw.to_string(),
            pos: o.entries[0].pos.to_string(),
            start: o.start,
            end: o.end,
            expected,
            found: None,
            found_start: None,
            found_end: None,
        }
    };
    let mut problems = Vec::new();
    // forbidden renderings: each target stretch once, charged to an occurrence left without an
    // approved rendering where there is one
    let mut reported: Vec<Range<usize>> = Vec::new();
    let mut explained = vec![false; occurrences.len()];
    let mut by_need: Vec<usize> = (0..occurrences.len()).collect();
    by_need.sort_by_key(|&i| (assigned[i], i));
    for i in by_need {
        let o = &occurrences[i];
        for phrase in &o.forbidden {
            for r in english::find(words, phrase) {
                if taken.iter().any(|t| overlaps(t, &r)) || reported.iter().any(|t| overlaps(t, &r))
                {
                    continue;
                }
                let (start, end) = (words[r.start].start, words[r.end - 1].end);
                let mut p = problem(o, Kind::Forbidden);
                p.found = Some(target[start..end].to_owned());
                p.found_start = Some(start);
                p.found_end = Some(end);
                problems.push(p);
                reported.push(r);
                explained[i] = true;
            }
        }
    }
    for (i, o) in occurrences.iter().enumerate() {
        if !assigned[i] && !explained[i] {
            problems.push(problem(o, Kind::Missing));
        }
    }
    problems.sort_by_key(|p| (p.start, p.found_start));
    problems
}

/// Check every segment.
#[must_use]
pub fn check(lexicon: &Lexicon, segments: &[Segment], options: Options) -> Vec<Checked> {
    let mut checker = Checker::new(lexicon, options);
    segments.iter().map(|s| checker.check(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, parse_file};
    use std::path::Path;

    const GLOSSARY: &str = r#"
[[entry]]
sw = "balozi"
en = ["ambassador", "envoy"]
pos = "noun"
class = "5/6"
domain = ["diplomacy"]

[[entry]]
sw = "mlemavu"
en = ["person with a disability", "disabled person"]
pos = "noun"
class = "1/2"
domain = ["society"]
forbidden = ["cripple", "handicapped"]

[[entry]]
sw = "nchi"
en = ["country"]
pos = "noun"
class = "9/10"
domain = ["general"]

[[entry]]
sw = "waziri"
en = ["minister"]
pos = "noun"
class = "5/6"
domain = ["government"]
qa = false
"#;

    fn lexicon() -> Lexicon {
        let mut g = Glossary::default();
        g.add_layer(parse_file(Path::new("t.toml"), GLOSSARY).unwrap());
        Lexicon::new(g)
    }

    fn run(sw: &str, en: &str, all: bool) -> Checked {
        let lx = lexicon();
        let seg = Segment {
            number: 1,
            source: sw.into(),
            target: en.into(),
            source_line: 1,
            target_line: 1,
        };
        Checker::new(&lx, Options { all }).check(&seg)
    }

    fn kinds(c: &Checked) -> Vec<(&str, Kind)> {
        c.problems
            .iter()
            .map(|p| (p.lemma.as_str(), p.problem))
            .collect()
    }

    #[test]
    fn inflected_renderings_are_clean() {
        let c = run("Mabalozi walifika.", "The ambassadors arrived.", false);
        assert_eq!(c.terms, 1);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
    }

    #[test]
    fn each_occurrence_needs_its_own_rendering() {
        let c = run(
            "Balozi alikutana na balozi mwingine.",
            "The ambassador met another diplomat.",
            false,
        );
        assert_eq!(c.terms, 2);
        assert_eq!(kinds(&c), [("balozi", Kind::Missing)]);
        let c = run(
            "Balozi alikutana na balozi mwingine.",
            "The ambassador met another envoy.",
            false,
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // lists of one candidate range
    fn a_held_rendering_moves_for_an_occurrence_left_without() {
        let occurrence = |candidates: Vec<Range<usize>>| Occurrence {
            surface: String::new(),
            start: 0,
            end: 0,
            entries: Vec::new(),
            candidates,
            forbidden: Vec::new(),
        };
        // c claims 1..2 first, a takes 0..1, which b needs: a moves on to 5..6
        let occurrences = [
            occurrence(vec![0..1, 5..6]),
            occurrence(vec![0..1, 1..2]),
            occurrence(vec![1..2]),
        ];
        assert_eq!(claim(&occurrences), [Some(5..6), Some(0..1), Some(1..2)]);
        // a multi-word rendering is claimed before a one-word one inside it
        let occurrences = [occurrence(vec![3..4]), occurrence(vec![3..5])];
        assert_eq!(claim(&occurrences), [None, Some(3..5)]);
    }

    #[test]
    fn forbidden_replaces_missing() {
        let c = run("Mlemavu alifika.", "A handicapped man arrived.", false);
        assert_eq!(kinds(&c), [("mlemavu", Kind::Forbidden)]);
        assert_eq!(c.problems[0].found.as_deref(), Some("handicapped"));
        assert_eq!(c.problems[0].found_start, Some(2));
    }

    #[test]
    fn scope_follows_domains_and_qa_false() {
        // general domain: only with --all; qa = false: never
        let c = run("Waziri wa nchi alifika.", "The official arrived.", false);
        assert_eq!(c.terms, 0);
        let c = run("Waziri wa nchi alifika.", "The official arrived.", true);
        assert_eq!(kinds(&c), [("nchi", Kind::Missing)]);
    }

    #[test]
    fn empty_sides_are_problems() {
        assert_eq!(
            run("Balozi alifika.", " ", false).problems[0].problem,
            Kind::EmptyTarget
        );
        assert_eq!(
            run("", "The ambassador", false).problems[0].problem,
            Kind::EmptySource
        );
    }
}
