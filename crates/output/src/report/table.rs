//! Two documents of a representative table (seed 003), for every party of
//! the network, chosen or not:
//!
//! - the selection report: the inputs of a draw (candidates, quotas, the
//!   rule), the room's dice, the seed, the method and its guarantee, and
//!   the outcome, so anyone can see the draw was fair and recompute it;
//! - what the table decided: the rounds put to the body, with who sat.
//!
//! Neither reads a confidential text: names, features of parties, dice,
//! proposals and dates only.

use crate::domain::{Method, RoundStatus, SeatDraw};
use crate::i18n::{Lang, T};
use crate::i18n::{chance_lines, feature_label, percent, quota_text, seat_how_of, term_between};
use crate::words::RoomWords;
use samenspel_projection::print::{SelectionView, TableView};

use super::{ACCENT, DocInfo, Layout, MUTED, Weight};

/// The selection report of a draw made, checked on `today`.
///
/// Long for a reason: a document read top to bottom (inputs, dice, seed, method, outcome,
/// check, the hashed text): its layout follows the page.
pub fn selection(view: &SelectionView, lang: Lang, today: chrono::NaiveDate) -> Vec<u8> {
    let d = &view.draw;
    let alliance = &view.alliance;
    let date = d.date.map(|x| lang.date(x)).unwrap_or_default();
    let title = lang
        .tr(T::PdfSelectionTitle)
        .replace("{body}", &view.body)
        .replace("{date}", &date);
    let mut doc = Layout::new(DocInfo {
        title: title.clone(),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: lang.tr(T::PdfSelection).to_string(),
        lang,
        header: format!("{alliance} · {title}"),
        footer: format!("{alliance} · {}", lang.tr(T::PdfSelection)),
    });
    doc.paragraph_in(alliance, Weight::Regular, 11.0, 0.0, MUTED);
    doc.space(1.0);
    doc.heading(&title, 20.0);
    doc.paragraph(
        &lang
            .tr(T::PdfSelectionIntro)
            .replace("{body}", &view.body)
            .replace("{seats}", &d.seats.to_string()),
        Weight::Regular,
        10.5,
        0.0,
    );
    doc.space(3.0);

    doc.heading(lang.tr(T::PdfSelectionInputs), 14.0);
    let free = d.free_seats();
    doc.bullet(
        &lang
            .tr(T::DrawFree)
            .replace("{n}", &free.to_string())
            .replace("{total}", &d.seats.to_string()),
        10.0,
    );
    doc.bullet(&term_rule(lang, d), 10.0);
    if !d.kept.is_empty() {
        let names: Vec<&str> = d.kept.iter().map(|c| c.name.as_str()).collect();
        doc.bullet(
            &format!("{}: {}", lang.tr(T::KeptSeats), names.join(", ")),
            10.0,
        );
    }
    if !view.sitting_out.is_empty() {
        doc.bullet(
            &format!(
                "{}: {}",
                lang.tr(T::SittingOut),
                view.sitting_out.join(", ")
            ),
            10.0,
        );
    }
    if d.quotas.is_empty() {
        doc.bullet(lang.tr(T::PdfNoQuotas), 10.0);
    }
    for q in &d.quotas {
        doc.bullet(&quota_text(lang, q), 10.0);
    }
    let chances = d.recorded_chances();
    if !chances.chances.is_empty() {
        // The chances, as the room saw them before the dice, before the
        // list: a provider left out reads first what chance it had.
        doc.space(3.0);
        doc.heading(lang.tr(T::PdfSelectionChances), 14.0);
        doc.paragraph(
            lang.tr(if view.chances_afterwards {
                T::PdfSelectionChancesAfterwards
            } else {
                T::PdfSelectionChancesIntro
            }),
            Weight::Regular,
            10.0,
            0.0,
        );
        for line in chance_lines(lang, d, &chances, true) {
            doc.bullet(&line, 10.0);
        }
    }
    doc.space(2.0);
    doc.paragraph_in(
        &lang
            .tr(T::CandidatesCount)
            .replace("{n}", &d.candidates.len().to_string()),
        Weight::Bold,
        10.5,
        0.0,
        ACCENT,
    );
    let chance_of = |party: i64| {
        chances
            .chances
            .iter()
            .find(|c| c.0 == party)
            .map(|c| percent(lang, c.1))
            .unwrap_or_else(|| "—".to_string())
    };
    let rows: Vec<Vec<String>> = d
        .candidates
        .iter()
        .map(|c| {
            let of = |k: &str| {
                c.features
                    .iter()
                    .filter(|(key, _)| key == k)
                    .map(|(_, v)| feature_label(lang, k, v))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut row = vec![
                c.name.clone(),
                of("kind"),
                of("size"),
                of("area"),
                of("theme"),
            ];
            if !chances.chances.is_empty() {
                row.push(chance_of(c.party));
            }
            row
        })
        .collect();
    // A column for the chances when they are known.
    let mut headers = vec![
        lang.tr(T::PdfParty),
        lang.tr(T::CategoryKind),
        lang.tr(T::CategorySize),
        lang.tr(T::CategoryArea),
        lang.tr(T::CategoryTheme),
    ];
    let widths: &[f32] = if chances.chances.is_empty() {
        &[0.30, 0.14, 0.15, 0.17, 0.24]
    } else {
        headers.push(lang.tr(T::PdfChance));
        &[0.28, 0.13, 0.13, 0.15, 0.21, 0.10]
    };
    doc.table(widths, &headers, &rows, 8.5);

    doc.space(3.0);
    doc.heading(lang.tr(T::PdfSelectionRandomness), 14.0);
    doc.paragraph(lang.tr(T::PdfSelectionDice), Weight::Regular, 10.0, 0.0);
    for (i, die) in d.dice.iter().enumerate() {
        doc.numbered(i + 1, die, 10.0);
    }
    doc.space(2.0);
    doc.field(lang.tr(T::Seed), &grouped(&d.seed), 38.0);
    doc.paragraph_in(
        lang.tr(T::PdfSelectionSeedHow),
        Weight::Regular,
        9.0,
        0.0,
        MUTED,
    );

    doc.space(3.0);
    doc.heading(lang.tr(T::PdfSelectionMethod), 14.0);
    let text = match d.method_kind() {
        Some(Method::Leximin) => T::PdfMethodLeximinText,
        Some(Method::Uniform) => T::PdfMethodUniformText,
        _ => T::PdfSelectionMethodText,
    };
    doc.paragraph(
        &lang.tr(text).replace("{method}", &d.method),
        Weight::Regular,
        10.0,
        0.0,
    );

    doc.space(3.0);
    doc.heading(lang.tr(T::PdfSelectionOutcome), 14.0);
    let rows: Vec<Vec<String>> = d
        .chosen
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (start, end) = d.term_of(i);
            let day = |x: Option<chrono::NaiveDate>| x.map(|x| lang.date(x)).unwrap_or_default();
            vec![
                (i + 1).to_string(),
                d.candidates
                    .iter()
                    .find(|c| c.party == *p)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                format!("{} – {}", day(start), day(end)),
            ]
        })
        .collect();
    doc.table(
        &[0.08, 0.57, 0.35],
        &["#", lang.tr(T::PdfParty), lang.tr(T::PdfTerm)],
        &rows,
        9.5,
    );
    if d.sitting_out_used {
        doc.paragraph(lang.tr(T::SittingOutUsed), Weight::Regular, 9.5, 0.0);
    }

    doc.space(3.0);
    doc.heading(lang.tr(T::PdfSelectionCheck), 14.0);
    let checked = match &view.check {
        Ok(problems) if problems.is_empty() => lang.tr(T::DrawChecked).to_string(),
        Ok(problems) => problems.join(" "),
        Err(e) => e.clone(),
    };
    doc.paragraph(
        &format!(
            "{} ({})",
            checked,
            lang.tr(T::PdfCheckedOn)
                .replace("{date}", &lang.date(today))
        ),
        Weight::Regular,
        10.0,
        0.0,
    );
    doc.paragraph(
        &lang.tr(T::PdfSelectionVerify).replace("{body}", &view.body),
        Weight::Regular,
        10.0,
        0.0,
    );
    doc.space(2.0);
    doc.paragraph_in(lang.tr(T::PdfCanonical), Weight::Bold, 9.5, 0.0, ACCENT);
    // One paragraph per line of the hashed text: a line too long for the
    // page continues indented, so where each line starts stays plain.
    for line in d.canonical_text().lines() {
        doc.hanging(line, 6.5, 4.0, MUTED);
    }
    doc.finish()
}

