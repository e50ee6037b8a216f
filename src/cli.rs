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
            Document::create(&file, &alliance, &[])?;
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
                Document::create(&file, &crate::example::region(), &[])?;
                writeln!(out, "Wrote the region example to {}.", file.display())?;
            } else {
                Document::create(&file, &crate::example::samen_noord(), &[])?;
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
            let mut doc = Document::open(&file)?;
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

#[allow(clippy::too_many_arguments)]
fn pdf(
    document: PdfKind,
    file: &Path,
    output: &Path,
    (version, meeting, body, party, round): Which,
    lang: Option<LangArg>,
    stdin: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut store = Store::open_read_only(file)?;
    // Only the intake summary needs the confidential texts.
    if matches!(document, PdfKind::Intake) && store.is_encrypted() {
        let mut ask = Asker::new(stdin);
        store.unlock(&ask.passphrase("Passphrase: ")?)?;
    }
    let a = store.load()?;
    if store.key().is_some()
        && let Some((kind, id, field)) = crate::crypt::first_sealed(&a)
    {
        return Err(Failure(crate::crypt::unopened(kind, id, field)));
    }
    let lang = LangArg::or_alliance(lang, &a);
    use crate::report::{Kind, RequestError};
    let kind = match document {
        PdfKind::Pack => Kind::Pack,
        PdfKind::Minutes => Kind::Minutes,
        PdfKind::Covenant => Kind::Covenant,
        PdfKind::Intake => Kind::Intake,
        PdfKind::Selection => Kind::Selection,
        PdfKind::Table => Kind::TableDecisions,
        PdfKind::Party => Kind::PartyShare,
        PdfKind::Maps => Kind::Maps,
        PdfKind::Comments => Kind::Comments,
    };
    let of = match (&body, document) {
        _ if matches!(document, PdfKind::Comments) => match round {
            Some(n) => Some(
                a.comment_rounds
                    .get(n.wrapping_sub(1))
                    .map(|r| r.id)
                    .ok_or_else(|| {
                        Failure(format!(
                            "{} has no comment round {n} (it has {}).",
                            file.display(),
                            a.comment_rounds.len()
                        ))
                    })?,
            ),
            None => None,
        },
        _ if matches!(document, PdfKind::Party) => {
            let Some(name) = &party else {
                return Err(Failure(
                    "Use --party NAME to say which party the page is for.".into(),
                ));
            };
            Some(party_named(&a, name, file)?)
        }
        (Some(name), PdfKind::Selection | PdfKind::Table) => {
            let body = body_named(&a, name, file)?;
            match document {
                PdfKind::Selection => Some(
                    a.draws_of(body)
                        .iter()
                        .rev()
                        .find(|d| d.is_drawn())
                        .map(|d| d.id)
                        .ok_or_else(|| {
                            Failure(format!("No draw was made for the body \"{name}\"."))
                        })?,
                ),
                _ => Some(body),
            }
        }
        (None, PdfKind::Table) => {
            return Err(Failure(
                "Use --body NAME to say which body's decisions to include.".into(),
            ));
        }
        _ => None,
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
        of,
        lang,
    };
    let built = crate::report::build(
        &a,
        &request,
        crate::domain::clock::Clock::from_env().today(),
    )
    .map_err(|e| match e {
        RequestError::NoMeetings => Failure(format!("{} has no meetings.", file.display())),
        RequestError::NoSuchMeeting(id) => {
            Failure(format!("{} has no meeting number {id}.", file.display()))
        }
        RequestError::Locked => {
            Failure("The intake summary needs the confidential texts; give the passphrase.".into())
        }
        RequestError::NoCovenant | RequestError::NoSuchVersion => {
            Failure(format!("{} has no such covenant version.", file.display()))
        }
        RequestError::NoDraw => Failure(format!("{} has no completed draw.", file.display())),
        RequestError::NoSuchBody => Failure(format!("{} has no such body.", file.display())),
        RequestError::NoSuchParty => Failure(format!("{} has no such party.", file.display())),
        RequestError::NoCommentRound => {
            Failure(format!("{} has no comment round yet.", file.display()))
        }
        RequestError::NoMaps => Failure(format!(
            "{} has nothing on its strategy map or its network map yet.",
            file.display()
        )),
    })?;
    // Said in the document's language, as the document is written.
    let what = match (&built.meeting, &built.version) {
        (Some((id, title)), _) if kind == Kind::Pack => lang.pick(
            format!("de vergaderstukken van \"{title}\" (overleg {id})"),
            format!("the meeting pack of \"{title}\" (meeting {id})"),
        ),
        (Some((id, title)), _) => lang.pick(
            format!("het verslag van \"{title}\" (overleg {id})"),
            format!("the minutes of \"{title}\" (meeting {id})"),
        ),
        (_, Some((n, _))) => lang.pick(
            format!("het convenant (v{n})"),
            format!("the covenant (v{n})"),
        ),
        _ if kind == Kind::Selection => lang
            .pick("het selectieverslag", "the selection report")
            .to_string(),
        _ if kind == Kind::TableDecisions => lang
            .pick("wat de tafel besloot", "what the table decided")
            .to_string(),
        _ if kind == Kind::PartyShare => lang
            .pick(
                "de inbreng van de partij en waar die staat",
                "the party's input and where it stands",
            )
            .to_string(),
        _ if kind == Kind::Maps => lang
            .pick(
                "de strategiekaart en de netwerkkaart",
                "the strategy and network maps",
            )
            .to_string(),
        _ if kind == Kind::Comments => lang
            .pick(
                "de verwerking van het commentaar",
                "the responses to the comments",
            )
            .to_string(),
        _ => lang.pick(
            "de vertrouwelijke samenvatting van de intakes (alleen voor de procesbegeleider)"
                .into(),
            "the confidential intake summary (for the facilitator only)".into(),
        ),
    };
    let bytes = built.bytes;
    crate::store::write_private(output, &bytes).map_err(|e| {
        Failure(lang.pick(
            format!("Kon {} niet schrijven: {e}.", output.display()),
            format!("Could not write {}: {e}.", output.display()),
        ))
    })?;
    let done = lang.pick(
        format!("{what} geschreven naar {}.", output.display()),
        format!("Wrote {what} to {}.", output.display()),
    );
    // A sentence starts with a capital.
    let mut chars = done.chars();
    let done: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    writeln!(out, "{done}")?;
    Ok(())
}

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

/// `samenspel seats verify`: every draw of the body recomputed.
/// `seats chances`: the inputs from a body's newest draw or a JSON entry,
/// each candidate's chance by the method asked for.
fn seat_chances(
    file: Option<&Path>,
    body: Option<&str>,
    inputs: Option<&Path>,
    method: ChanceMethod,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use crate::domain::draw;
    let draw_entry: crate::domain::SeatDraw = match (file, body, inputs) {
        (_, _, Some(json)) => {
            let text = std::fs::read_to_string(json)
                .map_err(|e| Failure(format!("{} cannot be read: {e}.", json.display())))?;
            serde_json::from_str(&text).map_err(|e| {
                Failure(format!(
                    "{} is not one entry of seat_draws from export-json: {e}.",
                    json.display()
                ))
            })?
        }
        (Some(file), Some(name), None) => {
            let store = Store::open_read_only(file)?;
            let a = store.load()?;
            let body = body_named(&a, name, file)?;
            a.draws_of(body)
                .into_iter()
                .next_back()
                .cloned()
                .ok_or_else(|| Failure(format!("No draw was prepared for the body \"{name}\".")))?
        }
        _ => {
            return Err(Failure(
                "Give an alliance FILE with --body NAME, or --inputs DRAW.json.".into(),
            ));
        }
    };
    let input = draw_entry.input();
    let name = |id: i64| {
        input
            .candidates
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let runs = draw::lottery::SIMULATIONS;
    let c = draw::lottery::chances(&input, method.method(), runs)
        .map_err(|e| Failure(e.to_string()))?;
    let kept: Vec<i64> = input.kept.iter().map(|k| k.id).collect();
    let mut ids: Vec<i64> = input
        .candidates
        .iter()
        .map(|c| c.id)
        .filter(|id| !kept.contains(id))
        .collect();
    ids.sort_unstable();
    for id in ids {
        let m = c.chances.iter().find(|x| x.0 == id).map_or(0, |x| x.1);
        writeln!(out, "{}\t{:.4}", name(id), m as f64 / 1e6)?;
    }
    if c.runs > 0 {
        eprintln!(
            "Estimated from {} simulated draws: each chance within ±{:.3} (95%).",
            c.runs,
            c.margin as f64 / 1e6
        );
    }
    Ok(())
}

fn verify_seats(
    file: &Path,
    name: &str,
    recompute: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = Store::open_read_only(file)?;
    let a = store.load()?;
    let body = body_named(&a, name, file)?;
    let draws: Vec<_> = a
        .draws_of(body)
        .into_iter()
        .filter(|d| d.is_drawn())
        .collect();
    if draws.is_empty() {
        return Err(Failure(format!(
            "No draw was made for the body \"{name}\"."
        )));
    }
    let mut wrong = 0;
    for d in draws {
        let date = d.date.map(|x| x.to_string()).unwrap_or_default();
        let mut v = a.verify_draw(d.id)?;
        if recompute {
            v.problems.extend(a.recompute_chances(d.id)?);
        }
        if v.problems.is_empty() {
            let names: Vec<&str> = d
                .chosen
                .iter()
                .filter_map(|p| d.candidates.iter().find(|c| c.party == *p))
                .map(|c| c.name.as_str())
                .collect();
            writeln!(
                out,
                "Draw of {date}: ok ({}). Seed {} from {} dice; {} seat{} drawn: {}.",
                d.method_kind().map_or(d.method.as_str(), |m| m.id()),
                v.outcome.seed,
                d.dice.len(),
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            )?;
        } else {
            wrong += 1;
            writeln!(out, "Draw of {date}: DOES NOT FOLLOW from its inputs:")?;
            for p in &v.problems {
                writeln!(out, "  - {p}")?;
            }
        }
    }
    match wrong {
        0 => Ok(()),
        n => Err(Failure(format!(
            "{n} draw{} of \"{name}\" do{} not follow from {} recorded inputs.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "es" } else { "" },
            if n == 1 { "its" } else { "their" }
        ))),
    }
}

/// `samenspel import-csv parties`: every row right, or nothing written.
fn import_csv(csv: &Path, file: &Path, dry_run: bool, out: &mut dyn Write) -> Result<(), Failure> {
    use crate::csvimport::update::{self, Status};
    let bytes = std::fs::read(csv)
        .map_err(|e| Failure(format!("Could not read {}: {e}.", csv.display())))?;
    let mut doc = Document::open(file)?;
    if !dry_run {
        doc.writable()?;
    }
    let lang = crate::i18n::Lang::of(doc.alliance());
    let table =
        crate::csvimport::read(&bytes).map_err(|e| Failure(format!("{}: {e}", csv.display())))?;
    let mapping = crate::csvimport::guess_mapping(&table.headers);
    let (parties, errors) = crate::csvimport::parties(&table, &mapping, &[]);
    if !errors.is_empty() {
        for e in &errors {
            let reason = lang.pick(&e.reason_nl, &e.reason);
            writeln!(out, "{}:{}: {reason}", csv.display(), e.line)?;
        }
        // Rows, not reasons: one row can be wrong in two ways.
        let rows = crate::csvimport::wrong_rows(&errors);
        return Err(Failure(lang.pick(
            format!(
                "Er is niets ingelezen: {rows} {} van {} {} niet goed (hierboven genoemd).",
                if rows == 1 { "rij" } else { "rijen" },
                csv.display(),
                if rows == 1 { "is" } else { "zijn" }
            ),
            format!(
                "Nothing was imported: {} row{} of {} {} wrong (listed above).",
                rows,
                if rows == 1 { "" } else { "s" },
                csv.display(),
                if rows == 1 { "is" } else { "are" }
            ),
        )));
    }
    if parties.is_empty() {
        return Err(Failure(lang.pick(
            format!("{} heeft geen partijen om in te lezen.", csv.display()),
            format!("{} has no parties to import.", csv.display()),
        )));
    }
    let a = doc.alliance();
    let plans = update::plan(a, &parties);
    for line in import_lines(lang, a, &plans) {
        writeln!(out, "{line}")?;
    }
    let count = |s: Status| plans.iter().filter(|p| p.status() == s).count();
    let (new, changed, same, conflicts) = (
        count(Status::New),
        count(Status::Changed),
        count(Status::Unchanged),
        count(Status::Conflict),
    );
    let summary = lang.pick(
        format!("{new} nieuw, {changed} gewijzigd, {same} ongewijzigd, {conflicts} conflict"),
        format!("{new} new, {changed} changed, {same} unchanged, {conflicts} in conflict"),
    );
    if dry_run {
        writeln!(
            out,
            "{}",
            lang.pick(
                format!("Proef: {summary}; er is niets geschreven."),
                format!("Dry run: {summary}; nothing was written."),
            )
        )?;
        return Ok(());
    }
    if new + changed > 0 {
        let chosen = vec![true; plans.len()];
        let edit = update::apply(
            a,
            &plans,
            &chosen,
            crate::domain::clock::Clock::from_env().today(),
        );
        doc.perform(edit)?;
        doc.seal();
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            format!(
                "Ingelezen uit {} in {}: {summary}.",
                csv.display(),
                file.display()
            ),
            format!(
                "Imported {} into {}: {summary}.",
                csv.display(),
                file.display()
            ),
        )
    )?;
    Ok(())
}

/// One line per party of an import plan, then one per change: "nieuw:
/// NAAM (2 personen)", "gewijzigd: NAAM: werkgebied ‘A’ → ‘B’",
/// "ongewijzigd: NAAM", "conflict, regel 12: …".
fn import_lines(
    lang: crate::i18n::Lang,
    a: &crate::domain::Alliance,
    plans: &[crate::csvimport::update::PartyPlan],
) -> Vec<String> {
    use crate::csvimport::update::Status;
    let field = |f: crate::csvimport::Field| lang.pick(f.label_nl(), f.label());
    let value = |f: crate::csvimport::Field, v: &str| match f {
        crate::csvimport::Field::Kind => crate::i18n::feature_label(lang, "kind", v),
        _ => v.to_string(),
    };
    let mut out = Vec::new();
    for p in plans {
        let name = one_line(&p.party.name);
        match p.status() {
            Status::New => {
                let n = p.party.people.len();
                out.push(lang.pick(
                    format!(
                        "nieuw: {name} ({n} {}), regel {}",
                        if n == 1 { "persoon" } else { "personen" },
                        p.party.line
                    ),
                    format!(
                        "new: {name} ({n} {}), line {}",
                        if n == 1 { "person" } else { "people" },
                        p.party.line
                    ),
                ))
            }
            Status::Unchanged => {
                out.push(lang.pick(format!("ongewijzigd: {name}"), format!("unchanged: {name}")))
            }
            Status::Conflict => {
                for c in &p.conflicts {
                    out.push(lang.pick(
                        format!("conflict, regel {}: {}", c.line, c.reason_nl),
                        format!("conflict, line {}: {}", c.line, c.reason),
                    ));
                }
            }
            Status::Changed => {
                let was = p
                    .existing
                    .and_then(|id| a.party(id))
                    .map(|x| one_line(&x.name))
                    .unwrap_or_default();
                out.push(if p.renamed {
                    lang.pick(
                        format!(
                            "gewijzigd: {name} (hernoemd, was ‘{was}’), regel {}",
                            p.party.line
                        ),
                        format!(
                            "changed: {name} (renamed, was ‘{was}’), line {}",
                            p.party.line
                        ),
                    )
                } else {
                    lang.pick(
                        format!("gewijzigd: {name}, regel {}", p.party.line),
                        format!("changed: {name}, line {}", p.party.line),
                    )
                });
                for c in p
                    .changes
                    .iter()
                    .filter(|c| c.field != crate::csvimport::Field::Name)
                {
                    out.push(format!(
                        "  {}: ‘{}’ → ‘{}’",
                        field(c.field),
                        one_line(&value(c.field, &c.before)),
                        one_line(&value(c.field, &c.after))
                    ));
                }
                for x in &p.people {
                    let who = one_line(&x.person.name);
                    if x.existing.is_none() {
                        out.push(lang.pick(
                            format!("  nieuwe persoon: {who}, regel {}", x.person.line),
                            format!("  new person: {who}, line {}", x.person.line),
                        ));
                    }
                    for c in &x.changes {
                        out.push(format!(
                            "  {who}, {}: ‘{}’ → ‘{}’",
                            field(c.field),
                            one_line(&c.before),
                            one_line(&c.after)
                        ));
                    }
                }
            }
        }
    }
    out
}

fn import(json: &Path, file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    if file.exists() {
        return Err(crate::store::StoreError::AlreadyExists(file.to_path_buf()).into());
    }
    let text = std::fs::read_to_string(json)
        .map_err(|e| Failure(format!("Could not read {}: {e}.", json.display())))?;
    let exchange = Exchange::parse(&text)?;
    crate::store::Store::create_locked(
        file,
        &exchange.alliance,
        &exchange.history,
        exchange.lock.as_ref(),
        None,
    )
    .map_err(|e| match (e.waiting(), e) {
        // Nothing was made: no "earlier changes" to speak of.
        (Some(w), _) => {
            Failure(crate::store::StoreError::CannotMake(file.to_path_buf(), w).to_string())
        }
        (None, crate::store::StoreError::RecordBroken(b)) => Failure(format!(
            "The record of commitments does not match the records ({}); nothing was written.",
            crate::i18n::Lang::En.broken(&exchange.alliance, &b)
        )),
        (None, e) => Failure(e.to_string()),
    })?;
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
        "  file version {}, {} parties, {} people, {} bodies, {} members, {} party seats, {} undo step{}",
        store.schema_version()?,
        alliance.parties.len(),
        alliance.people.len(),
        alliance.bodies.len(),
        alliance.memberships.len(),
        alliance.table_seats.len(),
        history.len(),
        if history.len() == 1 { "" } else { "s" }
    )?;
    for p in &store.tidied().removed {
        writeln!(
            out,
            "  removed a temporary file left by an interrupted import: {}",
            p.display()
        )?;
    }
    if store.tidied().checkpointed {
        writeln!(
            out,
            "  written into the file: what its write-ahead log still held (work that was interrupted)"
        )?;
    }
    if problems.is_empty() {
        writeln!(out, "  SQLite integrity check: ok")?;
    } else {
        for p in &problems {
            writeln!(out, "  SQLite integrity check: {p}")?;
        }
    }
    let (notes, findings): (Vec<_>, Vec<_>) = findings.into_iter().partition(|f| f.is_note());
    if findings.is_empty() {
        writeln!(out, "  consistency check: ok")?;
    } else {
        for f in &findings {
            writeln!(out, "  consistency check: {f}")?;
        }
    }
    // Notes are what is normal under way (an interview not yet held).
    for n in &notes {
        writeln!(out, "  note: {n}")?;
    }
    if store.is_locked() {
        writeln!(
            out,
            "  confidential texts: encrypted with a passphrase (not needed for this check)"
        )?;
    }
    // The record of commitments, and every draw, recomputed.
    let mut broken = 0;
    match verify_record(&alliance, None, crate::i18n::Lang::En) {
        Ok(line) => writeln!(out, "  {line}")?,
        Err(why) => {
            broken += 1;
            writeln!(out, "  record of commitments: {why}")?;
        }
    }
    for d in alliance.seat_draws.iter().filter(|d| d.is_drawn()) {
        let body = alliance.body(d.body).map_or("", |b| b.name.as_str());
        match alliance.verify_draw(d.id) {
            Ok(v) if v.problems.is_empty() => {
                writeln!(out, "  draw {} ({body}): ok", d.id)?;
            }
            Ok(v) => {
                broken += 1;
                for p in &v.problems {
                    writeln!(out, "  draw {} ({body}): {p}", d.id)?;
                }
            }
            Err(e) => {
                broken += 1;
                writeln!(out, "  draw {} ({body}): {e}", d.id)?;
            }
        }
    }
    match problems.len() + findings.len() + broken {
        0 => Ok(()),
        n => Err(Failure(format!(
            "{} has {n} problem{} (listed above).",
            file.display(),
            if n == 1 { "" } else { "s" }
        ))),
    }
}

