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
//! Modules: `server` (HTTP on `hyper`: routes, the per-page token,
//! slowing down wrong tokens), `page` (the phone page and its status), and
//! `qr` (the card's QR code as a module matrix).

pub mod server;

pub use samenspel_output::room::{page, qr};

use std::net::{IpAddr, SocketAddr};
use std::sync::mpsc;

use crate::document::Document;
use crate::domain::agenda::PriorityMethod;
use crate::domain::{Alliance, Edit, Id, IdMap, PriorityMark, Via, Vote};
use crate::i18n::Lang;

pub use crate::phone::{
    Ask, DotView, Own, Refusal, RoundView, Seen, Snapshot, Told, hash_token, is_token,
};
pub use server::RoomServer;

/// The port the room server listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8017;

/// A fresh card token: 128 random bits as 32 lowercase hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random source failed");
    hex::encode(bytes)
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
            // The page's limit, counted the same way (characters), and no
            // control characters from a client that is not the page.
            if reason.chars().count() > samenspel_projection::phone::REASON_MAX
                || !samenspel_projection::phone::is_text(&reason)
            {
                return Err(Refusal::ReasonText);
            }
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
        Ask::Comment {
            party,
            round,
            part,
            text,
        } => {
            let r = a.comment_round(*round).ok_or(Refusal::Closed)?;
            if r.published.is_some() {
                return Err(Refusal::Closed);
            }
            if a.party(*party).is_none_or(|p| p.left.is_some()) {
                return Err(Refusal::NotAVoter);
            }
            let text = text.trim();
            if text.is_empty()
                || text.chars().count() > crate::domain::comments::COMMENT_MAX
                || !samenspel_projection::phone::is_text(text)
                || !samenspel_projection::phone::is_text(part)
            {
                return Err(Refusal::CommentText);
            }
            a.insert(crate::domain::Comment {
                round: *round,
                party: *party,
                part: part.trim().chars().take(200).collect(),
                text: crate::domain::Confidential::new(text.to_string()),
                via: crate::domain::CommentVia::Phone,
                ..Default::default()
            })
        }
        Ask::Checkin {
            party,
            round,
            person,
            scores,
        } => {
            use crate::domain::checkin::CheckinRefused as R;
            // Only a round of the meeting whose phones these are.
            a.phone_checkin(*round, *party, person, scores)
                .map_err(|e| match e {
                    R::Closed => Refusal::Closed,
                    R::Shown => Refusal::CheckinShown,
                    R::NotAVoter => Refusal::NotAVoter,
                    R::OffTheScale => Refusal::OffTheScale,
                })?
        }
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
