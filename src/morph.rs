//! The Swahili morphological analyser: it proposes splits of a word into affixes and a stem and
//! keeps only those whose stem the lexicon knows with a compatible part of speech (and noun
//! class). It never invents a lemma.
//!
//! The grammar lives in the tables below (noun plural prefixes, concords, verb slots and
//! extensions); `analyse` walks them. Every analysis has a cost — fewer and likelier affixes
//! cost less — so callers can rank them.
//!
//! Gloss conventions (Leipzig style): person subject markers `1SG` … `3PL`; class subject markers
//! `SM9`; object markers `OM9`, `3SG.OBJ`; tense/aspect `PRS PST FUT PRF SIT NARR COND CF HAB
//! NOT.YET`; `NEG`, `REL`, `INF`, `REFL`; extensions `APPL CAUS STAT PASS RECP`; final vowels
//! `FV` (indicative *-a*), `SBJV` (*-e*), `NEG` (*-i*), `IMP.PL` (*-eni*). A noun's class prefix
//! is glossed with the class number (`6-ambassador`), the locative suffix `LOC`. The stem's gloss
//! is left to the caller (`None`), which takes it from the glossary entry.

use compact_str::CompactString;

use crate::glossary::NounClass;

/// What the analyser asks of the lexicon.
pub trait Stems {
    /// Is there a noun (or a multi-word noun term's head) with headword `key` whose class is one
    /// of `classes` (an entry without class accepts every class)?
    fn noun(&self, key: &str, classes: &[&str]) -> bool;
    /// Is there a verb stem `key`?
    fn verb(&self, key: &str) -> bool;
    /// May there be a verb stem `root` and a vowel (*-a*, or a loan's *-i*, *-e*, *-u*), or
    /// `root` itself ending in one of those? A quick test that may say yes wrongly, never no
    /// wrongly: the analyser asks it before it tries the stems a root may make.
    fn verb_root(&self, root: &str) -> bool {
        let _ = root;
        true
    }
    /// Is there an agreeing adjective or number stem `key`?
    fn adjective(&self, key: &str) -> bool;
    /// May there be a stem of `kind` written `a` then `b`? A quick test, as [`Stems::verb_root`]
    /// is, asked before the two are joined to ask the others.
    fn may_be(&self, kind: StemKind, a: &str, b: &str) -> bool {
        let _ = (kind, a, b);
        true
    }
}

/// The kind of stem an analysis found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StemKind {
    Noun,
    Verb,
    Adjective,
}

/// One morpheme: its form (lower case) and its gloss; `None` glosses the stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Morpheme {
    pub form: CompactString,
    pub gloss: Option<&'static str>,
}

/// One analysis of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parse {
    pub kind: StemKind,
    /// The lexicon key of the stem (a headword).
    pub stem: CompactString,
    /// Noun classes the stem's entry may have for this analysis (nouns only).
    pub classes: &'static [&'static str],
    pub morphemes: Vec<Morpheme>,
    pub cost: u32,
    /// The agreement class of the surface word, when the analysis shows it (nouns, adjectives).
    pub class: Option<u8>,
    pub negative: bool,
}

impl Parse {
    /// Whether the parse reads the word as a noun in a plural class (an even one): its stem is
    /// the singular (*mikoa* → *mkoa*).
    #[must_use]
    pub fn is_plural_noun(&self) -> bool {
        self.kind == StemKind::Noun && self.class.is_some_and(|c| c % 2 == 0)
    }

    /// `ma-balozi`
    #[must_use]
    pub fn segmentation(&self) -> String {
        let forms: Vec<&str> = self.morphemes.iter().map(|m| m.form.as_str()).collect();
        forms.join("-")
    }

    /// `6-ambassador`, with `stem_gloss` for the stem.
    #[must_use]
    pub fn gloss(&self, stem_gloss: &str) -> String {
        let parts: Vec<&str> = self
            .morphemes
            .iter()
            .map(|m| m.gloss.unwrap_or(stem_gloss))
            .collect();
        parts.join("-")
    }
}

// ---------------------------------------------------------------------------------------------
// Nouns

/// What the first letter of the rest of the word must be for a rule to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Vowel,
    Consonant,
    Any,
}

/// A plural prefix rule: a plural `plural + rest` has the singular `singular + rest`.
struct NounRule {
    plural: &'static str,
    /// How many bytes of `plural` are the prefix morpheme; the rest belongs to the stem
    /// (*m-bao*: `mb`, 1).
    cut: usize,
    singular: &'static str,
    before: Before,
    classes: &'static [&'static str],
    class: u8,
    cost: u32,
}

const fn rule(
    plural: &'static str,
    singular: &'static str,
    before: Before,
    classes: &'static [&'static str],
    class: u8,
    cost: u32,
) -> NounRule {
    NounRule {
        plural,
        cut: plural.len(),
        singular,
        before,
        classes,
        class,
        cost,
    }
}

const fn nasal(
    plural: &'static str,
    cut: usize,
    singular: &'static str,
    before: Before,
) -> NounRule {
    NounRule {
        plural,
        cut,
        singular,
        before,
        classes: C11_10,
        class: 10,
        cost: 3,
    }
}

const C1_2: &[&str] = &["1/2"];
const C3_4: &[&str] = &["3/4"];
const C5_6: &[&str] = &["5/6"];
const C6_U: &[&str] = &["11/6", "14/6"];
const C7_8: &[&str] = &["7/8"];
const C11_10: &[&str] = &["11/10"];
/// Like `C11_10`, but an entry without a class does not qualify.
pub const C11_10_DECLARED: &[&str] = &["11/10", "declared"];

/// Plural prefixes of the noun classes, with the singular each comes from.
/// Class 9/10 nouns do not change; their plural is the singular itself.
const NOUN_RULES: &[NounRule] = &[
    // 1/2: mshirika/washirika, mwandishi/waandishi, muumini/waumini
    rule("wa", "m", Before::Consonant, C1_2, 2, 2),
    rule("wa", "mw", Before::Vowel, C1_2, 2, 2),
    rule("wa", "mu", Before::Vowel, C1_2, 2, 3),
    // mwa- + a coalesces: mwanajeshi/wanajeshi
    rule("w", "mw", Before::Vowel, C1_2, 2, 2),
    // 3/4: mzozo/mizozo, mwezi/miezi, muundo/miundo
    rule("mi", "m", Before::Consonant, C3_4, 4, 2),
    rule("mi", "mw", Before::Vowel, C3_4, 4, 2),
    rule("mi", "mu", Before::Vowel, C3_4, 4, 3),
    // 5/6: balozi/mabalozi, jeshi/majeshi; jicho/macho, jino/meno, jambo/mambo
    rule("ma", "", Before::Any, C5_6, 6, 2),
    rule("ma", "ji", Before::Consonant, C5_6, 6, 4),
    rule("me", "ji", Before::Consonant, C5_6, 6, 3),
    NounRule {
        cut: 1,
        ..rule("ma", "ja", Before::Consonant, C5_6, 6, 3)
    },
    // 11/6, 14/6: ugonjwa/magonjwa, uamuzi/maamuzi
    rule("ma", "u", Before::Any, C6_U, 6, 2),
    // 7/8: kikosi/vikosi, chama/vyama
    rule("vi", "ki", Before::Any, C7_8, 8, 2),
    rule("vy", "ch", Before::Vowel, C7_8, 8, 2),
    // 11/10 with nasal changes: ubao/mbao, ulimi/ndimi, wimbo/nyimbo, upande/pande
    nasal("mb", 1, "ub", Before::Any),
    nasal("mv", 1, "uv", Before::Any),
    nasal("nd", 1, "ul", Before::Vowel),
    nasal("nd", 1, "ud", Before::Vowel),
    nasal("ng", 1, "ug", Before::Any),
    nasal("nj", 1, "uj", Before::Any),
    nasal("nz", 1, "uz", Before::Any),
    nasal("ny", 2, "w", Before::Vowel),
    nasal("ny", 2, "", Before::Vowel),
    // Ø plural of an u- singular (upande/pande): only for nouns that declare 11/10, since any
    // word would otherwise be the plural of the same word with u- in front
    rule("", "u", Before::Consonant, C11_10_DECLARED, 10, 4),
];

