//! Annotation: text → tokens → readings → matches → [`Document`].
//!
//! Multi-word terms are matched first, longest first, never across a sentence boundary; their
//! head may inflect (*Mawaziri wa Mambo ya Nje*) with the words after it agreeing by rule
//! (connective and adjective concords of the head's class, or of class 1/2 for animates), one
//! possessive may stand after the head (*makao yake makuu*), and a verbal head takes any
//! inflection (*wanaoungwa mkono*). Then single words: exact forms, then inflected readings.
//! A capitalised word inside a sentence that no entry covers is a name; adjacent names join.

use std::cell::RefCell;

use compact_str::{CompactString, ToCompactString};

use rustc_hash::FxHashSet;

use crate::document::{Analysis, Document, Match, Sentence, Token};
use crate::glossary::Entry;
use crate::lexicon::{Agrees, Analysed, How, Lexicon, Reading, Second, TermBrief};
use crate::memo::{Analyser, Held, Word};
use crate::morph::{self, Parse, StemKind};
use crate::tokenize::{self, Kind};

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
///
/// [`Annotation::next_brief`] gives the same matches in brief, borrowed from the text and the
/// glossary, for output that needs no more (TSV, counts): no allocation per token.
pub struct Annotation<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    tokens: Vec<tokenize::Token>,
    sentences: std::vec::IntoIter<tokenize::Sentence>,
    /// The keys ([`Word::key_number`]) of capitalised words seen inside sentences: names also
    /// where they open one.
    names: FxHashSet<u32>,
    /// This thread's memo of analyses, held while the text is annotated.
    analyser: RefCell<Analyser<'a>>,
    /// The word type of each token of the text: a capitalised word inside a sentence as a
    /// proper one. Found with the names, before the first sentence is matched, in one pass.
    words: Vec<Word>,
    /// The matches of the current sentence, as token ranges.
    hits: Vec<Hit>,
    /// The tokens of the current sentence where a term may start ([`Word::STARTS`]), in order.
    starts: Vec<u32>,
    /// The terms chosen in the current sentence, with the token each starts at, in order.
    terms: Vec<(u32, TermHit)>,
    /// Scratch of [`Annotation::choose_terms`]: the terms found, and for each the best score
    /// from its token on and whether it is taken.
    found: Vec<(u32, TermHit)>,
    best: Vec<(usize, bool)>,
    /// The current sentence's range in `tokens`.
    current: std::ops::Range<usize>,
    /// Where `text` starts in the whole input: added to every span.
    base: usize,
}

/// A match of the current sentence: tokens `from..to` and what they are.
struct Hit {
    from: usize,
    to: usize,
    what: What,
}

enum What {
    Term(TermHit),
    /// One word; `first` is the reading that comes first in context.
    Word {
        first: usize,
    },
    Name,
}

/// A match in brief, borrowed from the text and the glossary. Its surface and entry are found
/// when asked for ([`Brief::surface`], [`Brief::entry`]): output that caches rows by word type
/// seldom needs them.
#[derive(Debug, Clone, Copy)]
pub struct Brief<'a> {
    pub start: usize,
    pub end: usize,
    pub how: How,
    /// The index in the glossary of the entry matched; `None` for a name, which is its own
    /// lemma and rendering.
    pub entry: Option<usize>,
    /// The text the spans point into, which starts at byte `base` of the input.
    pub text: &'a str,
    pub base: usize,
    /// The glossary's entries.
    pub entries: &'a [Entry],
    /// The surface is one token, or names joined by single spaces: it holds no tab or line
    /// break (a term's words may stand on two lines).
    pub plain: bool,
}

impl<'a> Brief<'a> {
    /// The text matched.
    #[must_use]
    pub fn surface(&self) -> &'a str {
        &self.text[self.start - self.base..self.end - self.base]
    }

    /// The entry matched and its index in the glossary; `None` for a name.
    #[must_use]
    pub fn entry(&self) -> Option<(usize, &'a Entry)> {
        self.entry.map(|i| (i, &self.entries[i]))
    }
}

