//! A representative table (seed 003, K2): a body whose seats are held by
//! parties for a term, filled by a draw anyone can check afterwards and
//! rotated in part each year.
//!
//! A region of 9 municipalities and 50 providers cannot sit at one table,
//! and the providers cannot pick a delegation themselves (each has an
//! interest in being at the table). So the facilitator fixes the candidate
//! list, the number of seats and the quotas, shows them, lets the room roll
//! dice, and the draw ([`super::draw`]) fills the quotas from a seed made of
//! all of these. Each seat has a term; in the first draw half the seats get
//! a shorter first term, so that each year part of the table rotates.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::draw::{self, Candidate, DrawError, DrawInput, DrawOutcome, Quota};
use super::edit::{Change, Edit, EditError, Ref, Refs};
use super::{Alliance, Id, IdSet, Party, PartyKind};

/// A party's seat at a body's table, for a term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSeat {
    pub id: Id,
    pub body: Id,
    pub party: Id,
    /// Who sits for the party (one of its people), if known.
    pub person: Option<Id>,
    /// The first day of the term.
    pub start: Option<NaiveDate>,
    /// The last day of the term; `None`: until further notice.
    pub end: Option<NaiveDate>,
    /// The draw that gave the seat; `None`: appointed by the facilitator
    /// (a commissioning municipality, say).
    pub draw: Option<Id>,
}

impl TableSeat {
    /// Whether the seat is held on `day`.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| e >= day)
    }
}

/// What a quota counts: a feature of the parties.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The kind of organisation (care, welfare, …).
    #[default]
    Kind,
    /// Size band by staff: small (under 50), medium (50–249), large (250
    /// and more), as the EU defines small and medium enterprises.
    Size,
    /// The service area ("werkgebied").
    Area,
    /// A service or theme (youth care, elderly, …); a party can have several.
    Theme,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Kind,
        Category::Size,
        Category::Area,
        Category::Theme,
    ];

    /// The key used in the draw's recorded input.
    pub fn key(self) -> &'static str {
        match self {
            Category::Kind => "kind",
            Category::Size => "size",
            Category::Area => "area",
            Category::Theme => "theme",
        }
    }
}

/// At least `min` and at most `max` seats (counting continuing seats) go
/// to parties with this feature.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeatQuota {
    pub category: Category,
    pub value: String,
    pub min: u32,
    pub max: u32,
}

impl SeatQuota {
    /// Whether a candidate has this quota's feature.
    pub fn applies_to(&self, c: &DrawCandidate) -> bool {
        c.features
            .iter()
            .any(|(k, v)| k == self.category.key() && *v == self.value)
    }
}

/// A party as the draw saw it: its name and features on the day the
/// inputs were fixed, so that the draw can be checked later whatever
/// changes in the register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DrawCandidate {
    pub party: Id,
    pub name: String,
    /// (category key, value), e.g. ("size", "small").
    pub features: Vec<(String, String)>,
}

/// How far a recomputed fair-lottery chance may lie from the recorded one,
/// in millionths (0.1 percentage point): see [`Alliance::recompute_chances`].
pub const RECOMPUTE_TOLERANCE: u64 = 1000;

/// One table of the fair lottery: the parties seated (ids ascending) and
/// its probability in millionths.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DrawTable {
    pub parties: Vec<Id>,
    pub millionths: u64,
}

/// A candidate's chance of a seat, in millionths, as shown before the dice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DrawChance {
    pub party: Id,
    pub millionths: u64,
}

