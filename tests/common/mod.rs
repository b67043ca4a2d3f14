//! Helpers shared by the integration tests (and, by path, the fuzz targets).

pub mod contract;
pub mod formats;
pub mod small_glossary;