impl<'a> Annotation<'a> {
    #[must_use]
    pub fn new(lexicon: &'a Lexicon, text: &'a str) -> Annotation<'a> {
        let (tokens, sentences) = tokenize::split(text);
        // room for the capitalised words of news text, about one token in twelve
        let mut names =
            FxHashSet::with_capacity_and_hasher(tokens.len() / 32, rustc_hash::FxBuildHasher);
        let mut words = Vec::with_capacity(tokens.len());
        let mut analyser = lexicon.analyser();
        // a text's punctuation is a few marks over and over: the word of each ASCII mark, once
        // found in this text (the memo forgets nothing while a text is annotated)
        let mut marks: [Option<Word>; 128] = [None; 128];
        // the words of the whole text, and its names, known before its first sentence is
        // matched: the capitalised words inside sentences
        for s in &sentences {
            for i in s.tokens.clone() {
                let t = tokens[i];
                let word = if is_proper(text, &tokens, s.tokens.start, i) {
                    let word = analyser.word_at(text, t.start..t.end, true);
                    names.insert(word.key_number());
                    word
                } else if t.kind == Kind::Punct
                    && t.end - t.start == 1
                    && let Some(mark) = marks.get_mut(usize::from(text.as_bytes()[t.start]))
                {
                    *mark.get_or_insert_with(|| analyser.word_at(text, t.start..t.end, false))
                } else {
                    analyser.word_at(text, t.start..t.end, false)
                };
                words.push(word);
            }
        }
        Annotation {
            lexicon,
            text,
            tokens,
            sentences: sentences.into_iter(),
            names,
            analyser: RefCell::new(analyser),
            words,
            hits: Vec::new(),
            starts: Vec::new(),
            terms: Vec::new(),
            found: Vec::new(),
            best: Vec::new(),
            current: 0..0,
            base: 0,
        }
    }

    /// Annotate a piece of a larger input that starts at byte `base` of it: spans are then
    /// offsets into the whole input.
    #[must_use]
    pub fn at(mut self, base: usize) -> Self {
        self.base = base;
        self
    }

    /// The tokens of the sentence last returned, with spans into this piece of text (not
    /// shifted by the base).
    #[must_use]
    pub fn sentence_tokens(&self) -> &[tokenize::Token] {
        &self.tokens[self.current.clone()]
    }

    /// The matches of the next sentence in brief, into `out` (cleared first); `false` when
    /// there is no sentence left.
    pub fn next_brief(&mut self, out: &mut Vec<Brief<'a>>) -> bool {
        out.clear();
        self.next_brief_with(|brief| out.push(brief))
    }

    /// The matches of the next sentence in brief, each given to `each` in text order: what
    /// [`Annotation::next_brief`] gives, with no list between; `false` when there is no
    /// sentence left.
    pub fn next_brief_with(&mut self, each: impl BriefSink<'a>) -> bool {
        let Some(s) = self.sentences.next() else {
            return false;
        };
        self.find(&s, &mut Briefs(each));
        true
    }
}

/// The current sentence, as [`Annotation::hits_of`] reads it to make its matches: what a
/// match in brief is made of, read from the annotation once per sentence rather than once per
/// match.
struct Current<'s, 'a> {
    annotation: &'s Annotation<'a>,
    toks: &'s [tokenize::Token],
    text: &'a str,
    base: usize,
    entries: &'a [Entry],
}

impl<'a> Current<'_, 'a> {
    /// Tokens `from..to` of the sentence in brief.
    #[inline]
    fn brief(
        &self,
        (from, to): (usize, usize),
        how: How,
        entry: Option<usize>,
        plain: bool,
    ) -> Brief<'a> {
        Brief {
            start: self.toks[from].start + self.base,
            end: self.toks[to - 1].end + self.base,
            how,
            entry,
            text: self.text,
            base: self.base,
            entries: self.entries,
            plain,
        }
    }
}

/// Where [`Annotation::hits_of`] gives the matches of a sentence, in text order: a method for
/// each kind, so that briefs are made without a [`Hit`] between.
trait Hits<'a> {
    /// Tokens `from..hit.end` are term `hit`.
    fn term(&mut self, current: &Current<'_, 'a>, from: usize, hit: TermHit);
    /// Token `at` is `word`, read first by its reading `first`.
    fn word(&mut self, current: &Current<'_, 'a>, at: usize, word: Word, first: usize);
    /// Tokens `from..to` are a name.
    fn name(&mut self, current: &Current<'_, 'a>, from: usize, to: usize);
}

impl<'a> Hits<'a> for Vec<Hit> {
    fn term(&mut self, _: &Current<'_, 'a>, from: usize, hit: TermHit) {
        let to = hit.end as usize;
        self.push(Hit {
            from,
            to,
            what: What::Term(hit),
        });
    }

    fn word(&mut self, _: &Current<'_, 'a>, at: usize, _: Word, first: usize) {
        self.push(Hit {
            from: at,
            to: at + 1,
            what: What::Word { first },
        });
    }

    fn name(&mut self, _: &Current<'_, 'a>, from: usize, to: usize) {
        self.push(Hit {
            from,
            to,
            what: What::Name,
        });
    }
}

