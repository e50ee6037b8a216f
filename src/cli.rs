//! The headless commands. They are how an alliance is scripted and tested;
//! each prints one clear sentence on failure and returns a non-zero code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::document::Document;
use crate::exchange::Exchange;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "samenspel",
    version,
    about = "Samenspel: the facilitator's companion for a multi-party alliance.",
    long_about = "Samenspel keeps each alliance in one .samenspel file (a SQLite database).\n\
                  Without a command it opens the window, with FILE if given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The alliance file to open in the window.
    pub file: Option<PathBuf>,
    /// Open FILE straight into presentation mode, full screen (for the
    /// beamer). Esc leaves it; F5 presents on a second screen instead.
    #[arg(long, requires = "file")]
    pub present: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty alliance FILE (never overwrites a file). The
    /// alliance is named NAME, or after the file.
    New {
        file: PathBuf,
        /// The alliance's name (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Write the Samen Noord example to FILE (never overwrites a file).
    Example { file: PathBuf },
    /// Print the whole alliance as JSON on standard output. The export is
    /// the facilitator's backup: it carries everything in the file,
    /// confidential content included, so keep it as safe as the file.
    #[command(name = "export-json")]
    ExportJson { file: PathBuf },
    /// Create a new alliance FILE from a JSON export (never overwrites a file).
    #[command(name = "import-json")]
    ImportJson { json: PathBuf, file: PathBuf },
    /// Run SQLite's integrity check and Samenspel's own consistency checks.
    Check { file: PathBuf },
    /// Write a document as PDF. Shared documents are built from the print
    /// projection: no confidential intake content can reach them.
    Pdf {
        /// Which document: the meeting pack, the minutes, the covenant, or
        /// the facilitator's confidential intake summary.
        document: PdfKind,
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// The covenant version number (default: the newest).
        #[arg(long)]
        version: Option<u32>,
        /// The meeting's number, for a pack or minutes (default: the next
        /// meeting for a pack, the last one held for minutes).
        #[arg(long)]
        meeting: Option<crate::domain::Id>,
        /// The document's language.
        #[arg(long, value_enum, default_value = "nl")]
        lang: LangArg,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PdfKind {
    Pack,
    Minutes,
    Covenant,
    Intake,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

/// A failed command: the sentence for the user.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

/// Run a headless command, writing its output to `out`.
pub fn run(command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::New { file, name } => {
            let name = name.unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default()
            });
            Document::create(&file, &crate::domain::Alliance::named(name.trim()), &[])?;
            writeln!(out, "Created the alliance {}.", file.display())?;
            Ok(())
        }
        Command::Example { file } => {
            Document::create(&file, &crate::example::samen_noord(), &[])?;
            writeln!(out, "Wrote the Samen Noord example to {}.", file.display())?;
            Ok(())
        }
        Command::ExportJson { file } => {
            let store = Store::open_read_only(&file)?;
            let exchange = Exchange::from_store(&store)?;
            match writeln!(out, "{}", exchange.to_json()) {
                // A reader that stops early (`| head`) is no error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
        Command::ImportJson { json, file } => import(&json, &file, out),
        Command::Check { file } => check(&file, out),
        Command::Pdf {
            document,
            file,
            output,
            version,
            meeting,
            lang,
        } => pdf(document, &file, &output, version, meeting, lang, out),
    }
}

fn pdf(
    document: PdfKind,
    file: &Path,
    output: &Path,
    version: Option<u32>,
    meeting: Option<crate::domain::Id>,
    lang: LangArg,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = Store::open_read_only(file)?;
    let a = store.load()?;
    let lang = match lang {
        LangArg::Nl => crate::i18n::Lang::Nl,
        LangArg::En => crate::i18n::Lang::En,
    };
    use crate::report::{Kind, RequestError};
    let kind = match document {
        PdfKind::Pack => Kind::Pack,
        PdfKind::Minutes => Kind::Minutes,
        PdfKind::Covenant => Kind::Covenant,
        PdfKind::Intake => Kind::Intake,
    };
    // The CLI names a covenant version by its number.
    let version = match version {
        Some(n) => Some(
            a.covenant_versions
                .iter()
                .find(|v| v.number == n)
                .map(|v| v.id)
                .ok_or_else(|| {
                    Failure(format!("{} has no such covenant version.", file.display()))
                })?,
        ),
        None => None,
    };
    let request = crate::report::Request {
        kind,
        meeting,
        version,
        lang,
    };
    let built = crate::report::build(&a, &request, chrono::Local::now().date_naive()).map_err(
        |e| match e {
            RequestError::NoMeetings => Failure(format!("{} has no meetings.", file.display())),
            RequestError::NoSuchMeeting(id) => {
                Failure(format!("{} has no meeting number {id}.", file.display()))
            }
            RequestError::Locked => Failure(
                "The intake summary needs the confidential texts; give the passphrase.".into(),
            ),
            RequestError::NoCovenant | RequestError::NoSuchVersion => {
                Failure(format!("{} has no such covenant version.", file.display()))
            }
        },
    )?;
    let what = match (&built.meeting, &built.version) {
        (Some((id, title)), _) if kind == Kind::Pack => {
            format!("the meeting pack of \"{title}\" (meeting {id})")
        }
        (Some((id, title)), _) => format!("the minutes of \"{title}\" (meeting {id})"),
        (_, Some((n, _))) => format!("the covenant (v{n})"),
        _ => "the confidential intake summary (for the facilitator only)".to_string(),
    };
    let bytes = built.bytes;
    crate::store::write_private(output, &bytes)
        .map_err(|e| Failure(format!("Could not write {}: {e}.", output.display())))?;
    writeln!(out, "Wrote {what} to {}.", output.display())?;
    Ok(())
}

fn import(json: &Path, file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    if file.exists() {
        return Err(crate::store::StoreError::AlreadyExists(file.to_path_buf()).into());
    }
    let text = std::fs::read_to_string(json)
        .map_err(|e| Failure(format!("Could not read {}: {e}.", json.display())))?;
    let exchange = Exchange::parse(&text)?;
    Document::create(file, &exchange.alliance, &exchange.history)?;
    writeln!(out, "Created {} from {}.", file.display(), json.display())?;
    Ok(())
}

fn check(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::open_read_only(file)?;
    let problems = store.integrity_problems()?;
    let alliance = store.load()?;
    let history = store.history()?;
    let findings = alliance.check();
    writeln!(out, "{}", file.display())?;
    writeln!(
        out,
        "  file version {}, {} parties, {} people, {} bodies, {} seats, {} undo steps",
        store.schema_version()?,
        alliance.parties.len(),
        alliance.people.len(),
        alliance.bodies.len(),
        alliance.memberships.len(),
        history.len()
    )?;
    if problems.is_empty() {
        writeln!(out, "  SQLite integrity check: ok")?;
    } else {
        for p in &problems {
            writeln!(out, "  SQLite integrity check: {p}")?;
        }
    }
    if findings.is_empty() {
        writeln!(out, "  consistency check: ok")?;
    } else {
        for f in &findings {
            writeln!(out, "  consistency check: {f}")?;
        }
    }
    match problems.len() + findings.len() {
        0 => Ok(()),
        n => Err(Failure(format!(
            "{} has {n} problem{} (listed above).",
            file.display(),
            if n == 1 { "" } else { "s" }
        ))),
    }
}
