//! The print audience: what a document may be built from. The window and
//! the command line make a [`Printing`] from the alliance; the documents
//! (`samenspel-output`) get only the views it hands out, never the
//! alliance itself, so a new document cannot read what no view carries.
//!
//! Every view is for all parties except [`IntakeView`], the facilitator's
//! own intake summary: the one printed view that opens confidential texts
//! (`Confidential::open`), and only while the file is unlocked.

use chrono::NaiveDate;

use crate::audience::{CovenantView, PartyShareView, RecordMark, RoomView};
use crate::domain::{
    Alliance, ComfortFrom, ComfortStatus, Id, QuestionKind, RoundStatus, SeatDraw, Stance,
    Visibility,
};

/// The alliance as the documents may see it, on one day.
pub struct Printing<'a> {
    a: &'a Alliance,
    today: NaiveDate,
}

/// A document asked for something the alliance does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The alliance has no covenant yet.
    NoCovenant,
    /// No covenant version with that id.
    NoSuchVersion,
}

impl<'a> Printing<'a> {
    pub fn new(a: &'a Alliance, today: NaiveDate) -> Printing<'a> {
        Printing { a, today }
    }

    /// The day the documents count against.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The room as it stands on the day of printing.
    pub fn room(&self) -> RoomView {
        crate::audience::room_on(self.a, self.today)
    }

    /// A covenant version (`None`: the newest).
    pub fn covenant(&self, version: Option<Id>) -> Result<CovenantView, Missing> {
        let a = self.a;
        let v = match version {
            Some(id) => a.covenant_versions.iter().find(|v| v.id == id),
            None => a.covenant_versions.iter().max_by_key(|v| v.number),
        }
        .ok_or(if version.is_some() {
            Missing::NoSuchVersion
        } else {
            Missing::NoCovenant
        })?;
        crate::audience::covenant(a, v.id).ok_or(Missing::NoSuchVersion)
    }

    /// One party's share of the work plan.
    pub fn party_share(&self, party: Id) -> Option<PartyShareView> {
        crate::audience::party_share(self.a, party, self.today)
    }

    /// The processing of a comment round (`None`: the newest round).
    pub fn comments(&self, round: Option<Id>) -> Option<crate::audience::CommentsView> {
        let id = round.or_else(|| {
            self.a
                .comment_rounds
                .iter()
                .max_by_key(|r| (r.opened, r.id))
                .map(|r| r.id)
        })?;
        crate::audience::comments_view(self.a, id, self.today)
    }

    /// The newest draw that was made, of any body.
    pub fn newest_draw(&self) -> Option<Id> {
        self.a
            .seat_draws
            .iter()
            .filter(|d| d.is_drawn())
            .max_by_key(|d| (d.date, d.id))
            .map(|d| d.id)
    }

    /// The selection report of a draw that was made.
    pub fn selection(&self, draw: Id) -> Option<SelectionView> {
        let a = self.a;
        let d = a.seat_draw(draw).filter(|d| d.is_drawn())?;
        let body = a.body(d.body)?;
        // A draw made before chances were recorded with the inputs: its
        // method's chances estimated now, and said to be.
        let afterwards = d.chances_afterwards().map(|c| d.with_chances(&c));
        let chances_afterwards = afterwards.is_some();
        Some(SelectionView {
            alliance: a.info.name.clone(),
            body: body.name.clone(),
            sitting_out: d
                .sitting_out
                .iter()
                .map(|p| a.party_name(Some(*p)).to_string())
                .collect(),
            check: match a.verify_draw(draw) {
                Ok(v) => Ok(v.problems),
                Err(e) => Err(e.to_string()),
            },
            draw: afterwards.unwrap_or_else(|| d.clone()),
            chances_afterwards,
        })
    }

    /// What a body's table decided, with who sits on it today.
    pub fn table(&self, body: Id) -> Option<TableView> {
        let a = self.a;
        let b = a.body(body)?;
        let seats = seats_held(a, body, self.today);
        let mut rounds: Vec<_> = a.rounds.iter().filter(|r| r.body == Some(body)).collect();
        rounds.sort_by_key(|r| (r.decided.or(r.opened), r.id));
        Some(TableView {
            alliance: a.info.name.clone(),
            body: b.name.clone(),
            mandate: b.mandate.clone(),
            parties: a.parties.len(),
            seats,
            rounds: rounds
                .into_iter()
                .map(|r| TableRound {
                    when: r.decided.or(r.opened),
                    status: r.status,
                    proposal: r.proposal.clone(),
                    voters: r
                        .voters
                        .iter()
                        .filter_map(|p| a.party(*p))
                        .map(|p| p.name.clone())
                        .collect(),
                })
                .collect(),
            record: crate::audience::record_mark(a),
        })
    }

    /// What the ballot cards of a meeting print besides each link.
    pub fn cards(&self, meeting: Id) -> Option<CardsView> {
        let a = self.a;
        let m = a.meeting(meeting)?;
        Some(CardsView {
            alliance: a.info.name.clone(),
            title: m.title.clone(),
            date: m.date,
            parties: a.parties.iter().map(|p| (p.id, p.name.clone())).collect(),
        })
    }

    /// The facilitator's intake summary; `None` while the file's
    /// confidential texts are locked (sealed).
    pub fn facilitators_intake(&self) -> Option<IntakeView> {
        if crate::crypt::any_sealed(self.a) {
            return None;
        }
        Some(intake(self.a))
    }
}

/// The facilitator's intake summary of an alliance, its confidential texts
/// as they are in memory (sealed while locked).
pub fn intake(a: &Alliance) -> IntakeView {
    let all = a.trust_by_party();
    let overview = a
        .parties
        .iter()
        .map(|p| {
            let last = all.get(&p.id).and_then(|t| t.last());
            IntakeRow {
                party: p.name.clone(),
                interviews: a.interviews_of(p.id).len(),
                date: last.and_then(|t| t.date),
                satisfaction: last.and_then(|t| t.satisfaction),
                stance: last.and_then(|t| t.stance),
                open_needs: a.open_comfort_needs_of(p.id).count(),
            }
        })
        .collect();
    let parties = a
        .parties
        .iter()
        .map(|p| IntakeParty {
            name: p.name.clone(),
            interviews: a
                .interviews_of(p.id)
                .into_iter()
                .map(|iv| IntakeInterview {
                    date: iv.date,
                    spoken_with: crate::domain::Confidential::expose(&iv.spoken_with).clone(),
                    answers: a
                        .questions_of(iv.id)
                        .into_iter()
                        .filter_map(|q| {
                            let ans = a.answer(iv.id, q.id).filter(|x| !x.is_empty())?;
                            Some(IntakeAnswer {
                                question: q.text.clone(),
                                score: ans.score.filter(|_| q.kind == QuestionKind::Score),
                                stance: ans.stance,
                                visibility: ans.visibility,
                                text: crate::domain::Confidential::expose(&ans.text).clone(),
                            })
                        })
                        .collect(),
                    notes: crate::domain::Confidential::expose(&iv.notes).clone(),
                })
                .collect(),
            needs: a
                .comfort_needs
                .iter()
                .filter(|c| c.party == p.id)
                .map(|c| IntakeNeed {
                    need: crate::domain::Confidential::expose(&c.need).clone(),
                    from: match c.from_whom {
                        ComfortFrom::Party(id) => From::Party(a.party_name(Some(id)).to_string()),
                        ComfortFrom::AllParties => From::AllParties,
                        ComfortFrom::Commissioner => From::Commissioner,
                    },
                    status: c.status,
                    visibility: c.visibility,
                    honoured_by: c.honoured_by.clone(),
                })
                .collect(),
        })
        .collect();
    IntakeView {
        alliance: a.info.name.clone(),
        overview,
        parties,
    }
}

/// Who sits at a body's table on `day`: party, sitter, term, and how the
/// seat was filled (for the room's tables and a table's decisions alike).
pub(crate) fn seats_held(a: &Alliance, body: Id, day: NaiveDate) -> Vec<SeatRow> {
    a.seats_on(body, day)
        .into_iter()
        .map(|s| SeatRow {
            party: a.party_name(Some(s.party)).to_string(),
            person: s
                .person
                .and_then(|p| a.person(p))
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            start: s.start,
            end: s.end,
            drawn: s.draw.and_then(|d| a.seat_draw(d)).map(|d| d.date),
        })
        .collect()
}

/// A draw's selection report: the draw as recorded (a public record: names,
/// features, quotas, dice), who sat out, and whether it still checks.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionView {
    pub alliance: String,
    pub body: String,
    pub draw: SeatDraw,
    /// The names of the parties that sat this draw out.
    pub sitting_out: Vec<String>,
    /// The problems a recomputation found (none: it checks), or why it
    /// could not be recomputed.
    pub check: Result<Vec<String>, String>,
    /// The chances in `draw` were estimated now, for a draw made before
    /// chances were computed and shown with the inputs.
    pub chances_afterwards: bool,
}