/// A draw for the seats of a body's table: its inputs, fixed and shown
/// before the dice are rolled, and its outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeatDraw {
    pub id: Id,
    pub body: Id,
    /// The day of the draw; the new seats start on it.
    pub date: Option<NaiveDate>,
    /// Seats at the table after the draw, continuing seats included.
    pub seats: u32,
    /// Years of a full term.
    pub term_years: u32,
    /// The table's first draw: every other seat (in draw order) gets a
    /// first term one year shorter, so that part of the table rotates each
    /// year.
    pub staggered: bool,
    /// The eligible parties.
    pub candidates: Vec<DrawCandidate>,
    pub quotas: Vec<SeatQuota>,
    /// Parties whose seats continue: they count towards the quotas.
    pub kept: Vec<DrawCandidate>,
    /// Parties that just left a seat and sit out this draw, unless no
    /// quota can be filled without them.
    pub sitting_out: Vec<Id>,
    /// Inputs fixed and shown: from now on only dice are added.
    pub fixed: bool,
    /// The room's dice, as typed, one entry per roll.
    pub dice: Vec<String>,
    /// The method (see [`draw::Method`]); empty in draws prepared before
    /// the fair lottery, which use the legacy method.
    pub method: String,
    /// The fair lottery's tables, computed when the inputs are fixed and
    /// hashed with them (empty for the other methods).
    pub tables: Vec<DrawTable>,
    /// Each candidate's chance of a seat, computed when the inputs are
    /// fixed: exact for the fair lottery, else estimated.
    pub chances: Vec<DrawChance>,
    /// The widest 95% margin of estimated chances, in millionths (0: exact).
    pub chance_margin: u64,
    /// How many simulated draws the estimate took (0: exact).
    pub chance_runs: u32,
    /// The SHA-256 seed in hex, empty until drawn.
    pub seed: String,
    /// The parties drawn, in draw order.
    pub chosen: Vec<Id>,
    /// Whether parties sitting out had to be let back in.
    pub sitting_out_used: bool,
}

impl SeatDraw {
    pub fn is_drawn(&self) -> bool {
        !self.seed.is_empty()
    }

    /// The draw's inputs for the algorithm.
    pub fn input(&self) -> DrawInput {
        let candidate = |c: &DrawCandidate| Candidate {
            id: c.party,
            name: c.name.clone(),
            features: c.features.clone(),
        };
        DrawInput {
            seats: self.seats,
            candidates: self.candidates.iter().map(candidate).collect(),
            quotas: self
                .quotas
                .iter()
                .map(|q| Quota {
                    category: q.category.key().to_string(),
                    value: q.value.clone(),
                    min: q.min,
                    max: q.max,
                })
                .collect(),
            kept: self.kept.iter().map(candidate).collect(),
            sitting_out: self.sitting_out.clone(),
            dice: self.dice.clone(),
        }
    }

