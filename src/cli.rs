//! The headless commands. They are how an alliance is scripted and tested;
//! each prints one clear sentence on failure and returns a non-zero code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::document::Document;
use crate::exchange::Exchange;
use crate::store::Store;

mod check;
mod import;
mod pdf;
mod seats;
mod serve;
use check::{Asker, check, passphrase};
use import::{import, import_csv};
use pdf::pdf;
use seats::{seat_chances, verify_seats};
pub use serve::room_meeting;
use serve::serve;

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
    /// projector). Esc leaves it; F5 presents on a second screen instead.
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
        /// The alliance's language: its starter questions and rules, and
        /// every document it prints (default: English when the system's
        /// language is English, else Dutch).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write the Samen Noord example to FILE (never overwrites a file);
    /// with --region, a generated region of 9 local authorities and 50 care
    /// providers with a board table filled by a recorded draw.
    Example {
        file: PathBuf,
        /// The region instead of Samen Noord.
        #[arg(long)]
        region: bool,
    },
    /// The seats of a body's table (see `seats verify`).
    Seats {
        #[command(subcommand)]
        command: SeatsCommand,
    },
    /// Import records from a CSV file saved by Excel or LibreOffice.
    #[command(name = "import-csv")]
    ImportCsv {
        #[command(subcommand)]
        what: CsvWhat,
    },
    /// Print the whole alliance as JSON on standard output. The export is
    /// the facilitator's backup: it carries everything in the file,
    /// confidential content included, so keep it as safe as the file.
    ///
    /// From an alliance with a passphrase the confidential texts are
    /// written sealed, with the lock, so the backup is as safe as the file
    /// and imports into a file with the same passphrase; `--decrypt` asks
    /// for the passphrase and writes them in the clear.
    #[command(name = "export-json")]
    ExportJson {
        file: PathBuf,
        /// Write to this file (readable by you only) instead of standard
        /// output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write the confidential texts in the clear (asks for the passphrase).
        #[arg(long)]
        decrypt: bool,
        /// Read the passphrase as one line from standard input.
        #[arg(long)]
        stdin: bool,
    },
    /// The crash-test driver: random edits of every kind, reported as they
    /// are tried and committed (see `tests/it/crash.rs`).
    #[command(name = "crash-driver", hide = true)]
    CrashDriver {
        file: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 1000)]
        steps: usize,
        #[arg(long)]
        passphrase: Option<String>,
    },
    /// Forget the undo steps older than MONTHS months: they can no longer be
    /// undone, and the texts they held are wiped from the file.
    #[command(name = "prune-history")]
    PruneHistory {
        file: PathBuf,
        /// Keep the steps of the last MONTHS months.
        #[arg(long)]
        months: u32,
    },
    /// Give the alliance FILE a passphrase, or change it. Its confidential
    /// texts (intake answers and notes, who was spoken with, notes on
    /// parties and the facilitator's own relation notes, confidential
    /// comfort needs) are then kept encrypted, in the file and in its undo
    /// history. A lost passphrase cannot be recovered.
    Passphrase {
        file: PathBuf,
        /// Read the passphrases from standard input, one per line: the
        /// current one first (if the file has one), then the new one.
        #[arg(long)]
        stdin: bool,
    },
    /// Create a new alliance FILE from a JSON export (never overwrites a file).
    #[command(name = "import-json")]
    ImportJson { json: PathBuf, file: PathBuf },
    /// Run SQLite's integrity check, Samenspel's own consistency checks,
    /// the record of commitments (as `verify`) and every draw (as `seats
    /// verify`).
    Check { file: PathBuf },
    /// Check the record of commitments: recompute its hash chain and every
    /// committed record (a revealed or decided round, a correction, a
    /// frozen covenant version, a signature, a draw, approved minutes, a published comment processing, a check-in shown to the room)
    /// from the file as it is now. Prints the head (number and hash);
    /// exits 1 naming the first commitment that no longer matches.
    Verify {
        file: PathBuf,
        /// Print entry N's text exactly as it is hashed, for `sha256sum`.
        #[arg(long, value_name = "N")]
        entry: Option<u64>,
        /// Check only up to entry N (the number a document prints as "Record
        /// entry N" or "Vastlegging N").
        #[arg(long, value_name = "N", conflicts_with = "entry")]
        upto: Option<u64>,
        /// Print the canonical text of covenant version N (by its number),
        /// whose SHA-256 is its fingerprint: `… --covenant 1 | sha256sum`.
        #[arg(long, value_name = "N", conflicts_with_all = ["entry", "upto"])]
        covenant: Option<u32>,
        /// With --covenant: the text with its signatures (the second
        /// fingerprint).
        #[arg(long, requires = "covenant")]
        signed: bool,
        /// The language of the messages (default: the alliance's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Serve the room's phones for one meeting, without the window: issue a
    /// fresh ballot card for every party (earlier cards of the meeting stop
    /// working), print each party's link, one per line ("party<TAB>link"),
    /// and record the stances the phones cast in FILE until Ctrl+C or
    /// until standard input closes.
    Serve {
        file: PathBuf,
        /// The meeting's number (default: today's meeting, else the next
        /// one, else the last).
        #[arg(long)]
        meeting: Option<crate::domain::Id>,
        /// The address and port to listen on: one interface's address,
        /// e.g. 192.168.4.1:8017 (default: the first network's address,
        /// port 8017). Port 0 takes a free port.
        #[arg(long)]
        bind: Option<std::net::SocketAddr>,
        /// Also write the ballot cards as a PDF.
        #[arg(long, conflicts_with = "keep_cards")]
        cards: Option<PathBuf>,
        /// Keep the meeting's cards as they are (after a restart in the
        /// middle of a meeting): the cards handed out go on working. Their
        /// links are not printed: the file keeps only their hashes.
        #[arg(long)]
        keep_cards: bool,
        /// The language of a phone that asks for neither Dutch nor
        /// English, and of the cards (default: the alliance's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write a document as PDF. Shared documents are built from the print
    /// projection: no confidential intake content can reach them.
    Pdf {
        /// Which document: the meeting pack, the minutes, the covenant, the
        /// facilitator's confidential intake summary, a draw's selection
        /// report or what a table decided (with --body), a party's input
        /// and where it stands (with --party), the two maps, or the
        /// processing of a comment round (with --round).
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
        /// The body (by name), for a selection report (its newest draw)
        /// or what its table decided.
        #[arg(long)]
        body: Option<String>,
        /// The party (by name), for its page "Your input and where it
        /// stands".
        #[arg(long)]
        party: Option<String>,
        /// The comment round's number (1 for the first round put out; by
        /// default the newest), for the processing of its comments.
        #[arg(long)]
        round: Option<usize>,
        /// The document's language (default: the alliance's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Read the passphrase (for the intake summary of an alliance that
        /// has one) as one line from standard input.
        #[arg(long)]
        stdin: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PdfKind {
    Pack,
    Minutes,
    Covenant,
    Intake,
    /// The selection report of a body's newest draw (with --body).
    Selection,
    /// What a body's table decided, for all parties (with --body).
    Table,
    /// One party's wishes and where they went in the work plan (with
    /// --party).
    Party,
    /// The strategy map and the network map, without a meeting.
    Maps,
    /// The responses to a comment round ("Verwerking van het
    /// commentaar" in Dutch; with --round).
    Comments,
}

#[derive(Debug, Subcommand)]
pub enum SeatsCommand {
    /// Recompute every draw of a body from its recorded inputs and say
    /// whether the recorded seats follow from them.
    Verify {
        file: PathBuf,
        /// The body's name.
        #[arg(long)]
        body: String,
        /// Also compute the chances again from the inputs and compare them
        /// with those recorded (for the fair lottery within 0.1
        /// percentage point: solvers may differ in the last digits).
        #[arg(long)]
        recompute: bool,
    },
    /// Each candidate's chance of a seat ("party<TAB>chance", chances
    /// from 0 to 1) for the inputs of the body's newest draw, or for
    /// inputs given as one entry of the JSON export's `seat_draws`
    /// (candidates, seats, quotas, kept, sitting out), by a method of
    /// drawing: so anyone can compare methods on the same pool.
    Chances {
        /// The alliance file (with --body).
        #[arg(required_unless_present = "inputs")]
        file: Option<PathBuf>,
        /// The body's name.
        #[arg(long, requires = "file")]
        body: Option<String>,
        /// One entry of `seat_draws` from `samenspel export-json`.
        #[arg(long, conflicts_with = "file")]
        inputs: Option<PathBuf>,
        /// leximin: chances as equal as the quotas allow (exact); uniform:
        /// every valid table equally likely; legacy: the method of draws
        /// made before. The last two are estimated from 4,000 simulated
        /// draws (± the margin printed on standard error).
        #[arg(long, value_enum, default_value = "leximin")]
        method: ChanceMethod,
    },
}

/// How a table is drawn, for `seats chances`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChanceMethod {
    Leximin,
    Uniform,
    Legacy,
}

impl ChanceMethod {
    fn method(self) -> crate::domain::draw::Method {
        use crate::domain::draw::Method;
        match self {
            ChanceMethod::Leximin => Method::Leximin,
            ChanceMethod::Uniform => Method::Uniform,
            ChanceMethod::Legacy => Method::Legacy,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum CsvWhat {
    /// Parties (and their people): one row a party, or a row per person
    /// with the party's name repeated. `;` or `,` separated, UTF-8 or
    /// Windows-1252, a header row naming the columns. Into an alliance that
    /// has parties already, the sheet updates the register: parties matched
    /// by name (or, renamed, by their people's e-mail), people by e-mail;
    /// each party is listed as new, changed (field by field), unchanged or
    /// a conflict, and the new and changed ones are applied as one undo
    /// step. Nothing is written unless every row is readable.
    Parties {
        /// The CSV file.
        csv: PathBuf,
        /// The alliance file.
        file: PathBuf,
        /// Only list what the import would do; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl LangArg {
    /// The language asked for, else the alliance's own.
    fn or_alliance(lang: Option<LangArg>, a: &crate::domain::Alliance) -> crate::i18n::Lang {
        lang.map_or_else(|| crate::i18n::Lang::of(a), Into::into)
    }

    /// The language asked for, else the system's (English when `LANG` or
    /// `LC_ALL` says so), for an alliance that does not exist yet.
    fn or_system(lang: Option<LangArg>) -> crate::i18n::Lang {
        lang.map_or_else(
            || {
                let english = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|k| std::env::var(k).ok())
                    .find(|v| !v.is_empty())
                    .is_some_and(|v| v.starts_with("en"));
                crate::i18n::Lang::from_english(english)
            },
            Into::into,
        )
    }
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(l: LangArg) -> crate::i18n::Lang {
        match l {
            LangArg::Nl => crate::i18n::Lang::Nl,
            LangArg::En => crate::i18n::Lang::En,
        }
    }
}

/// The canonical text of a covenant version (by number), with its
/// signatures when `signed`: what its fingerprints are taken over.
fn covenant_text(
    file: &Path,
    number: u32,
    signed: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let a = Store::open_read_only(file)?.load()?;
    let v = a
        .covenant_versions
        .iter()
        .find(|v| v.number == number)
        .ok_or_else(|| {
            Failure(format!(
                "There is no covenant version {number} in {}.",
                file.display()
            ))
        })?;
    let text = if signed {
        crate::domain::record::signed_text(&a, v.id)
    } else {
        crate::domain::covenant::canonical_text(&a, v.id)
    };
    write!(out, "{text}")?;
    Ok(())
}

/// `samenspel verify`: the record of commitments recomputed.
fn verify(
    file: &Path,
    entry: Option<u64>,
    upto: Option<u64>,
    lang: Option<LangArg>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use crate::domain::record;
    let store = Store::open_read_only(file)?;
    let a = store.load()?;
    let lang = LangArg::or_alliance(lang, &a);
    if let Some(n) = entry {
        let c = a.record.iter().find(|c| c.seq == n).ok_or_else(|| {
            Failure(match lang {
                crate::i18n::Lang::Nl => {
                    format!("Er is geen vastlegging {n} in {}.", file.display())
                }
                crate::i18n::Lang::En => format!("There is no entry {n} in {}.", file.display()),
            })
        })?;
        write!(out, "{}", record::entry_text(c))?;
        return Ok(());
    }
    match verify_record(&a, upto, lang) {
        Ok(line) => {
            writeln!(out, "{line}")?;
            Ok(())
        }
        Err(why) => Err(Failure(why)),
    }
}

/// The record of commitments verified: the head line, or why not.
fn verify_record(
    a: &crate::domain::Alliance,
    upto: Option<u64>,
    lang: crate::i18n::Lang,
) -> Result<String, String> {
    use crate::domain::record;
    use crate::i18n::Lang;
    match record::verify_upto(a, upto) {
        Ok(Some(head)) => Ok(match lang {
            Lang::Nl => format!(
                "Vastleggingen: ok, {} stuks; kop: vastlegging {} · {}",
                head.seq, head.seq, head.hash
            ),
            Lang::En => format!(
                "Record of commitments: ok, {} entries; head: entry {} · {}",
                head.seq, head.seq, head.hash
            ),
        }),
        Ok(None) => Ok(match lang {
            Lang::Nl => "Vastleggingen: ok, nog geen vastleggingen.".to_string(),
            Lang::En => "Record of commitments: ok, nothing committed yet.".to_string(),
        }),
        Err(b) => Err(lang.broken(a, &b)),
    }
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
///
/// Long for a reason: one arm per command: the command line's whole surface in one match.
pub fn run(command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::New { file, name, lang } => {
            let name = name.unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default()
            });
            let lang = LangArg::or_system(lang);
            let alliance =
                crate::domain::Alliance::named_in(name.trim(), lang == crate::i18n::Lang::En);
            Document::create_at(&file, &alliance, &[], crate::clock::from_env())?;
            writeln!(
                out,
                "{}",
                lang.pick(
                    format!("Alliantie {} aangemaakt.", file.display()),
                    format!("Created the alliance {}.", file.display()),
                )
            )?;
            Ok(())
        }
        Command::Example { file, region } => {
            if region {
                Document::create_at(
                    &file,
                    &crate::example::region(),
                    &[],
                    crate::clock::from_env(),
                )?;
                writeln!(out, "Wrote the region example to {}.", file.display())?;
            } else {
                Document::create_at(
                    &file,
                    &crate::example::samen_noord(),
                    &[],
                    crate::clock::from_env(),
                )?;
                writeln!(out, "Wrote the Samen Noord example to {}.", file.display())?;
            }
            Ok(())
        }
        Command::Seats {
            command:
                SeatsCommand::Verify {
                    file,
                    body,
                    recompute,
                },
        } => verify_seats(&file, &body, recompute, out),
        Command::Seats {
            command:
                SeatsCommand::Chances {
                    file,
                    body,
                    inputs,
                    method,
                },
        } => seat_chances(
            file.as_deref(),
            body.as_deref(),
            inputs.as_deref(),
            method,
            out,
        ),
        Command::ImportCsv {
            what: CsvWhat::Parties { csv, file, dry_run },
        } => import_csv(&csv, &file, dry_run, out),
        Command::ExportJson {
            file,
            output,
            decrypt,
            stdin,
        } => {
            let mut store = Store::open_read_only(&file)?;
            if decrypt && store.is_encrypted() {
                let mut ask = Asker::new(stdin);
                store.unlock(&ask.passphrase("Passphrase: ")?)?;
            }
            let exchange = Exchange::from_store(&store)?;
            // In the clear means every text opened.
            if store.key().is_some() {
                if let Some((kind, id, field)) = crate::crypt::first_sealed(&exchange.alliance) {
                    return Err(Failure(crate::crypt::unopened(kind, id, field)));
                }
                if exchange
                    .history
                    .iter()
                    .any(|h| crate::crypt::edit_has_sealed(&h.edit))
                {
                    return Err(Failure(
                        "An undo step's confidential text does not open with this passphrase: it was changed outside Samenspel."
                            .into(),
                    ));
                }
            }
            if let Some(output) = output {
                crate::store::write_private(output.as_path(), exchange.to_json().as_bytes())
                    .map_err(|e| Failure(format!("Could not write {}: {e}.", output.display())))?;
                writeln!(out, "Wrote the alliance to {}.", output.display())?;
                return Ok(());
            }
            match writeln!(out, "{}", exchange.to_json()) {
                // A reader that stops early (`| head`) is no error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
        Command::ImportJson { json, file } => import(&json, &file, out),
        Command::Verify {
            file,
            entry,
            upto,
            covenant,
            signed,
            lang,
        } => match covenant {
            Some(n) => covenant_text(&file, n, signed, out),
            None => verify(&file, entry, upto, lang, out),
        },
        Command::Passphrase { file, stdin } => passphrase(&file, stdin, out),
        Command::PruneHistory { file, months } => {
            let mut doc = Document::open_at(&file, crate::clock::from_env())?;
            doc.writable()?;
            let n = doc.prune_history(months)?;
            writeln!(
                out,
                "Forgot {n} undo step{} older than {months} month{} in {}.",
                if n == 1 { "" } else { "s" },
                if months == 1 { "" } else { "s" },
                file.display()
            )?;
            Ok(())
        }
        Command::CrashDriver {
            file,
            seed,
            steps,
            passphrase,
        } => Ok(crate::crash::drive(
            &file,
            crate::clock::from_env(),
            seed,
            steps,
            passphrase.as_deref(),
            out,
        )?),
        Command::Serve {
            file,
            meeting,
            bind,
            cards,
            keep_cards,
            lang,
        } => serve(
            &file,
            meeting,
            bind,
            cards.as_deref(),
            keep_cards,
            lang,
            out,
        ),
        Command::Check { file } => {
            // Written whole at the end, so a reader that stops early
            // (`| head -1`) is no error.
            let mut report = Vec::new();
            let result = check(&file, &mut report);
            match out.write_all(&report).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            result
        }
        Command::Pdf {
            document,
            file,
            output,
            version,
            meeting,
            body,
            party,
            round,
            lang,
            stdin,
        } => pdf(
            document,
            &file,
            &output,
            (version, meeting, body, party, round),
            lang,
            stdin,
            out,
        ),
    }
}

/// Which document of its kind: the covenant version, the meeting, the
/// body, the party, the comment round (each as the command line names it).
type Which = (
    Option<u32>,
    Option<crate::domain::Id>,
    Option<String>,
    Option<String>,
    Option<usize>,
);

/// The id of the party named `name` (ignoring case and spaces around it).
fn party_named(
    a: &crate::domain::Alliance,
    name: &str,
    file: &Path,
) -> Result<crate::domain::Id, Failure> {
    let wanted = name.trim().to_lowercase();
    a.parties
        .iter()
        .find(|p| p.name.trim().to_lowercase() == wanted)
        .map(|p| p.id)
        .ok_or_else(|| Failure(format!("{} has no party named \"{name}\".", file.display())))
}

/// The id of the body named `name` (ignoring case and spaces around it).
fn body_named(
    a: &crate::domain::Alliance,
    name: &str,
    file: &Path,
) -> Result<crate::domain::Id, Failure> {
    let wanted = name.trim().to_lowercase();
    a.bodies
        .iter()
        .find(|b| b.name.trim().to_lowercase() == wanted)
        .map(|b| b.id)
        .ok_or_else(|| {
            let names: Vec<&str> = a.bodies.iter().map(|b| b.name.as_str()).collect();
            Failure(format!(
                "{} has no body named \"{name}\"; it has: {}.",
                file.display(),
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
        })
}

/// What to say when the one word given is neither a command nor a file
/// (`samenspel verfy`): no such command or file, the command it was
/// probably meant to be, and the list of commands. `None` when `file` may
/// well be an alliance to open (it exists, or is named like a file).
pub fn unknown_command(file: &Path) -> Option<String> {
    use clap::CommandFactory;
    let word = file.to_str()?;
    let file_like = file.exists() || word.contains(['/', '\\', '.']) || word.trim().is_empty();
    if file_like {
        return None;
    }
    let commands: Vec<String> = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect();
    // The command it was probably meant to be: at most two letters off.
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let here = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb))
                    .min(row[j] + 1)
                    .min(row[j + 1] + 1);
                prev = here;
            }
        }
        row[b.len()]
    };
    let meant = commands
        .iter()
        .map(|c| (distance(&word.to_lowercase(), c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| format!(" Did you mean `samenspel {c}`?"))
        .unwrap_or_default();
    Some(format!(
        "no such command or file: '{word}'.{meant}\nCommands: {}.\n`samenspel --help` says what each does; `samenspel FILE.samenspel` opens an alliance in the window.",
        commands.join(", ")
    ))
}

/// A name as one field of one line: a tab or a line break in it (typed,
/// or imported) would forge another field or another party's line.
fn one_line(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests;
