//! `samenspel import-csv` and `import-json`: a register or a whole alliance read in, all or nothing.

use super::*;

/// `samenspel import-csv parties`: every row right, or nothing written.
pub(super) fn import_csv(
    csv: &Path,
    file: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use crate::csvimport::update::{self, Status};
    let bytes = std::fs::read(csv)
        .map_err(|e| Failure(format!("Could not read {}: {e}.", csv.display())))?;
    let mut doc = Document::open_at(file, crate::clock::from_env())?;
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
        let edit = update::apply(a, &plans, &chosen, crate::clock::from_env().today());
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
pub(super) fn import_lines(
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

pub(super) fn import(json: &Path, file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
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
        crate::clock::from_env(),
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
