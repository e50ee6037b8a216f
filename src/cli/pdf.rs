//! `samenspel pdf`: every document the window saves, from the command line.

use super::*;

/// Long for a reason: one arm per kind of document, each building its
/// view and naming in one sentence what is missing.
#[allow(clippy::too_many_arguments)]
pub(super) fn pdf(
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
    let built = crate::report::build(&a, &request, crate::clock::from_env().today()).map_err(
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
        },
    )?;
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