/// Where passphrases come from: the terminal (not echoed), or standard
/// input one line each (`--stdin`, for scripts).
struct Asker {
    stdin: bool,
}

impl Asker {
    fn new(stdin: bool) -> Asker {
        Asker { stdin }
    }

    fn passphrase(&mut self, prompt: &str) -> Result<String, Failure> {
        if self.stdin {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Failure(format!("Could not read the passphrase: {e}.")))?;
            if line.is_empty() {
                return Err(Failure(
                    "Standard input ended before the passphrase was given.".into(),
                ));
            }
            Ok(line.trim_end_matches(['\n', '\r']).to_string())
        } else {
            rpassword::prompt_password(prompt).map_err(|_| {
                Failure(
                    "There is no terminal to ask for the passphrase; pass it on standard input with --stdin."
                        .into(),
                )
            })
        }
    }
}

fn passphrase(file: &Path, stdin: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let mut doc = Document::open(file)?;
    doc.writable()?;
    let mut ask = Asker::new(stdin);
    let changing = doc.is_encrypted();
    if changing {
        doc.unlock(&ask.passphrase("Current passphrase: ")?)?;
    }
    let new = ask.passphrase("New passphrase: ")?;
    if !stdin {
        let again = ask.passphrase("The new passphrase again: ")?;
        crate::crypt::check_new(&new, &again)?;
    }
    doc.set_passphrase(&new)?;
    let what = if changing {
        "the passphrase is changed"
    } else {
        "its confidential texts are now encrypted with the passphrase"
    };
    writeln!(
        out,
        "{}: {what}. Keep it safe: a lost passphrase cannot be recovered.",
        file.display()
    )?;
    // Backups made before a migration were copies of the file as it was,
    // the texts readable: removed with the passphrase.
    let backups: Vec<String> = doc
        .removed_backups()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    if !backups.is_empty() {
        writeln!(
            out,
            "Removed the older backups in which the texts could still be read: {}.",
            backups.join(", ")
        )?;
    }
    Ok(())
}

