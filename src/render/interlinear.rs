//! The columns of an interlinear view, shared by the HTML and Markdown views: a sentence cut
//! into the stretches of text between spaces, each made of pieces — a match (one piece however
//! many words it spans) or a token no match covers. A word and the brackets or punctuation
//! written against it share a column.

use crate::document::{Match, Sentence};
use crate::lexicon::How;
use crate::tokenize::{Kind, one_line};

/// One piece of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The match with this index in the sentence's `matches`.
    Match(usize),
    /// The token with this index in the sentence's `tokens`, which no match covers.
    Token(usize),
}

/// The columns of a sentence, in order: runs of pieces with no space between them.
#[must_use]
pub fn columns(s: &Sentence) -> Vec<Vec<Piece>> {
    let mut cols: Vec<Vec<Piece>> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut i = 0;
    while i < s.tokens.len() {
        let tok = &s.tokens[i];
        let piece = match tok.match_index {
            Some(m) => {
                while i + 1 < s.tokens.len() && s.tokens[i + 1].match_index == Some(m) {
                    i += 1;
                }
                Piece::Match(m)
            }
            None => Piece::Token(i),
        };
        i += 1;
        let (start, end) = span(s, piece);
        match cols.last_mut() {
            Some(col) if last_end == Some(start) => col.push(piece),
            _ => cols.push(vec![piece]),
        }
        last_end = Some(end);
    }
    cols
}

/// A word or term with the punctuation written against it (`(`, `),`), which a view shows in
/// the word's source tier so that the tiers beneath stay under the word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub piece: Piece,
    pub before: Vec<Piece>,
    pub after: Vec<Piece>,
}

/// The units of a column: punctuation and symbols join the word before them in the column,
/// or else the word after; a column of punctuation alone is one unit per token.
#[must_use]
pub fn units(s: &Sentence, column: &[Piece]) -> Vec<Unit> {
    let is_punct = |p: &Piece| matches!(p, Piece::Token(t) if matches!(s.tokens[*t].kind, Kind::Punct | Kind::Symbol));
    let mut units: Vec<Unit> = Vec::new();
    let mut pending: Vec<Piece> = Vec::new();
    for &piece in column {
        if is_punct(&piece) {
            match units.last_mut() {
                Some(u) => u.after.push(piece),
                None => pending.push(piece),
            }
        } else {
            units.push(Unit {
                piece,
                before: std::mem::take(&mut pending),
                after: Vec::new(),
            });
        }
    }
    units.extend(pending.into_iter().map(|piece| Unit {
        piece,
        before: Vec::new(),
        after: Vec::new(),
    }));
    units
}

/// The byte span of a piece in the document.
#[must_use]
pub fn span(s: &Sentence, piece: Piece) -> (usize, usize) {
    match piece {
        Piece::Match(m) => (s.matches[m].start, s.matches[m].end),
        Piece::Token(t) => (s.tokens[t].start, s.tokens[t].end),
    }
}

/// The text of a piece, with every run of whitespace (a line break inside a term) one space.
#[must_use]
pub fn surface(s: &Sentence, piece: Piece) -> String {
    let (start, end) = span(s, piece);
    s.text
        .get(start - s.start..end - s.start)
        .map(one_line)
        .unwrap_or_default()
}

/// What the gloss tier shows for a match: its gloss, or nothing for a name (the views mark
/// names by style).
#[must_use]
pub fn gloss(m: &Match) -> &str {
    if m.how == How::Name { "" } else { &m.gloss }
}

/// Whether a match is a term of several words (a name of several words is not a term).
#[must_use]
pub fn is_multiword(s: &Sentence, m: usize) -> bool {
    s.matches[m].how != How::Name
        && s.tokens
            .iter()
            .filter(|t| t.match_index == Some(m) && t.kind == Kind::Word)
            .count()
            > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::glossary::{Glossary, parse_file};
    use crate::lexicon::Lexicon;

    fn sentence(text: &str) -> Sentence {
        let toml = "[[entry]]\nsw = \"picha\"\nen = [\"picture\"]\npos = \"noun\"\nclass = \"9/10\"\n\n\
                    [[entry]]\nsw = \"Katibu Mkuu\"\nen = [\"Secretary-General\"]\npos = \"noun\"\nclass = \"1/2\"\n";
        let mut g = Glossary::default();
        g.add_layer(parse_file(std::path::Path::new("t.toml"), toml).unwrap());
        let lx = Lexicon::new(g);
        annotate(&lx, "t", text).sentences.remove(0)
    }

    #[test]
    fn brackets_share_the_column_of_their_word_and_terms_are_one_piece() {
        let s = sentence("Katibu  Mkuu (picha), sasa.");
        let cols = columns(&s);
        let shown: Vec<Vec<String>> = cols
            .iter()
            .map(|c| c.iter().map(|&p| surface(&s, p)).collect())
            .collect();
        assert_eq!(
            shown,
            vec![
                vec!["Katibu Mkuu".to_owned()],
                vec!["(".into(), "picha".into(), ")".into(), ",".into()],
                vec!["sasa".into(), ".".into()],
            ]
        );
        assert!(matches!(cols[0][0], Piece::Match(0)));
        assert!(is_multiword(&s, 0));
        assert!(!is_multiword(&s, 1));
    }

    #[test]
    fn punctuation_joins_the_word_it_is_written_against() {
        let s = sentence("Katibu Mkuu (picha), sasa/picha - sasa.");
        let cols = columns(&s);
        let show = |col: &[Piece]| -> Vec<(String, String, String)> {
            units(&s, col)
                .iter()
                .map(|u| {
                    let text =
                        |ps: &[Piece]| ps.iter().map(|&p| surface(&s, p)).collect::<String>();
                    (text(&u.before), surface(&s, u.piece), text(&u.after))
                })
                .collect()
        };
        let t = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        assert_eq!(show(&cols[1]), vec![t("(", "picha", "),")]);
        assert_eq!(show(&cols[2]), vec![t("", "sasa", "/"), t("", "picha", "")]);
        assert_eq!(show(&cols[3]), vec![t("", "-", "")]);
        assert_eq!(show(&cols[4]), vec![t("", "sasa", ".")]);
    }
}