fn term_rule(lang: Lang, d: &SeatDraw) -> String {
    let years = d.term_years as usize;
    if d.staggered && d.term_years > 1 {
        lang.count(T::PdfTermStaggered, years - 1)
            .replace("{years}", &years.to_string())
    } else {
        lang.count(T::PdfTermFull, years)
    }
}

/// What a body decided, for all parties of the network: who sits at the
/// table now, and every round put to the body with its outcome.
pub fn decisions(view: &TableView, lang: Lang) -> Vec<u8> {
    let alliance = &view.alliance;
    let title = lang.tr(T::PdfTableDecided).replace("{body}", &view.body);
    let mut doc = Layout::new(DocInfo {
        title: title.clone(),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: title.clone(),
        lang,
        header: format!("{alliance} · {title}"),
        footer: match &view.record {
            Some(mark) => format!("{alliance} · {} · {}", view.body, lang.record_mark(mark)),
            None => format!("{alliance} · {}", view.body),
        },
    });
    doc.paragraph_in(alliance, Weight::Regular, 11.0, 0.0, MUTED);
    doc.space(1.0);
    doc.heading(&title, 20.0);
    doc.paragraph(
        &lang
            .tr(T::PdfTableDecidedIntro)
            .replace("{body}", &view.body)
            .replace("{n}", &view.parties.to_string()),
        Weight::Regular,
        10.5,
        0.0,
    );
    if !view.mandate.trim().is_empty() {
        doc.field(lang.tr(T::Mandate), &view.mandate, 38.0);
    }
    doc.space(3.0);
    doc.heading(lang.tr(T::PdfWhoSits), 14.0);
    let rows: Vec<Vec<String>> = view
        .seats
        .iter()
        .map(|s| {
            vec![
                s.party.clone(),
                s.person.clone(),
                term_between(lang, s.start, s.end),
                seat_how_of(lang, s.drawn),
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.paragraph(lang.tr(T::PdfNoSeats), Weight::Regular, 10.0, 0.0);
    } else {
        doc.table(
            // The term and the day drawn whole on their lines.
            &[0.25, 0.18, 0.30, 0.27],
            &[
                lang.tr(T::PdfParty),
                lang.tr(T::PdfSitter),
                lang.tr(T::PdfTerm),
                lang.tr(T::PdfHow),
            ],
            &rows,
            9.0,
        );
    }
    doc.space(3.0);
    doc.heading(lang.tr(T::PdfDecisionsOfTable), 14.0);
    if view.rounds.is_empty() {
        doc.paragraph(lang.tr(T::PdfNoTableRounds), Weight::Regular, 10.0, 0.0);
    }
    for r in &view.rounds {
        let when = r.when.map(|d| lang.date(d)).unwrap_or_default();
        let status = match r.status {
            RoundStatus::Open => lang.tr(T::PdfStillOpen).to_string(),
            s => lang.round_status(s).to_string(),
        };
        doc.keep(20.0);
        doc.paragraph_in(
            &format!("{when} · {status}"),
            Weight::Bold,
            10.0,
            0.0,
            ACCENT,
        );
        doc.paragraph(&r.proposal, Weight::Regular, 10.5, 0.0);
        doc.paragraph_in(
            &format!("{}: {}", lang.tr(T::PdfVotedBy), r.voters.join(", ")),
            Weight::Regular,
            9.0,
            0.0,
            MUTED,
        );
        doc.space(2.0);
    }
    doc.finish()
}

/// A long hex string in groups of 16, so that it wraps between groups and
/// never inside one.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(16)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
