//! The room's own types in words: what happened to a round afterwards, a
//! correction, a subject, a mandate, where a document stands in the
//! record. The catalogue knows the domain; these know the projection, so
//! they sit with the documents and slides that print them.

use crate::audience::{RecordMark, RoomCorrection, RoomMandate, RoomRound, RoomSubject};
use crate::domain::Scale;
use crate::i18n::{Lang, T};

/// The projection's types in the reader's language.
pub trait RoomWords {
    fn afterwards(self, r: &RoomRound) -> Vec<String>;
    fn corrected(self, scale: Scale, c: &RoomCorrection) -> String;
    fn room_subject(self, s: &RoomSubject) -> String;
    fn record_mark(self, mark: &RecordMark) -> String;
    fn mandate(self, m: &RoomMandate) -> Option<String>;
    fn trend(self, trend: &[(Option<chrono::NaiveDate>, f32, usize)]) -> Option<String>;
    fn set_round_rules(self, room: &crate::audience::RoomView, r: &RoomRound) -> Vec<String>;
    fn connectors(self, net: &crate::audience::RoomNetwork) -> Option<String>;
}

impl RoomWords for Lang {
    /// "Verbinders: A, B, C", the most central first, as the overview
    /// slide and the printed map name them; `None` without connectors.
    fn connectors(self, net: &crate::audience::RoomNetwork) -> Option<String> {
        let names = net.connector_names();
        (!names.is_empty()).then(|| {
            self.tr(T::NetworkConnectorsLine)
                .replace("{names}", &names.join(", "))
        })
    }

    /// The check-ins over time in one line ("Verloop 12 maart 2025: 3,2
    /// (4 scores) → …"); `None` before the first check-in.
    fn trend(self, trend: &[(Option<chrono::NaiveDate>, f32, usize)]) -> Option<String> {
        if trend.is_empty() {
            return None;
        }
        let points: Vec<String> = trend
            .iter()
            .map(|(d, mean, n)| {
                let d = d.map(|d| self.date(d)).unwrap_or_default();
                format!(
                    "{d}: {} ({})",
                    self.number(*mean),
                    self.count(T::TrendScores, *n)
                )
            })
            .collect();
        Some(format!("{} {}", self.tr(T::Trend), points.join(" → ")))
    }

    /// What a round over a set of ground rules puts to the room, a line
    /// each: every rule's text and, when it amends an earlier round, what
    /// it changed. Nothing for any other round.
    fn set_round_rules(self, room: &crate::audience::RoomView, r: &RoomRound) -> Vec<String> {
        if r.set_rules.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<String> = r.set_rules.iter().map(|x| x.text.clone()).collect();
        if let Some(before) = r.previous.and_then(|p| room.round(p)) {
            for (was, now) in r.amended_rules(before) {
                out.push(match was {
                    Some(was) => self
                        .tr(T::RuleAmended)
                        .replace("{was}", was)
                        .replace("{now}", now),
                    None => self.tr(T::RuleAdded).replace("{now}", now),
                });
            }
        }
        out
    }

    /// What happened to a round after the room saw it, a line each: the
    /// stances corrected after the reveal, and the later rounds that put
    /// the decision again (the visible ways back from a commitment).
    fn afterwards(self, r: &RoomRound) -> Vec<String> {
        let mut out: Vec<String> = r
            .corrections
            .iter()
            .map(|c| self.corrected(r.scale, c))
            .collect();
        out.extend(
            r.reopened
                .iter()
                .map(|(on, reason)| self.reopened(*on, reason)),
        );
        out
    }

    /// A stance corrected after the reveal, in one line.
    fn corrected(self, scale: Scale, c: &RoomCorrection) -> String {
        self.tr(T::CorrectedInRecord)
            .replace("{party}", &c.party)
            .replace("{from}", &self.scale_value(scale, c.from))
            .replace("{to}", &self.scale_value(scale, c.to))
            .replace("{date}", &c.on.map(|d| self.date(d)).unwrap_or_default())
            .replace("{reason}", &c.reason)
    }

    fn room_subject(self, s: &RoomSubject) -> String {
        match s {
            RoomSubject::Free => self.tr(T::SubjectFree).to_string(),
            RoomSubject::GroundRule(t) => format!("{}: {t}", self.tr(T::SubjectRule)),
            RoomSubject::FocalPoint(t) => format!("{}: {t}", self.tr(T::SubjectFocalPoint)),
            RoomSubject::StrategyMap => self.tr(T::SubjectMap).to_string(),
            // "Covenant Northgate v1" or "Northgate Covenant v1", not
            // "Covenant: Covenant Northgate v1".
            RoomSubject::Covenant(t) => {
                let word = self.tr(T::NavCovenant);
                if t.to_lowercase().contains(&word.to_lowercase()) {
                    t.clone()
                } else {
                    format!("{word}: {t}")
                }
            }
            RoomSubject::RuleSet(t) => format!("{}: {t}", self.tr(T::SubjectRuleSet)),
        }
    }

    /// Where a document stands in the record of commitments, or that the
    /// record no longer matches.
    fn record_mark(self, mark: &RecordMark) -> String {
        match mark {
            RecordMark::At(at) => format!("{} {at}", self.tr(T::RecordAt)),
            RecordMark::Broken => self.tr(T::RecordBrokenMark).to_string(),
        }
    }

    /// Whose mandate a line needs, in words (the body, or a party's own
    /// organisation); `None` when it needs none.
    fn mandate(self, m: &RoomMandate) -> Option<String> {
        use RoomMandate as M;
        match m {
            M::None => None,
            M::Body(b) => Some(b.clone()),
            M::Party(p) => Some(self.tr(T::MandateOwnOrg).replace("{party}", p)),
        }
    }
}