/// [`by_first`] of a table of affixes, the affix of an entry being its field `$field`.
macro_rules! by_first_of {
    ($table:expr, $field:tt) => {{
        let mut affixes = [""; $table.len()];
        let mut k = 0;
        while k < $table.len() {
            affixes[k] = $table[k].$field;
            k += 1;
        }
        by_first(&affixes)
    }};
}

/// [`NOUN_RULES`] by the first byte of a word ([`by_first`]).
const NOUN_RULES_BY_FIRST: [u64; 256] = by_first_of!(NOUN_RULES, plural);

/// By a first byte, which of `affixes` a word starting with it may start with: bit `k` for the
/// `k`th (an empty affix, for every byte). The rule tables are tried at every new word, and
/// most of their affixes differ from its first letter.
const fn by_first(affixes: &[&str]) -> [u64; 256] {
    assert!(affixes.len() <= 64);
    let mut masks = [0; 256];
    let mut k = 0;
    while k < affixes.len() {
        let affix = affixes[k].as_bytes();
        let mut b = 0;
        while b < 256 {
            if affix.is_empty() || affix[0] as usize == b {
                masks[b] |= 1 << k;
            }
            b += 1;
        }
        k += 1;
    }
    masks
}

/// The entries of `table` that may start `w`, by its first byte ([`by_first`] of the table is
/// `by_first`), in their order.
fn fitting<T>(
    w: &str,
    table: &'static [T],
    by_first: &[u64; 256],
) -> impl Iterator<Item = &'static T> {
    // an empty word takes the empty affixes alone, which are all that a NUL byte takes
    let b = w.as_bytes().first().copied().unwrap_or(0);
    marked(table, by_first[usize::from(b)])
}

/// The suffix of the locative (*mji → mjini*).
pub const LOCATIVE: &str = "ni";

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars().next().is_some_and(is_vowel)
}

fn fits(before: Before, rest: &str) -> bool {
    match before {
        Before::Any => !rest.is_empty(),
        Before::Vowel => starts_with_vowel(rest),
        Before::Consonant => rest.chars().next().is_some_and(|c| !is_vowel(c)),
    }
}

/// Whether `s` has `n` characters at least, counting no further.
#[inline]
fn has_chars(s: &str, n: usize) -> bool {
    s.len() >= n && (n == 0 || s.chars().nth(n - 1).is_some())
}

/// `w` after the affix `p` at its start, if it starts so. Affixes are a few letters, so the
/// bytes are compared in place, where `str::strip_prefix` calls `memcmp`.
#[inline]
fn after<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (bytes, affix) = (w.as_bytes(), p.as_bytes());
    let same = bytes.len() >= affix.len() && bytes.iter().zip(affix).all(|(a, b)| a == b);
    if same { w.get(affix.len()..) } else { None }
}

/// `w` before the affix `s` at its end, if it ends so: [`after`] at the other end.
#[inline]
fn before<'w>(w: &'w str, s: &str) -> Option<&'w str> {
    let (bytes, affix) = (w.as_bytes(), s.as_bytes());
    let same = bytes.len() >= affix.len()
        && bytes
            .iter()
            .rev()
            .zip(affix.iter().rev())
            .all(|(a, b)| a == b);
    if same {
        w.get(..bytes.len() - affix.len())
    } else {
        None
    }
}

/// Every class a noun entry may have.
const ANY_CLASS: &[&str] = &[];

/// Two pieces as one string: `format!` without the formatting machinery, for the analyser's
/// inner loops.
fn concat(a: &str, b: &str) -> CompactString {
    // short words stay inline: no allocation
    let mut s = CompactString::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

fn m(form: &str, gloss: &'static str) -> Morpheme {
    Morpheme {
        form: form.into(),
        gloss: Some(gloss),
    }
}

fn stem_morpheme(form: &str) -> Morpheme {
    Morpheme {
        form: form.into(),
        gloss: None,
    }
}

const CLASS_GLOSS: [&str; 19] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18",
];

fn noun_analyses(w: &str, stems: &impl Stems, locative_ok: bool, out: &mut Vec<Parse>) {
    plural_analyses(w, stems, &[], 0, out);
    if locative_ok
        && let Some(base) = before(w, LOCATIVE)
        && has_chars(base, 2)
        && base.ends_with(is_vowel)
    {
        let loc = [m(LOCATIVE, "LOC")];
        if stems.noun(base, ANY_CLASS) {
            out.push(Parse {
                kind: StemKind::Noun,
                stem: base.into(),
                classes: ANY_CLASS,
                morphemes: vec![stem_morpheme(base), loc[0].clone()],
                cost: 2,
                class: None,
                negative: false,
            });
        }
        plural_analyses(base, stems, &loc, 2, out);
    }
}

