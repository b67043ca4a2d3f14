//! Renderers: each writes data it is given to an `io::Write`, and decides nothing else.
//! Styling is written as ANSI sequences; the caller's stream strips them where colour is off.

pub mod json;
pub mod lookup;
pub mod qa;
pub mod text;
pub mod tsv;
pub mod unknown;
