//! The command line: subcommands and flags, which glossary layers to load, which renderer and
//! output to use, and the exit code. Nothing here analyses text.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use istilahi::annotate::{self, Annotation, Brief};
use istilahi::edit::{self, Added, Draft, OnDuplicate, split_list};
use istilahi::error::{Error, Result};
use istilahi::exchange;
use istilahi::glossary::{Example, Glossary, Pos};
use istilahi::input::{CHUNK_SIZE, Chunk, Chunks, read_all, read_text};
use istilahi::parallel;
use istilahi::unknown::UnknownWords;

use crate::progress::Progress;
use istilahi::lexicon::Lexicon;
use istilahi::render::{self, text::Options, text::Tier};
use istilahi::stats::Stats;
use istilahi::{document::Document, lookup};

/// Swahili→English glossary and translation aid: recognises glossary terms in Swahili text,
/// also inflected and across several words.
#[derive(Debug, Parser)]
#[command(name = "istilahi", version, about, max_term_width = 100)]
pub struct Args {
    /// A glossary file to lay over the default glossary (repeatable; later files win).
    #[arg(long, global = true, value_name = "PATH")]
    glossary: Vec<PathBuf>,

    /// Do not load the glossary built into the binary.
    #[arg(long, global = true)]
    no_default_glossary: bool,

    /// Read invalid UTF-8 in input texts as U+FFFD instead of stopping (offsets then count
    /// the repaired text).
    #[arg(long, global = true)]
    lossy: bool,