/// What takes the matches in brief ([`Annotation::next_brief_with`]): a closure, or a type
/// whose [`BriefSink::take`] is inlined into the loop over a sentence's matches (a closure
/// that writes a row is too large for the compiler to inline at the three places a match is
/// made).
pub trait BriefSink<'a> {
    fn take(&mut self, brief: Brief<'a>);
}

impl<'a, F: FnMut(Brief<'a>)> BriefSink<'a> for F {
    fn take(&mut self, brief: Brief<'a>) {
        self(brief);
    }
}

/// Matches given in brief to a sink.
struct Briefs<F>(F);

impl<'a, F: BriefSink<'a>> Hits<'a> for Briefs<F> {
    #[inline]
    fn term(&mut self, a: &Current<'_, 'a>, from: usize, hit: TermHit) {
        let brief = a.brief(
            (from, hit.end as usize),
            hit.how(),
            Some(hit.entry as usize),
            false,
        );
        self.0.take(brief);
    }

    #[inline]
    fn word(&mut self, a: &Current<'_, 'a>, at: usize, word: Word, first: usize) {
        let brief = if first == 0 {
            a.brief((at, at + 1), word.how, Some(word.entry as usize), true)
        } else {
            let r = &a.annotation.analysed(at).readings[first];
            a.brief((at, at + 1), r.how, Some(r.entry), true)
        };
        self.0.take(brief);
    }

    #[inline]
    fn name(&mut self, a: &Current<'_, 'a>, from: usize, to: usize) {
        self.0.take(a.brief((from, to), How::Name, None, true));
    }
}

impl Iterator for Annotation<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        let s = self.sentences.next()?;
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        self.find(&s, &mut hits);
        self.hits = hits;
        Some(self.sentence(&s))
    }
}

