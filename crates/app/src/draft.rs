//! Drafting a covenant: its clauses written from what the alliance holds,
//! in the alliance's language, from the string catalogue.

use crate::domain::{Alliance, Clause, ClauseKind, Id};

/// Draft the clauses of a covenant from what the alliance holds: the
/// parties, the ambition, the term, the bodies and their mandates, the
/// rules of decision-making, the adopted ground rules, the focal points,
/// finances, and what happens when something goes wrong.
///
/// Long for a reason: the clauses in the order of the covenant, each written where it stands.
pub fn draft_clauses(a: &Alliance, version: Id, first_id: Id, english: bool) -> Vec<Clause> {
    use crate::domain::rules::RuleStatus;
    use crate::i18n::T;
    // Drafted in the alliance's language, from the string catalogue.
    let lang = crate::i18n::Lang::from_english(english);
    let list = |items: Vec<String>| {
        items
            .iter()
            .map(|s| format!("• {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let parties = list(
        a.parties
            .iter()
            .filter(|p| p.left.is_none())
            .map(|p| p.name.clone())
            .collect(),
    );
    let term = match (a.info.term_start, a.info.term_end) {
        (Some(s), Some(e)) => {
            // Dates as the app writes them everywhere, in one format per
            // language.
            let (s, e) = (lang.date(s), lang.date(e));
            match a.info.term_months() {
                Some(m) => lang
                    .tr(T::DraftClause1)
                    .replace("{e}", &e.to_string())
                    .replace("{m}", &m.to_string())
                    .replace("{s}", &s.to_string()),
                None => lang
                    .tr(T::DraftClause2)
                    .replace("{e}", &e.to_string())
                    .replace("{s}", &s.to_string()),
            }
        }
        _ => lang.tr(T::DraftClause5).to_string(),
    };
    let bodies = list(
        a.bodies
            .iter()
            .map(|b| {
                if b.mandate.is_empty() {
                    b.name.clone()
                } else {
                    format!("{}: {}", b.name, b.mandate)
                }
            })
            .collect(),
    );
    let rules = list(
        a.ground_rules
            .iter()
            .filter(|r| r.status == RuleStatus::Adopted)
            .map(|r| r.text.clone())
            .collect(),
    );
    let focal = list(
        a.focal_points_in_order()
            .iter()
            .map(|f| {
                if f.description.is_empty() {
                    f.name.clone()
                } else {
                    format!("{}: {}", f.name, f.description)
                }
            })
            .collect(),
    );
    let honoured: Vec<Id> = a
        .comfort_needs
        .iter()
        .filter(|c| c.status == crate::domain::intake::ComfortStatus::Honoured)
        .map(|c| c.id)
        .collect();
    let decisions: Vec<Id> = crate::domain::consensus::decision_log(&a.rounds)
        .iter()
        .map(|r| r.id)
        .collect();
    /// What a drafted clause holds: kind, heading, text, and what it honours.
    type Draft = (ClauseKind, String, String, Vec<Id>, Vec<Id>);
    let clauses: Vec<Draft> = vec![
        (
            ClauseKind::Parties,
            lang.tr(T::DraftClause6).to_string(),
            // An empty list is no dangling "entered into by:".
            if parties.is_empty() {
                lang.tr(T::DraftClauseNoParties).to_string()
            } else {
                lang.tr(T::DraftClause3)
                    .replace("{parties}", &parties.to_string())
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::Purpose,
            lang.tr(T::DraftClause7).to_string(),
            if a.info.ambition.is_empty() {
                lang.tr(T::DraftClause8).to_string()
            } else {
                a.info.ambition.clone()
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::Term,
            lang.tr(T::DraftClause9).to_string(),
            term,
            vec![],
            vec![],
        ),
        (
            ClauseKind::Governance,
            lang.tr(T::DraftClause10).to_string(),
            if bodies.is_empty() {
                String::new()
            } else {
                lang.tr(T::DraftClause4)
                    .replace("{bodies}", &bodies.to_string())
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::DecisionMaking,
            lang.tr(T::DraftClause11).to_string(),
            lang.tr(T::DraftClause12).to_string(),
            vec![],
            decisions.clone(),
        ),
        (
            ClauseKind::GroundRules,
            lang.tr(T::DraftClause13).to_string(),
            rules,
            vec![],
            vec![],
        ),
        (
            ClauseKind::FocalPoints,
            lang.tr(T::DraftClause15).to_string(),
            focal,
            vec![],
            vec![],
        ),
        (
            ClauseKind::Finances,
            lang.tr(T::DraftClause17).to_string(),
            lang.tr(T::DraftClause18).to_string(),
            honoured.clone(),
            vec![],
        ),
        (
            ClauseKind::Disputes,
            lang.tr(T::DraftClause19).to_string(),
            lang.tr(T::DraftClause20).to_string(),
            honoured,
            vec![],
        ),
    ];
    // A register with nothing in it yet (no bodies, no adopted ground
    // rules, no focal points) is no clause: a placeholder printed in a
    // covenant reads as an agreement about nothing.
    let empty = |kind: &ClauseKind, text: &str| {
        matches!(
            kind,
            ClauseKind::Governance | ClauseKind::GroundRules | ClauseKind::FocalPoints
        ) && text.trim().is_empty()
    };
    clauses
        .into_iter()
        .filter(|(kind, _, text, _, _)| !empty(kind, text))
        .enumerate()
        .map(|(i, (kind, heading, text, needs, decisions))| Clause {
            id: first_id + i as Id,
            version,
            position: i as i64 + 1,
            kind,
            heading,
            text,
            honours_needs: needs,
            honours_decisions: decisions,
        })
        .collect()
}
