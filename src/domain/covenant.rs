//! The covenant ("convenant"): drafted from clauses, frozen when a
//! consensus round adopts a version, and signed per party. A frozen
//! version carries a fingerprint (SHA-256 of its canonical text), printed
//! on every page, so a signed copy can be matched to what was decided.

use super::edit::{Change, EditError, Refs, version_frozen};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::alliance::{Alliance, Id};

/// What a clause is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    Parties,
    Purpose,
    Term,
    Governance,
    DecisionMaking,
    GroundRules,
    FocalPoints,
    Finances,
    /// What happens when something goes wrong: disputes, exit, a party
    /// that leaves.
    Disputes,
    #[default]
    Other,
}

/// A version of the covenant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CovenantVersion {
    pub id: Id,
    pub number: u32,
    pub title: String,
    /// Set when a consensus round adopted this version: from then on it
    /// cannot change.
    pub frozen_on: Option<NaiveDate>,
    pub round: Option<Id>,
    /// SHA-256 of the canonical text, in hex, once frozen.
    pub fingerprint: String,
    /// The parties as they were named when the version was frozen: part
    /// of what was decided, so a later rename or departure does not change
    /// the fingerprint.
    pub parties: Vec<String>,
}

impl CovenantVersion {
    pub fn is_frozen(&self) -> bool {
        self.frozen_on.is_some()
    }
}

/// A clause of a covenant version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clause {
    pub id: Id,
    pub version: Id,
    pub position: i64,
    pub kind: ClauseKind,
    pub heading: String,
    pub text: String,
    /// The comfort needs it honours.
    pub honours_needs: Vec<Id>,
    /// The consensus rounds (decisions) it honours.
    pub honours_decisions: Vec<Id>,
}

/// One party's signature block under a version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signature {
    pub id: Id,
    pub version: Id,
    pub party: Id,
    pub signatory: String,
    pub function: String,
    pub place: String,
    pub date: Option<NaiveDate>,
    pub signed: bool,
}

/// The canonical text of a version: its title, then every clause in order
/// (heading and text, whitespace normalised), then the parties. Any change
/// to what was decided changes it; layout does not.
pub fn canonical_text(a: &Alliance, version: Id) -> String {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    if let Some(v) = a.covenant_versions.iter().find(|v| v.id == version) {
        out.push_str(&format!("{}\nversion {}\n", norm(&v.title), v.number));
    }
    let mut clauses: Vec<&Clause> = a.clauses.iter().filter(|c| c.version == version).collect();
    clauses.sort_by_key(|c| (c.position, c.id));
    for (i, c) in clauses.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}\n{}\n",
            i + 1,
            norm(&c.heading),
            norm(&c.text)
        ));
    }
    let mut parties = frozen_parties(a, version);
    parties.sort_unstable();
    out.push_str(&format!("parties: {}\n", parties.join("; ")));
    out
}

/// The parties of a version: the snapshot taken when it was frozen, or the
/// parties with a signature block under a draft.
pub fn frozen_parties(a: &Alliance, version: Id) -> Vec<String> {
    match a.covenant_versions.iter().find(|v| v.id == version) {
        Some(v) if v.is_frozen() => v.parties.clone(),
        _ => a
            .signatures
            .iter()
            .filter(|s| s.version == version)
            .map(|s| a.party_name(Some(s.party)).to_string())
            .collect(),
    }
}

