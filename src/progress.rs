//! A progress bar on standard error for long runs (large or many inputs): shown only when
//! standard error is a terminal, never mixed into standard output, cleared when done.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Inputs at least this large in all are a long run.
const LONG_BYTES: u64 = 8 << 20;
/// So are this many files.
const MANY_FILES: usize = 16;

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over the total size of `files`, if the run is long and standard error a terminal.
    /// Standard input has no known size and shows no bar.
    pub fn new(files: &[impl AsRef<Path>]) -> Progress {
        let sizes: Option<Vec<u64>> = files
            .iter()
            .map(|f| {
                let f = f.as_ref();
                (f.as_os_str() != "-")
                    .then(|| std::fs::metadata(f).ok().map(|m| m.len()))
                    .flatten()
            })
            .collect();
        let total: Option<u64> = sizes.map(|s| s.iter().sum());
        let long = total.is_some_and(|t| t >= LONG_BYTES || files.len() >= MANY_FILES);
        let bar = (long && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .expect("a valid progress template"),
            );
            bar
        });
        Progress { bar }
    }

    /// `bytes` more of the input are done.
    pub fn advance(&self, bytes: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
