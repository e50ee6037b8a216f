//! The covenant ("convenant"): drafted from clauses, frozen when a
//! consensus round adopts a version, and signed per party. A frozen
//! version carries a fingerprint (SHA-256 of its canonical text), printed
//! on every page, so a signed copy can be matched to what was decided.

use super::edit::{Change, Edit, EditError, Refs, version_frozen};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// The commissioner as named when the version was frozen (`None` for
    /// a version frozen before this was kept).
    pub commissioner: Option<String>,
    /// The term as printed when the version was frozen (`None` as above).
    pub term: Option<String>,
    /// The document gives the commissioner a block to sign for
    /// acknowledgement ("voor gezien"), below the parties' signatures.
    /// Chosen on the draft; frozen with it.
    pub acknowledgement: bool,
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
    /// The party's name as it signed: kept, so a later rename does not
    /// change the signed document.
    pub party_name: String,
    /// The day the signature was withdrawn, with its reason: once signed,
    /// a signature changes only so.
    pub withdrawn: Option<NaiveDate>,
    pub withdrawal_reason: String,
}

/// The canonical text of a version: its title, then every clause in order
/// (heading and text, whitespace normalised), then the parties. Any change
/// to what was decided changes it; layout does not.
pub fn canonical_text(a: &Alliance, version: Id) -> String {
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
    // What a version frozen since keeps of itself (older ones lack it,
    // and their fingerprint stays as it was).
    if let Some(v) = a.covenant_versions.iter().find(|v| v.id == version) {
        if let Some(c) = &v.commissioner {
            out.push_str(&format!("commissioner: {}\n", norm(c)));
        }
        if let Some(t) = &v.term {
            out.push_str(&format!("term: {}\n", norm(t)));
        }
    }
    out
}

/// The alliance's term as a frozen version keeps it: "start/end" in ISO
/// dates, "-" for an end not known.
pub fn term_text(info: &super::AllianceInfo) -> String {
    let d = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.format("%Y-%m-%d").to_string());
    format!("{}/{}", d(info.term_start), d(info.term_end))
}

/// A kept term ("start/end") back as dates.
pub fn term_dates(term: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let (s, e) = term.split_once('/').unwrap_or((term, "-"));
    (s.parse().ok(), e.parse().ok())
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

/// A text with its white space made one space: layout is not meaning.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// SHA-256 of the canonical text, as lowercase hex.
pub fn fingerprint(a: &Alliance, version: Id) -> String {
    super::record::sha256_hex(&canonical_text(a, version))
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

// How these records refer to others: checked on every edit.

impl Refs for CovenantVersion {
    /// The round that adopted it.
    fn refs(&self) -> Vec<Ref> {
        self.round
            .map(Ref::of::<super::consensus::Round>)
            .into_iter()
            .collect()
    }
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // A frozen version is on the record: it never changes, is never
        // unfrozen and never removed; a new version is the way on.
        if let Some(b) = &c.before
            && b.is_frozen()
            && c.after.as_ref() != Some(b)
        {
            return Err(EditError::Frozen);
        }
        Ok(())
    }
}

impl Refs for Clause {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::of::<CovenantVersion>(self.version)]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if c.before.is_some() && c.before == c.after {
            return Ok(());
        }
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
            Ref::of::<CovenantVersion>(self.version),
            Ref::of::<super::alliance::Party>(self.party),
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
        // Once set, a signature changes only by being withdrawn with a
        // reason, once; it is never removed.
        // (A party removed from the register takes its blocks along: the
        // record reads them as gone with it.)
        if let Some(b) = &c.before
            && b.signed
            && c.after.is_some()
            && c.after.as_ref() != Some(b)
        {
            let withdrawn_now = c.after.as_ref().is_some_and(|n| {
                b.withdrawn.is_none()
                    && n.withdrawn.is_some()
                    && *n
                        == Signature {
                            withdrawn: n.withdrawn,
                            withdrawal_reason: n.withdrawal_reason.clone(),
                            ..b.clone()
                        }
            });
            if !withdrawn_now {
                return Err(EditError::SignatureSet);
            }
            if c.after
                .as_ref()
                .is_some_and(|n| n.withdrawal_reason.trim().is_empty())
            {
                return Err(EditError::WithdrawalReason);
            }
        }
        // Signing: only a frozen version, on or after the day it was
        // frozen. (Blocks may be added and filled in before.)
        if let Some(n) = &c.after
            && n.signed
            && !c.before.as_ref().is_some_and(|b| b.signed)
        {
            let version = a.covenant_versions.iter().find(|v| v.id == n.version);
            let Some(frozen) = version.and_then(|v| v.frozen_on) else {
                return Err(EditError::SignDraft);
            };
            if n.date.is_some_and(|d| d < frozen) {
                return Err(EditError::SignedBeforeFrozen);
            }
        }
        Ok(())
    }
}

impl Alliance {
    /// Set a party's signature (`block` filled in): signed, dated `day`
    /// unless a date was entered, with the party's name as it signs.
    pub fn sign(&self, block: &Signature, day: NaiveDate) -> Edit {
        let party_name = if block.party_name.is_empty() {
            self.party_name(Some(block.party)).to_string()
        } else {
            block.party_name.clone()
        };
        self.update(Signature {
            signed: true,
            date: block.date.or(Some(day)),
            party_name,
            ..block.clone()
        })
    }

    /// Withdraw a set signature, with why and on which day.
    pub fn withdraw_signature(&self, id: Id, reason: &str, day: NaiveDate) -> Option<Edit> {
        let s = self.signatures.iter().find(|s| s.id == id)?;
        if !s.signed || s.withdrawn.is_some() || reason.trim().is_empty() {
            return None;
        }
        Some(self.update(Signature {
            withdrawn: Some(day),
            withdrawal_reason: reason.trim().to_string(),
            ..s.clone()
        }))
    }
}
