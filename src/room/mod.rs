//! The room votes from its own phones: a small web server on the
//! facilitator's laptop, for one meeting, on the room's own network.
//!
//! Each party holds a ballot card with a private link (a random 128-bit
//! token; the file keeps only its SHA-256). The delegate opens the link and
//! sees a page with only its own party: the open proposals, the scale, and
//! what is recorded for its party. Stances stay hidden until the reveal.
//!
//! One writer: the [`Document`] belongs to the app's thread (or to the
//! loop of `samenspel serve`). The server's threads never write the file:
//! they hand each stance over a channel as an [`Ask`] with a reply
//! channel, and read what a phone may see from a [`Snapshot`] the owner
//! refreshes on every revision. A [`Session`] ties the two together: its
//! [`Session::pump`] applies the asks through [`Document::perform`], so
//! undo, the history and crash safety hold for phone stances too.
//!
//! Modules: `server` (HTTP on `tiny_http`: routes, the per-page token,
//! slowing down wrong tokens), `page` (the phone page and its status), and
//! `qr` (the card's QR code as a module matrix).

pub mod page;
pub mod qr;
pub mod server;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::mpsc;

use sha2::{Digest, Sha256};

use crate::document::Document;
use crate::domain::agenda::PriorityMethod;
use crate::domain::{
    Alliance, Edit, Id, IdMap, IdSet, Outcome, PriorityMark, RoundStatus, Scale, Via, Vote,
};
use crate::i18n::Lang;

pub use server::RoomServer;

/// The port the room server listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8017;

/// A fresh card token: 128 random bits as 32 lowercase hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random source failed");
    hex::encode(bytes)
}

/// The SHA-256 of a token, as the file keeps it.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a text has the form of a card token.
pub fn is_token(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A card's link.
pub fn link(address: &str, token: &str) -> String {
    format!("http://{address}/b/{token}")
}

/// A new card for each party: the edit that issues them (revoking the
/// parties' earlier cards for this meeting) and each party's link, which
/// exists only here and on the printed card.
pub fn issue(
    a: &Alliance,
    meeting: Id,
    parties: &[Id],
    address: &str,
    now: &str,
) -> (Edit, Vec<(Id, String)>) {
    let tokens: Vec<(Id, String)> = parties.iter().map(|p| (*p, new_token())).collect();
    let hashes: Vec<(Id, String)> = tokens.iter().map(|(p, t)| (*p, hash_token(t))).collect();
    let edit = a.issue_ballots(meeting, &hashes, address, now);
    let links = tokens
        .into_iter()
        .map(|(p, t)| (p, link(address, &t)))
        .collect();
    (edit, links)
}

/// The IPv4 addresses of this computer's network interfaces: (interface
/// name, address), the room's networks first and the loopback last.
pub fn interfaces() -> Vec<(String, IpAddr)> {
    let mut out: Vec<(String, IpAddr)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.ip().is_ipv4())
        .map(|i| (i.name.clone(), i.ip()))
        .collect();
    out.sort_by_key(|(name, ip)| (ip.is_loopback(), name.clone()));
    out.dedup();
    if out.is_empty() {
        out.push(("lo".into(), IpAddr::from([127, 0, 0, 1])));
    }
    out
}

/// A party's own stance, as its page shows it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Own {
    pub value: u8,
    pub reason: String,
    pub via: Via,
    pub entered_by: String,
    pub entered_at: String,
    /// Corrected by the facilitator (after the reveal, or overwriting the
    /// card's stance): how many times.
    pub corrections: usize,
}

/// What a round comes to, once revealed: party names, not ids.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Told {
    Adoptable { reservations: Vec<String> },
    Blocked { by: Vec<String> },
    Waiting { missing: Vec<String> },
}

/// A consensus round as the phones may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundView {
    pub id: Id,
    pub proposal: String,
    pub scale: Scale,
    /// The parties that vote in it (not recorded absent).
    pub voters: IdSet,
    pub revealed: bool,
    pub status: RoundStatus,
    /// Each party's own stance. A page reads only its own party's entry.
    pub own: IdMap<Own>,
    /// The outcome, only once the round is revealed or closed.
    pub told: Option<Told>,
}

