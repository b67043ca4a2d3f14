//! The `istilahi` binary: parse the command line, run, map the outcome to an exit code
//! (0 ok, 1 nothing found or problems found, 2 error; a closed output pipe is success).

mod cli;
mod progress;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let outcome = cli::run(&args);
    // the process is about to exit, which frees everything at once
    istilahi::memo::leave_to_exit();
    match outcome {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("istilahi: {e}");
            ExitCode::from(2)
        }
    }
}
