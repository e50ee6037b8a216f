//! The facilitator's intake summary: every interview, every answer with
//! its visibility, the facilitator's notes and the comfort needs. This is
//! the one document that reads the whole alliance; it says so on every
//! page and is never sent to the parties.

use crate::domain::Visibility;
use crate::i18n::{Lang, T};
use samenspel_projection::print::{From, IntakeView};

use super::{ACCENT, BODY, DocInfo, Layout, MUTED, WARN, Weight};

/// The intake summary of the whole alliance.
pub fn render(view: &IntakeView, lang: Lang) -> Vec<u8> {
    let alliance = &view.alliance;
    let confidential = lang.tr(T::PdfConfidential);
    let mut doc = Layout::new(DocInfo {
        title: format!("{} — {alliance}", lang.tr(T::PdfIntakeSummary)),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: lang.tr(T::PdfIntakeSummary).to_string(),
        lang,
        header: format!("{alliance} · {}", lang.tr(T::PdfIntakeSummary)),
        footer: format!("{confidential} · {alliance}"),
    });
    doc.paragraph_in(alliance, Weight::Regular, 11.0, 0.0, MUTED);
    doc.space(1.0);
    doc.heading(lang.tr(T::PdfIntakeSummary), 20.0);
    doc.paragraph_in(confidential, Weight::Bold, 11.0, 0.0, WARN);
    doc.paragraph_in(
        lang.tr(T::PdfConfidentialHint),
        Weight::Regular,
        9.5,
        0.0,
        MUTED,
    );
    doc.space(5.0);

    // Where every party stands: its latest interview.
    doc.heading(lang.tr(T::PdfWhereStands), 14.0);
    let rows: Vec<Vec<String>> = view
        .overview
        .iter()
        .map(|p| {
            vec![
                p.party.clone(),
                p.interviews.to_string(),
                p.date.map(|d| lang.date(d)).unwrap_or_else(|| "—".into()),
                p.satisfaction
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "—".into()),
                p.stance
                    .map(|s| lang.stance(s).to_string())
                    .unwrap_or_else(|| "—".into()),
                p.open_needs.to_string(),
            ]
        })
        .collect();
    doc.table(
        &[0.29, 0.14, 0.15, 0.09, 0.19, 0.14],
        &[
            lang.tr(T::PdfParty),
            lang.tr(T::PdfInterviews),
            lang.tr(T::Date),
            lang.tr(T::PdfScore),
            lang.tr(T::PdfStance),
            lang.tr(T::PdfOpenNeeds),
        ],
        &rows,
        9.0,
    );

    for p in &view.parties {
        doc.new_page();
        doc.heading(&p.name, 16.0);
        let interviews = &p.interviews;
        if interviews.is_empty() {
            doc.paragraph_in(
                lang.tr(T::PdfNoInterview),
                Weight::Regular,
                BODY,
                0.0,
                MUTED,
            );
        }
        for (i, iv) in interviews.iter().enumerate() {
            let date = iv.date.map(|d| lang.date(d)).unwrap_or_else(|| "—".into());
            doc.heading(
                &format!("{} {} · {date}", lang.tr(T::PdfInterview), i + 1),
                12.5,
            );
            if !iv.spoken_with.trim().is_empty() {
                doc.field(lang.tr(T::SpokenWith), &iv.spoken_with, 34.0);
                doc.space(1.5);
            }
            for ans in &iv.answers {
                doc.paragraph(&ans.question, Weight::Bold, 9.5, 0.0);
                let mut facts = Vec::new();
                if let Some(s) = ans.score {
                    facts.push(format!("{} {s}", lang.tr(T::PdfScore)));
                }
                if let Some(s) = ans.stance {
                    facts.push(lang.stance(s).to_string());
                }
                facts.push(lang.visibility(ans.visibility).to_string());
                doc.paragraph_in(
                    &facts.join(" · "),
                    Weight::Regular,
                    8.5,
                    4.0,
                    if ans.visibility == Visibility::Confidential {
                        WARN
                    } else {
                        ACCENT
                    },
                );
                if !ans.text.trim().is_empty() {
                    doc.paragraph(&ans.text, Weight::Regular, BODY, 4.0);
                }
                doc.space(1.5);
            }
            if !iv.notes.trim().is_empty() {
                doc.paragraph_in(lang.tr(T::PdfNotes), Weight::Bold, 9.5, 0.0, WARN);
                doc.paragraph(&iv.notes, Weight::Regular, BODY, 4.0);
            }
            doc.space(3.0);
        }
        if !p.needs.is_empty() {
            doc.heading(lang.tr(T::NavComfort), 12.5);
            for c in &p.needs {
                let from = match &c.from {
                    From::Party(name) => name.clone(),
                    From::AllParties => lang.tr(T::AllParties).to_string(),
                    From::Commissioner => lang.tr(T::Commissioner).to_string(),
                };
                let mut line = format!(
                    "{} ({}: {from}) · {} · {}",
                    c.need,
                    lang.tr(T::FromWhom),
                    lang.comfort_status(c.status),
                    lang.visibility(c.visibility)
                );
                if !c.honoured_by.trim().is_empty() {
                    line.push_str(&format!(" · {}: {}", lang.tr(T::HonouredBy), c.honoured_by));
                }
                doc.bullet(&line, BODY);
            }
        }
    }
    doc.finish()
}