    /// The term of the seat drawn `nth` (from 0): its first and last day.
    pub fn term_of(&self, nth: usize) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let years = self.term_years.max(1);
        let years = if self.staggered && years > 1 {
            years - (nth as u32 % 2)
        } else {
            years
        };
        let end = self
            .date
            .and_then(|d| add_years(d, years))
            .and_then(|d| d.pred_opt());
        (self.date, end)
    }

    /// The method this draw uses. None named: a draw fixed before the
    /// fair lottery existed uses the legacy one, a draft the default.
    pub fn method_kind(&self) -> Option<draw::Method> {
        if self.method.is_empty() {
            Some(if self.fixed {
                draw::Method::Legacy
            } else {
                draw::Method::default()
            })
        } else {
            draw::Method::from_id(&self.method)
        }
    }

    /// The method with what it draws from.
    pub fn lottery(&self) -> Option<draw::Lottery> {
        Some(match self.method_kind()? {
            draw::Method::Legacy => draw::Lottery::Legacy,
            draw::Method::Uniform => draw::Lottery::Uniform,
            draw::Method::Leximin => draw::Lottery::Leximin(self.table_list()),
        })
    }

    /// The recorded tables as the draw module takes them.
    fn table_list(&self) -> Vec<(Vec<Id>, u64)> {
        self.tables
            .iter()
            .map(|t| (t.parties.clone(), t.millionths))
            .collect()
    }

    /// The seats this draw fills: the table's seats less those continuing.
    pub fn free_seats(&self) -> u32 {
        self.seats.saturating_sub(self.kept.len() as u32)
    }

    /// The recorded chances in brief: the lowest of anyone who can be
    /// drawn, the equal share and the margin of an estimate, in
    /// millionths; `None` before chances were recorded.
    pub fn chance_summary(&self) -> Option<(u64, u64, u64)> {
        draw::lottery::lowest_and_equal(
            self.chances.iter().map(|c| c.millionths),
            self.free_seats(),
        )
        .map(|(low, equal)| (low, equal, self.chance_margin))
    }

    /// The text hashed into the seed (see [`draw::canonical_text`]).
    pub fn canonical_text(&self) -> String {
        draw::canonical_text(
            &self.input(),
            &self.lottery().unwrap_or(draw::Lottery::Legacy),
        )
    }

    /// The chances as recorded when the inputs were fixed.
    pub fn recorded_chances(&self) -> draw::Chances {
        draw::Chances {
            tables: self.table_list(),
            chances: self
                .chances
                .iter()
                .map(|c| (c.party, c.millionths))
                .collect(),
            margin: self.chance_margin,
            runs: self.chance_runs as usize,
        }
    }

    /// For a draw made before chances were recorded with the inputs: its
    /// method's chances estimated now from simulated draws (never
    /// recorded: the room did not see them). `None` when chances were
    /// recorded, or the method is unknown or cannot be recomputed.
    pub fn chances_afterwards(&self) -> Option<draw::Chances> {
        if !self.chances.is_empty() {
            return None;
        }
        draw::lottery::chances(
            &self.input(),
            self.method_kind()?,
            draw::lottery::SIMULATIONS,
        )
        .ok()
    }

    /// This draw with computed chances (and the fair lottery's tables).
    pub fn with_chances(&self, c: &draw::Chances) -> SeatDraw {
        SeatDraw {
            tables: c
                .tables
                .iter()
                .map(|(parties, millionths)| DrawTable {
                    parties: parties.clone(),
                    millionths: *millionths,
                })
                .collect(),
            chances: c
                .chances
                .iter()
                .map(|(party, millionths)| DrawChance {
                    party: *party,
                    millionths: *millionths,
                })
                .collect(),
            chance_margin: c.margin,
            chance_runs: u32::try_from(c.runs).unwrap_or(u32::MAX),
            ..self.clone()
        }
    }

    /// The same draw before its dice were cast: what undoing the draw
    /// leaves (the method named, as it was when fixed).
    fn undrawn(&self) -> SeatDraw {
        SeatDraw {
            method: self
                .method_kind()
                .map_or_else(|| self.method.clone(), |m| m.id().to_string()),
            seed: String::new(),
            chosen: Vec::new(),
            sitting_out_used: false,
            ..self.clone()
        }
    }

    /// The inputs without the dice (fixed once shown).
    fn fixed_part(&self) -> SeatDraw {
        SeatDraw {
            dice: Vec::new(),
            fixed: false,
            ..self.undrawn()
        }
    }
}

/// `day` moved by whole years (29 February becomes 28 February).
pub fn add_years(day: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = day.year() + years as i32;
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), 28))
}

/// A party's size band, from its staff (see [`Category::Size`]).
pub fn size_band(staff: Option<u32>) -> &'static str {
    match staff {
        None => "unknown",
        Some(n) if n < 50 => "small",
        Some(n) if n < 250 => "medium",
        Some(_) => "large",
    }
}

/// A party kind's key, as the draw records it.
pub fn kind_key(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Welfare => "welfare",
        PartyKind::Care => "care",
        PartyKind::HousingCorporation => "housing_corporation",
        PartyKind::Municipality => "municipality",
        PartyKind::Police => "police",
        PartyKind::Other => "other",
    }
}

/// A party as a candidate of a draw: its name and features today.
pub fn candidate(p: &Party) -> DrawCandidate {
    let mut features = vec![
        (
            Category::Kind.key().to_string(),
            kind_key(p.kind).to_string(),
        ),
        (
            Category::Size.key().to_string(),
            size_band(p.staff).to_string(),
        ),
    ];
    let area = p.service_area.trim();
    if !area.is_empty() {
        features.push((Category::Area.key().to_string(), area.to_string()));
    }
    let mut themes: Vec<&str> = p
        .services
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    themes.sort_unstable();
    themes.dedup();
    for t in themes {
        features.push((Category::Theme.key().to_string(), t.to_string()));
    }
    DrawCandidate {
        party: p.id,
        name: p.name.clone(),
        features,
    }
}