/// Whether token `i` of the sentence whose first token is `first` is capitalised inside it: a
/// name perhaps, read as a proper word.
fn is_proper(text: &str, tokens: &[tokenize::Token], first: usize, i: usize) -> bool {
    let capital = match text.as_bytes()[tokens[i].start] {
        // most words start with an ASCII letter: no character to decode
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => (tokens[i].text(text).chars().next()).is_some_and(char::is_uppercase),
    };
    capital && !opens(text, tokens, first, i)
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
#[derive(Clone, Copy)]
struct TermHit {
    term: u32,
    /// The term's entry and how its form is listed ([`Term::entry`], [`Term::how`]).
    entry: u32,
    listed: How,
    /// The token after the term, in its sentence (a sentence has at most
    /// [`tokenize::MAX_SENTENCE_TOKENS`]).
    end: u32,
    /// The parse of an inflected head: an index into its word's parses.
    head: Option<u32>,
    /// The words after the head differ from the headword's (possessive, agreement).
    possessive: bool,
}

impl TermHit {
    /// The term `found`, ending before token `end`.
    fn new(found: TermBrief, end: usize, head: Option<usize>, possessive: bool) -> TermHit {
        let small = |n: usize| u32::try_from(n).expect("tokens and parses fit in u32");
        TermHit {
            term: found.term,
            entry: found.entry,
            listed: found.how,
            end: small(end),
            head: head.map(small),
            possessive,
        }
    }

    /// How the term was matched.
    fn how(&self) -> How {
        if self.head.is_some() || self.possessive {
            How::Inflected
        } else {
            self.listed
        }
    }
}

impl<'a> Annotation<'a> {
    /// Find the matches of sentence `s`, making it the current one, and give each to `hits`
    /// in text order.
    #[inline]
    fn find(&mut self, s: &tokenize::Sentence, hits: &mut impl Hits<'a>) {
        self.current = s.tokens.clone();
        self.find_starts(s.tokens.clone());
        self.choose_terms(s.tokens.clone());
        let terms = std::mem::take(&mut self.terms);
        self.hits_of(&terms, hits);
        self.terms = terms;
    }

    /// The matches of the current sentence, given the terms chosen in it.
    #[inline]
    fn hits_of(&self, terms: &[(u32, TermHit)], hits: &mut impl Hits<'a>) {
        let text = self.text;
        let toks = &self.tokens[self.current.clone()];
        let words = self.sentence_words();
        let current = Current {
            annotation: self,
            toks,
            text,
            base: self.base,
            entries: self.lexicon.glossary().entries(),
        };
        let mut terms = terms.iter().peekable();
        let mut i = 0;
        while i < toks.len() {
            if let Some(&(_, hit)) = terms.next_if(|(at, _)| *at as usize == i) {
                hits.term(&current, i, hit);
                i = hit.end as usize;
                continue;
            }
            // a token that is not a word (a number, a mark) has no readings of its own
            // ([`Word::READINGS`]) and no capital, and goes on below, with no test of its kind
            let word = words[i];
            let capital = word.is(Word::CAPITAL);
            let titled =
                capital && i >= 2 && toks[i - 1].text(text) == "." && words[i - 2].is(Word::TITLE);
            if !titled && word.is(Word::READINGS) {
                let first = match words.get(i + 1) {
                    Some(&next) if word.is(Word::CONTEXT) && next.is(Word::CONNECTIVE) => {
                        let next = self.analysed_word(next);
                        self.first_in_context(&self.analysed(i).readings, &next.key)
                    }
                    _ => 0,
                };
                hits.word(&current, i, word, first);
                i += 1;
                continue;
            }
            let name_like = word.is(Word::ACRONYM)
                || (capital
                    && (!opens(text, toks, 0, i) || self.names.contains(&word.key_number())));
            if name_like {
                // join adjacent names: Jens Stoltenberg
                let mut end = i + 1;
                while end < toks.len()
                    && toks[end].kind == Kind::Word
                    && words[end].is(Word::CAPITAL)
                    && !words[end].is(Word::ACRONYM)
                    && text[toks[end - 1].end..toks[end].start] == *" "
                    && terms.peek().is_none_or(|(at, _)| *at as usize != end)
                    && !words[end].is(Word::READINGS)
                {
                    end += 1;
                }
                hits.name(&current, i, end);
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// The sentence `s` as document data, from the hits [`Annotation::find`] left.
    fn sentence(&self, s: &tokenize::Sentence) -> Sentence {
        let text = self.text;
        let toks = &self.tokens[s.tokens.clone()];
        let mut tokens: Vec<Token> = toks
            .iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                text: t.text(text).into(),
                kind: t.kind,
                match_index: None,
            })
            .collect();
        let mut matches = Vec::with_capacity(self.hits.len());
        for (m, hit) in self.hits.iter().enumerate() {
            for t in &mut tokens[hit.from..hit.to] {
                t.match_index = Some(m);
            }
            matches.push(match &hit.what {
                What::Term(t) => self.term_match(toks, hit.from, t),
                What::Word { first } => {
                    self.word_match(toks[hit.from], &self.analysed(hit.from), *first)
                }
                What::Name => name_match(text, toks[hit.from].start, toks[hit.to - 1].end),
            });
        }
        let base = self.base;
        if base > 0 {
            for t in &mut tokens {
                (t.start, t.end) = (t.start + base, t.end + base);
            }
            for m in &mut matches {
                (m.start, m.end) = (m.start + base, m.end + base);
            }
        }
        Sentence {
            start: s.start + base,
            end: s.end + base,
            text: text[s.start..s.end].to_owned(),
            tokens,
            matches,
        }
    }

    /// Find where terms may start in a sentence.
    fn find_starts(&mut self, sentence: std::ops::Range<usize>) {
        self.starts.clear();
        self.starts.resize(sentence.len(), 0);
        let mut found_starts = 0;
        for (n, word) in self.words[sentence].iter().enumerate() {
            // kept or not without a branch: which words start terms is not predictable
            self.starts[found_starts] = u32::try_from(n).expect("a sentence's tokens fit in u32");
            found_starts += usize::from(word.is(Word::STARTS));
        }
        self.starts.truncate(found_starts);
    }

    /// Choose the terms of a sentence: of the longest term at each token, the set of
    /// non-overlapping terms that covers the sentence best (longer terms weigh more), so that
    /// *kufanya mazungumzo ya usalama* prefers the three-word term over the two-word one.
    fn choose_terms(&mut self, sentence: std::ops::Range<usize>) {
        let mut found = std::mem::take(&mut self.found);
        let mut best = std::mem::take(&mut self.best);
        let mut chosen = std::mem::take(&mut self.terms);
        found.clear();
        chosen.clear();
        let toks = &self.tokens[sentence.clone()];
        let words = self.sentence_words();
        for &i in &self.starts {
            let i = i as usize;
            if let Some(&next) = words.get(i + 1)
                && words[i].may_go_on(next)
                && let Some(hit) = self.term_at(toks, i)
            {
                found.push((
                    u32::try_from(i).expect("a sentence's tokens fit in u32"),
                    hit,
                ));
            }
        }
        // best[k]: the best score of the tokens from term k's on, and whether term k is taken;
        // a token where no term starts has the score of the next term's token (0 past the last)
        best.clear();
        best.resize(found.len(), (0, false));
        let score_from = |best: &[(usize, bool)], found: &[(u32, TermHit)], token: usize| {
            let k = found.partition_point(|(at, _)| (*at as usize) < token);
            best.get(k).map_or(0, |b| b.0)
        };
        for k in (0..found.len()).rev() {
            let (at, hit) = found[k];
            let skip = best.get(k + 1).map_or(0, |b| b.0);
            let len = (hit.end - at) as usize;
            let take = len * len + score_from(&best, &found, hit.end as usize);
            best[k] = if take > skip {
                (take, true)
            } else {
                (skip, false)
            };
        }
        // keep the terms taken on the best path, drop the others
        let mut next = 0;
        for (&(at, hit), &(_, taken)) in found.iter().zip(&best) {
            if at >= next && taken {
                chosen.push((at, hit));
                next = hit.end;
            }
        }
        self.terms = chosen;
        self.found = found;
        self.best = best;
    }

    /// The words of the current sentence.
    fn sentence_words(&self) -> &[Word] {
        &self.words[self.current.clone()]
    }

    /// The whole analysis of word `i` of the current sentence.
    fn analysed(&self, i: usize) -> Held {
        self.analysed_word(self.sentence_words()[i])
    }

    /// The whole analysis of a word of this text.
    fn analysed_word(&self, word: Word) -> Held {
        self.analyser.borrow().analysed(word).clone()
    }

    /// Which reading comes first in context: a noun followed by its own connective (*mpaka wa*,
    /// class 3 → *wa*) is read as that noun when it is as good as the best reading. Asked only
    /// of a word of several readings before a connective ([`Word::CONTEXT`], [`Word::CONNECTIVE`]).
    fn first_in_context(&self, readings: &[Reading], next: &str) -> usize {
        let Some(first) = readings.first() else {
            return 0;
        };
        (readings.iter())
            .position(|r| self.lexicon.connective_before(r, first.how) == Some(next))
            .unwrap_or(0)
    }

    /// The longest term starting at token `i`.
    fn term_at(&self, toks: &[tokenize::Token], i: usize) -> Option<TermHit> {
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
        let words = self.sentence_words();
        let word = words[i];
        let next = words.get(i + 1).copied();
        // the terms to match word by word: those the search below does not decide
        let mut unsure = Vec::new();
        {
            // read from the memo's list of fixed terms, not from the word's analysis: the terms
            // of common words lie together there
            let memo = self.analyser.borrow();
            let all = memo.fixed_terms(word);
            // a term has two words at least; one whose words are fixed needs the next word as
            // its second, and the one after as its third if it has three, unless a possessive
            // stands between (makao yake makuu)
            match next {
                None => {}
                Some(next) if next.is(Word::POSSESSIVE) => unsure.extend_from_slice(all),
                Some(next) => {
                    let from = all.partition_point(|f| f.second < next.word);
                    let to = all.partition_point(|f| f.second <= next.word);
                    let group = &all[from..to];
                    let two = group.partition_point(|f| f.third != Analysed::TWO_WORDS);
                    let longer = match words.get(i + 2) {
                        Some(third) if third.word != Analysed::NOT_A_TERM_WORD => {
                            let longer = &group[..two];
                            let at = longer.partition_point(|f| f.third < third.word);
                            let past = longer.partition_point(|f| f.third <= third.word);
                            &longer[at..past]
                        }
                        _ => &[],
                    };
                    for &f in longer.iter().chain(&group[two..]) {
                        // found by its second and third words, a term of two or three is
                        // matched
                        if (2..=3).contains(&f.len) {
                            consider(TermHit::new(f, i + usize::from(f.len), None, false));
                        } else {
                            unsure.push(f);
                        }
                    }
                }
            }
        }
        for f in unsure {
            if let Some((end, possessive)) = self.rest_of_term(i, f.term as usize, None) {
                consider(TermHit::new(f, end, None, possessive));
            }
        }
        if !word.is(Word::AGREEING) && !word.is(Word::HEAD) {
            return best;
        }
        // after an agreeing connective, the third word stands as written or in the plural: the
        // singulars of the word there turn away most of the terms that agree
        let third = words.get(i + 2).copied();
        let possessive_next = next.is_some_and(|next| next.is(Word::POSSESSIVE));
        let third_fits = |second: &Second| {
            if second.agrees != Agrees::Connective
                || second.third == Analysed::TWO_WORDS
                || possessive_next
            {
                return true;
            }
            third.is_some_and(|third| {
                third.word == second.third || self.is_plural_of(third, second.third)
            })
        };
        let admitted =
            |second: &Second| next.is_some_and(|next| second.admits(next)) && third_fits(second);
        // the terms that agree from the word as written, then those it heads, read from the
        // memo's list one at a time (matching a term may analyse other words); the word's
        // analysis is read only for a head that may go on
        let count = self.analyser.borrow().candidates(word).len();
        let mut analysed = None;
        for k in 0..count {
            let c = self.analyser.borrow().candidates(word)[k];
            let t = c.term as usize;
            if c.parse.is_some() && toks[i].kind != Kind::Word || !admitted(&c.second) {
                continue;
            }
            let found = match c.parse {
                None => self.rest_of_term(i, t, None),
                Some(p) => {
                    let analysed = analysed.get_or_insert_with(|| self.analysed(i));
                    self.rest_of_term(i, t, Some(&analysed.parses[p as usize]))
                }
            };
            if let Some((end, possessive)) = found {
                consider(TermHit::new(
                    self.lexicon.term_brief(t),
                    end,
                    c.parse.map(|p| p as usize),
                    possessive,
                ));
            }
        }
        best
    }

    /// Match the words of term `t` after its head at token `i`; the end token index and whether
    /// the words differ from the headword's (a possessive inserted, a concord changed).
    fn rest_of_term(&self, i: usize, t: usize, head: Option<&Parse>) -> Option<(usize, bool)> {
        let term = self.lexicon.term(t);
        let mut j = i + 1;
        let mut possessive = false;
        // a 9/10 noun is the same in both numbers: its term may stand in the plural with the
        // plural concords (kura ya maoni → kura za maoni)
        let same_both = head.is_none() && term.agrees_as_written();
        let mut agreeing = same_both || head.is_some_and(|p| p.kind == StemKind::Noun);
        // the common miss, at the second word, never gets here: term_at tries only the terms
        // whose second word may stand next ([`Second::admits`], [`TermBrief::second`])
        if !agreeing {
            // every word as written, with a possessive perhaps put after the first
            let words = self.sentence_words();
            let second = words.get(j)?;
            if second.word != term.ids[1] && second.is(Word::POSSESSIVE) && !term.possessive_second
            {
                possessive = true;
                j += 1;
            }
            let rest = &term.ids[1..];
            let got = words.get(j..j + rest.len())?;
            let same = got.iter().zip(rest).all(|(got, &want)| got.word == want);
            return same.then_some((j + rest.len(), possessive));
        }
        let mut after_connective = false;
        let mut changed = false;
        for (n, (want, &want_id)) in term.words.iter().zip(&term.ids).enumerate().skip(1) {
            let words = self.sentence_words();
            let mut got = *words.get(j)?;
            if n == 1 && got.word != want_id && got.is(Word::POSSESSIVE) && !term.possessive_second
            {
                possessive = true;
                j += 1;
                got = *words.get(j)?;
            }
            let is_connective = agreeing && n < 64 && term.connectives & (1 << n) != 0;
            let want_adjective = if agreeing && !is_connective {
                self.term_word_adjective(want, want_id)
            } else {
                None
            };
            let adjective = want_adjective.is_some();
            let same = got.word == want_id;
            changed |= !same;
            if is_connective && got.is(Word::CONNECTIVE) {
                let got = &*self.analysed_word(got).key;
                let allowed = if same_both {
                    // the head as written: its concords, or the connective as written
                    // (*taarifa kwa vyombo vya habari*)
                    same || matches!(got, "ya" | "za" | "wa")
                } else {
                    head.and_then(|p| p.class).is_none_or(|c| {
                        got == "wa" || morph::connective(c).is_some_and(|k| k == got)
                    })
                };
                if !allowed {
                    return None;
                }
            } else if same {
                // exact
            } else if after_connective && self.is_plural_of(got, want_id) {
                // the noun after an agreeing connective may be plural too: wakuu wa mikoa
            } else if adjective && self.common(got).adjective_stem() == want_adjective {
                // agreeing adjective: mkuu → wakuu
            } else {
                return None;
            }
            after_connective = is_connective;
            agreeing = agreeing && adjective;
            j += 1;
        }
        // an agreeing word that differs from the headword's makes the match inflected
        Some((j, possessive || changed))
    }

    /// Whether `word`, as a common word, is a plural form of the noun terms are written with
    /// numbered `singular` ([`Lexicon::term_word`]): read from the memo
    /// ([`Analyser::singulars`]) of its key's common word where it was looked up as a proper
    /// one, whose analysis is a name's.
    fn is_plural_of(&self, word: Word, singular: u32) -> bool {
        let mut analyser = self.analyser.borrow_mut();
        let common = analyser.common_word(word);
        analyser.singulars(common).contains(&singular)
    }

    /// The analysis of a word of this text as a common word, not a name: its own where it was
    /// looked up as one (a capital that opens a sentence too), else its key's.
    fn common(&self, word: Word) -> Held {
        let common = self.analyser.borrow_mut().common_word(word);
        self.analysed_word(common)
    }

    /// The adjective stem ([`Analysed::adjective_stem`]) of a word terms are written with, by
    /// its number: asked at every agreeing term, so kept for the rest of the text.
    fn term_word_adjective(&self, word: &str, id: u32) -> Option<compact_str::CompactString> {
        self.analyser.borrow_mut().term_word_adjective(word, id)
    }

    fn term_match(&self, toks: &[tokenize::Token], i: usize, hit: &TermHit) -> Match {
        let text = self.text;
        let term = self.lexicon.term(hit.term as usize);
        let entry = self.lexicon.entry(term.entry);
        let start = toks[i].start;
        let end = toks[hit.end as usize - 1].end;
        let mut morphemes = Vec::new();
        let mut words: Vec<CompactString> = Vec::new();
        let mut affixes = String::new();
        let head = hit.head.map(|p| (self.analysed(i), p as usize));
        for (n, tok) in toks[i..hit.end as usize].iter().enumerate() {
            let surface = tok.text(text);
            match (&head, n) {
                (Some((analysed, p)), 0) => {
                    let parse = &analysed.parses[*p];
                    let parts = surface_morphemes(surface, parse);
                    words.push(parts.join("-").into());
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
                    words.push(surface.into());
                    morphemes.push(surface.into());
                }
            }
        }
        let how = hit.how();
        let gloss = if affixes.is_empty() {
            entry.en[0].clone()
        } else {
            compact_str::format_compact!("{affixes}-{}", entry.en[0])
        };
        let analysis = Analysis {
            lemma: entry.sw.clone(),
            pos: CompactString::const_new(entry.pos.as_str()),
            en: entry.en.clone(),
            how,
            segmentation: words.join(" ").into(),
            morphemes: morphemes.clone(),
            gloss: gloss.clone(),
        };
        Match {
            start,
            end,
            surface: text[start..end].into(),
            lemma: entry.sw.clone(),
            en: entry.en.clone(),
            pos: CompactString::const_new(entry.pos.as_str()),
            how,
            morphemes,
            gloss,
            class: entry.class.map(|c| c.to_compact_string()),
            note: entry.note.clone(),
            analyses: vec![analysis],
            entry: Some(term.entry),
        }
    }

    /// The match of one word: reading `first` best, then the others in their order.
    fn word_match(&self, tok: tokenize::Token, word: &Analysed, first: usize) -> Match {
        let readings = &word.readings;
        let surface = tok.text(self.text);
        let order = std::iter::once(first).chain((0..readings.len()).filter(|&i| i != first));
        let analyses: Vec<Analysis> = order
            .map(|i| &readings[i])
            .map(|r| {
                let e = self.lexicon.entry(r.entry);
                let (morphemes, gloss) = match r.parse.map(|p| &word.parses[p]) {
                    Some(p) => (
                        surface_morphemes(surface, p),
                        p.gloss(&stem_gloss(&e.en[0])).into(),
                    ),
                    None => (vec![surface.into()], e.en[0].clone()),
                };
                Analysis {
                    lemma: e.sw.clone(),
                    pos: CompactString::const_new(e.pos.as_str()),
                    en: e.en.clone(),
                    how: r.how,
                    segmentation: morphemes.join("-").into(),
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
            surface: surface.into(),
            lemma: e.sw.clone(),
            en: e.en.clone(),
            pos: CompactString::const_new(e.pos.as_str()),
            how: best.how,
            morphemes: analyses[0].morphemes.clone(),
            gloss: analyses[0].gloss.clone(),
            class: e.class.map(|c| c.to_compact_string()),
            note: e.note.clone(),
            analyses,
            entry: Some(best.entry),
        }
    }
}

fn name_match(text: &str, start: usize, end: usize) -> Match {
    let surface = CompactString::from(&text[start..end]);
    Match {
        start,
        end,
        lemma: surface.clone(),
        en: vec![surface.clone()],
        pos: CompactString::const_new("name"),
        how: How::Name,
        morphemes: vec![surface.clone()],
        gloss: CompactString::const_new("[name]"),
        class: None,
        note: None,
        analyses: Vec::new(),
        entry: None,
        surface,
    }
}

/// A rendering as a gloss, with no whitespace in it: spaces become dots (`take.place`).
#[must_use]
pub fn stem_gloss(en: &str) -> String {
    en.split_whitespace().collect::<Vec<_>>().join(".")
}

/// The parse's morphemes cut from the surface, keeping its case (*Ma-balozi*).
fn surface_morphemes(surface: &str, parse: &Parse) -> Vec<CompactString> {
    let forms: Vec<&str> = parse.morphemes.iter().map(|m| m.form.as_str()).collect();
    let total: usize = forms.iter().map(|f| f.chars().count()).sum();
    if total != surface.chars().count() {
        return forms.iter().map(|&f| f.into()).collect();
    }
    let mut out = Vec::with_capacity(forms.len());
    let mut chars = surface.chars();
    for f in forms {
        out.push(chars.by_ref().take(f.chars().count()).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    /// Every multi-word form of the embedded glossary, standing alone, is found as one match:
    /// the quick tests that spare most words the term search ([`Word::may_go_on`],
    /// [`Second::admits`]) never turn a term away.
    #[test]
    fn every_multi_word_form_of_the_glossary_is_found_as_written() {
        let glossary = Glossary::embedded().expect("the embedded glossary");
        let forms: Vec<String> = glossary
            .entries()
            .iter()
            .flat_map(|e| std::iter::once(&e.sw).chain(&e.variants).chain(&e.plural))
            .filter(|form| form.contains(' ') && !form.starts_with('-'))
            .map(ToString::to_string)
            .collect();
        let lexicon = Lexicon::new(glossary);
        assert!(forms.len() > 1000, "{} forms", forms.len());
        let mut missed = Vec::new();
        for form in &forms {
            let doc = annotate(&lexicon, "t", form);
            let whole = doc
                .sentences
                .iter()
                .flat_map(|s| &s.matches)
                .any(|m| m.start == 0 && m.end == form.len() && m.entry.is_some());
            if !whole {
                missed.push(form.as_str());
            }
        }
        assert!(missed.is_empty(), "{} not found: {missed:?}", missed.len());
    }

    /// Only a word marked [`Word::CONTEXT`] has its readings read again before a connective:
    /// every word of the embedded glossary whose first reading a connective may change is
    /// marked.
    #[test]
    fn a_word_whose_reading_a_connective_may_change_is_marked_so() {
        let lexicon = Lexicon::new(Glossary::embedded().expect("the embedded glossary"));
        let connectives: FxHashSet<&str> = (0..=u8::MAX).filter_map(morph::connective).collect();
        let annotation = Annotation::new(&lexicon, "");
        let (mut changed, mut marked) = (0, 0);
        for e in lexicon.glossary().entries() {
            for form in std::iter::once(&e.sw).chain(&e.plural) {
                if form.contains(' ') {
                    continue;
                }
                let word = annotation.analyser.borrow_mut().word(form, false);
                let readings = &annotation.analysed_word(word).readings;
                let moves = (connectives.iter())
                    .any(|next| annotation.first_in_context(readings, next) != 0);
                assert!(!moves || word.is(Word::CONTEXT), "{form}");
                changed += usize::from(moves);
                marked += usize::from(word.is(Word::CONTEXT));
            }
        }
        assert!(changed > 0, "no word's reading changes in context");
        assert!(marked < 200, "{marked} words marked");
    }

    /// A brief said to be plain (TSV rows copy its surface without looking for tabs and line
    /// breaks) never holds one: words, and names joined by spaces, whatever whitespace,
    /// control bytes and terms stand around them.
    #[test]
    fn a_plain_brief_holds_no_tab_or_line_break() {
        let lexicon = Lexicon::new(Glossary::embedded().expect("the embedded glossary"));
        let text = "Mawaziri wa Mambo\nya Nje walikutana\tjana na Jens Stoltenberg\r\n\
                    mjini Nairobi.\u{1}Rais\u{b}Ruto na\u{c}mabalozi\t\twa Umoja wa\tMataifa \
                    walisema: \"Serikali\u{85}itaanza mpango huo.\"\n\nJuma Hamisi Juma alifika.";
        let mut annotation = Annotation::new(&lexicon, text);
        let (mut plain, mut spread) = (0, 0);
        while annotation.next_brief_with(|b: Brief<'_>| {
            let controls = b.surface().bytes().any(|c| c < b' ');
            if b.plain {
                plain += 1;
                assert!(!controls, "{:?}", b.surface());
            } else {
                spread += usize::from(controls);
            }
        }) {}
        assert!(plain > 10, "{plain} plain briefs");
        assert!(spread > 0, "a term across a line break is not plain");
    }
}