/// The meeting a room serves: the one asked for, else today's, else the
/// next, else the last.
pub fn room_meeting(
    a: &crate::domain::Alliance,
    asked: Option<crate::domain::Id>,
    today: chrono::NaiveDate,
) -> Result<crate::domain::Id, Failure> {
    if let Some(id) = asked {
        return a
            .meeting(id)
            .map(|m| m.id)
            .ok_or_else(|| Failure(format!("There is no meeting {id} in this alliance.")));
    }
    let dated = |pick: &dyn Fn(chrono::NaiveDate) -> bool| {
        a.meetings
            .iter()
            .filter(|m| m.date.is_some_and(pick))
            .min_by_key(|m| (m.date, m.id))
            .map(|m| m.id)
    };
    dated(&|d| d == today)
        .or_else(|| dated(&|d| d > today))
        .or_else(|| {
            a.meetings
                .iter()
                .max_by_key(|m| (m.date, m.id))
                .map(|m| m.id)
        })
        .ok_or_else(|| Failure("This alliance has no meetings; plan one first.".into()))
}

/// The network the phones are on, when `--bind` does not say: the first
/// interface by name is often a VPN's or a bridge's, so the facilitator
/// chooses from the list (on a terminal), and a script is told to say it.
fn choose_network(lang: crate::i18n::Lang) -> Result<std::net::SocketAddr, Failure> {
    use std::io::IsTerminal;
    let networks = crate::room::interfaces();
    let port = crate::room::DEFAULT_PORT;
    if networks.is_empty() {
        return Err(Failure(lang.pick(
            format!("Geen netwerk gevonden: verbind met het netwerk van de zaal, of probeer het op deze computer met --bind 127.0.0.1:{port}."),
            format!("No network found: join the room's network, or try it on this computer with --bind 127.0.0.1:{port}."),
        )));
    }
    let listing: Vec<String> = networks
        .iter()
        .enumerate()
        .map(|(i, (name, ip))| format!("  {}. {ip}:{port}  ({name})", i + 1))
        .collect();
    let listing = listing.join("\n");
    if !std::io::stdin().is_terminal() {
        return Err(Failure(lang.pick(
            format!("Zeg met --bind ADRES:POORT op welk netwerk de telefoons zitten:\n{listing}"),
            format!("Say with --bind ADDRESS:PORT which network the phones are on:\n{listing}"),
        )));
    }
    eprint!(
        "{}\n{listing}\n{} ",
        lang.pick(
            "Op welk netwerk zitten de telefoons?",
            "Which network are the phones on?"
        ),
        lang.pick("Nummer (1):", "Number (1):")
    );
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let chosen = match line.trim() {
        "" => Some(0),
        n => n.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
    };
    match chosen.and_then(|i| networks.get(i)) {
        Some((_, ip)) => Ok(std::net::SocketAddr::new(*ip, port)),
        None => Err(Failure(lang.pick(
            format!(
                "Geen netwerk met dat nummer: kies 1 tot {}.",
                networks.len()
            ),
            format!(
                "No network with that number: choose 1 to {}.",
                networks.len()
            ),
        ))),
    }
}