/// What a body's table decided, for all parties.
#[derive(Clone, Debug, PartialEq)]
pub struct TableView {
    pub alliance: String,
    pub body: String,
    pub mandate: String,
    /// How many parties the alliance has.
    pub parties: usize,
    /// Who sits today.
    pub seats: Vec<SeatRow>,
    /// Every round put to the body, oldest first.
    pub rounds: Vec<TableRound>,
    pub record: Option<RecordMark>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeatRow {
    pub party: String,
    pub person: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Drawn (on the draw's day), or `None`: appointed.
    pub drawn: Option<Option<NaiveDate>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRound {
    /// Decided, else opened.
    pub when: Option<NaiveDate>,
    pub status: RoundStatus,
    pub proposal: String,
    pub voters: Vec<String>,
}

/// What a meeting's ballot cards print besides each party's link.
#[derive(Clone, Debug, PartialEq)]
pub struct CardsView {
    pub alliance: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub parties: Vec<(Id, String)>,
}

impl CardsView {
    pub fn party_name(&self, party: Id) -> &str {
        self.parties
            .iter()
            .find(|(id, _)| *id == party)
            .map_or("", |(_, name)| name.as_str())
    }
}

/// The facilitator's intake summary: every interview with its answers and
/// notes, and every comfort need, confidential ones included.
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeView {
    pub alliance: String,
    /// Where every party stands: its latest interview.
    pub overview: Vec<IntakeRow>,
    pub parties: Vec<IntakeParty>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntakeRow {
    pub party: String,
    pub interviews: usize,
    pub date: Option<NaiveDate>,
    pub satisfaction: Option<u8>,
    pub stance: Option<Stance>,
    pub open_needs: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntakeParty {
    pub name: String,
    pub interviews: Vec<IntakeInterview>,
    pub needs: Vec<IntakeNeed>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntakeInterview {
    pub date: Option<NaiveDate>,
    pub spoken_with: String,
    /// The answers given, in the guide's order.
    pub answers: Vec<IntakeAnswer>,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntakeAnswer {
    pub question: String,
    /// The score, for a score question.
    pub score: Option<u8>,
    pub stance: Option<Stance>,
    pub visibility: Visibility,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntakeNeed {
    pub need: String,
    pub from: From,
    pub status: ComfortStatus,
    pub visibility: Visibility,
    pub honoured_by: String,
}

/// From whom a comfort need asks something.
#[derive(Clone, Debug, PartialEq)]
pub enum From {
    Party(String),
    AllParties,
    Commissioner,
}

/// A meeting as a calendar invitation carries it: title, day, times, place
/// and the titles of its agenda, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalendarView {
    pub id: Id,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// "14:00", as typed.
    pub start: String,
    pub end: String,
    pub place: String,
    pub agenda: Vec<String>,
}

/// The calendar view of a meeting with its agenda from `slots`.
pub fn calendar(
    meeting: &crate::domain::Meeting,
    slots: &[crate::domain::AgendaSlot],
) -> CalendarView {
    let mut agenda: Vec<&crate::domain::AgendaSlot> =
        slots.iter().filter(|s| s.meeting == meeting.id).collect();
    agenda.sort_by_key(|s| (s.position, s.id));
    CalendarView {
        id: meeting.id,
        title: meeting.title.clone(),
        date: meeting.date,
        start: meeting.start.clone(),
        end: meeting.end.clone(),
        place: meeting.place.clone(),
        agenda: agenda.into_iter().map(|s| s.title.clone()).collect(),
    }
}