fn plural_analyses(
    w: &str,
    stems: &impl Stems,
    suffix: &[Morpheme],
    extra: u32,
    out: &mut Vec<Parse>,
) {
    for r in fitting(w, NOUN_RULES, &NOUN_RULES_BY_FIRST) {
        let Some(rest) = after(w, r.plural) else {
            continue;
        };
        if !fits(r.before, rest) || !has_chars(rest, 2) {
            continue;
        }
        if !stems.may_be(StemKind::Noun, r.singular, rest) {
            continue;
        }
        let singular = concat(r.singular, rest);
        if !has_chars(&singular, 3) || singular == w || !stems.noun(&singular, r.classes) {
            continue;
        }
        let mut morphemes = Vec::with_capacity(3);
        let (prefix, stem) = w.split_at(r.cut);
        if !prefix.is_empty() {
            morphemes.push(m(prefix, CLASS_GLOSS[usize::from(r.class)]));
        }
        morphemes.push(stem_morpheme(stem));
        morphemes.extend_from_slice(suffix);
        out.push(Parse {
            kind: StemKind::Noun,
            stem: singular,
            classes: r.classes,
            morphemes,
            cost: r.cost + extra,
            class: Some(r.class),
            negative: false,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Agreeing stems: adjectives and numbers

/// Concord prefixes of adjectives by class, with vowel-initial (coalesced) forms:
/// *mkuu wakuu makuu kikuu vikuu*, *mwingine wengine mengine jingine kingine vingine nyingine*,
/// *wote yote lote chote vyote zote kote pote mote*. Nasal class 9/10 forms are `n`, `m`, `ny`
/// and none (*ndogo*, *mpya*, *nyingine*, *kuu*).
const ADJ_PREFIXES: &[(&str, &str, Before, u8)] = &[
    // (prefix, what the stem starts with instead, before, class)
    ("m", "", Before::Consonant, 1),
    ("mw", "", Before::Vowel, 1),
    ("wa", "", Before::Consonant, 2),
    ("we", "i", Before::Any, 2),
    ("w", "", Before::Vowel, 2),
    ("mi", "", Before::Consonant, 4),
    ("mi", "i", Before::Any, 4),
    ("y", "", Before::Vowel, 4),
    ("ji", "", Before::Any, 5),
    ("j", "", Before::Vowel, 5),
    ("li", "", Before::Any, 5),
    ("l", "", Before::Vowel, 5),
    ("ma", "", Before::Consonant, 6),
    ("me", "i", Before::Any, 6),
    ("ki", "", Before::Any, 7),
    ("ch", "", Before::Vowel, 7),
    ("vi", "i", Before::Any, 8),
    ("vi", "", Before::Any, 8),
    ("vy", "", Before::Vowel, 8),
    ("n", "", Before::Consonant, 9),
    ("m", "", Before::Consonant, 9),
    ("ny", "", Before::Vowel, 9),
    ("nj", "", Before::Vowel, 9),
    ("mb", "w", Before::Vowel, 10),
    ("zi", "i", Before::Any, 10),
    ("nd", "r", Before::Vowel, 9),
    ("nd", "l", Before::Vowel, 9),
    ("z", "", Before::Vowel, 10),
    ("ku", "", Before::Consonant, 15),
    ("kw", "", Before::Vowel, 15),
    ("k", "", Before::Vowel, 15),
    ("pa", "", Before::Consonant, 16),
    ("p", "", Before::Vowel, 16),
    ("mu", "", Before::Consonant, 18),
    ("m", "", Before::Vowel, 18),
    ("s", "", Before::Vowel, 1),
];

/// [`ADJ_PREFIXES`] by the first byte of a word ([`by_first`]).
const ADJ_PREFIXES_BY_FIRST: [u64; 256] = by_first_of!(ADJ_PREFIXES, 0);

fn adjective_analyses(w: &str, stems: &impl Stems, out: &mut Vec<Parse>) {
    for &(prefix, restore, before, class) in fitting(w, ADJ_PREFIXES, &ADJ_PREFIXES_BY_FIRST) {
        let Some(rest) = after(w, prefix) else {
            continue;
        };
        if !fits(before, rest) {
            continue;
        }
        if !stems.may_be(StemKind::Adjective, restore, rest) {
            continue;
        }
        let stem = concat(restore, rest);
        if !has_chars(&stem, 2) || !stems.adjective(&stem) {
            continue;
        }
        out.push(Parse {
            kind: StemKind::Adjective,
            stem,
            classes: ANY_CLASS,
            morphemes: {
                // a nasal that changed the stem's first consonant belongs to the stem: m-bili, n-defu
                let cut = if !restore.is_empty() && !restore.starts_with(is_vowel) {
                    prefix.len() - 1
                } else {
                    prefix.len()
                };
                let (pre, st) = w.split_at(cut);
                vec![m(pre, CLASS_GLOSS[usize::from(class)]), stem_morpheme(st)]
            },
            cost: 2,
            class: Some(class),
            negative: false,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Verbs: [NEG] SM [si] [TAM] [REL] [OM] ROOT [EXT] FV [REL]

/// Subject markers: (form, gloss, class or 0 for persons).
pub const SUBJECT_MARKERS: &[(&str, &str)] = &[
    ("ni", "1SG"),
    ("u", "2SG/SM3"),
    ("a", "3SG"),
    ("yu", "3SG"),
    ("tu", "1PL"),
    ("m", "2PL"),
    ("mw", "2PL"),
    ("mu", "SM18"),
    ("wa", "3PL"),
    ("w", "SM3"),
    ("i", "SM9"),
    ("y", "SM9"),
    ("li", "SM5"),
    ("ya", "SM6"),
    ("ki", "SM7"),
    ("ch", "SM7"),
    ("vi", "SM8"),
    ("vy", "SM8"),
    ("zi", "SM10"),
    ("ku", "SM15"),
    ("kw", "SM15"),
    ("pa", "SM16"),
];

/// Negative subject prefixes: *ha-* before a subject marker (*ha-tu-*, *ha-i-*), and the fused
/// forms *ha-* (3SG), *si-* (1SG), *hu-* (2SG). (NEG form, subject marker, its gloss.)
pub const NEGATIVE_SUBJECTS: &[(&str, &str, &str)] = &[
    ("ha", "tu", "1PL"),
    ("ha", "wa", "3PL"),
    ("ha", "m", "2PL"),
    ("ha", "mu", "2PL"),
    ("ha", "i", "SM9"),
    ("ha", "li", "SM5"),
    ("ha", "ya", "SM6"),
    ("ha", "ki", "SM7"),
    ("ha", "vi", "SM8"),
    ("ha", "zi", "SM10"),
    ("ha", "u", "SM3"),
    ("ha", "ku", "SM15"),
    ("ha", "pa", "SM16"),
    ("ha", "", "NEG.3SG"),
    ("si", "", "NEG.1SG"),
    ("hu", "", "NEG.2SG"),
];

/// Subject markers fused with the general present *-a-*: *ni+a → na*, *tu+a → twa*, *ki+a → cha*.
pub const GENERAL_PRESENT: &[(&str, &str)] = &[
    ("na", "1SG.PRS"),
    ("twa", "1PL.PRS"),
    ("mwa", "2PL.PRS"),
    ("wa", "3PL.PRS"),
    ("ya", "SM6.PRS"),
    ("cha", "SM7.PRS"),
    ("vya", "SM8.PRS"),
    ("za", "SM10.PRS"),
    ("la", "SM5.PRS"),
    ("kwa", "SM15.PRS"),
];

/// Tense, aspect and mood markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tam {
    None,
    General,
    Present,
    Past,
    Future,
    FutureRel,
    Perfect,
    Situative,
    Narrative,
    Conditional,
    Counterfactual,
    NegPast,
    NotYet,
}

const TAMS: &[(&str, &str, Tam)] = &[
    ("na", "PRS", Tam::Present),
    ("li", "PST", Tam::Past),
    ("taka", "FUT", Tam::FutureRel),
    ("ta", "FUT", Tam::Future),
    ("me", "PRF", Tam::Perfect),
    ("ki", "SIT", Tam::Situative),
    ("ka", "NARR", Tam::Narrative),
    ("ngali", "CF", Tam::Counterfactual),
    ("ngeli", "CF", Tam::Counterfactual),
    ("nge", "COND", Tam::Conditional),
];

const NEGATIVE_TAMS: &[(&str, &str, Tam)] = &[
    ("ku", "PST", Tam::NegPast),
    ("ja", "NOT.YET", Tam::NotYet),
    ("ta", "FUT", Tam::Future),
    ("nge", "COND", Tam::Conditional),
    ("ngali", "CF", Tam::Counterfactual),
];

const NEGATIVE_SUBJECTS_BY_FIRST: [u64; 256] = by_first_of!(NEGATIVE_SUBJECTS, 0);
const GENERAL_PRESENT_BY_FIRST: [u64; 256] = by_first_of!(GENERAL_PRESENT, 0);
const TAMS_BY_FIRST: [u64; 256] = by_first_of!(TAMS, 0);
const NEGATIVE_TAMS_BY_FIRST: [u64; 256] = by_first_of!(NEGATIVE_TAMS, 0);

/// Relative markers, as infixes (*wanaotaka*) and suffixes (*asemaye*, *zijazo*).
pub const RELATIVES: &[&str] = &["ye", "o", "yo", "lo", "cho", "vyo", "zo", "po", "ko", "mo"];

const RELATIVES_BY_FIRST: [u64; 256] = by_first(RELATIVES);

/// Object markers (and the reflexive *ji*).
pub const OBJECT_MARKERS: &[(&str, &str)] = &[
    ("ni", "1SG.OBJ"),
    ("ku", "2SG.OBJ"),
    ("m", "3SG.OBJ"),
    ("mw", "3SG.OBJ"),
    ("mu", "3SG.OBJ"),
    ("tu", "1PL.OBJ"),
    ("wa", "3PL.OBJ"),
    ("u", "OM3"),
    ("i", "OM9"),
    ("li", "OM5"),
    ("ya", "OM6"),
    ("ki", "OM7"),
    ("vi", "OM8"),
    ("zi", "OM10"),
    ("pa", "OM16"),
    ("ji", "REFL"),
];

const SUBJECT_MARKERS_BY_FIRST: [u64; 256] = by_first_of!(SUBJECT_MARKERS, 0);
const OBJECT_MARKERS_BY_FIRST: [u64; 256] = by_first_of!(OBJECT_MARKERS, 0);

/// The entries of `table` whose bit is set in `mask` (bit `k` for the `k`th), in order.
fn marked<T>(table: &'static [T], mut mask: u64) -> impl Iterator<Item = &'static T> {
    std::iter::from_fn(move || {
        let k = mask.trailing_zeros() as usize;
        mask &= mask.wrapping_sub(1);
        table.get(k)
    })
}

/// Verb extensions, outermost last: (suffix before the final vowel, gloss, layer). Stripping
/// goes from the end of the word inwards, so layers never increase: PASS (3), RECP (2),
/// then APPL / CAUS / STAT (1).
pub const EXTENSIONS: &[(&str, &str, u8)] = &[
    ("w", "PASS", 3),
    ("iw", "PASS", 3),
    ("ew", "PASS", 3),
    ("liw", "PASS", 3),
    ("lew", "PASS", 3),
    ("an", "RECP", 2),
    ("ish", "CAUS", 1),
    ("esh", "CAUS", 1),
    ("z", "CAUS", 1),
    ("ik", "STAT", 1),
    ("ek", "STAT", 1),
    ("lik", "STAT", 1),
    ("lek", "STAT", 1),
    ("k", "STAT", 1),
    ("i", "APPL", 1),
    ("e", "APPL", 1),
    ("li", "APPL", 1),
    ("le", "APPL", 1),
];

/// A verb prefix chain, as far as it has been read.
#[derive(Debug, Clone)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is one slot of the verb template"
)]
struct Prefix {
    len: usize,
    /// (form, gloss) of each prefix, the first [`Prefix::count`]: all from the tables above,
    /// and held in place, so that trying a chain allocates nothing.
    morphemes: [(&'static str, &'static str); Prefix::MAX],
    count: u8,
    cost: u32,
    negative: bool,
    /// ha-/si-/hu- negative subject (needs the negative final -i in the present).
    neg_subject: bool,
    /// the subordinate negative -si-
    neg_si: bool,
    infinitive: bool,
    habitual: bool,
    tam: Tam,
    relative: bool,
    object: bool,
    ku_support: bool,
    kw: bool,
}

impl Prefix {
    /// The most prefixes a chain has: negative, subject, tense, relative and object
    /// (*ha-wa-ku-o-m-*) are five.
    const MAX: usize = 6;

    fn new() -> Prefix {
        Prefix {
            len: 0,
            morphemes: [("", ""); Prefix::MAX],
            count: 0,
            cost: 0,
            negative: false,
            neg_subject: false,
            neg_si: false,
            infinitive: false,
            habitual: false,
            tam: Tam::None,
            relative: false,
            object: false,
            ku_support: false,
            kw: false,
        }
    }

    fn push(&self, form: &'static str, gloss: &'static str) -> Prefix {
        let mut p = self.clone();
        p.len += form.len();
        p.morphemes[usize::from(p.count)] = (form, gloss);
        p.count += 1;
        p.cost += 1;
        p
    }

    /// The prefixes of the chain, (form, gloss) each.
    fn morphemes(&self) -> &[(&'static str, &'static str)] {
        &self.morphemes[..usize::from(self.count)]
    }
}

thread_local! {
    /// The prefix chains of the word being analysed ([`prefixes`]): kept between words, as a
    /// list of them would take an allocation of kilobytes a word.
    static CHAINS: std::cell::Cell<Vec<Prefix>> = const { std::cell::Cell::new(Vec::new()) };
}

/// All ways the start of `w` can be read as a verb prefix chain, into `out` (emptied first).
fn prefixes(w: &str, out: &mut Vec<Prefix>) {
    out.clear();
    out.push(Prefix::new());
    let start = Prefix::new();
    // infinitive: ku-, kuto-, kw- before a vowel
    if let Some(rest) = after(w, "ku") {
        let mut p = start.push("ku", "INF");
        p.infinitive = true;
        if after(rest, "to").is_some() {
            let mut n = p.push("to", "NEG");
            n.negative = true;
            objects(w, n, out);
        }
        objects(w, p, out);
    }
    if after(w, "kw").is_some() && w[2..].starts_with(is_vowel) {
        let mut p = start.push("kw", "INF");
        p.infinitive = true;
        p.cost += 1;
        objects(w, p, out);
    }
    // habitual hu-
    if after(w, "hu").is_some() {
        let mut p = start.push("hu", "HAB");
        p.habitual = true;
        objects(w, p, out);
    }
    // negative subjects
    for &(neg, sm, gloss) in fitting(w, NEGATIVE_SUBJECTS, &NEGATIVE_SUBJECTS_BY_FIRST) {
        if after(w, neg).is_some_and(|rest| after(rest, sm).is_some()) {
            let mut p = if sm.is_empty() {
                start.push(neg, gloss)
            } else {
                let mut p = start.push(neg, "NEG").push(sm, gloss);
                p.cost -= 1;
                p
            };
            p.negative = true;
            p.neg_subject = true;
            // present negative: no tense marker
            objects(w, p.clone(), out);
            for &(t, g, tam) in fitting(&w[p.len..], NEGATIVE_TAMS, &NEGATIVE_TAMS_BY_FIRST) {
                if after(&w[p.len..], t).is_some() {
                    let mut q = p.push(t, g);
                    q.tam = tam;
                    after_tense(w, q, out);
                }
            }
        }
    }
    // subject + general present -a- coalesced: twa-endelea, cha-endelea
    for &(form, gloss) in fitting(w, GENERAL_PRESENT, &GENERAL_PRESENT_BY_FIRST) {
        if after(w, form).is_some() {
            let mut p = start.push(form, gloss);
            p.cost += 1;
            p.tam = Tam::General;
            objects(w, p, out);
        }
    }
    // positive subjects
    for &(form, gloss) in fitting(w, SUBJECT_MARKERS, &SUBJECT_MARKERS_BY_FIRST) {
        if after(w, form).is_none() {
            continue;
        }
        // a glide form (mw, w, y, ch, vy, kw) only before a vowel
        let glide = !form.ends_with(is_vowel) && form != "m";
        if glide && !w[form.len()..].starts_with(is_vowel) {
            continue;
        }
        let p = start.push(form, gloss);
        // subjunctive / general present / relative-suffix forms: no tense marker
        objects(w, p.clone(), out);
        if after(&w[p.len..], "si").is_some() {
            let mut n = p.push("si", "NEG");
            n.negative = true;
            n.neg_si = true;
            objects(w, n.clone(), out);
            relative(w, &n, out);
        }
        for &(t, g, tam) in fitting(&w[p.len..], TAMS, &TAMS_BY_FIRST) {
            if after(&w[p.len..], t).is_some() {
                let mut q = p.push(t, g);
                q.tam = tam;
                after_tense(w, q, out);
            }
        }
    }
}

fn after_tense(w: &str, p: Prefix, out: &mut Vec<Prefix>) {
    if matches!(p.tam, Tam::Present | Tam::Past | Tam::FutureRel) {
        relative(w, &p, out);
    }
    if p.tam == Tam::FutureRel {
        // -taka- only stands with a relative
        return;
    }
    ku_support(w, &p, out);
    objects(w, p, out);
}

fn relative(w: &str, p: &Prefix, out: &mut Vec<Prefix>) {
    for &r in fitting(&w[p.len..], RELATIVES, &RELATIVES_BY_FIRST) {
        if after(&w[p.len..], r).is_some() {
            let mut q = p.push(r, "REL");
            q.relative = true;
            ku_support(w, &q, out);
            objects(w, q, out);
        }
    }
}

/// Monosyllabic roots keep *ku* after the main tenses: *a-li-ku-wa*.
fn ku_support(w: &str, p: &Prefix, out: &mut Vec<Prefix>) {
    let allowed = matches!(
        p.tam,
        Tam::Present
            | Tam::Past
            | Tam::Future
            | Tam::FutureRel
            | Tam::Perfect
            | Tam::Conditional
            | Tam::Counterfactual
            | Tam::NotYet
    );
    if allowed && after(&w[p.len..], "ku").is_some() {
        let mut q = p.push("ku", "INF");
        q.ku_support = true;
        out.push(q);
    }
    // kw- before the vowel-initial roots that keep it: wa-li-kw-end-a
    if allowed && after(&w[p.len..], "kw").is_some() && w[p.len + 2..].starts_with(is_vowel) {
        let mut q = p.push("kw", "INF");
        q.ku_support = true;
        q.kw = true;
        out.push(q);
    }
}

fn objects(w: &str, p: Prefix, out: &mut Vec<Prefix>) {
    for &(form, gloss) in fitting(&w[p.len..], OBJECT_MARKERS, &OBJECT_MARKERS_BY_FIRST) {
        if after(&w[p.len..], form).is_some() {
            let glide = form == "mw";
            if glide && !w[p.len + 2..].starts_with(is_vowel) {
                continue;
            }
            let mut q = p.push(form, gloss);
            // an object marker is a likelier misreading than a tense or subject marker
            q.cost += 1;
            q.object = true;
            out.push(q);
        }
    }
    out.push(p);
}

/// A verb stem is monosyllabic when it has one vowel: *ja, wa, la, pa, nywa, cha*.
#[must_use]
pub fn is_monosyllabic(stem: &str) -> bool {
    stem.chars().filter(|&c| is_vowel(c)).count() == 1
}

/// One reading of the verb body (root, extensions, final vowel).
struct Body {
    stem: CompactString,
    morphemes: Vec<Morpheme>,
    cost: u32,
    final_vowel: char,
}

/// Read `body` (what follows the prefixes) as stem + extensions + final vowel.
fn bodies(body: &str, stems: &impl Stems, scratch: &mut Scratch, out: &mut Vec<Body>) {
    // the stem as listed (longest listed stem: fanyika, shauriana)
    if has_chars(body, 2) && stems.verb(body) {
        out.push(listed_stem(body, 0));
    }
    let Some(last) = body.chars().last() else {
        return;
    };
    let inner = &body[..body.len() - last.len_utf8()];
    // the final vowel's gloss: the indicative -a, the negative present -i, the subjunctive -e
    let gloss = match last {
        'a' => "FV",
        'i' => "NEG",
        'e' => "SBJV",
        // no verb ends so, not even the plural imperative below (in -ni)
        _ => return,
    };
    if last != 'a' {
        // negative present -i, subjunctive -e, of a stem in -a
        if has_chars(inner, 1) && stems.may_be(StemKind::Verb, inner, "a") {
            let stem = concat(inner, "a");
            if stems.verb(&stem) {
                out.push(Body {
                    stem,
                    morphemes: vec![
                        stem_morpheme(inner),
                        m(last.encode_utf8(&mut [0; 4]), gloss),
                    ],
                    cost: 1,
                    final_vowel: last,
                });
            }
        }
        if let Some(root) = before(body, "eni")
            && !root.is_empty()
            && stems.may_be(StemKind::Verb, root, "a")
        {
            let stem = concat(root, "a");
            if stems.verb(&stem) {
                out.push(Body {
                    stem,
                    morphemes: vec![stem_morpheme(root), m("eni", "IMP.PL")],
                    cost: 2,
                    final_vowel: 'e',
                });
            }
        }
    }
    // most bodies strip to no root a verb stem may be made of: those are not searched
    if may_strip_to_verb(inner, stems, 1) {
        extensions(inner, stems, scratch, 4, (last, gloss), out);
    }
    // plural imperative of a loan verb: jadili-ni
    if let Some(stem) = before(body, "ni")
        && stem.ends_with(['i', 'e', 'u'])
        && has_chars(stem, 3)
        && stems.verb(stem)
    {
        out.push(Body {
            stem: stem.into(),
            morphemes: vec![stem_morpheme(stem), m("ni", "IMP.PL")],
            cost: 2,
            final_vowel: 'e',
        });
    }
}

fn listed_stem(stem: &str, cost: u32) -> Body {
    let morphemes = match stem.strip_suffix('a') {
        Some(root) if !root.is_empty() && !is_monosyllabic(stem) => {
            vec![stem_morpheme(root), m("a", "FV")]
        }
        _ => vec![stem_morpheme(stem)],
    };
    Body {
        stem: stem.into(),
        morphemes,
        cost,
        final_vowel: stem.chars().last().unwrap_or('a'),
    }
}

/// What the search for a verb's bodies reuses from one body to the next: the extensions
/// stripped so far, and a stem being tried.
#[derive(Default)]
struct Scratch {
    stripped: Vec<(&'static str, &'static str)>,
    stem: String,
}

/// By a word's last byte, which of [`EXTENSIONS`] end in it: bit `k` for the `k`th.
const EXTENSIONS_ENDING_IN: [u32; 256] = {
    assert!(EXTENSIONS.len() <= 32);
    let mut masks = [0; 256];
    let mut k = 0;
    while k < EXTENSIONS.len() {
        let suffix = EXTENSIONS[k].0.as_bytes();
        masks[suffix[suffix.len() - 1] as usize] |= 1 << k;
        k += 1;
    }
    masks
};

/// The extensions `rest` may end in: those of [`EXTENSIONS`] whose last byte is its last, in
/// their order.
fn extensions_ending(
    rest: &str,
) -> impl Iterator<Item = &'static (&'static str, &'static str, u8)> {
    let mask = rest
        .as_bytes()
        .last()
        .map_or(0, |&b| EXTENSIONS_ENDING_IN[usize::from(b)]);
    marked(EXTENSIONS, u64::from(mask))
}

/// Whether stripping one extension or more from the end of `rest`, as [`extensions`] does (up
/// to three, here in any order of layers), leaves a root that [`Stems::verb_root`] may hold:
/// when none does, [`extensions`] would find nothing. `stripped` is how many a root it is
/// asked of has taken off.
fn may_strip_to_verb(rest: &str, stems: &impl Stems, stripped: usize) -> bool {
    extensions_ending(rest).any(|&(suffix, _, _)| {
        before(rest, suffix).is_some_and(|root| {
            !root.is_empty()
                && (stems.verb_root(root)
                    || (stripped < 3 && may_strip_to_verb(root, stems, stripped + 1)))
        })
    })
}

/// Strip extensions from the end of `rest` (the body without its final -a), inner layers last.
fn extensions(
    rest: &str,
    stems: &impl Stems,
    scratch: &mut Scratch,
    layer: u8,
    fv: (char, &'static str),
    out: &mut Vec<Body>,
) {
    if scratch.stripped.len() >= 3 {
        return;
    }
    for &(suffix, gloss, l) in extensions_ending(rest) {
        if l > layer {
            continue;
        }
        let Some(root) = before(rest, suffix) else {
            continue;
        };
        if root.is_empty() {
            continue;
        }
        scratch.stripped.push((suffix, gloss));
        let ext_cost = u32::try_from(scratch.stripped.len()).unwrap_or(3);
        let morphemes = |stripped: &[(&'static str, &'static str)]| {
            let mut morphemes = Vec::with_capacity(stripped.len() + 2);
            morphemes.push(stem_morpheme(root));
            for &(s, g) in stripped.iter().rev() {
                morphemes.push(m(s, g));
            }
            morphemes.push(m(fv.0.encode_utf8(&mut [0; 4]), fv.1));
            morphemes
        };
        // the root with its own final vowel: -a (regular), or a loan's -i/-e/-u; most roots
        // make no stem, which one test tells
        if stems.verb_root(root) {
            let mut found = false;
            scratch.stem.clear();
            scratch.stem.push_str(root);
            for own in ['a', 'i', 'e', 'u'] {
                scratch.stem.truncate(root.len());
                scratch.stem.push(own);
                let stem = scratch.stem.as_str();
                if (has_chars(stem, 3) || is_monosyllabic(stem)) && stems.verb(stem) {
                    found = true;
                    out.push(Body {
                        stem: stem.into(),
                        morphemes: morphemes(&scratch.stripped),
                        cost: ext_cost + u32::from(own != 'a'),
                        final_vowel: fv.0,
                    });
                }
            }
            // a loan verb ending in -i/-e/-u keeps it before the extension: jadili-w-a
            if !found && root.ends_with(['i', 'e', 'u']) && has_chars(root, 3) && stems.verb(root) {
                out.push(Body {
                    stem: root.into(),
                    morphemes: morphemes(&scratch.stripped),
                    cost: ext_cost,
                    final_vowel: fv.0,
                });
            }
        }
        extensions(root, stems, scratch, l, fv, out);
        scratch.stripped.pop();
    }
}

fn verb_analyses(w: &str, stems: &impl Stems, out: &mut Vec<Parse>) {
    // many prefix chains leave the same body: read each body once
    // a word has a few prefix chains: a short list, searched in turn, costs less than a map
    let mut cache: Vec<((usize, usize), Vec<Body>)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut chains = CHAINS.take();
    prefixes(w, &mut chains);
    for p in &chains {
        let rest = &w[p.len..];
        // a relative suffix after the stem: a-sema-ye, zi-ja-zo
        let suffixed =
            p.tam == Tam::None && !p.negative && !p.infinitive && !p.habitual && !p.relative;
        let relatives = RELATIVES.iter().filter(|_| suffixed).filter_map(|&r| {
            before(rest, r)
                .filter(|b| b.ends_with('a'))
                .map(|b| (b, Some(r)))
        });
        for (body, rel) in std::iter::once((rest, None)).chain(relatives) {
            let at = (p.len, body.len());
            let k = if let Some(k) = cache.iter().position(|(seen, _)| *seen == at) {
                k
            } else {
                let mut v = Vec::new();
                bodies(body, stems, &mut scratch, &mut v);
                cache.push((at, v));
                cache.len() - 1
            };
            let found = &cache[k].1;
            for b in found {
                if let Some(cost) = fits_prefix(p, b, rel.is_some()) {
                    let mut morphemes: Vec<Morpheme> =
                        Vec::with_capacity(p.morphemes().len() + b.morphemes.len() + 1);
                    morphemes.extend(p.morphemes().iter().map(|&(f, g)| m(f, g)));
                    morphemes.extend(b.morphemes.iter().cloned());
                    if let Some(r) = rel {
                        morphemes.push(m(r, "REL"));
                    }
                    out.push(Parse {
                        kind: StemKind::Verb,
                        stem: b.stem.as_str().into(),
                        classes: ANY_CLASS,
                        morphemes,
                        cost: p.cost + b.cost + cost,
                        class: None,
                        negative: p.negative,
                    });
                }
            }
        }
    }
    CHAINS.set(chains);
}

/// Whether a body reading fits the prefix chain; the extra cost if it does.
fn fits_prefix(p: &Prefix, b: &Body, rel_suffix: bool) -> Option<u32> {
    // a monosyllabic root needs support only on its own, not with an extension (a-li-p-ew-a)
    let mono = is_monosyllabic(&b.stem) && b.morphemes.len() == 1;
    let listed_fv = b.stem.ends_with('a');
    let bare = p.count == 0;
    if bare {
        // a bare stem is the glossary form itself; only the plural imperative adds to it
        return (b.final_vowel == 'e' && b.morphemes.last()?.gloss == Some("IMP.PL")).then_some(0);
    }
    if b.morphemes.last()?.gloss == Some("IMP.PL") {
        return None;
    }
    // monosyllabic roots need support: ku-, an object marker, -ki-/-ka-, a relative suffix or -e
    if mono {
        let supported = p.ku_support
            || p.infinitive
            || p.object
            || matches!(p.tam, Tam::Situative | Tam::Narrative | Tam::NegPast)
            || rel_suffix
            || b.final_vowel == 'e'
            || p.habitual;
        if !supported {
            return None;
        }
    } else if p.ku_support && !(p.kw && b.stem.starts_with(is_vowel)) {
        return None;
    }
    let mut extra = 0;
    match b.final_vowel {
        'i' if listed_fv => {
            // negative present: ha-wa-sem-i
            if !(p.neg_subject && p.tam == Tam::None) {
                return None;
            }
        }
        'e' if listed_fv => {
            // subjunctive: a-sem-e, tu-si-end-e
            if p.neg_subject || p.infinitive || p.habitual || !matches!(p.tam, Tam::None) {
                return None;
            }
            extra += 1;
        }
        _ => {
            if p.neg_subject && p.tam == Tam::None && listed_fv {
                return None;
            }
            if p.tam == Tam::None && !p.infinitive && !p.habitual && !p.neg_subject {
                if rel_suffix || p.relative {
                    extra += 1;
                } else {
                    // general present, coalesced (a-panga) or subjunctive of a loan verb
                    extra += 2;
                }
            }
        }
    }
    if p.relative && p.tam == Tam::None && !p.neg_si {
        return None;
    }
    Some(extra)
}

// ---------------------------------------------------------------------------------------------

/// Every analysis of the lower-case word `w`, cheapest first. `proper` is set for a capitalised
/// word inside a sentence: a name takes no verb morphology and no locative (*Pangani* is a place,
/// not *panga* + *-ni*).
#[must_use]
pub fn analyse(w: &str, stems: &impl Stems, proper: bool) -> Vec<Parse> {
    let mut out = Vec::new();
    if !has_chars(w, 3) || !w.chars().all(|c| c.is_alphabetic() || c == '\'') {
        return out;
    }
    noun_analyses(w, stems, !proper, &mut out);
    adjective_analyses(w, stems, &mut out);
    if !proper {
        verb_analyses(w, stems, &mut out);
    }
    out.sort_by_key(|p| p.cost);
    // the same segmentation: the forms hold no hyphen, so the same forms in the same order
    out.dedup_by(|a, b| {
        a.stem == b.stem
            && a.kind == b.kind
            && a.morphemes.len() == b.morphemes.len()
            && a.morphemes
                .iter()
                .zip(&b.morphemes)
                .all(|(x, y)| x.form == y.form)
    });
    out
}

/// The class a noun's singular takes, guessed from its shape (used for nouns without `class`).
#[must_use]
pub fn guess_class(noun: &str) -> Option<NounClass> {
    let pair = if noun.starts_with("ki") || noun.starts_with("ch") {
        "7/8"
    } else if noun.starts_with("mw") || noun.starts_with('m') {
        // m- nouns are 1/2 or 3/4; 1/2 is the likelier in news (people)
        "1/2"
    } else if noun.starts_with('u') {
        "11/10"
    } else {
        "9/10"
    };
    NounClass::parse(pair)
}

/// The plural the class rule gives a singular noun (*mshirika* 1/2 → *washirika*, *ubao* 11/10 →
/// *mbao*), or `None` for a class without a plural or a singular the rule does not fit.
#[must_use]
pub fn plural_of(singular: &str, class: NounClass) -> Option<String> {
    let s = singular;
    let vowel_after = |n: usize| s[n..].starts_with(is_vowel);
    let out = match (class.singular, class.plural?) {
        (1, 2) | (3, 4) => {
            let pl = if class.singular == 1 { "wa" } else { "mi" };
            if let Some(rest) = s.strip_prefix("mw").filter(|_| vowel_after(2)) {
                format!("{pl}{rest}")
            } else if let Some(rest) = s.strip_prefix("mu").filter(|_| vowel_after(2)) {
                format!("{pl}{rest}")
            } else {
                format!("{pl}{}", s.strip_prefix('m')?)
            }
        }
        (5, 6) => format!("ma{s}"),
        (7, 8) => match s.strip_prefix("ki") {
            Some(rest) => format!("vi{rest}"),
            None => format!("vy{}", s.strip_prefix("ch").filter(|_| vowel_after(2))?),
        },
        (9, 10) => s.to_owned(),
        (11 | 14, 6) => format!("ma{}", s.strip_prefix('u')?),
        (11, 10) => {
            if let Some(rest) = s.strip_prefix('w').filter(|_| vowel_after(1)) {
                format!("ny{rest}")
            } else {
                let rest = s.strip_prefix('u')?;
                match rest.chars().next()? {
                    'b' | 'v' => format!("m{rest}"),
                    'd' | 'g' | 'j' | 'z' => format!("n{rest}"),
                    'l' | 'r' => format!("nd{}", &rest[1..]),
                    c if is_vowel(c) => format!("ny{rest}"),
                    _ => rest.to_owned(),
                }
            }
        }
        _ => return None,
    };
    Some(out)
}

/// What the rules propose for a new headword: a part of speech and, for nouns, a class.
#[must_use]
pub fn propose(headword: &str) -> (&'static str, Option<NounClass>) {
    let w = headword.to_lowercase();
    let noun_like = ["m", "ki", "ch", "ji", "u", "w"]
        .iter()
        .any(|p| w.starts_with(p));
    if w.contains(' ') || noun_like || !w.ends_with('a') {
        ("noun", guess_class(&w))
    } else {
        ("verb", None)
    }
}

/// The connective (*-a* of association) of each class: *wa, ya, la, cha, vya, za, kwa, pa, mwa*.
#[must_use]
pub fn connective(class: u8) -> Option<&'static str> {
    Some(match class {
        1..=3 | 11 | 14 => "wa",
        4 | 6 | 9 => "ya",
        5 => "la",
        7 => "cha",
        8 => "vya",
        10 => "za",
        15 | 17 => "kwa",
        16 => "pa",
        18 => "mwa",
        _ => return None,
    })
}

/// Every connective form.
pub const CONNECTIVES: &[&str] = &["wa", "ya", "la", "cha", "vya", "za", "kwa", "pa", "mwa"];

/// Possessive stems (*-angu, -ako, -ake, -etu, -enu, -ao*) and their class prefixes.
const POSSESSIVE_STEMS: &[&str] = &["angu", "ako", "ake", "etu", "enu", "ao"];
const POSSESSIVE_PREFIXES: &[&str] = &["w", "y", "l", "ch", "vy", "z", "k", "p", "mw"];

/// Whether `w` is a possessive (*yake, wake, zao, vyake, lake, chetu* …).
#[must_use]
pub fn is_possessive(w: &str) -> bool {
    POSSESSIVE_PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| POSSESSIVE_STEMS.contains(&rest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A tiny lexicon: headword → (kind, class).
    struct Toy(HashMap<&'static str, (StemKind, Option<&'static str>)>);

    impl Stems for Toy {
        fn noun(&self, key: &str, classes: &[&str]) -> bool {
            matches!(self.0.get(key), Some((StemKind::Noun, c))
                if classes.is_empty() || c.is_none_or(|c| classes.contains(&c)))
        }
        fn verb(&self, key: &str) -> bool {
            matches!(self.0.get(key), Some((StemKind::Verb, _)))
        }
        fn adjective(&self, key: &str) -> bool {
            matches!(self.0.get(key), Some((StemKind::Adjective, _)))
        }
    }

    fn toy() -> Toy {
        use StemKind::{Adjective, Noun, Verb};
        Toy(HashMap::from([
            ("balozi", (Noun, Some("5/6"))),
            ("mji", (Noun, Some("3/4"))),
            ("panga", (Verb, None)),
            ("tarajia", (Verb, None)),
            ("kuu", (Adjective, None)),
            ("ja", (Verb, None)),
            ("jadili", (Verb, None)),
        ]))
    }

    fn best(w: &str) -> Option<(String, String)> {
        analyse(w, &toy(), false)
            .first()
            .map(|p| (p.stem.to_string(), p.segmentation()))
    }

    /// Every entry of `table` whose affix starts `w`, found by trying each in turn and as
    /// [`fitting`] finds them by the first byte: the same, in the same order.
    fn fits_by_first<T>(w: &str, table: &'static [T], masks: &[u64; 256], affix: fn(&T) -> &str) {
        let tried: Vec<&str> = table
            .iter()
            .map(affix)
            .filter(|a| after(w, a).is_some())
            .collect();
        let fitted: Vec<&str> = fitting(w, table, masks)
            .map(affix)
            .filter(|a| after(w, a).is_some())
            .collect();
        assert_eq!(fitted, tried, "{w:?}");
    }

    #[test]
    fn affix_tables_searched_by_first_byte_give_what_trying_each_gives() {
        let words = [
            "",
            "a",
            "wanafunzi",
            "mabalozi",
            "vyama",
            "ndimi",
            "nyimbo",
            "upande",
            "mbao",
            "hawatakuja",
            "hatujafika",
            "sikuona",
            "twaenda",
            "chaendelea",
            "walioandikishwa",
            "aliyesema",
            "tutawaona",
            "kikubwa",
            "wazuri",
            "ngalikuja",
            "é",
        ];
        for w in words {
            fits_by_first(w, NOUN_RULES, &NOUN_RULES_BY_FIRST, |r| r.plural);
            fits_by_first(w, ADJ_PREFIXES, &ADJ_PREFIXES_BY_FIRST, |e| e.0);
            fits_by_first(w, NEGATIVE_SUBJECTS, &NEGATIVE_SUBJECTS_BY_FIRST, |e| e.0);
            fits_by_first(w, GENERAL_PRESENT, &GENERAL_PRESENT_BY_FIRST, |e| e.0);
            fits_by_first(w, TAMS, &TAMS_BY_FIRST, |e| e.0);
            fits_by_first(w, NEGATIVE_TAMS, &NEGATIVE_TAMS_BY_FIRST, |e| e.0);
            fits_by_first(w, RELATIVES, &RELATIVES_BY_FIRST, |e| e);
            fits_by_first(w, SUBJECT_MARKERS, &SUBJECT_MARKERS_BY_FIRST, |e| e.0);
            fits_by_first(w, OBJECT_MARKERS, &OBJECT_MARKERS_BY_FIRST, |e| e.0);
            // each word without its first letter too, as the tables are asked after a prefix
            if let Some(c) = w.chars().next() {
                let rest = &w[c.len_utf8()..];
                fits_by_first(rest, TAMS, &TAMS_BY_FIRST, |e| e.0);
                fits_by_first(rest, RELATIVES, &RELATIVES_BY_FIRST, |e| e);
                fits_by_first(rest, OBJECT_MARKERS, &OBJECT_MARKERS_BY_FIRST, |e| e.0);
            }
        }
    }

    #[test]
    fn finds_the_stem_behind_prefixes() {
        assert_eq!(
            best("mabalozi"),
            Some(("balozi".into(), "ma-balozi".into()))
        );
        assert_eq!(best("mijini"), Some(("mji".into(), "mi-ji-ni".into())));
        assert_eq!(
            best("wanatarajiwa"),
            Some(("tarajia".into(), "wa-na-taraji-w-a".into()))
        );
        assert_eq!(
            best("amepanga"),
            Some(("panga".into(), "a-me-pang-a".into()))
        );
        assert_eq!(best("zijazo"), Some(("ja".into(), "zi-ja-zo".into())));
        assert_eq!(best("wakuu"), Some(("kuu".into(), "wa-kuu".into())));
        assert_eq!(
            best("kujadiliwa"),
            Some(("jadili".into(), "ku-jadili-w-a".into()))
        );
    }

    #[test]
    fn glosses_follow_the_convention() {
        let p = &analyse("amepanga", &toy(), false)[0];
        assert_eq!(p.gloss("plan"), "3SG-PRF-plan-FV");
    }

    #[test]
    fn guards_hold() {
        // a noun prefix is not a verb prefix
        assert!(
            analyse("mapanga", &toy(), false)
                .iter()
                .all(|p| p.kind != StemKind::Verb)
        );
        // a monosyllabic root does not stand after a bare tense marker
        assert_eq!(best("anaja"), None);
        // a name takes no locative
        assert!(analyse("mjini", &toy(), true).is_empty());
        assert_eq!(best("pangani"), None);
    }

    #[test]
    fn plurals_follow_the_class_rules() {
        let cases = [
            ("mshirika", "1/2", Some("washirika")),
            ("mwandishi", "1/2", Some("waandishi")),
            ("mwezi", "3/4", Some("miezi")),
            ("balozi", "5/6", Some("mabalozi")),
            ("kikosi", "7/8", Some("vikosi")),
            ("chama", "7/8", Some("vyama")),
            ("ziara", "9/10", Some("ziara")),
            ("ubao", "11/10", Some("mbao")),
            ("ulimi", "11/10", Some("ndimi")),
            ("wimbo", "11/10", Some("nyimbo")),
            ("upande", "11/10", Some("pande")),
            ("ugonjwa", "14/6", Some("magonjwa")),
            ("usalama", "14", None),
        ];
        for (sg, class, want) in cases {
            let class = NounClass::parse(class).unwrap();
            assert_eq!(plural_of(sg, class).as_deref(), want, "{sg}");
        }
        assert_eq!(propose("mkataba").0, "noun");
        assert_eq!(propose("tangaza"), ("verb", None));
    }

    #[test]
    fn possessives_and_connectives() {
        assert!(is_possessive("yake"));
        assert!(is_possessive("vyao"));
        assert!(!is_possessive("yale"));
        assert_eq!(connective(4), Some("ya"));
    }
}