/// The seats of a rotation on a day: which continue, which end, how many
/// are free, and who sits out.
#[derive(Clone, Debug, PartialEq)]
pub struct Rotation {
    pub day: NaiveDate,
    pub continuing: Vec<TableSeat>,
    /// Seats whose term ended in the year before `day`: their parties sit
    /// out this draw.
    pub ending: Vec<TableSeat>,
    /// Seats to draw.
    pub free: u32,
}

/// Seats of a table that come free on one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FreeOn {
    pub day: NaiveDate,
    pub seats: u32,
    /// The parties of continuing seats whose term ends the day before.
    pub continuing: Vec<Id>,
    /// The seats the draw fills, by place in the draw order (from 0).
    pub drawn: Vec<usize>,
}

/// Why a draw could not be run or checked.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TableError {
    #[error("there is no such draw")]
    NoSuchDraw,
    #[error("fix and show the draw's inputs before the dice are rolled")]
    NotFixed,
    #[error("this draw was already made")]
    AlreadyDrawn,
    #[error("this draw has not been made yet")]
    NotDrawn,
    /// A roll that is not dice (numbers 1 to 6): its text.
    #[error("roll '{0}' is not dice: type one number from 1 to 6 per die, like 4 or 6 2")]
    NotDice(String),
    #[error("{0}")]
    Draw(String),
    /// The draw names a method this program does not know.
    #[error("the draw names the method '{0}', which this program does not know")]
    UnknownMethod(String),
    #[error(
        "the fair lottery's tables were not computed when the inputs were fixed; fix the draw again"
    )]
    NoTables,
    #[error("{0}")]
    Edit(#[from] EditError),
}

impl From<DrawError> for TableError {
    fn from(e: DrawError) -> Self {
        TableError::Draw(e.to_string())
    }
}

/// What checking a recorded draw found.
#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    pub outcome: DrawOutcome,
    /// Differences between the recorded draw and its recomputation, and
    /// between the draw and the seats it gave, one sentence each. Empty:
    /// the seats follow from the inputs.
    pub problems: Vec<String>,
}

impl Alliance {
    /// Every seat ever held at a body's table, by start.
    pub fn table_seats_of(&self, body: Id) -> Vec<&TableSeat> {
        let mut out: Vec<&TableSeat> = self.table_seats.iter().filter(|s| s.body == body).collect();
        out.sort_by_key(|s| (s.start, s.end, s.id));
        out
    }

    /// The seats held at a body's table on `day`.
    pub fn seats_on(&self, body: Id, day: NaiveDate) -> Vec<&TableSeat> {
        let mut out: Vec<&TableSeat> = self
            .table_seats
            .iter()
            .filter(|s| s.body == body && s.held_on(day))
            .collect();
        out.sort_by_key(|s| (s.end, s.id));
        out
    }

    /// The parties that vote in a round put to a body on `day`: those
    /// holding a seat at its table then, or, for a body whose members are
    /// people, the parties of its members.
    pub fn voters_of_body(&self, body: Id, day: NaiveDate) -> Vec<Id> {
        let seated: IdSet = if self.table_seats.iter().any(|s| s.body == body) {
            self.seats_on(body, day).iter().map(|s| s.party).collect()
        } else {
            self.parties_in_body(body).into_iter().collect()
        };
        self.parties
            .iter()
            .filter(|p| seated.contains(&p.id) && p.is_active_on(day))
            .map(|p| p.id)
            .collect()
    }

    /// A body's draws, oldest first.
    pub fn draws_of(&self, body: Id) -> Vec<&SeatDraw> {
        let mut out: Vec<&SeatDraw> = self.seat_draws.iter().filter(|d| d.body == body).collect();
        out.sort_by_key(|d| (d.date, d.id));
        out
    }

    pub fn seat_draw(&self, id: Id) -> Option<&SeatDraw> {
        super::alliance::by_id(&self.seat_draws, id)
    }