/// SHA-256 of the canonical text, as lowercase hex.
pub fn fingerprint(a: &Alliance, version: Id) -> String {
    let digest = Sha256::digest(canonical_text(a, version).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short form of a fingerprint for page footers: groups of four.
pub fn short_fingerprint(fingerprint: &str) -> String {
    fingerprint
        .as_bytes()
        .chunks(4)
        .take(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draft the clauses of a covenant from what the alliance holds: the
/// parties, the ambition, the term, the bodies and their mandates, the
/// rules of decision-making, the adopted ground rules, the focal points,
/// finances, and what happens when something goes wrong.
pub fn draft_clauses(a: &Alliance, version: Id, first_id: Id, english: bool) -> Vec<Clause> {
    use super::rules::RuleStatus;
    let t = |nl: &str, en: &str| {
        if english {
            en.to_string()
        } else {
            nl.to_string()
        }
    };
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
            let lang = crate::i18n::Lang::from_english(english);
            let (s, e) = (lang.date(s), lang.date(e));
            match a.info.term_months() {
                Some(m) => t(
                    &format!("Dit convenant loopt van {s} tot en met {e} ({m} maanden)."),
                    &format!("This covenant runs from {s} up to and including {e} ({m} months)."),
                ),
                None => t(
                    &format!("Dit convenant loopt van {s} tot en met {e}."),
                    &format!("This covenant runs from {s} to {e}."),
                ),
            }
        }
        _ => t(
            "De looptijd wordt nog vastgesteld.",
            "The term is still to be set.",
        ),
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
        .filter(|c| c.status == super::intake::ComfortStatus::Honoured)
        .map(|c| c.id)
        .collect();
    let decisions: Vec<Id> = super::consensus::decision_log(&a.rounds)
        .iter()
        .map(|r| r.id)
        .collect();
    /// What a drafted clause holds: kind, heading, text, and what it honours.
    type Draft = (ClauseKind, String, String, Vec<Id>, Vec<Id>);
    let clauses: Vec<Draft> = vec![
        (
            ClauseKind::Parties,
            t("Partijen", "Parties"),
            t(
                &format!("Dit convenant wordt aangegaan door:\n{parties}"),
                &format!("This covenant is entered into by:\n{parties}"),
            ),
            vec![],
            vec![],
        ),
        (
            ClauseKind::Purpose,
            t("Doel en gedeelde ambitie", "Purpose and shared ambition"),
            if a.info.ambition.is_empty() {
                t(
                    "De gedeelde ambitie wordt nog beschreven.",
                    "The shared ambition is still to be described.",
                )
            } else {
                a.info.ambition.clone()
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::Term,
            t("Looptijd", "Term"),
            term,
            vec![],
            vec![],
        ),
        (
            ClauseKind::Governance,
            t("Organisatie", "Governance"),
            t(
                &format!("De samenwerking kent de volgende gremia:\n{bodies}"),
                &format!("The alliance has these bodies:\n{bodies}"),
            ),
            vec![],
            vec![],
        ),
        (
            ClauseKind::DecisionMaking,
            t("Besluitvorming", "Decision-making"),
            t(
                "Elke partij heeft een gelijke stem, ongeacht haar omvang. Besluiten worden bij consensus genomen. Elke partij kan op elk moment een veto uitspreken, met redenen; het voorstel wordt dan aangepast en opnieuw voorgelegd.",
                "Every party has an equal vote, whatever its size. Decisions are taken by consensus. Every party can veto at any moment, with reasons; the proposal is then amended and put again.",
            ),
            vec![],
            decisions.clone(),
        ),
        (
            ClauseKind::GroundRules,
            t("Spelregels", "Ground rules"),
            if rules.is_empty() {
                t(
                    "Nog geen vastgestelde spelregels.",
                    "No adopted ground rules yet.",
                )
            } else {
                rules
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::FocalPoints,
            t("Zwaartepunten", "Focal points"),
            if focal.is_empty() {
                t("Nog geen zwaartepunten.", "No focal points yet.")
            } else {
                focal
            },
            vec![],
            vec![],
        ),
        (
            ClauseKind::Finances,
            t("Financiën", "Finances"),
            t(
                "De partijen werken met één gezamenlijk, ongedeeld budget. De stuurgroep stelt jaarlijks de verdeling vast, bij consensus.",
                "The parties work with one joint, undivided budget. The steering group sets its division every year, by consensus.",
            ),
            honoured.clone(),
            vec![],
        ),
        (
            ClauseKind::Disputes,
            t(
                "Geschillen, uittreden en toetreden",
                "Disputes, leaving and joining",
            ),
            t(
                "Partijen zoeken elkaar eerst op als er problemen dreigen. Komen zij er niet uit, dan leggen zij het geschil voor aan de stuurgroep, met een onafhankelijke voorzitter. Een partij die wil uittreden, meldt dat zes maanden vooraf; de partijen spreken dan samen af hoe haar taken worden overgedragen. Een nieuwe partij treedt toe bij consensus.",
                "Parties first seek each other out when trouble looms. If they cannot resolve it, they bring the dispute to the steering group, with an independent chair. A party that wishes to leave gives six months' notice; the parties then agree together how its tasks are handed over. A new party joins by consensus.",
            ),
            honoured,
            vec![],
        ),
    ];
    clauses
        .into_iter()
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

// How these records refer to others: checked on every edit.

impl Refs for CovenantVersion {
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        match (&c.before, &c.after) {
            // A frozen version changes only by being unfrozen whole (undo).
            (Some(b), Some(n)) if b.is_frozen() => {
                let unfrozen = CovenantVersion {
                    frozen_on: None,
                    round: None,
                    fingerprint: String::new(),
                    parties: Vec::new(),
                    ..b.clone()
                };
                if *n != unfrozen {
                    return Err(EditError::Frozen);
                }
            }
            (Some(b), None) if b.is_frozen() => return Err(EditError::Frozen),
            _ => {}
        }
        Ok(())
    }
}

impl Refs for Clause {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::to("covenant version", self.version)]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        for x in [&c.before, &c.after].into_iter().flatten() {
            if version_frozen(a, x.version) {
                return Err(EditError::Frozen);
            }
        }
        Ok(())
    }
}

impl Refs for Signature {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::to("covenant version", self.version),
            Ref::to("party", self.party),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after
            && a.signatures
                .iter()
                .any(|o| o.id != x.id && o.version == x.version && o.party == x.party)
        {
            return Err(EditError::DuplicateLink);
        }
        // Signature blocks may be added and completed after freezing; the
        // decided party list is the version's own snapshot.
        Ok(())
    }
}
