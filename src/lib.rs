//! istilahi — a Swahili→English glossary and translation aid.
//!
//! Data flows one way: text → [`tokenize`] → [`lexicon`] readings (with [`morph`] analyses, kept
//! per word type in the [`memo`]) → [`annotate`] matches → [`document::Document`] → [`render`].
//! The [`glossary`] is read and validated from TOML; [`lookup`] answers one-word questions; [`qa`]
//! checks the glossary terms of a translation ([`bitext`] segments, [`english`] keys). Only the
//! binary chooses files, formats and exit codes.

pub mod annotate;
pub mod bitext;
pub mod bloom;
pub mod coverage;
pub mod distinct;
pub mod document;
pub mod domain;
pub mod edit;
pub mod english;
pub mod error;
pub mod exchange;
pub mod glossary;
pub mod input;
pub mod lexicon;
pub mod lookup;
pub mod memo;
pub mod morph;
pub mod parallel;
pub mod qa;
pub mod render;
pub mod shared_memo;
pub mod stats;
pub mod tokenize;
pub mod unknown;

pub use error::{Error, Result};