    /// Which seats of a body continue on `day`, which ended in the year
    /// before it, and how many are free.
    pub fn rotation(&self, body: Id, day: NaiveDate) -> Rotation {
        let seats = self.body(body).map_or(0, |b| b.seats);
        let year_before = add_years(day, 0)
            .and_then(|d| d.with_year(d.year() - 1))
            .unwrap_or(day);
        let mut continuing = Vec::new();
        let mut ending = Vec::new();
        for s in self.table_seats_of(body) {
            if s.held_on(day) {
                continuing.push(s.clone());
            } else if s.end.is_some_and(|e| e < day && e >= year_before) {
                ending.push(s.clone());
            }
        }
        Rotation {
            day,
            free: seats.saturating_sub(continuing.len() as u32),
            continuing,
            ending,
        }
    }

    /// When the seats of a body's table come free once `draw` is made, by
    /// the day after their term ends, earliest first: the continuing seats
    /// and the ones the draw fills (each by its place in the draw order,
    /// from 0). Appointed seats without an end are not in it.
    pub fn rotation_plan(&self, draw: &SeatDraw) -> Vec<FreeOn> {
        let mut by_day: std::collections::BTreeMap<NaiveDate, FreeOn> = Default::default();
        let day = draw.date.unwrap_or(NaiveDate::MIN);
        let kept: IdSet = draw.kept.iter().map(|k| k.party).collect();
        fn on(
            m: &mut std::collections::BTreeMap<NaiveDate, FreeOn>,
            day: NaiveDate,
        ) -> &mut FreeOn {
            let f = m.entry(day).or_insert_with(|| FreeOn {
                day,
                ..Default::default()
            });
            f.seats += 1;
            f
        }
        for s in self.table_seats_of(draw.body) {
            if s.held_on(day)
                && kept.contains(&s.party)
                && let Some(free) = s.end.and_then(|e| e.succ_opt())
            {
                on(&mut by_day, free).continuing.push(s.party);
            }
        }
        let new = draw.free_seats() as usize;
        for nth in 0..new {
            if let Some(free) = draw.term_of(nth).1.and_then(|e| e.succ_opt()) {
                on(&mut by_day, free).drawn.push(nth);
            }
        }
        by_day.into_values().collect()
    }

    /// The first rotation that would replace more than half of a table at
    /// once after `draw` (an odd table's larger half, 4 of 7, is as even as
    /// it can be, and not warned about).
    pub fn rotation_warning(&self, draw: &SeatDraw) -> Option<FreeOn> {
        self.rotation_plan(draw)
            .into_iter()
            .find(|f| f.seats > draw.seats.div_ceil(2))
    }

    /// An edit that prepares a draw for a body's free seats on `day`: the
    /// eligible parties (active, not a municipality, without a seat that
    /// continues), continuing seats kept, parties that just left sitting
    /// out, and the quotas of the body's last draw.
    pub fn prepare_draw(&self, body: Id, day: NaiveDate) -> Option<Edit> {
        let b = self.body(body)?;
        let rot = self.rotation(body, day);
        let kept_ids: IdSet = rot.continuing.iter().map(|s| s.party).collect();
        // Staggered whenever no drawn seat continues (the table's first
        // draw, whatever seats were appointed beside it, or a table whose
        // drawn seats all ended): about half of the drawn seats then come
        // free a year early, so that the table rotates each year.
        let first = !rot.continuing.iter().any(|s| s.draw.is_some());
        let candidates = self
            .parties
            .iter()
            .filter(|p| {
                p.is_active_on(day)
                    && p.kind != PartyKind::Municipality
                    && !kept_ids.contains(&p.id)
            })
            .map(candidate)
            .collect();
        let kept = rot
            .continuing
            .iter()
            .filter_map(|s| self.party(s.party))
            .map(candidate)
            .collect();
        let mut sitting_out: Vec<Id> = rot.ending.iter().map(|s| s.party).collect();
        sitting_out.sort_unstable();
        sitting_out.dedup();
        let last = self.draws_of(body).last().copied();
        let quotas = last.map(|d| d.quotas.clone()).unwrap_or_default();
        // The fair lottery, unless the table chose every valid table
        // equally likely before.
        let method = match last.and_then(|d| d.method_kind()) {
            Some(draw::Method::Uniform) => draw::Method::Uniform,
            _ => draw::Method::Leximin,
        };
        Some(self.insert(SeatDraw {
            id: 0,
            body,
            date: Some(day),
            seats: b.seats,
            term_years: b.term_years.max(1),
            staggered: first,
            candidates,
            quotas,
            kept,
            sitting_out,
            method: method.id().to_string(),
            ..SeatDraw::default()
        }))
    }