/// A dot (or score) round of the agenda funnel as the phones may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct DotView {
    pub id: Id,
    pub title: String,
    pub method: PriorityMethod,
    pub dots: u8,
    pub focal_points: Vec<(Id, String)>,
    pub voters: IdSet,
    pub revealed: bool,
    /// Each party's own marks: (focal point, value).
    pub own: IdMap<Vec<(Id, u8)>>,
    /// The tally, only once revealed: (focal point name, total or mean).
    pub tally: Option<Vec<(String, f32)>>,
}

/// What the server may know: the live cards of the meeting and what a
/// phone may see of the rounds. Built from the alliance by the thread that
/// owns it; never holds intake content, notes or other rounds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub meeting: Id,
    pub title: String,
    pub date: Option<chrono::NaiveDate>,
    /// The language of a phone that asks for neither Dutch nor English.
    pub lang: Lang,
    /// A live card's token hash → its party.
    pub cards: HashMap<String, Id>,
    /// The token hashes of this meeting's revoked cards: a phone that
    /// still has such a card's page open is told to scan the new card, and
    /// is not counted as guessing.
    pub replaced: std::collections::HashSet<String>,
    /// The names of the card holders.
    pub names: IdMap<String>,
    pub rounds: Vec<RoundView>,
    pub dots: Vec<DotView>,
}

/// The rounds a server has shown: a round open (or a dot round hidden)
/// while it ran stays on the phones once decided, to show the outcome.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub rounds: IdSet,
    pub dots: IdSet,
}

impl Snapshot {
    /// What the phones of `meeting` may see now.
    pub fn of(a: &Alliance, meeting: Id, lang: Lang, seen: &mut Seen) -> Snapshot {
        let m = a.meeting(meeting);
        let cards: HashMap<String, Id> = a
            .live_ballots(meeting)
            .into_iter()
            .map(|b| (b.token_hash.clone(), b.party))
            .collect();
        let replaced = a
            .ballots
            .iter()
            .filter(|b| b.meeting == meeting && b.revoked)
            .map(|b| b.token_hash.clone())
            .collect();
        let name = |p: Id| a.party_name(Some(p)).to_string();
        let names: IdMap<String> = cards.values().map(|p| (*p, name(*p))).collect();
        let names_of = |ids: &[Id]| ids.iter().map(|p| name(*p)).collect::<Vec<_>>();
        let mut rounds = Vec::new();
        for r in &a.rounds {
            if r.status == RoundStatus::Open {
                seen.rounds.insert(r.id);
            } else if !seen.rounds.contains(&r.id) {
                continue;
            }
            let voters: IdSet = a
                .voting_parties(r)
                .into_iter()
                .filter(|p| r.voters.contains(p) && !r.absent.contains(p))
                .collect();
            let own: IdMap<Own> = a
                .votes
                .iter()
                .filter(|v| v.round == r.id)
                .map(|v| {
                    (
                        v.party,
                        Own {
                            value: v.value,
                            reason: v.reason.clone(),
                            via: v.via,
                            entered_by: v.entered_by.clone(),
                            entered_at: v.entered_at.clone(),
                            corrections: v.corrections.len(),
                        },
                    )
                })
                .collect();
            let told = (r.revealed || r.status.is_closed()).then(|| match a.outcome(r) {
                Outcome::Adoptable { reservations } => Told::Adoptable {
                    reservations: names_of(&reservations),
                },
                Outcome::Blocked { by } => Told::Blocked { by: names_of(&by) },
                Outcome::Waiting { missing } => Told::Waiting {
                    missing: names_of(&missing),
                },
            });
            rounds.push(RoundView {
                id: r.id,
                proposal: r.proposal.clone(),
                scale: r.scale,
                voters,
                revealed: r.revealed,
                status: r.status,
                own,
                told,
            });
        }
        let mut dots = Vec::new();
        let active: IdSet = a
            .parties
            .iter()
            .filter(|p| p.left.is_none())
            .map(|p| p.id)
            .collect();
        for r in &a.priority_rounds {
            if !r.revealed {
                seen.dots.insert(r.id);
            } else if !seen.dots.contains(&r.id) {
                continue;
            }
            let mut own: IdMap<Vec<(Id, u8)>> = IdMap::default();
            for m in a.priority_marks.iter().filter(|m| m.round == r.id) {
                own.entry(m.party)
                    .or_default()
                    .push((m.focal_point, m.value));
            }
            let mut focal_points: Vec<(i64, Id, String)> = a
                .focal_points
                .iter()
                .map(|f| (f.position, f.id, f.name.clone()))
                .collect();
            focal_points.sort();
            let tally =
                crate::domain::agenda::tally(r, &a.focal_points, &a.priority_marks).map(|t| {
                    t.into_iter()
                        .map(|x| {
                            let name = a
                                .focal_point(x.focal_point)
                                .map(|f| f.name.clone())
                                .unwrap_or_default();
                            (name, x.total)
                        })
                        .collect()
                });
            dots.push(DotView {
                id: r.id,
                title: r.title.clone(),
                method: r.method,
                dots: r.dots_per_party,
                focal_points: focal_points.into_iter().map(|(_, id, n)| (id, n)).collect(),
                voters: active
                    .iter()
                    .copied()
                    .filter(|p| !r.absent.contains(p))
                    .collect(),
                revealed: r.revealed,
                own,
                tally,
            });
        }
        Snapshot {
            meeting,
            title: m.map(|m| m.title.clone()).unwrap_or_default(),
            date: m.and_then(|m| m.date),
            lang,
            cards,
            replaced,
            names,
            rounds,
            dots,
        }
    }

