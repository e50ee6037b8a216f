//! The facilitator's intake summary: every interview, every answer with
//! its visibility, the facilitator's notes and the comfort needs. This is
//! the one document that reads the whole alliance; it says so on every
//! page and is never sent to the parties.

use crate::domain::{Alliance, ComfortFrom, QuestionKind, Visibility};
use crate::i18n::{Lang, T};

use super::{ACCENT, BODY, DocInfo, Layout, MUTED, WARN, Weight};

/// The intake summary of the whole alliance.
pub fn render(a: &Alliance, lang: Lang) -> Vec<u8> {
    let confidential = lang.tr(T::PdfConfidential);
    let mut doc = Layout::new(DocInfo {
        title: format!("{} — {}", lang.tr(T::PdfIntakeSummary), a.info.name),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: lang.tr(T::PdfIntakeSummary).to_string(),
        lang,
        header: format!("{} · {}", a.info.name, lang.tr(T::PdfIntakeSummary)),
        footer: format!("{confidential} · {}", a.info.name),
    });
    doc.paragraph_in(&a.info.name, Weight::Regular, 11.0, 0.0, MUTED);
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
    let all = a.trust_by_party();
    let rows: Vec<Vec<String>> = a
        .parties
        .iter()
        .map(|p| {
            let trust = all.get(&p.id).map_or(&[][..], Vec::as_slice);
            let last = trust.last();
            vec![
                p.name.clone(),
                a.interviews_of(p.id).len().to_string(),
                last.and_then(|t| t.date)
                    .map(|d| lang.date(d))
                    .unwrap_or_else(|| "—".into()),
                last.and_then(|t| t.satisfaction)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "—".into()),
                last.and_then(|t| t.stance)
                    .map(|s| lang.stance(s).to_string())
                    .unwrap_or_else(|| "—".into()),
                a.open_comfort_needs_of(p.id).count().to_string(),
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

    for p in &a.parties {
        doc.new_page();
        doc.heading(&p.name, 16.0);
        let interviews = a.interviews_of(p.id);
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
            for q in a.questions_of(iv.id) {
                let Some(ans) = a.answer(iv.id, q.id).filter(|x| !x.is_empty()) else {
                    continue;
                };
                doc.paragraph(&q.text, Weight::Bold, 9.5, 0.0);
                let mut facts = Vec::new();
                if q.kind == QuestionKind::Score
                    && let Some(s) = ans.score
                {
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
        let needs: Vec<_> = a.comfort_needs.iter().filter(|c| c.party == p.id).collect();
        if !needs.is_empty() {
            doc.heading(lang.tr(T::NavComfort), 12.5);
            for c in needs {
                let from = match c.from_whom {
                    ComfortFrom::Party(id) => a.party_name(Some(id)).to_string(),
                    ComfortFrom::AllParties => lang.tr(T::AllParties).to_string(),
                    ComfortFrom::Commissioner => lang.tr(T::Commissioner).to_string(),
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