    /// The edit that fixes a draw's inputs to be shown before the dice:
    /// the chances of its method computed and recorded with them (for the
    /// fair lottery its tables, which the seed will choose from).
    pub fn fix_draw(&self, id: Id) -> Result<Edit, TableError> {
        let d = self.seat_draw(id).ok_or(TableError::NoSuchDraw)?;
        if d.is_drawn() {
            return Err(TableError::AlreadyDrawn);
        }
        let method = d
            .method_kind()
            .ok_or_else(|| TableError::UnknownMethod(d.method.clone()))?;
        let chances = draw::lottery::chances(&d.input(), method, draw::lottery::SIMULATIONS)?;
        Ok(self.update(SeatDraw {
            fixed: true,
            method: method.id().to_string(),
            ..d.with_chances(&chances)
        }))
    }

    /// The edit that makes a fixed draw: its outcome recorded and a seat
    /// for every party drawn, with its term, as one step.
    pub fn run_draw(&self, id: Id) -> Result<Edit, TableError> {
        let d = self.seat_draw(id).ok_or(TableError::NoSuchDraw)?;
        if d.is_drawn() {
            return Err(TableError::AlreadyDrawn);
        }
        if !d.fixed {
            return Err(TableError::NotFixed);
        }
        if let Some(bad) = d.dice.iter().find(|x| !draw::is_roll(x)) {
            return Err(TableError::NotDice(bad.clone()));
        }
        let lottery = d
            .lottery()
            .ok_or_else(|| TableError::UnknownMethod(d.method.clone()))?;
        if matches!(&lottery, draw::Lottery::Leximin(t) if t.is_empty()) {
            return Err(TableError::NoTables);
        }
        let outcome = draw::draw_by(&d.input(), &lottery)?;
        let mut edits = vec![self.update(SeatDraw {
            method: lottery.method().id().to_string(),
            seed: outcome.seed.clone(),
            chosen: outcome.chosen.clone(),
            sitting_out_used: outcome.sitting_out_used,
            ..d.clone()
        })];
        let next = self.next_id::<TableSeat>();
        for (nth, party) in outcome.chosen.iter().enumerate() {
            let (start, end) = d.term_of(nth);
            edits.push(Edit::TableSeat(Change {
                before: None,
                after: Some(TableSeat {
                    id: next + nth as Id,
                    body: d.body,
                    party: *party,
                    person: self.sitter_for(d.body, *party, d.date),
                    start,
                    end,
                    draw: Some(id),
                }),
            }));
        }
        Ok(Edit::Batch(edits))
    }

    /// Who sits for a party by default: its member of the body, else its
    /// first active person.
    fn sitter_for(&self, body: Id, party: Id, day: Option<NaiveDate>) -> Option<Id> {
        let active = |p: &&super::Person| day.is_none_or(|d| p.is_active_on(d));
        self.members_of(body)
            .filter_map(|m| self.person(m.person))
            .filter(active)
            .find(|p| p.party == Some(party))
            .or_else(|| {
                self.people
                    .iter()
                    .filter(active)
                    .find(|p| p.party == Some(party))
            })
            .map(|p| p.id)
    }