    /// The party a token belongs to, if it is a live card of this meeting.
    pub fn party_of(&self, token: &str) -> Option<Id> {
        if !is_token(token) {
            return None;
        }
        self.cards.get(&hash_token(token)).copied()
    }

    /// Whether a token is that of a card of this meeting that was revoked
    /// (replaced by a new one, or withdrawn).
    pub fn is_replaced(&self, token: &str) -> bool {
        is_token(token) && self.replaced.contains(&hash_token(token))
    }
}

/// What a phone asks the owner of the file to record.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// A stance in a consensus round.
    Stance {
        party: Id,
        round: Id,
        value: u8,
        reason: String,
    },
    /// The party's dots (or scores) in a priority round: (focal point,
    /// value) for every focal point it gives anything.
    Dots {
        party: Id,
        round: Id,
        marks: Vec<(Id, u8)>,
    },
}

/// Why a phone's stance was not recorded (one sentence each, on the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The round was decided, or is no longer on this meeting's phones.
    Closed,
    /// The stances were revealed: a change now is a correction, by the
    /// facilitator.
    Revealed,
    NotAVoter,
    ReasonRequired,
    OffTheScale,
    TooManyDots(u8),
    /// The facilitator recorded this party's stance: only the facilitator
    /// changes it.
    EnteredByFacilitator,
    /// The laptop did not answer in time (busy, or closing).
    NoAnswer,
    /// The file refused it (read-only, or a disk error).
    NotSaved,
}

/// An ask with the channel its answer goes back on.
#[derive(Debug)]
pub struct Pending {
    pub ask: Ask,
    pub reply: mpsc::SyncSender<Result<(), Refusal>>,
}