/// A name as one field of one line: a tab or a line break in it (typed,
/// or imported) would forge another field or another party's line.
fn one_line(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn serve(
    file: &Path,
    meeting: Option<crate::domain::Id>,
    bind: Option<std::net::SocketAddr>,
    cards: Option<&Path>,
    keep_cards: bool,
    lang: Option<LangArg>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use std::sync::Arc;
    let mut doc = Document::open(file)?;
    let lang = LangArg::or_alliance(lang, doc.alliance());
    doc.writable()?;
    let today = crate::domain::clock::Clock::from_env().today();
    let meeting = room_meeting(doc.alliance(), meeting, today)?;
    let bind = match bind {
        Some(bind) => bind,
        None => choose_network(lang)?,
    };
    if bind.ip().is_unspecified() {
        return Err(Failure(format!(
            "Listen on one interface's address (such as 192.168.4.1:{}), not {}: the cards need an address the phones can reach.",
            bind.port(),
            bind.ip()
        )));
    }
    let mut session = crate::room::Session::start(&doc, meeting, bind, lang, Arc::new(|| {}))
        .map_err(|e| Failure(format!("The room server could not start at {bind}: {e}.")))?;
    let address = session.address().to_string();
    let parties = doc.alliance().ballot_parties(meeting, today);
    if keep_cards {
        // The cards handed out go on working; say which parties have one.
        let a = doc.alliance();
        let live = a.live_ballots(meeting);
        if live.is_empty() {
            return Err(Failure(format!(
                "Meeting {meeting} has no ballot cards yet: run serve without --keep-cards to issue them."
            )));
        }
        if let Some(b) = live.iter().find(|b| b.address != address) {
            eprintln!(
                "The cards were printed for {}, but this server is listening on {address}; their links only reach it if that is the same address.",
                b.address
            );
        }
        for b in &live {
            writeln!(
                out,
                "{}\t(card issued {})",
                one_line(a.party_name(Some(b.party))),
                b.issued
            )?;
        }
        out.flush()?;
        return serve_until_closed(&mut doc, session, meeting, lang, out);
    }
    let (edit, links) = crate::room::issue(
        doc.alliance(),
        meeting,
        &parties,
        &address,
        &crate::domain::clock::Clock::from_env().stamp(),
    );
    doc.perform(edit)?;
    session.refresh(&doc);
    if let Some(path) = cards {
        let bytes = crate::report::ballots::cards(doc.alliance(), meeting, &links, lang)
            .ok_or_else(|| Failure(format!("There is no meeting {meeting}.")))?;
        crate::store::write_private(path, &bytes)
            .map_err(|e| Failure(format!("Could not write {}: {e}.", path.display())))?;
    }
    let a = doc.alliance();
    // On a screen (a mirrored one shows the room), the links are ballots:
    // said first, on the error stream, so the output stays the lines.
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!(
            "{}",
            lang.pick(
                "Let op: elke link hieronder is de stemkaart van een partij. Toon dit scherm niet op de beamer.",
                "Note: every link below is a party's ballot card. Do not show this screen on the projector.",
            )
        );
    }
    for (party, link) in &links {
        writeln!(out, "{}\t{link}", one_line(a.party_name(Some(*party))))?;
    }
    out.flush()?;
    serve_until_closed(&mut doc, session, meeting, lang, out)
}