    /// The optional check beside [`Alliance::verify_draw`]: compute the
    /// chances again from the inputs and compare them with those recorded,
    /// one sentence per difference. The fair lottery's chances are unique
    /// but a solver's last digits are not, so each may differ by up to
    /// [`RECOMPUTE_TOLERANCE`] millionths; the tables carrying them may
    /// differ altogether. Estimates are recomputed from the same simulated
    /// rolls and must match exactly.
    pub fn recompute_chances(&self, id: Id) -> Result<Vec<String>, TableError> {
        let d = self.seat_draw(id).ok_or(TableError::NoSuchDraw)?;
        let method = d
            .method_kind()
            .ok_or_else(|| TableError::UnknownMethod(d.method.clone()))?;
        if d.chances.is_empty() {
            return Ok(Vec::new());
        }
        let runs = if d.chance_runs > 0 {
            d.chance_runs as usize
        } else {
            draw::lottery::SIMULATIONS
        };
        let again = draw::lottery::chances(&d.input(), method, runs)?;
        let tolerance = if method == draw::Method::Leximin {
            RECOMPUTE_TOLERANCE
        } else {
            0
        };
        let recorded: std::collections::BTreeMap<Id, u64> =
            d.chances.iter().map(|c| (c.party, c.millionths)).collect();
        let mut out = Vec::new();
        let name = |p: Id| {
            d.candidates
                .iter()
                .find(|c| c.party == p)
                .map_or_else(|| format!("party {p}"), |c| c.name.clone())
        };
        for (party, m) in &again.chances {
            let shown = recorded.get(party).copied().unwrap_or(0);
            if shown.abs_diff(*m) > tolerance {
                out.push(format!(
                    "{}'s chance computed again is {}, the record prints {}",
                    name(*party),
                    draw::lottery::share(*m),
                    draw::lottery::share(shown)
                ));
            }
        }
        for party in recorded.keys() {
            if !again.chances.iter().any(|c| c.0 == *party) {
                out.push(format!(
                    "{} has a recorded chance but cannot be drawn with these inputs",
                    name(*party)
                ));
            }
        }
        Ok(out)
    }

    /// Recompute a recorded draw from its inputs and compare: the seed,
    /// the parties drawn, and the seats the draw gave.
    pub fn verify_draw(&self, id: Id) -> Result<Verification, TableError> {
        let d = self.seat_draw(id).ok_or(TableError::NoSuchDraw)?;
        if !d.is_drawn() {
            return Err(TableError::NotDrawn);
        }
        let input = d.input();
        let lottery = d
            .lottery()
            .ok_or_else(|| TableError::UnknownMethod(d.method.clone()))?;
        let name = |p: Id| {
            d.candidates
                .iter()
                .find(|c| c.party == p)
                .map(|c| c.name.clone())
                .or_else(|| self.party(p).map(|x| x.name.clone()))
                .unwrap_or_else(|| format!("party {p}"))
        };
        let mut problems = Vec::new();
        let outcome = match &lottery {
            draw::Lottery::Leximin(tables) => {
                // The tables must be a valid lottery for the inputs, and
                // the chances printed before the dice their marginals.
                problems.extend(draw::lottery::distribution_problems(&input, tables));
                let recorded: std::collections::BTreeMap<Id, u64> =
                    d.chances.iter().map(|c| (c.party, c.millionths)).collect();
                let mut from_tables: std::collections::BTreeMap<Id, u64> =
                    draw::lottery::marginals(&input, tables)?
                        .into_iter()
                        .collect();
                for id in recorded.keys() {
                    from_tables.entry(*id).or_default();
                }
                for (id, m) in from_tables {
                    let shown = recorded.get(&id).copied().unwrap_or(0);
                    if shown != m {
                        problems.push(format!(
                            "{}'s printed chance is {}, the recorded tables give {}",
                            name(id),
                            draw::lottery::share(shown),
                            draw::lottery::share(m)
                        ));
                    }
                }
                draw::lottery::pick_table(&input, &lottery, tables)?
            }
            other => draw::draw_by(&input, other)?,
        };
        if d.seed != outcome.seed {
            problems.push(format!(
                "the recorded seed {} is not the seed of the inputs, {} (a die, a candidate, a quota or a table differs from what was hashed)",
                d.seed, outcome.seed
            ));
        }
        for p in &outcome.chosen {
            if !d.chosen.contains(p) {
                problems.push(format!(
                    "{} follows from the inputs but is not recorded as drawn",
                    name(*p)
                ));
            }
        }
        for p in &d.chosen {
            if !outcome.chosen.contains(p) {
                problems.push(format!(
                    "{} is recorded as drawn but does not follow from the inputs",
                    name(*p)
                ));
            }
        }
        let given: Vec<&TableSeat> = self
            .table_seats
            .iter()
            .filter(|s| s.draw == Some(id))
            .collect();
        for s in &given {
            if s.body != d.body {
                problems.push(format!("a seat of {} sits at another table", name(s.party)));
            }
            match outcome.chosen.iter().position(|p| *p == s.party) {
                None => problems.push(format!(
                    "{} holds a seat from this draw but was not drawn",
                    name(s.party)
                )),
                Some(nth) => {
                    // The term follows from the draw's day, the term in
                    // years and the staggering; a seat may end early (a
                    // party steps down), never start otherwise or last
                    // longer.
                    let (start, end) = d.term_of(nth);
                    let day = |x: Option<NaiveDate>| {
                        x.map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_else(|| "no date".to_string())
                    };
                    if s.start != start {
                        problems.push(format!(
                            "{}'s seat starts on {}, the draw gives {}",
                            name(s.party),
                            day(s.start),
                            day(start)
                        ));
                    }
                    let longer = match (s.end, end) {
                        (Some(have), Some(term)) => have > term,
                        (None, Some(_)) => true,
                        _ => false,
                    };
                    if longer {
                        problems.push(format!(
                            "{}'s seat ends on {}, after the term the draw gives (until {})",
                            name(s.party),
                            day(s.end),
                            day(end)
                        ));
                    }
                }
            }
        }
        for p in &outcome.chosen {
            if !given.iter().any(|s| s.party == *p) {
                problems.push(format!(
                    "{} was drawn but holds no seat from this draw",
                    name(*p)
                ));
            }
        }
        Ok(Verification { outcome, problems })
    }
}