/// Record what a phone asked, as one step of the history. Nothing changes
/// when it is refused.
pub fn apply(doc: &mut Document, ask: &Ask, now: &str) -> Result<(), Refusal> {
    let a = doc.alliance();
    let edit = match ask {
        Ask::Stance {
            party,
            round,
            value,
            reason,
        } => {
            let r = a.round(*round).ok_or(Refusal::Closed)?;
            if r.status.is_closed() {
                return Err(Refusal::Closed);
            }
            if r.revealed {
                return Err(Refusal::Revealed);
            }
            let votes = r.voters.contains(party)
                && !r.absent.contains(party)
                && a.party(*party).is_some_and(|p| a.votes_in(p, r));
            if !votes {
                return Err(Refusal::NotAVoter);
            }
            if !r.scale.is_valid(*value) {
                return Err(Refusal::OffTheScale);
            }
            let reason = reason.trim().to_string();
            if r.scale.blocks(*value) && reason.is_empty() {
                return Err(Refusal::ReasonRequired);
            }
            if let Some(v) = a.vote(*round, *party) {
                if v.via != Via::Ballot {
                    return Err(Refusal::EnteredByFacilitator);
                }
                if v.value == *value && v.reason == reason {
                    return Ok(());
                }
            }
            a.put_vote(Vote {
                id: 0,
                round: *round,
                party: *party,
                value: *value,
                reason,
                via: Via::Ballot,
                entered_by: a.party_name(Some(*party)).to_string(),
                entered_at: now.to_string(),
                corrections: Vec::new(),
            })
        }
        Ask::Dots {
            party,
            round,
            marks,
        } => dots_edit(a, *party, *round, marks)?,
    };
    if edit.is_noop() {
        return Ok(());
    }
    // Each phone's stance is a step of its own, not merged with what the
    // facilitator was typing.
    doc.seal();
    let result = doc.perform(edit);
    doc.seal();
    result.map_err(|e| match e {
        crate::store::StoreError::Edit(crate::domain::EditError::ReasonRequired) => {
            Refusal::ReasonRequired
        }
        crate::store::StoreError::Edit(crate::domain::EditError::RoundClosed) => Refusal::Closed,
        crate::store::StoreError::Edit(crate::domain::EditError::TooManyDots { allowed }) => {
            Refusal::TooManyDots(allowed)
        }
        _ => Refusal::NotSaved,
    })
}

/// The edit that makes a party's marks in a priority round what it asks:
/// lowered and removed marks first, so the cap holds at every step.
fn dots_edit(a: &Alliance, party: Id, round: Id, marks: &[(Id, u8)]) -> Result<Edit, Refusal> {
    let r = a.priority_round(round).ok_or(Refusal::Closed)?;
    if r.revealed {
        return Err(Refusal::Revealed);
    }
    if a.party(party).is_none_or(|p| p.left.is_some()) || r.absent.contains(&party) {
        return Err(Refusal::NotAVoter);
    }
    let mut wanted: IdMap<u8> = IdMap::default();
    for (f, v) in marks {
        if a.focal_point(*f).is_none() {
            return Err(Refusal::Closed);
        }
        *wanted.entry(*f).or_default() = *v;
    }
    match r.method {
        PriorityMethod::Dots => {
            let total: u32 = wanted.values().map(|v| *v as u32).sum();
            if total > r.dots_per_party as u32 {
                return Err(Refusal::TooManyDots(r.dots_per_party));
            }
        }
        PriorityMethod::Score => {
            if wanted
                .values()
                .any(|v| *v > crate::domain::agenda::MAX_SCORE)
            {
                return Err(Refusal::OffTheScale);
            }
        }
    }
    let mine: Vec<&PriorityMark> = a
        .priority_marks
        .iter()
        .filter(|m| m.round == round && m.party == party)
        .collect();
    let mut lower = Vec::new();
    let mut raise = Vec::new();
    let mut next = a.next_id::<PriorityMark>();
    for f in &a.focal_points {
        let want = wanted.get(&f.id).copied().unwrap_or(0);
        let have = mine.iter().find(|m| m.focal_point == f.id);
        match have {
            Some(m) if want == 0 => lower.push(Alliance::delete(*m)),
            Some(m) if want < m.value => lower.push(a.update(PriorityMark {
                value: want,
                ..(*m).clone()
            })),
            Some(m) if want > m.value => raise.push(a.update(PriorityMark {
                value: want,
                ..(*m).clone()
            })),
            Some(_) => {}
            None if want > 0 => {
                raise.push(Edit::PriorityMark(crate::domain::Change {
                    before: None,
                    after: Some(PriorityMark {
                        id: next,
                        round,
                        party,
                        focal_point: f.id,
                        value: want,
                    }),
                }));
                next += 1;
            }
            None => {}
        }
    }
    lower.extend(raise);
    Ok(Edit::Batch(lower))
}