/// Record the phones' stances until standard input closes (or Ctrl+C).
fn serve_until_closed(
    doc: &mut Document,
    mut session: crate::room::Session,
    meeting: crate::domain::Id,
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let title = doc
        .alliance()
        .meeting(meeting)
        .map(|m| m.title.clone())
        .unwrap_or_default();
    let address = session.address();
    eprintln!(
        "Serving the ballot cards for '{title}' at http://{address}; press Ctrl+C or close standard input to stop. Type 'status', 'reveal ROUND', 'absent ROUND PARTY', 'checkin' or 'show-checkin' to steer the room."
    );
    // Standard input: the facilitator's commands, a line each; closing it
    // stops the room (tests, scripts).
    let (lines, commands) = std::sync::mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::stdin().lock()) {
            match line {
                Ok(line) => {
                    if lines.send(Some(line)).is_err() {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        let _ = lines.send(None);
    });
    loop {
        session.pump_waiting(doc, std::time::Duration::from_millis(100));
        match commands.try_recv() {
            Ok(Some(line)) if !line.trim().is_empty() => {
                let answer = serve_command(doc, meeting, line.trim(), lang);
                session.refresh(doc);
                writeln!(out, "{answer}")?;
                out.flush()?;
            }
            Ok(Some(_)) | Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
        }
    }
    session.stop();
    eprintln!("Stopped: standard input closed.");
    Ok(())
}

/// One command typed to `serve`: `status`, `reveal ROUND`, `absent
/// ROUND PARTY` (the party by number or name), `checkin` (put the adopted
/// ground rules to the phones) or `show-checkin` (show its distribution).
/// The reveal is the same commitment as the window's, refused while a
/// party has neither cast nor been recorded absent. The answer is one line
/// in `lang`.
fn serve_command(
    doc: &mut Document,
    meeting: crate::domain::Id,
    line: &str,
    lang: crate::i18n::Lang,
) -> String {
    use crate::domain::{Round, RoundStatus};
    let a = doc.alliance();
    let open_checkin = a.checkin_rounds_of(meeting).find(|r| !r.shown);
    let names = |ids: &[crate::domain::Id]| {
        ids.iter()
            .map(|p| one_line(a.party_name(Some(*p))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let round_of = |word: Option<&&str>| -> Result<&Round, String> {
        let id: crate::domain::Id = word
            .and_then(|w| w.trim_start_matches('#').parse().ok())
            .ok_or_else(|| {
                lang.pick(
                    "Noem de ronde met haar nummer.",
                    "Name the round by its number.",
                )
                .to_string()
            })?;
        a.round(id)
            .filter(|r| r.status == RoundStatus::Open)
            .ok_or_else(|| {
                lang.pick(
                    format!("Ronde {id} staat niet open."),
                    format!("Round {id} is not open."),
                )
            })
    };
    let edit = match words.first().map(|w| w.to_lowercase()).as_deref() {
        Some("status") => {
            let open: Vec<String> = a
                .rounds
                .iter()
                .filter(|r| r.status == RoundStatus::Open)
                .map(|r| {
                    let voters = a.voting_parties(r).len();
                    let missing = a.missing_voters(r);
                    let cast = voters.saturating_sub(missing.len() + r.absent.len());
                    let state = if r.revealed {
                        lang.pick("getoond", "revealed").to_string()
                    } else if missing.is_empty() {
                        lang.pick("klaar om te tonen", "ready to reveal")
                            .to_string()
                    } else {
                        lang.pick(
                            format!("wacht op {}", names(&missing)),
                            format!("waiting for {}", names(&missing)),
                        )
                    };
                    format!(
                        "#{} {}: {cast}/{voters}, {state}",
                        r.id,
                        one_line(&r.proposal)
                    )
                })
                .collect();
            let mut open = if open.is_empty() {
                vec![
                    lang.pick("Geen open rondes.", "No open rounds.")
                        .to_string(),
                ]
            } else {
                open
            };
            if let Some(c) = open_checkin {
                let said = checkin_said(a, c.id, lang);
                open.push(lang.pick(
                    format!("check-in (nog niet getoond): {said}"),
                    format!("check-in (not shown yet): {said}"),
                ));
            }
            return open.join(" | ");
        }
        Some("checkin" | "check-in") => {
            if open_checkin.is_some() {
                return lang
                    .pick(
                        "Er staat al een check-in open; toon die met: show-checkin",
                        "A check-in is already open; show it with: show-checkin",
                    )
                    .to_string();
            }
            let rules: Vec<crate::domain::Id> = a
                .ground_rules
                .iter()
                .filter(|r| r.status == crate::domain::RuleStatus::Adopted)
                .map(|r| r.id)
                .collect();
            if rules.is_empty() {
                return lang.tr(crate::i18n::T::CheckinNoAdopted).to_string();
            }
            let n = rules.len();
            (
                a.open_checkin(meeting, rules),
                lang.pick(
                    format!("Check-in op {n} spelregels staat open op de telefoons."),
                    format!("Check-in on {n} ground rules is open on the phones."),
                ),
            )
        }
        Some("show-checkin" | "toon-checkin") => {
            let Some(c) = open_checkin else {
                return lang
                    .pick(
                        "Er staat geen check-in open; open er een met: checkin",
                        "No check-in is open; open one with: checkin",
                    )
                    .to_string();
            };
            let said = checkin_said(a, c.id, lang);
            let Some(edit) = a.show_checkin(c.id) else {
                return String::new();
            };
            (
                edit,
                lang.pick(
                    format!("Check-in getoond: {said}"),
                    format!("Check-in shown: {said}"),
                ),
            )
        }
        Some("reveal" | "toon") => match round_of(words.get(1)) {
            Err(e) => return e,
            Ok(r) if r.revealed => {
                return lang.pick(
                    format!("Ronde {} is al getoond.", r.id),
                    format!("Round {} is already revealed.", r.id),
                );
            }
            Ok(r) => {
                let missing = a.missing_voters(r);
                if !missing.is_empty() {
                    return lang.pick(
                        format!(
                            "Nog niet: {} hebben niet gestemd. Leg ze als afwezig vast met: absent {} PARTIJ",
                            names(&missing),
                            r.id
                        ),
                        format!(
                            "Not yet: {} have not voted. Record them as absent with: absent {} PARTY",
                            names(&missing),
                            r.id
                        ),
                    );
                }
                (
                    a.update(Round {
                        revealed: true,
                        ..r.clone()
                    }),
                    lang.pick(
                        format!("Ronde {} getoond.", r.id),
                        format!("Round {} revealed.", r.id),
                    ),
                )
            }
        },
        Some("absent" | "afwezig") => match round_of(words.get(1)) {
            Err(e) => return e,
            Ok(r) => {
                let who = words[2.min(words.len())..].join(" ");
                let party = who
                    .parse::<crate::domain::Id>()
                    .ok()
                    .filter(|id| a.party(*id).is_some())
                    .or_else(|| {
                        a.parties
                            .iter()
                            .find(|p| p.name.eq_ignore_ascii_case(who.trim()))
                            .map(|p| p.id)
                    });
                let Some(party) = party.filter(|p| a.missing_voters(r).contains(p)) else {
                    return lang.pick(
                        format!(
                            "‘{who}’ is geen partij die in ronde {} nog moet stemmen.",
                            r.id
                        ),
                        format!("‘{who}’ is not a party still to vote in round {}.", r.id),
                    );
                };
                let mut absent = r.absent.clone();
                absent.push(party);
                (
                    a.update(Round {
                        absent,
                        ..r.clone()
                    }),
                    lang.pick(
                        format!(
                            "{} als afwezig vastgelegd in ronde {}.",
                            one_line(a.party_name(Some(party))),
                            r.id
                        ),
                        format!(
                            "{} recorded as absent in round {}.",
                            one_line(a.party_name(Some(party))),
                            r.id
                        ),
                    ),
                )
            }
        },
        _ => {
            return lang
                .pick(
                    "Opdrachten: status, reveal RONDE, absent RONDE PARTIJ, checkin, show-checkin",
                    "Commands: status, reveal ROUND, absent ROUND PARTY, checkin, show-checkin",
                )
                .to_string();
        }
    };
    let (edit, done) = edit;
    match doc.perform(edit) {
        Ok(_) => done,
        Err(e) => lang.store_error(&e),
    }
}

/// How many people from how many parties scored in a check-in, as one
/// sentence.
fn checkin_said(
    a: &crate::domain::Alliance,
    round: crate::domain::Id,
    lang: crate::i18n::Lang,
) -> String {
    use crate::i18n::T;
    let result = a.checkin_result(round);
    lang.count(T::PhoneCheckinPeople, result.people()).replace(
        "{parties}",
        &lang.count(T::PhoneCheckinParties, result.respondents.len()),
    )
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

#[cfg(test)]
mod tests {
    /// A name with a tab or a line break cannot forge a field or a line of
    /// `serve`'s "party<TAB>link" output.
    #[test]
    fn a_name_is_one_field_of_one_line() {
        let forged = "De Brug\thttp://evil/b/x\nHorizon";
        let line = super::one_line(forged);
        assert!(!line.contains(['\t', '\n', '\r']));
        assert_eq!(line, "De Brug http://evil/b/x Horizon");
    }
}