    /// Worker threads (default: one per core for several inputs, one for a single input,
    /// which keeps memory low; more threads split a large input into chunks).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate Swahili text: every glossary term found, also inflected and multi-word.
    Annotate {
        /// Files to annotate; `-` or nothing reads standard input.
        #[arg(default_value = "-", hide_default_value = true)]
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = AnnotateFormat::Text)]
        format: AnnotateFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Wrap the text view at this width (default: the terminal's, or 100).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Match only forms written in the glossary (no inflected forms).
        #[arg(long)]
        exact_only: bool,
        /// The tiers of the text view, in order (comma-separated).
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            default_values_t = [TierArg::Words, TierArg::Morphemes, TierArg::Gloss]
        )]
        tiers: Vec<TierArg>,
    },
    /// Coverage figures of texts: words glossed, matches by kind, unknown words, domains.
    Stats {
        /// Files to count (summed); `-` or nothing reads standard input.
        #[arg(default_value = "-", hide_default_value = true)]
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
        /// Also show the figures of each file.
        #[arg(long)]
        per_file: bool,
        /// Match only forms written in the glossary (no inflected forms).
        #[arg(long)]
        exact_only: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff) to standard output.
    Man {
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Look up words or terms, in any inflected form (or English words with --en).
    Lookup {
        #[arg(required = true)]
        words: Vec<String>,
        #[arg(long, short, value_enum, default_value_t = LookupFormat::Text)]
        format: LookupFormat,
        /// Search the English renderings (English → Swahili).
        #[arg(long)]
        en: bool,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// List the words of texts that the glossary does not cover, most frequent first.
    Unknown {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = UnknownFormat::Text)]
        format: UnknownFormat,
        /// Only words seen at least this often.
        #[arg(long, value_name = "N", default_value_t = 1)]
        min_count: usize,
        /// At most this many words (0: all).
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: usize,
    },
    /// Validate glossary files (default: every loaded layer).
    Lint { files: Vec<PathBuf> },
    /// Write the loaded glossary in an exchange format.
    Export {
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Read an exchange file into a glossary file (entries are appended; the file is created
    /// if missing).
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        from: ImportFormat,
        #[arg(long, value_name = "GLOSSARY.toml")]
        to: PathBuf,
    },
    /// Add an entry to a glossary file (default: your personal glossary).
    Add {
        /// The headword.
        #[arg(long, value_name = "WORD")]
        sw: Option<String>,
        /// An English rendering (repeatable; preferred first).
        #[arg(long, value_name = "RENDERING")]
        en: Vec<String>,
        /// Part of speech: noun verb adj adv prep conj pron num name phrase abbr interj.
        #[arg(long)]
        pos: Option<String>,
        /// Noun class, e.g. 5/6.
        #[arg(long)]
        class: Option<String>,
        #[arg(long)]
        plural: Option<String>,
        /// A domain (repeatable).
        #[arg(long)]
        domain: Vec<String>,
        /// Another spelling (repeatable).
        #[arg(long)]
        variant: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_name = "SENTENCE")]
        example_sw: Option<String>,
        #[arg(long, value_name = "SENTENCE")]
        example_en: Option<String>,
        /// The glossary file to write (default: your personal glossary).
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
        /// If the headword+pos exists, add the new renderings to it.
        #[arg(long, conflicts_with = "replace")]
        merge: bool,
        /// If the headword+pos exists, replace it.
        #[arg(long)]
        replace: bool,
        /// Ask for each field on the terminal, proposing pos, class and plural from the rules.
        #[arg(long, short)]
        interactive: bool,
    },
    /// Change fields of an entry: --set FIELD=VALUE (lists `;`-separated, empty removes).
    Edit {
        headword: String,
        #[arg(long, value_parser = parse_pos)]
        pos: Option<Pos>,
        #[arg(long, value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// Remove an entry from a glossary file (default: your personal glossary).
    Remove {
        headword: String,
        #[arg(long, value_parser = parse_pos)]
        pos: Option<Pos>,
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// Term QA of a translation: each glossary term of a Swahili segment needs an approved
    /// English rendering in the aligned segment (exit 1 when problems are found).
    Qa {
        /// The Swahili text; alone, a TSV with `swahili` and `english` columns.
        source: PathBuf,
        /// The English translation, one segment a line (blank lines ignored).
        target: Option<PathBuf>,
        /// Segments are lines, or blank-line-separated paragraphs.
        #[arg(long, value_enum, default_value_t = QaAlign::Line)]
        align: QaAlign,
        /// Check every entry, not only domain terms.
        #[arg(long)]
        all: bool,
        #[arg(long, short, value_enum, default_value_t = QaFormat::Text)]
        format: QaFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// About the personal glossary.
    Glossary {
        #[command(subcommand)]
        action: GlossaryAction,
    },
}

#[derive(Debug, Subcommand)]
enum GlossaryAction {
    /// Print the path of the personal glossary (`ISTILAHI_USER_GLOSSARY` or the data directory).
    Path,
}

fn parse_pos(s: &str) -> std::result::Result<Pos, String> {
    Pos::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Pos::ALL.iter().map(|p| p.as_str()).collect();
        format!(
            "unknown part of speech (expected one of {})",
            all.join(", ")
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Tsv,
    Csv,
    Tbx,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    Tsv,
    Csv,
    Tbx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AnnotateFormat {
    Text,
    Json,
    Jsonl,
    Tsv,
    /// A self-contained HTML reading page.
    Html,
    /// Markdown for a Git forge.
    Markdown,
    /// SIL Toolbox interlinear text (standard format markers).
    Sfm,
    /// FLEx interlinear XML.
    Flextext,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TierArg {
    Words,
    Morphemes,
    Gloss,
}

impl From<TierArg> for Tier {
    fn from(t: TierArg) -> Tier {
        match t {
            TierArg::Words => Tier::Words,
            TierArg::Morphemes => Tier::Morphemes,
            TierArg::Gloss => Tier::Gloss,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    Text,
    Json,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum UnknownFormat {
    Text,
    Tsv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QaFormat {
    Text,
    Json,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QaAlign {
    Line,
    Paragraph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LookupFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The glossary layers named by the flags and `ISTILAHI_GLOSSARY`, in order.
fn layer_paths(args: &Args) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if let Some(value) = std::env::var_os("ISTILAHI_GLOSSARY") {
        paths.extend(istilahi::glossary::split_path_list(&value));
    }
    paths.extend(args.glossary.iter().cloned());
    paths
}

/// The personal glossary: `$ISTILAHI_USER_GLOSSARY`, else `DATA_DIR/istilahi/glossary.toml`.
fn personal_glossary() -> Result<PathBuf> {
    match std::env::var_os("ISTILAHI_USER_GLOSSARY") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => dirs::data_dir()
            .map(|d| d.join("istilahi").join("glossary.toml"))
            .ok_or(Error::NoUserGlossary),
    }
}

const PERSONAL_HEADER: &str = "# Your personal istilahi glossary: `istilahi add`, `edit` and `remove` write here, and every\n\
     # command loads it over the built-in glossary. Same format as glossary/*.toml in the sources.\n";

const NEW_FILE_HEADER: &str =
    "# istilahi glossary (same format as glossary/*.toml in the sources).\n";

fn load_glossary(args: &Args) -> Result<Glossary> {
    let mut g = if args.no_default_glossary {
        Glossary::default()
    } else {
        Glossary::embedded()?
    };
    if let Ok(personal) = personal_glossary()
        && personal.is_file()
    {
        g.add_file(&personal)?;
    }
    for path in layer_paths(args) {
        g.add_file(&path)?;
    }
    Ok(g)
}

/// Standard output or a file, with ANSI styling kept or stripped.
fn output(path: Option<&Path>, color: ColorChoice) -> Result<Box<dyn Write>> {
    if let Some(p) = path {
        let f = std::fs::File::create(p).map_err(|e| Error::Io {
            path: p.to_path_buf(),
            source: e,
        })?;
        Ok(Box::new(io::BufWriter::new(anstream::StripStream::new(f))))
    } else {
        let choice = match color {
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
            ColorChoice::Auto => anstream::ColorChoice::Auto,
        };
        let stdout = io::stdout().lock();
        Ok(Box::new(io::BufWriter::new(anstream::AutoStream::new(
            stdout, choice,
        ))))
    }
}

/// Standard output or a file for data formats (JSON, TSV), which carry no styling.
fn plain_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(io::BufWriter::new(std::fs::File::create(p).map_err(
            |e| Error::Io {
                path: p.to_path_buf(),
                source: e,
            },
        )?)),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}

fn stdout_error(e: io::Error) -> Error {
    Error::Io {
        path: "<stdout>".into(),
        source: e,
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if let Some(code) = run_editing(&args.command)? {
        return Ok(code);
    }
    if let Some(code) = run_shell(&args.command)? {
        return Ok(code);
    }
    let glossary = load_glossary(args)?;
    match args.command {
        Command::Annotate {
            ref files,
            format,
            ref output,
            width,
            color,
            exact_only,
            ref tiers,
        } => {
            let run = Run::new(args, files);
            let lexicon = lexicon_for(glossary, exact_only, run.threads);
            let tiers = tier_list(tiers);
            let view = View {
                width,
                color,
                tiers: &tiers,
            };
            annotate_files(lexicon, &run, format, output.as_deref(), view)
        }
        Command::Stats {
            ref files,
            format,
            per_file,
            exact_only,
        } => {
            let run = Run::new(args, files);
            let lexicon = lexicon_for(glossary, exact_only, run.threads);
            stats_files(lexicon, &run, format, per_file)
        }
        Command::Lookup {
            ref words,
            format,
            en,
            color,
        } => {
            let lexicon = lexicon_for(glossary, false, 1);
            lookup_words(lexicon, words, format, en, color)
        }
        Command::Lint { ref files } => lint(args, files),
        Command::Qa {
            ref source,
            ref target,
            align,
            all,
            format,
            ref output,
            color,
        } => {
            let lexicon = lexicon_for(glossary, false, 1);
            let segments = match target {
                None => istilahi::bitext::read_tsv(source, &read_text(source)?)?,
                Some(target) => istilahi::bitext::align(
                    source,
                    &read_text(source)?,
                    target,
                    &read_text(target)?,
                    match align {
                        QaAlign::Line => istilahi::bitext::Align::Line,
                        QaAlign::Paragraph => istilahi::bitext::Align::Paragraph,
                    },
                )?,
            };
            qa(lexicon, &segments, all, format, output.as_deref(), color)
        }
        Command::Export { format, ref output } => {
            let drafts: Vec<Draft> = glossary.entries().iter().map(Draft::from_entry).collect();
            export(&drafts, format, output.as_deref())
        }
        Command::Import { .. }
        | Command::Add { .. }
        | Command::Edit { .. }
        | Command::Remove { .. }
        | Command::Glossary { .. } => unreachable!("handled by run_editing"),
        Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("handled by run_shell")
        }
        Command::Unknown {
            ref files,
            format,
            min_count,
            limit,
        } => {
            let lexicon = lexicon_for(glossary, false, 1);
            let run = Run {
                files,
                lossy: args.lossy,
                threads: 1,
            };
            let mut unknown = UnknownWords::default();
            let progress = Progress::new(files);
            for item in run.chunks()? {
                let (file, chunk) = item?;
                unknown.add(lexicon, &name_of(&files[file]), &chunk.text, chunk.line);
                progress.advance(chunk.text.len());
            }
            drop(progress);
            let forgotten = unknown.forgotten();
            if forgotten > 0 {
                eprintln!(
                    "istilahi: note: over {} unglossed word types; to bound memory the rarest \
                     were forgotten as the input was read, so a word seen up to {forgotten} \
                     times may be missing and a count may be up to {forgotten} short",
                    istilahi::unknown::UNKNOWN_LIMIT
                );
            }
            let words = unknown.most_frequent(min_count, limit);
            let mut out = output(None, ColorChoice::Never)?;
            match format {
                UnknownFormat::Text => render::unknown::render_text(&mut out, &words),
                UnknownFormat::Tsv => render::unknown::render_tsv(&mut out, &words),
                UnknownFormat::Json => render::unknown::render_json(&mut out, &words),
            }
            .and_then(|()| out.flush())
            .map_err(stdout_error)?;
            Ok(if words.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Fill a draft entry by asking on standard error and reading standard input: each prompt shows
/// the current or proposed value in brackets, which an empty answer keeps.
fn ask(draft: &mut Draft) -> Result<()> {
    use std::io::BufRead;
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let mut prompt = |label: &str, current: &str| -> Result<String> {
        if current.is_empty() {
            eprint!("{label}: ");
        } else {
            eprint!("{label} [{current}]: ");
        }
        let line = lines
            .next()
            .transpose()
            .map_err(|e| Error::Io {
                path: "<stdin>".into(),
                source: e,
            })?
            .unwrap_or_default();
        let line = line.trim();
        Ok(if line.is_empty() {
            current.to_owned()
        } else {
            line.to_owned()
        })
    };
    draft.sw = prompt("Swahili headword", &draft.sw)?;
    let (mut pos, mut class) = istilahi::morph::propose(&draft.sw);
    if let Ok(g) = Glossary::embedded() {
        let lexicon = Lexicon::new(g);
        let readings = &lexicon.analyse(&draft.sw, false).readings;
        for r in readings.iter().take(3) {
            let e = lexicon.entry(r.entry);
            eprintln!(
                "  already in the glossary as {} ({}, {}): {}",
                e.sw,
                e.pos,
                r.how.as_str(),
                e.en.join("; ")
            );
        }
        // the class of a known noun, or of the head of a new multi-word term
        let head = draft.sw.split_whitespace().next().unwrap_or_default();
        let known = lexicon
            .analyse(head, false)
            .readings
            .iter()
            .map(|r| lexicon.entry(r.entry))
            .find(|e| {
                e.pos == istilahi::glossary::Pos::Noun
                    && e.class.is_some()
                    && istilahi::tokenize::key(&e.sw) == istilahi::tokenize::key(head)
            });
        if let Some(e) = known {
            pos = "noun";
            class = e.class;
        }
    }
    let pos_now = draft.pos.clone().unwrap_or_else(|| pos.to_owned());
    draft.pos = Some(prompt("part of speech", &pos_now)?);
    if draft.pos.as_deref() == Some("noun") {
        let class_now = draft
            .class
            .clone()
            .or_else(|| class.map(|c| c.to_string()))
            .unwrap_or_default();
        let chosen = prompt("noun class", &class_now)?;
        let parsed = istilahi::glossary::NounClass::parse(&chosen);
        draft.class = (!chosen.is_empty()).then_some(chosen);
        // a multi-word term's plural comes from its head and agreement, not from a listed form
        let rule = parsed
            .filter(|_| !draft.sw.contains(' '))
            .and_then(|c| istilahi::morph::plural_of(&draft.sw, c));
        let plural_now = draft.plural.clone().or(rule.clone()).unwrap_or_default();
        let plural = prompt("plural", &plural_now)?;
        // keep the plural only where the rule does not give it (or always for 11/10)
        let always = parsed.is_some_and(|c| c.singular == 11 && c.plural == Some(10));
        draft.plural = (!plural.is_empty() && (always || rule.as_deref() != Some(plural.as_str())))
            .then_some(plural);
    }
    let en_now = draft.en.join("; ");
    draft.en = split_list(&prompt(
        "English renderings, preferred first (; between)",
        &en_now,
    )?);
    let domain_now = if draft.domain.is_empty() {
        "general".to_owned()
    } else {
        draft.domain.join("; ")
    };
    draft.domain = split_list(&prompt("domains (; between)", &domain_now)?);
    let note = prompt("note (optional)", draft.note.as_deref().unwrap_or(""))?;
    draft.note = (!note.is_empty()).then_some(note);
    Ok(())
}

/// The lexicon of a run on `threads` threads, which share their analyses when there are
/// several. It lives until the process exits: freeing thousands of entries and their indexes
/// one by one would cost more than a lookup does.
fn lexicon_for(glossary: Glossary, exact_only: bool, threads: usize) -> &'static Lexicon {
    let mut lexicon = Lexicon::new(glossary);
    if exact_only {
        lexicon = lexicon.exact_only();
    }
    if threads > 1 {
        lexicon = lexicon.share_analyses();
    }
    Box::leak(Box::new(lexicon))
}

fn terminal_width() -> usize {
    terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0))
}

/// The inputs of a run and how to read them.
struct Run<'a> {
    files: &'a [PathBuf],
    lossy: bool,
    threads: usize,
}

/// Threads for a run over `files`: as asked, else one per core for several files (as ripgrep
/// searches files in parallel) and one for a single file (each thread keeps its own memo of
/// the word types it met, though they share the analyses, so threads cost memory). A single file of one chunk
/// is one thread's work whatever is asked: there is nothing to share out.
fn threads(args: &Args, files: &[PathBuf]) -> usize {
    if let [file] = files
        && file.as_os_str() != "-"
        && std::fs::metadata(file).is_ok_and(|m| m.len() <= CHUNK_SIZE as u64)
    {
        return 1;
    }
    args.threads.map_or_else(
        || {
            if files.len() > 1 {
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
            } else {
                1
            }
        },
        usize::from,
    )
}

/// How an input is named in output: `<stdin>` for `-`.
fn name_of(path: &Path) -> String {
    istilahi::input::display_path(path).display().to_string()
}

impl<'a> Run<'a> {
    /// A run over `files` with the threads [`threads`] gives.
    fn new(args: &Args, files: &'a [PathBuf]) -> Run<'a> {
        Run {
            files,
            lossy: args.lossy,
            threads: threads(args, files),
        }
    }

    /// The chunks of every input in turn, with the index of its file. Every file is opened
    /// first, so a missing file or a directory fails before any output.
    fn chunks(&self) -> Result<impl Iterator<Item = Result<(usize, Chunk)>> + Send + use<>> {
        let readers = self
            .files
            .iter()
            .map(|f| Chunks::open(f, self.lossy))
            .collect::<Result<Vec<_>>>()?;
        Ok(readers
            .into_iter()
            .enumerate()
            .flat_map(|(i, chunks)| chunks.map(move |c| c.map(|c| (i, c)))))
    }
}

/// The text view's flags.
#[derive(Clone, Copy)]
struct View<'a> {
    width: Option<u16>,
    color: ColorChoice,
    tiers: &'a [Tier],
}

fn annotate_files(
    lexicon: &Lexicon,
    run: &Run,
    format: AnnotateFormat,
    out_path: Option<&Path>,
    view: View,
) -> Result<ExitCode> {
    let View {
        width,
        color,
        tiers,
    } = view;
    let names: Vec<String> = run.files.iter().map(|f| name_of(f)).collect();
    let mut out = if format == AnnotateFormat::Text {
        output(out_path, color)?
    } else {
        plain_output(out_path)?
    };
    let width = width.map_or_else(
        || {
            if io::stdout().is_terminal() && out_path.is_none() {
                terminal_width()
            } else {
                100
            }
        },
        usize::from,
    );
    let mut found = false;
    let progress = Progress::new(run.files);
    match format {
        AnnotateFormat::Tsv | AnnotateFormat::Jsonl => {
            // chunks on every core, output in input order
            if format == AnnotateFormat::Tsv {
                render::tsv::render_header(&mut out).map_err(stdout_error)?;
            }
            // output buffers go back to a pool once written, as they are: a chunk's output is
            // megabytes, and fresh memory for every chunk costs page faults (TSV rows are
            // written over the old bytes in place)
            let pool = std::sync::Mutex::new(Vec::<Vec<u8>>::new());
            let spare = || {
                pool.lock()
                    .ok()
                    .and_then(|mut p| p.pop())
                    .unwrap_or_default()
            };
            let work = |rows: &mut render::tsv::Rows,
                        (file, chunk): (usize, Chunk)|
             -> (Vec<u8>, usize, bool, usize) {
                let mut buf = Vec::new();
                if format != AnnotateFormat::Tsv {
                    buf = spare();
                    buf.clear();
                    buf.reserve(chunk.text.len() * 8);
                }
                let found = annotate_chunk(
                    lexicon,
                    format,
                    &names[file],
                    &chunk,
                    rows,
                    &mut buf,
                    |_| Ok(false),
                )
                .expect("keeping output in memory cannot fail");
                let mut len = buf.len();
                if format == AnnotateFormat::Tsv {
                    (buf, len) = rows.take_written(spare());
                }
                (buf, len, found, chunk.text.len())
            };
            let mut sink = |(buf, len, any, bytes): (Vec<u8>, usize, bool, usize)| -> Result<()> {
                found |= any;
                progress.advance(bytes);
                out.write_all(&buf[..len]).map_err(stdout_error)?;
                if let Ok(mut p) = pool.lock() {
                    p.push(buf);
                }
                Ok(())
            };
            if run.threads > 1 {
                parallel::ordered(
                    run.chunks()?,
                    run.threads,
                    2 * run.threads,
                    render::tsv::Rows::new,
                    |rows, item| work(rows, item),
                    &mut sink,
                )?;
            } else {
                // one thread writes as it goes, a little at a time: output that stays in the
                // caches until written costs less than megabytes of it written back to memory
                let mut rows = render::tsv::Rows::new();
                let mut buf = Vec::with_capacity(2 * SPILL);
                for item in run.chunks()? {
                    let (file, chunk) = item?;
                    found |= annotate_chunk(
                        lexicon,
                        format,
                        &names[file],
                        &chunk,
                        &mut rows,
                        &mut buf,
                        |gathered| {
                            let full = gathered.len() >= SPILL;
                            if full {
                                out.write_all(gathered).map_err(stdout_error)?;
                            }
                            Ok(full)
                        },
                    )?;
                    progress.advance(chunk.text.len());
                }
                out.write_all(rows.written()).map_err(stdout_error)?;
                out.write_all(&buf).map_err(stdout_error)?;
            }
        }
        AnnotateFormat::Sfm | AnnotateFormat::Flextext => {
            let mut inputs = Vec::with_capacity(run.files.len());
            for (f, name) in run.files.iter().zip(&names) {
                inputs.push((name.clone(), read_all(f, run.lossy)?));
            }
            found = interlinear_export(&mut out, lexicon, &inputs, format).map_err(stdout_error)?;
        }
        AnnotateFormat::Text => {
            let heading = run.files.len() > 1;
            let mut file = usize::MAX;
            let mut n = 0;
            for item in run.chunks()? {
                let (i, chunk) = item?;
                let w = &mut out;
                let result: io::Result<()> = (|| {
                    if i != file {
                        (file, n) = (i, 0);
                        if heading {
                            render::text::render_heading(w, &names[i])?;
                        }
                    }
                    for s in Annotation::new(lexicon, &chunk.text).at(chunk.offset) {
                        n += 1;
                        found |= !s.matches.is_empty();
                        let options = Options {
                            width,
                            tiers,
                            lexicon: Some(lexicon),
                        };
                        render::text::render_sentence(w, n, &s, options)?;
                    }
                    Ok(())
                })();
                result.map_err(stdout_error)?;
                progress.advance(chunk.text.len());
            }
        }
        AnnotateFormat::Json => {
            // one object, written sentence by sentence; an empty input is an empty document
            let mut stream = render::json::Stream::start(&mut out).map_err(stdout_error)?;
            let mut open = 0; // documents begun so far
            for item in run.chunks()? {
                let (i, chunk) = item?;
                let result: io::Result<()> = (|| {
                    while open <= i {
                        if open > 0 {
                            stream.end_document()?;
                        }
                        stream.begin_document(&names[open])?;
                        open += 1;
                    }
                    for s in Annotation::new(lexicon, &chunk.text).at(chunk.offset) {
                        found |= !s.matches.is_empty();
                        stream.sentence(&s)?;
                    }
                    Ok(())
                })();
                result.map_err(stdout_error)?;
                progress.advance(chunk.text.len());
            }
            let result: io::Result<()> = (|| {
                while open < names.len() {
                    if open > 0 {
                        stream.end_document()?;
                    }
                    stream.begin_document(&names[open])?;
                    open += 1;
                }
                stream.end_document()?;
                stream.finish().map(|_| ())
            })();
            result.map_err(stdout_error)?;
        }
        AnnotateFormat::Html | AnnotateFormat::Markdown => {
            // one page over all inputs, with its figures first: read whole
            let mut docs = Vec::with_capacity(run.files.len());
            for (f, name) in run.files.iter().zip(&names) {
                let text = read_all(f, run.lossy)?;
                docs.push(annotate::annotate(lexicon, name, &text));
                progress.advance(text.len());
            }
            found = docs.iter().any(has_matches);
            let entries = lexicon.glossary().entries();
            if format == AnnotateFormat::Html {
                render::html::render(&mut out, &docs, entries)
            } else {
                render::markdown::render(&mut out, &docs, entries)
            }
            .map_err(stdout_error)?;
        }
    }
    drop(progress);
    out.flush().map_err(stdout_error)?;
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// How much output one thread gathers before writing it.
const SPILL: usize = 64 << 10;

/// TSV rows as a sink of matches in brief, written where each match is made.
struct RowSink<'r> {
    rows: &'r mut render::tsv::Rows,
    found: &'r mut bool,
}

impl<'a> istilahi::annotate::BriefSink<'a> for RowSink<'_> {
    // inlined into the loop over a sentence's matches, which a closure was not
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn take(&mut self, brief: Brief<'a>) {
        *self.found = true;
        self.rows.push(&brief);
    }
}

/// Annotate one chunk of an input in a streaming format: TSV rows gather in `rows`, JSON
/// lines in `buf`. After each sentence, what has gathered is given to `spill`, which writes it
/// out (and it is dropped) or leaves it (`false`). Whether anything matched.
fn annotate_chunk(
    lexicon: &Lexicon,
    format: AnnotateFormat,
    name: &str,
    chunk: &Chunk,
    rows: &mut render::tsv::Rows,
    buf: &mut Vec<u8>,
    mut spill: impl FnMut(&[u8]) -> Result<bool>,
) -> Result<bool> {
    let mut found = false;
    let mut annotation = Annotation::new(lexicon, &chunk.text).at(chunk.offset);
    // writing to memory cannot fail
    if format == AnnotateFormat::Tsv {
        while annotation.next_brief_with(RowSink {
            rows: &mut *rows,
            found: &mut found,
        }) {
            if spill(rows.written())? {
                rows.clear_written();
            }
        }
    } else {
        for s in annotation {
            found |= !s.matches.is_empty();
            render::json::render_sentence(buf, name, &s).expect("writing to memory");
            if spill(buf)? {
                buf.clear();
            }
        }
    }
    Ok(found)
}

fn qa(
    lexicon: &Lexicon,
    segments: &[istilahi::bitext::Segment],
    all: bool,
    format: QaFormat,
    out_path: Option<&Path>,
    color: ColorChoice,
) -> Result<ExitCode> {
    use istilahi::qa;
    let checked = qa::check(lexicon, segments, qa::Options { all });
    let summary = qa::Summary::of(&checked);
    let mut out = if format == QaFormat::Text {
        output(out_path, color)?
    } else {
        plain_output(out_path)?
    };
    match format {
        QaFormat::Text => render::qa::render_text(&mut out, &checked, &summary),
        QaFormat::Json => render::qa::render_json(&mut out, &checked, &summary),
        QaFormat::Tsv => render::qa::render_tsv(&mut out, &checked),
    }
    .and_then(|()| out.flush())
    .map_err(stdout_error)?;
    Ok(if summary.problems() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn has_matches(doc: &Document) -> bool {
    doc.sentences.iter().any(|s| !s.matches.is_empty())
}

fn lookup_words(
    lexicon: &Lexicon,
    words: &[String],
    format: LookupFormat,
    english: bool,
    color: ColorChoice,
) -> Result<ExitCode> {
    let found: Vec<lookup::Found> = words
        .iter()
        .map(|w| {
            if english {
                lookup::lookup_english(lexicon, w)
            } else {
                lookup::lookup(lexicon, w)
            }
        })
        .collect();
    let mut out = output(None, color)?;
    let result = match format {
        LookupFormat::Text => found
            .iter()
            .try_for_each(|f| render::lookup::render_text(&mut out, lexicon, f)),
        LookupFormat::Json => render::lookup::render_json(&mut out, lexicon, &found),
    };
    result.and_then(|()| out.flush()).map_err(stdout_error)?;
    let all_found = found.iter().all(|f| !f.hits.is_empty());
    Ok(if all_found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn lint(args: &Args, files: &[PathBuf]) -> Result<ExitCode> {
    // reading validates (errors stop here with exit 2); lint adds the curation rules
    let entries: Vec<istilahi::glossary::Entry> = if files.is_empty() {
        load_glossary(args)?.entries().to_vec()
    } else {
        let mut all = Vec::new();
        for f in files {
            all.extend(istilahi::glossary::read_file(f)?);
        }
        all
    };
    let problems = istilahi::glossary::lint(&entries);
    let mut out = io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}").map_err(stdout_error)?;
    }
    writeln!(
        out,
        "{} entries, {} problems",
        entries.len(),
        problems.len()
    )
    .map_err(stdout_error)?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn export(drafts: &[Draft], format: ExportFormat, out_path: Option<&Path>) -> Result<ExitCode> {
    let name = out_path.map_or_else(|| PathBuf::from("<stdout>"), Path::to_path_buf);
    let mut out = output(out_path, ColorChoice::Never)?;
    match format {
        ExportFormat::Tsv => exchange::write_tsv(&mut out, drafts),
        ExportFormat::Csv => exchange::write_csv(&mut out, drafts),
        ExportFormat::Tbx => exchange::write_tbx(&mut out, drafts),
        ExportFormat::Json => exchange::write_json(&mut out, drafts),
    }
    .and_then(|()| out.flush())
    .map_err(|e| Error::Io {
        path: name,
        source: e,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// With `--to DIR`, the file of the directory that holds the headword.
fn in_directory(
    to: Option<&PathBuf>,
    headword: &str,
    pos: Option<istilahi::glossary::Pos>,
) -> Result<Option<(PathBuf, &'static str)>> {
    match to {
        Some(dir) if dir.is_dir() => Ok(Some((
            edit::file_with(dir, headword, pos)?.unwrap_or_else(|| dir.join("general.toml")),
            NEW_FILE_HEADER,
        ))),
        _ => Ok(None),
    }
}

/// The commands that write glossary files (they never load the layered glossary).
fn run_editing(command: &Command) -> Result<Option<ExitCode>> {
    let target = |to: &Option<PathBuf>| -> Result<(PathBuf, &'static str)> {
        match to {
            Some(p) => Ok((p.clone(), NEW_FILE_HEADER)),
            None => Ok((personal_glossary()?, PERSONAL_HEADER)),
        }
    };
    let code = match command {
        Command::Glossary {
            action: GlossaryAction::Path,
        } => {
            writeln!(io::stdout(), "{}", personal_glossary()?.display()).map_err(stdout_error)?;
            ExitCode::SUCCESS
        }
        Command::Add {
            sw,
            en,
            pos,
            class,
            plural,
            domain,
            variant,
            note,
            example_sw,
            example_en,
            to,
            merge,
            replace,
            interactive,
        } => {
            let mut draft = Draft {
                sw: sw.clone().unwrap_or_default(),
                en: en.clone(),
                pos: pos.clone(),
                class: class.clone(),
                plural: plural.clone(),
                domain: domain.clone(),
                variants: variant.clone(),
                note: note.clone(),
                example: (example_sw.is_some() || example_en.is_some()).then(|| Example {
                    sw: example_sw.clone().unwrap_or_default(),
                    en: example_en.clone().unwrap_or_default(),
                }),
                ..Draft::default()
            };
            if *interactive {
                ask(&mut draft)?;
            }
            let on_duplicate = if *merge {
                OnDuplicate::Merge
            } else if *replace {
                OnDuplicate::Replace
            } else {
                OnDuplicate::Refuse
            };
            let (path, header) = match to {
                // a glossary directory: the file of the entry's domain
                Some(dir) if dir.is_dir() => {
                    (edit::domain_file(dir, &draft.domain), NEW_FILE_HEADER)
                }
                _ => target(to)?,
            };
            match edit::update(&path, header, |gf| gf.add(&draft, on_duplicate)) {
                Ok(added) => {
                    let verb = match added {
                        Added::Appended => "added",
                        Added::Merged => "merged",
                        Added::Replaced => "replaced",
                    };
                    let pos = draft.pos.as_deref().unwrap_or_default();
                    writeln!(
                        io::stdout(),
                        "{verb} {:?} ({pos}) in {}",
                        draft.sw,
                        path.display()
                    )
                    .map_err(stdout_error)?;
                    ExitCode::SUCCESS
                }
                Err(e @ Error::DuplicateRefused { .. }) => {
                    let Error::DuplicateRefused { existing, .. } = &e else {
                        unreachable!()
                    };
                    let mut err = io::stderr().lock();
                    let _ = writeln!(err, "istilahi: {e}");
                    let _ = write!(err, "{existing}");
                    ExitCode::from(1)
                }
                Err(e) => return Err(e),
            }
        }
        Command::Edit {
            headword,
            pos,
            set,
            to,
        } => {
            let (path, header) =
                in_directory(to.as_ref(), headword, *pos)?.map_or_else(|| target(to), Ok)?;
            edit::update(&path, header, |gf| gf.set(headword, *pos, set))?;
            writeln!(io::stdout(), "edited {headword:?} in {}", path.display())
                .map_err(stdout_error)?;
            ExitCode::SUCCESS
        }
        Command::Remove { headword, pos, to } => {
            let (path, header) =
                in_directory(to.as_ref(), headword, *pos)?.map_or_else(|| target(to), Ok)?;
            edit::update(&path, header, |gf| gf.remove(headword, *pos))?;
            writeln!(io::stdout(), "removed {headword:?} from {}", path.display())
                .map_err(stdout_error)?;
            ExitCode::SUCCESS
        }
        Command::Import { file, from, to } => {
            let text = read_text(file)?;
            let rows = match from {
                ImportFormat::Tsv => exchange::read_tsv(file, &text)?,
                ImportFormat::Csv => exchange::read_csv(file, &text)?,
                ImportFormat::Tbx => exchange::read_tbx(file, &text)?,
            };
            let total = rows.len();
            let rejected = edit::update(to, NEW_FILE_HEADER, |gf| Ok(exchange::import(gf, rows)))?;
            let mut err = io::stderr().lock();
            for r in &rejected {
                let _ = writeln!(
                    err,
                    "istilahi: {}:{}: rejected: {}",
                    file.display(),
                    r.line,
                    r.message
                );
            }
            writeln!(
                io::stdout(),
                "{} entries imported into {}, {} rejected",
                total - rejected.len(),
                to.display(),
                rejected.len()
            )
            .map_err(stdout_error)?;
            if rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(code))
}

// ---------------------------------------------------------------------------------------------
// Views for tools: interlinear exports, stats, shell completions and the manual page.

/// The tiers of `--tiers`; a tier named twice is a usage error.
fn tier_list(tiers: &[TierArg]) -> Vec<Tier> {
    for (i, t) in tiers.iter().enumerate() {
        if tiers[..i].contains(t) {
            let name = t.to_possible_value().map(|v| v.get_name().to_owned());
            Args::command()
                .error(
                    clap::error::ErrorKind::ValueValidation,
                    format!("--tiers: {} is given twice", name.unwrap_or_default()),
                )
                .exit();
        }
    }
    tiers.iter().copied().map(Tier::from).collect()
}

/// `annotate --format sfm|flextext`: whether any sentence had a match.
fn interlinear_export<W: Write>(
    w: &mut W,
    lexicon: &Lexicon,
    inputs: &[(String, String)],
    format: AnnotateFormat,
) -> io::Result<bool> {
    let mut found = false;
    if format == AnnotateFormat::Sfm {
        render::sfm::render_header(w)?;
        for (name, text) in inputs {
            render::sfm::render_source(w, name)?;
            for (n, s) in Annotation::new(lexicon, text).enumerate() {
                found |= !s.matches.is_empty();
                render::sfm::render_sentence(w, name, n + 1, &s)?;
            }
        }
        return Ok(found);
    }
    let mut doc = render::flextext::FlexText::start(w)?;
    for (name, text) in inputs {
        doc.begin_text(name)?;
        let mut last_end = None;
        for (n, s) in Annotation::new(lexicon, text).enumerate() {
            found |= !s.matches.is_empty();
            let paragraph =
                last_end.is_some_and(|e| render::flextext::is_paragraph_break(&text[e..s.start]));
            doc.sentence(n + 1, &s, paragraph)?;
            last_end = Some(s.end);
        }
        doc.end_text()?;
    }
    doc.finish()?;
    Ok(found)
}

/// `istilahi stats`: the figures of every file, summed; exit 1 when there are no words. The
/// inputs stream in chunks, counted on every core.
fn stats_files(
    lexicon: &Lexicon,
    run: &Run,
    format: StatsFormat,
    per_file: bool,
) -> Result<ExitCode> {
    let mut total = Stats::default();
    let mut each: Vec<(String, Stats)> = run
        .files
        .iter()
        .map(|f| (name_of(f), Stats::default()))
        .collect();
    let progress = Progress::new(run.files);
    let work = |(file, chunk): (usize, Chunk)| -> (usize, Stats, usize) {
        // in brief, as TSV is made: counting needs no document
        let mut stats = Stats::default();
        let mut annotation = Annotation::new(lexicon, &chunk.text);
        let mut briefs = Vec::new();
        while annotation.next_brief(&mut briefs) {
            stats.add_briefs(&chunk.text, annotation.sentence_tokens(), &briefs);
        }
        (file, stats, chunk.text.len())
    };
    parallel::ordered(
        run.chunks()?,
        run.threads,
        2 * run.threads,
        || (),
        |(), item| work(item),
        |(file, stats, bytes)| {
            progress.advance(bytes);
            total.merge(&stats);
            // each file's figures only when they are shown: merging is the cost of counting
            // distinct words, paid again for every figure kept
            if per_file {
                each[file].1.merge(&stats);
            }
            Ok(())
        },
    )?;
    drop(progress);
    if !per_file {
        each.clear();
    }
    let mut out = plain_output(None)?;
    match format {
        StatsFormat::Text => render::stats::render_text(&mut out, &each, &total),
        StatsFormat::Json => render::stats::render_json(&mut out, &each, &total),
        StatsFormat::Tsv => render::stats::render_tsv(&mut out, &each, &total),
    }
    .and_then(|()| out.flush())
    .map_err(stdout_error)?;
    Ok(if total.words == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The commands generated from the command-line definition itself (no glossary needed).
fn run_shell(command: &Command) -> Result<Option<ExitCode>> {
    match command {
        Command::Completions { shell } => {
            let mut out = plain_output(None)?;
            clap_complete::generate(*shell, &mut Args::command(), "istilahi", &mut out);
            out.flush().map_err(stdout_error)?;
        }
        Command::Man { output } => {
            let name = output
                .as_deref()
                .map_or_else(|| PathBuf::from("<stdout>"), Path::to_path_buf);
            let mut out = plain_output(output.as_deref())?;
            clap_mangen::Man::new(Args::command())
                .render(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::Io {
                    path: name,
                    source: e,
                })?;
        }
        _ => return Ok(None),
    }
    Ok(Some(ExitCode::SUCCESS))
}