impl Refs for TableSeat {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![
            Ref::of::<super::alliance::Body>(self.body),
            Ref::of::<super::alliance::Party>(self.party),
        ];
        out.extend(self.person.map(Ref::of::<super::alliance::Person>));
        out.extend(self.draw.map(Ref::of::<SeatDraw>));
        out
    }
    fn without(&self, gone: Ref) -> Option<Self> {
        match gone.kind {
            "person" => Some(TableSeat {
                person: None,
                ..self.clone()
            }),
            _ => None,
        }
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(s) = &c.after {
            if let (Some(start), Some(end)) = (s.start, s.end)
                && end < start
            {
                return Err(EditError::EndsBeforeStart);
            }
            let overlaps = |o: &TableSeat| {
                o.start.is_none_or(|os| s.end.is_none_or(|e| os <= e))
                    && o.end.is_none_or(|oe| s.start.is_none_or(|st| st <= oe))
            };
            if a.table_seats
                .iter()
                .any(|o| o.id != s.id && o.body == s.body && o.party == s.party && overlaps(o))
            {
                return Err(EditError::DuplicateTableSeat);
            }
        }
        Ok(())
    }
}

impl Refs for SeatDraw {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::of::<super::alliance::Body>(self.body)]
    }
    /// A draw made is a record of what happened: it changes only by being
    /// undone whole. Fixed inputs change only by being unfixed whole.
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // A draw made is on the record: never changed, never removed.
        if let (Some(b), None) = (&c.before, &c.after)
            && b.is_drawn()
        {
            return Err(EditError::DrawMade);
        }
        if let (Some(b), Some(n)) = (&c.before, &c.after) {
            if b == n {
                return Ok(());
            }
            if b.is_drawn() {
                return Err(EditError::DrawMade);
            }
            if b.fixed && n.fixed && b.fixed_part() != n.fixed_part() {
                return Err(EditError::DrawFixed);
            }
        }
        if let Some(n) = &c.after
            && let Some(q) = n.quotas.iter().find(|q| q.min > q.max)
        {
            return Err(EditError::QuotaRange {
                value: q.value.clone(),
            });
        }
        Ok(())
    }
}
