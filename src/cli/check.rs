//! `samenspel check` and `samenspel passphrase`: a file looked over, and its confidential texts locked or unlocked.

use super::*;

pub(super) fn check(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::open_read_only(file)?;
    let problems = store.integrity_problems()?;
    let alliance = store.load()?;
    let history = store.history()?;
    let findings = alliance.check();
    writeln!(out, "{}", file.display())?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "  file version {}, {}, {}, {}, {}, {}, {}",
        store.schema_version()?,
        count(alliance.parties.len(), "party", "parties"),
        count(alliance.people.len(), "person", "people"),
        count(alliance.bodies.len(), "body", "bodies"),
        count(alliance.memberships.len(), "member", "members"),
        count(alliance.table_seats.len(), "party seat", "party seats"),
        count(history.len(), "undo step", "undo steps"),
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
pub(super) struct Asker {
    stdin: bool,
}

impl Asker {
    pub(super) fn new(stdin: bool) -> Asker {
        Asker { stdin }
    }

    pub(super) fn passphrase(&mut self, prompt: &str) -> Result<String, Failure> {
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

pub(super) fn passphrase(file: &Path, stdin: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let mut doc = Document::open_at(file, crate::clock::from_env())?;
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
