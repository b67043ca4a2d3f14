//! Renderers: each writes data it is given to an `io::Write`, and decides nothing else.
//! The terminal view writes styling as ANSI sequences, which the caller's stream strips where
//! colour is off; the HTML view styles with its own inline CSS.

pub mod flextext;
pub mod html;
pub mod interlinear;
pub mod json;
pub mod lookup;
pub mod markdown;
pub mod morphemes;
pub mod qa;
pub mod sfm;
pub mod stats;
pub mod text;
pub mod tsv;
pub mod unknown;