/// A running room: the server and what it needs from the file's owner.
pub struct Session {
    server: RoomServer,
    meeting: Id,
    lang: Lang,
    seen: Seen,
    /// The document revision the snapshot was built at.
    revision: Option<u64>,
    /// The file the snapshot was built from.
    path: std::path::PathBuf,
    /// How many stances the phones cast through this session.
    pub cast: usize,
    /// When a phone last asked anything (for "phones reach it").
    pub last_phone: Option<std::time::Instant>,
}

impl Session {
    /// Start serving the phones of `meeting` on `bind`. `wake` is called
    /// when a phone asks something (the app repaints to apply it).
    pub fn start(
        doc: &Document,
        meeting: Id,
        bind: SocketAddr,
        lang: Lang,
        wake: std::sync::Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<Session> {
        let mut seen = Seen::default();
        let snapshot = Snapshot::of(doc.alliance(), meeting, lang, &mut seen);
        let server = RoomServer::start(bind, snapshot, wake)?;
        Ok(Session {
            server,
            meeting,
            lang,
            seen,
            revision: Some(doc.revision()),
            path: doc.path().to_path_buf(),
            cast: 0,
            last_phone: None,
        })
    }

    pub fn meeting(&self) -> Id {
        self.meeting
    }

    /// Where the phones reach it.
    pub fn address(&self) -> SocketAddr {
        self.server.address()
    }

    /// Whether this session serves `doc`'s file.
    pub fn serves(&self, doc: &Document) -> bool {
        self.path == doc.path()
    }

    /// Refresh what the phones see if the file changed.
    pub fn refresh(&mut self, doc: &Document) {
        if self.revision != Some(doc.revision()) {
            let snapshot = Snapshot::of(doc.alliance(), self.meeting, self.lang, &mut self.seen);
            self.server.set_snapshot(snapshot);
            self.revision = Some(doc.revision());
        }
    }

    /// Apply what the phones asked, answer them, and keep their view in
    /// step with the file. Returns how many asks were answered.
    pub fn pump(&mut self, doc: &mut Document) -> usize {
        self.refresh(doc);
        let mut n = 0;
        for pending in self.server.take_asks() {
            self.answer(doc, pending);
            n += 1;
        }
        n
    }

    /// [`Session::pump`], waiting up to `wait` for the first ask (a loop
    /// without a window).
    pub fn pump_waiting(&mut self, doc: &mut Document, wait: std::time::Duration) -> usize {
        self.refresh(doc);
        match self.server.wait_ask(wait) {
            Some(first) => {
                self.answer(doc, first);
                1 + self.pump(doc)
            }
            None => 0,
        }
    }

    fn answer(&mut self, doc: &mut Document, pending: Pending) {
        let at = doc.clock().stamp();
        let result = apply(doc, &pending.ask, &at);
        if result.is_ok() {
            self.cast += 1;
        }
        self.last_phone = Some(std::time::Instant::now());
        // The phone is sent to its page next: show it what was recorded.
        self.refresh(doc);
        let _ = pending.reply.send(result);
    }

    /// Whether this laptop reaches its own server (a plain request to
    /// its front page).
    pub fn self_check(&self) -> bool {
        server::reaches(self.address())
    }

    /// How many requests the server answered, and when the last one came
    /// from another computer than this one.
    pub fn stats(&self) -> server::Stats {
        self.server.stats()
    }

    /// Stop serving (also when the session is dropped).
    pub fn stop(self) {
        self.server.stop();
    }
}
