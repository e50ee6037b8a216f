//! # Verifiable quota-filling lottery ("sortition") for seats at a board table
//!
//! A facilitator fixes the eligible candidates, the number of seats and the
//! quotas; people in the room roll dice and the results are typed in. All of
//! that is written down as one canonical text, the text is hashed with SHA-256
//! into a seed, and a deterministic algorithm fills the seats from that seed.
//! Anyone holding the recorded inputs can recompute the seed (even by hand with
//! `sha256sum`) and the seats ([`verify`]).
//!
//! This module is pure: no I/O, no clock, no global randomness, no `unsafe`.
//! Every function returns an error instead of panicking on bad input.
//!
//! ## Method `legacy-quota-sha256-v1`
//!
//! The seat-filling rule is the "legacy" algorithm of the Sortition
//! Foundation's `sortition-algorithms` (`find_random_sample_legacy`; see also
//! Flanigan et al., "Fair algorithms for selecting citizens' assemblies",
//! Nature 596, 2021, where it is the baseline that LEXIMIN improves on), made
//! deterministic and combined with an exact feasibility check so that it can
//! never run into a dead end.
//!
//! ### 1. Canonical input text
//!
//! [`canonical_input`] writes the input as UTF-8 text, one item per line. Every
//! line, including the last, ends with one line feed (`0x0A`); fields are
//! separated by exactly one space. The lines are, in this order:
//!
//! 1. `method: legacy-quota-sha256-v1`
//! 2. `seats: <seats>`
//! 3. one `candidate: <id> <name><features>` line per entry of `candidates`,
//!    sorted by id (ties, which only invalid input can have, by name and then
//!    features). `<features>` is zero or more ` <category>=<value>` items
//!    (each item is preceded by one space, both parts are quoted strings),
//!    sorted by (category, value).
//! 4. one `kept: <id> <name><features>` line per kept seat holder, same layout
//!    and order.
//! 5. one `sitting_out: <id>` line per entry, sorted by id.
//! 6. one `quota: <category>=<value> min <min> max <max>` line per quota
//!    (category and value quoted), sorted by (category, value, min, max).
//! 7. one `die: <text>` line per roller, in the order given (not sorted); the
//!    text is quoted after removing leading and trailing white space
//!    (Rust's `str::trim`, i.e. Unicode `White_Space`).
//!
//! Numbers are decimal (negative ids with a leading `-`). A quoted string is
//! `"` + text + `"`, where in the text `\` is written `\\`, `"` is written
//! `\"`, and every control character (Unicode category Cc: tab, line feed,
//! carriage return, ...) is written `\u{<lowercase hex code point>}`, e.g.
//! `\u{a}`; everything else is copied unchanged (no Unicode normalisation).
//! Strings are sorted by their UTF-8 bytes. Candidate names are part of the
//! text so the record binds each id to its name. Example:
//!
//! ```text
//! method: legacy-quota-sha256-v1
//! seats: 3
//! candidate: 5 "Thuiszorg Oost" "kind"="elderly care" "size"="large"
//! candidate: 8 "GGZ Twente" "kind"="ggz" "size"="large"
//! candidate: 12 "Zorg \"De Es\"" "kind"="youth care" "size"="small"
//! kept: 3 "Buurtteam" "kind"="other" "size"="small"
//! sitting_out: 8
//! quota: "kind"="youth care" min 1 max 3
//! quota: "size"="small" min 1 max 2
//! die: "4"
//! die: "6 2"
//! ```
//!
//! Saved to a file, `sha256sum file.txt` prints
//! `fc5e5d699b24dff39535ad340b78abc77be5c71583d15ca09741c464476b1d6a`,
//! which is the [`seed`] of that input.
//!
//! ### 2. Random stream
//!
//! From the 32-byte seed, block `i` (for `i = 0, 1, 2, ...`) is
//! `SHA-256(seed || i)`, with `i` written as 8 bytes big-endian. The stream is
//! block 0, block 1, ... concatenated; it is read 8 bytes at a time, each read
//! as a big-endian unsigned 64-bit number `x`. A uniform index in `0..n` is
//! made by rejection sampling: with `r = 2^64 mod n`, a number
//! `x >= 2^64 - r` is thrown away and the next one is read; otherwise the
//! index is `x mod n`. This has no modulo bias. See [`RandomStream`].
//!
//! ### 3. Seat filling
//!
//! *Eligible pool*: the candidates minus the kept seat holders, first also
//! minus the sitting-out candidates. If no selection from that pool can meet
//! the seat count and all quotas ([`feasible`]), the sitting-out candidates are
//! all let back in and [`DrawOutcome::sitting_out_used`] is `true`. If even
//! then no selection exists, [`draw`] returns [`DrawError::TooFewCandidates`]
//! or [`DrawError::Infeasible`], which names a minimal set of quotas that
//! cannot be met together.
//!
//! Then, starting from the kept seats (which count towards the quotas and the
//! seat total), and while seats remain:
//!
//! 1. A remaining candidate is *open* if drawing them would not push any quota
//!    value over its maximum (the legacy algorithm deletes such people).
//! 2. For every quota whose minimum is not yet met, `ratio = (min - seated
//!    with that value) / (open candidates with that value)` (a zero
//!    denominator counts as infinitely high). The quota with the highest ratio
//!    is the target; ties go to the lowest (category, value) by UTF-8 bytes.
//!    Ratios are compared exactly (integer cross-multiplication).
//! 3. The draw list is the open candidates having the target value, or all
//!    open candidates if every minimum is met, *minus* every candidate after
//!    whose selection the remaining seats could no longer be filled within all
//!    quotas (checked exactly with the same search as [`feasible`]).
//! 4. The draw list is sorted by id and one entry is picked with a uniform
//!    index from the stream (section 2); that candidate takes a seat and is
//!    appended to [`DrawOutcome::chosen`].
//!
//! The original legacy algorithm could dead-end and then restarted (up to 100
//! attempts). Here a restart can only happen after an internal error, so
//! [`DrawOutcome::attempts`] is always 1; the loop is kept (each new attempt
//! continues the same stream) for fidelity. A deviation from the Python code:
//! when all minimums are met, the Python code draws from the first open
//! feature value it finds, this module draws from all open candidates.
//!
//! ## Guarantees
//!
//! * **Quotas**: if any selection of the seats meets all quotas (with the kept
//!   seats), [`draw`] returns one that meets all quotas, in one attempt. This
//!   holds because each pick keeps the remaining problem feasible, and a
//!   feasible state always has an allowed candidate in the draw list (every
//!   valid completion contains one).
//! * **Determinism**: the same inputs always give the same seed and the same
//!   seats, on any machine; the order in which candidates, their features,
//!   quotas or sitting-out ids are listed does not matter (the order of the
//!   dice does).
//! * **Binding**: any change to any input that enters the canonical text (a
//!   die, a candidate, a name, a feature, a quota, the seats, the kept or
//!   sitting-out lists) changes the seed, barring a SHA-256 collision.
//! * **Not guaranteed: equal chances.** Like the legacy algorithm, this does
//!   not give every candidate the same (or a maximally equal) probability of
//!   selection when quotas bind: candidates with rare quota values are favoured
//!   and others may get lower chances. Balancing selection probabilities is
//!   what LEXIMIN (Flanigan et al. 2021) adds: the fair lottery of
//!   [`leximin`], drawn by [`lottery`], the default for new draws. With no quotas every eligible candidate has the same chance
//!   (seats to draw / eligible candidates): the draw is then uniform sampling
//!   without replacement.
//! * **Cost**: deciding feasibility of quotas over several categories is
//!   NP-hard in general. The search groups candidates by profile (their set of
//!   quota values) and prunes hard (bounds per quota and per category, most
//!   constrained quota first). In the tests, 300 candidates with 4 categories
//!   of 10 values each, including quotas that force one seat per value of
//!   every category, are drawn or proven infeasible in well under 0.2 s in a
//!   release build (under 1 s in a debug build).

use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;

pub mod leximin;
pub mod lottery;
mod search;
pub use lottery::{Chances, Lottery, Method, draw_by};
use search::*;
pub use search::{Shortfall, feasible, shortfall};

/// Identifier of a candidate (a party in the alliance).
pub type Id = i64;

/// Name of the method; it is the first line of the canonical text.
pub const METHOD: &str = "legacy-quota-sha256-v1";

/// Maximum number of attempts of the legacy loop (only reached on an internal error).
pub const MAX_ATTEMPTS: u32 = 100;

/// One candidate. Features are `(category, value)` pairs, e.g.
/// `("kind","care")`, `("size","small")`, `("area","Hengelo")`. A category may
/// occur with several values (e.g. a provider active in two areas), but the
/// same pair may not occur twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: Id,
    pub name: String,
    pub features: Vec<(String, String)>,
}

impl Candidate {
    /// Convenience constructor.
    pub fn new(id: Id, name: &str, features: &[(&str, &str)]) -> Self {
        Candidate {
            id,
            name: name.to_string(),
            features: features
                .iter()
                .map(|(c, v)| (c.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// Whether the candidate has feature `category=value`.
    pub fn has(&self, category: &str, value: &str) -> bool {
        self.features
            .iter()
            .any(|(c, v)| c == category && v == value)
    }
}

/// At least `min` and at most `max` of the seats (counting kept seats) go to
/// candidates having feature `category=value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    pub category: String,
    pub value: String,
    pub min: u32,
    pub max: u32,
}

impl Quota {
    /// Convenience constructor.
    pub fn new(category: &str, value: &str, min: u32, max: u32) -> Self {
        Quota {
            category: category.to_string(),
            value: value.to_string(),
            min,
            max,
        }
    }

    /// `category=value`, as used in messages.
    pub fn label(&self) -> String {
        format!("{}={}", self.category, self.value)
    }
}

/// Everything that determines a draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawInput {
    /// Total seats at the table, including kept seats.
    pub seats: u32,
    /// Eligible candidates (any order; the algorithm sorts by id).
    pub candidates: Vec<Candidate>,
    pub quotas: Vec<Quota>,
    /// Seat holders who continue (their seats are not drawn, but count towards
    /// quotas and the seat total). They are Candidates too (give them in `kept`
    /// as Candidate values so their features are known), and are never drawn
    /// again. If a kept holder also appears in `candidates`, the features must
    /// be the same.
    pub kept: Vec<Candidate>,
    /// Candidates who just left a seat: they sit out this draw, unless no
    /// selection can meet the quotas without them (then they are eligible again
    /// and the outcome says so). Ids that are not candidates have no effect.
    pub sitting_out: Vec<Id>,
    /// The room's randomness as typed (e.g. "4", "6 2", "3"), one entry per
    /// roller, in order.
    pub dice: Vec<String>,
}

/// The result of a draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawOutcome {
    /// Hex SHA-256 seed.
    pub seed: String,
    /// The drawn candidates in draw order (excludes kept).
    pub chosen: Vec<Id>,
    /// True when sitting-out candidates had to be let back in.
    pub sitting_out_used: bool,
    /// How many attempts the legacy algorithm needed (1 normally).
    pub attempts: u32,
}

/// Why a draw cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawError {
    /// No dice results were given.
    NoDice,
    /// A roller's entry is empty after trimming (`roller` counts from 1).
    EmptyDie { roller: usize },
    /// `seats` is zero.
    NoSeats,
    /// More kept seat holders than seats.
    KeptExceedsSeats { seats: u32, kept: usize },
    /// An id occurs twice among the candidates, or twice among the kept.
    DuplicateCandidate(Id),
    /// A candidate (or kept holder) lists the same feature twice.
    DuplicateFeature {
        id: Id,
        category: String,
        value: String,
    },
    /// A kept holder appears among the candidates with different features.
    KeptConflict(Id),
    /// An id occurs twice in `sitting_out`.
    DuplicateSittingOut(Id),
    /// An id is both kept and sitting out.
    SittingOutIsKept(Id),
    /// A quota with `min > max`.
    BadQuota {
        category: String,
        value: String,
        min: u32,
        max: u32,
    },
    /// Two quotas for the same `category=value`.
    DuplicateQuota { category: String, value: String },
    /// Fewer eligible candidates (sitting-out ones included) than seats to draw.
    TooFewCandidates { needed: u64, available: u64 },
    /// No selection meets the quotas. `quotas` lists a minimal conflicting set
    /// of quotas as `category=value`; `reason` is a human explanation.
    Infeasible { quotas: Vec<String>, reason: String },
    /// Internal safeguard: no attempt succeeded (cannot happen when the
    /// feasibility check passed).
    NoSelectionFound { attempts: u32 },
    /// The linear-programming solver of the fair lottery gave up.
    Solver(String),
    /// The fair lottery's recorded tables are not a valid distribution
    /// for the inputs (the first problem, in words).
    BadDistribution(String),
    /// The uniform method found no table meeting the quotas in `tries`
    /// random tables.
    TooRare { tries: u32 },
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DrawError::NoDice => write!(
                f,
                "No dice results were entered, so there is no randomness to draw with."
            ),
            DrawError::EmptyDie { roller } => {
                write!(f, "The dice result of roller {roller} is empty.")
            }
            DrawError::NoSeats => write!(f, "The number of seats must be at least 1."),
            DrawError::KeptExceedsSeats { seats, kept } => write!(
                f,
                "{} given, but the table has only {}.",
                count_of(len64(*kept), "kept seat is", "kept seats are"),
                count_of(u64::from(*seats), "seat", "seats")
            ),
            DrawError::DuplicateCandidate(id) => write!(
                f,
                "Candidate {id} appears more than once among the candidates or among the kept seats."
            ),
            DrawError::DuplicateFeature {
                id,
                category,
                value,
            } => write!(
                f,
                "Candidate {id} has the feature {category}={value} more than once."
            ),
            DrawError::KeptConflict(id) => write!(
                f,
                "Kept seat holder {id} also appears among the candidates, but with different features."
            ),
            DrawError::DuplicateSittingOut(id) => {
                write!(f, "Candidate {id} is listed more than once as sitting out.")
            }
            DrawError::SittingOutIsKept(id) => write!(
                f,
                "Candidate {id} is listed both as keeping a seat and as sitting out."
            ),
            DrawError::BadQuota {
                category,
                value,
                min,
                max,
            } => write!(
                f,
                "The quota for {category}={value} has a minimum ({min}) above its maximum ({max})."
            ),
            DrawError::DuplicateQuota { category, value } => {
                write!(f, "There is more than one quota for {category}={value}.")
            }
            DrawError::TooFewCandidates { needed, available } => write!(
                f,
                "{} be drawn but only {} available.",
                count_of(*needed, "seat must", "seats must"),
                count_of(
                    *available,
                    "eligible candidate is",
                    "eligible candidates are"
                )
            ),
            DrawError::Infeasible { reason, .. } => {
                write!(f, "No selection can meet the quotas, because {reason}")
            }
            DrawError::Solver(why) => {
                write!(f, "The fair lottery could not be computed: {why}.")
            }
            DrawError::BadDistribution(why) => {
                write!(
                    f,
                    "The fair lottery's recorded tables do not fit the inputs: {why}."
                )
            }
            DrawError::TooRare { tries } => write!(
                f,
                "None of {tries} random tables met the quotas: they are too tight for 'every valid table equally likely'; use the fair lottery."
            ),
            DrawError::NoSelectionFound { attempts } => write!(
                f,
                "No valid selection was found after {}.",
                count_of(u64::from(*attempts), "attempt", "attempts")
            ),
        }
    }
}

impl std::error::Error for DrawError {}

/// Why a recorded result does not check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// The draw itself cannot be recomputed from the inputs.
    Draw(DrawError),
    /// The record lists a candidate twice.
    DuplicateRecorded(Id),
    /// The recorded seats differ from the recomputed ones (both lists sorted).
    Mismatch {
        recorded_not_drawn: Vec<Id>,
        drawn_not_recorded: Vec<Id>,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Draw(e) => {
                write!(
                    f,
                    "The draw cannot be recomputed from the recorded inputs: {e}"
                )
            }
            VerifyError::DuplicateRecorded(id) => {
                write!(f, "The record lists candidate {id} more than once.")
            }
            VerifyError::Mismatch {
                recorded_not_drawn,
                drawn_not_recorded,
            } => {
                let list = |ids: &[Id]| {
                    if ids.is_empty() {
                        "none".to_string()
                    } else {
                        ids.iter()
                            .map(|i| i.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                };
                write!(
                    f,
                    "The recorded seats do not follow from the inputs: recorded but not drawn: {}; drawn but not recorded: {}.",
                    list(recorded_not_drawn),
                    list(drawn_not_recorded)
                )
            }
        }
    }
}

impl std::error::Error for VerifyError {}

// ---------------------------------------------------------------------------
// Canonical text and seed
// ---------------------------------------------------------------------------

fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn sorted_features(c: &Candidate) -> Vec<(&str, &str)> {
    let mut f: Vec<(&str, &str)> = c
        .features
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    f.sort_unstable();
    f
}

/// A candidate as it is sorted in the canonical text: id, name, sorted features.
type CanonicalRow<'a> = (Id, &'a str, Vec<(&'a str, &'a str)>);

fn push_candidate_lines(out: &mut String, tag: &str, list: &[Candidate]) {
    let mut rows: Vec<CanonicalRow<'_>> = list
        .iter()
        .map(|c| (c.id, c.name.as_str(), sorted_features(c)))
        .collect();
    rows.sort_unstable();
    for (id, name, features) in rows {
        let _ = write!(out, "{tag}: {id} ");
        push_quoted(out, name);
        for (c, v) in features {
            out.push(' ');
            push_quoted(out, c);
            out.push('=');
            push_quoted(out, v);
        }
        out.push('\n');
    }
}

/// The canonical text of the legacy method that is hashed into the seed
/// (format in the module documentation, section 1). It is defined for
/// every input, valid or not.
pub fn canonical_input(input: &DrawInput) -> String {
    canonical_text(input, &Lottery::Legacy)
}

/// The canonical text of a draw by any method: the method's name on the
/// first line, and for the fair lottery one `table: <millionths> <ids>`
/// line per recorded table, in the order recorded, after the quotas.
pub fn canonical_text(input: &DrawInput, lottery: &Lottery) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "method: {}", lottery.method().id());
    let _ = writeln!(out, "seats: {}", input.seats);
    push_candidate_lines(&mut out, "candidate", &input.candidates);
    push_candidate_lines(&mut out, "kept", &input.kept);
    let mut so = input.sitting_out.clone();
    so.sort_unstable();
    for id in so {
        let _ = writeln!(out, "sitting_out: {id}");
    }
    let mut quotas: Vec<(&str, &str, u32, u32)> = input
        .quotas
        .iter()
        .map(|q| (q.category.as_str(), q.value.as_str(), q.min, q.max))
        .collect();
    quotas.sort_unstable();
    for (c, v, min, max) in quotas {
        out.push_str("quota: ");
        push_quoted(&mut out, c);
        out.push('=');
        push_quoted(&mut out, v);
        let _ = writeln!(out, " min {min} max {max}");
    }
    if let Lottery::Leximin(tables) = lottery {
        for (ids, millionths) in tables {
            let _ = write!(out, "table: {millionths}");
            for id in ids {
                let _ = write!(out, " {id}");
            }
            out.push('\n');
        }
    }
    for d in &input.dice {
        out.push_str("die: ");
        push_quoted(&mut out, d.trim());
        out.push('\n');
    }
    out
}

/// SHA-256 of [`canonical_input`].
pub fn seed(input: &DrawInput) -> [u8; 32] {
    seed_of(input, &Lottery::Legacy)
}

/// SHA-256 of [`canonical_text`].
pub fn seed_of(input: &DrawInput, lottery: &Lottery) -> [u8; 32] {
    let digest = Sha256::digest(canonical_text(input, lottery).as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(&digest);
    out
}

/// Lowercase hex of [`seed`], as `sha256sum` prints it.
pub fn seed_hex(input: &DrawInput) -> String {
    hex::encode(seed(input))
}

// ---------------------------------------------------------------------------
// Random stream
// ---------------------------------------------------------------------------

/// The deterministic random stream of section 2 of the module documentation.
#[derive(Clone, Debug)]
pub struct RandomStream {
    seed: [u8; 32],
    next_block: u64,
    buf: [u8; 32],
    pos: usize,
}

impl RandomStream {
    pub fn new(seed: [u8; 32]) -> Self {
        RandomStream {
            seed,
            next_block: 0,
            buf: [0; 32],
            pos: 32,
        }
    }

    /// The next 8 bytes of the stream as a big-endian `u64`.
    pub fn next_u64(&mut self) -> u64 {
        if self.pos + 8 > self.buf.len() {
            let mut h = Sha256::new();
            h.update(self.seed);
            h.update(self.next_block.to_be_bytes());
            self.buf.copy_from_slice(&h.finalize());
            self.next_block = self.next_block.wrapping_add(1);
            self.pos = 0;
        }
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.buf[self.pos..self.pos + 8]);
        self.pos += 8;
        u64::from_be_bytes(b)
    }

    /// A uniform index in `0..n` by rejection sampling; `None` when `n == 0`.
    pub fn index(&mut self, n: usize) -> Option<usize> {
        let n64 = u64::try_from(n).ok().filter(|&m| m > 0)?;
        // r = 2^64 mod n; accept x <= 2^64 - 1 - r, i.e. x < 2^64 - r.
        let r = (u64::MAX % n64 + 1) % n64;
        let limit = u64::MAX - r;
        loop {
            let x = self.next_u64();
            if x <= limit {
                return usize::try_from(x % n64).ok();
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// A pool candidate with the (global) indices of the quotas it falls under.
struct Entry<'a> {
    cand: &'a Candidate,
    quotas: Vec<usize>,
}

struct Prepared<'a> {
    seats: u64,
    need: u64,
    /// Sorted by (category, value); index order is the tie-break order.
    quotas: Vec<&'a Quota>,
    kept_counts: Vec<u64>,
    /// Non-kept candidates, sorted by id.
    pool: Vec<Entry<'a>>,
    sitting_out: HashSet<Id>,
}

fn check_features(c: &Candidate) -> Result<(), DrawError> {
    let f = sorted_features(c);
    for w in f.windows(2) {
        if w[0] == w[1] {
            return Err(DrawError::DuplicateFeature {
                id: c.id,
                category: w[0].0.to_string(),
                value: w[0].1.to_string(),
            });
        }
    }
    Ok(())
}

/// `1 seat`, `2 seats`: a count with the right noun form.
fn count_of(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn len64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Whether a roll as typed is dice: one or more numbers from 1 to 6
/// ("4", "6 2"), separated by spaces or commas. New rolls must be; draws
/// recorded before this rule keep verifying with whatever they hold.
pub fn is_roll(text: &str) -> bool {
    let mut faces = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    faces.peek().is_some() && faces.all(|t| matches!(t, "1" | "2" | "3" | "4" | "5" | "6"))
}

fn check_dice(input: &DrawInput) -> Result<(), DrawError> {
    if input.dice.is_empty() {
        return Err(DrawError::NoDice);
    }
    if let Some(i) = input.dice.iter().position(|d| d.trim().is_empty()) {
        return Err(DrawError::EmptyDie { roller: i + 1 });
    }
    Ok(())
}

fn prepare(input: &DrawInput) -> Result<Prepared<'_>, DrawError> {
    if input.seats == 0 {
        return Err(DrawError::NoSeats);
    }
    let seats = u64::from(input.seats);
    let kept_len = len64(input.kept.len());
    if kept_len > seats {
        return Err(DrawError::KeptExceedsSeats {
            seats: input.seats,
            kept: input.kept.len(),
        });
    }

    let mut quotas: Vec<&Quota> = input.quotas.iter().collect();
    quotas.sort_by(|a, b| {
        (a.category.as_str(), a.value.as_str(), a.min, a.max).cmp(&(
            b.category.as_str(),
            b.value.as_str(),
            b.min,
            b.max,
        ))
    });
    for q in &quotas {
        if q.min > q.max {
            return Err(DrawError::BadQuota {
                category: q.category.clone(),
                value: q.value.clone(),
                min: q.min,
                max: q.max,
            });
        }
    }
    for w in quotas.windows(2) {
        if w[0].category == w[1].category && w[0].value == w[1].value {
            return Err(DrawError::DuplicateQuota {
                category: w[0].category.clone(),
                value: w[0].value.clone(),
            });
        }
    }
    let qindex: HashMap<(&str, &str), usize> = quotas
        .iter()
        .enumerate()
        .map(|(i, q)| ((q.category.as_str(), q.value.as_str()), i))
        .collect();
    let quotas_of = |c: &Candidate| -> Vec<usize> {
        let mut v: Vec<usize> = c
            .features
            .iter()
            .filter_map(|(a, b)| qindex.get(&(a.as_str(), b.as_str())).copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };

    let mut cands: Vec<&Candidate> = input.candidates.iter().collect();
    cands.sort_by_key(|c| c.id);
    for w in cands.windows(2) {
        if w[0].id == w[1].id {
            return Err(DrawError::DuplicateCandidate(w[0].id));
        }
    }
    let mut kept: Vec<&Candidate> = input.kept.iter().collect();
    kept.sort_by_key(|c| c.id);
    for w in kept.windows(2) {
        if w[0].id == w[1].id {
            return Err(DrawError::DuplicateCandidate(w[0].id));
        }
    }
    for c in cands.iter().chain(kept.iter()) {
        check_features(c)?;
    }
    let kept_by_id: HashMap<Id, &Candidate> = kept.iter().map(|c| (c.id, *c)).collect();
    for c in &cands {
        if let Some(k) = kept_by_id.get(&c.id)
            && sorted_features(k) != sorted_features(c)
        {
            return Err(DrawError::KeptConflict(c.id));
        }
    }
    let mut so: Vec<Id> = input.sitting_out.clone();
    so.sort_unstable();
    for w in so.windows(2) {
        if w[0] == w[1] {
            return Err(DrawError::DuplicateSittingOut(w[0]));
        }
    }
    if let Some(id) = so.iter().find(|id| kept_by_id.contains_key(id)) {
        return Err(DrawError::SittingOutIsKept(*id));
    }

    let mut kept_counts = vec![0u64; quotas.len()];
    for k in &kept {
        for q in quotas_of(k) {
            kept_counts[q] += 1;
        }
    }
    let pool: Vec<Entry<'_>> = cands
        .iter()
        .filter(|c| !kept_by_id.contains_key(&c.id))
        .map(|c| Entry {
            cand: c,
            quotas: quotas_of(c),
        })
        .collect();

    Ok(Prepared {
        seats,
        need: seats - kept_len,
        quotas,
        kept_counts,
        pool,
        sitting_out: so.into_iter().collect(),
    })
}

impl Prepared<'_> {
    /// Whom a draw picks from: the pool without the sitting-out
    /// candidates, or, when no selection meets the quotas without them,
    /// with them (`true`); else why no selection can (the quota named).
    /// The legacy draw and the fair lottery both start here.
    fn eligible(&self) -> Result<(Vec<&Entry<'_>>, bool), DrawError> {
        let all_quotas = self.all_quotas();
        let everyone: Vec<&Entry<'_>> = self.pool.iter().collect();
        let without: Vec<&Entry<'_>> = everyone
            .iter()
            .copied()
            .filter(|e| !self.sitting_out.contains(&e.cand.id))
            .collect();
        if self.solvable(&without, &all_quotas) {
            Ok((without, false))
        } else if without.len() < everyone.len() && self.solvable(&everyone, &all_quotas) {
            Ok((everyone, true))
        } else {
            Err(self.diagnose(&everyone))
        }
    }
}

// ---------------------------------------------------------------------------
// Exact feasibility search over profiles
// ---------------------------------------------------------------------------

/// One attempt of the legacy loop; `None` if it dead-ends.
fn attempt(
    prob: &Problem,
    profile_of: &[usize],
    pool: &[&Entry<'_>],
    init: &State,
    rng: &mut RandomStream,
) -> Option<Vec<Id>> {
    let nq = prob.min.len();
    let mut st = init.clone();
    let mut remaining = vec![true; pool.len()];
    let mut chosen = Vec::new();
    while st.n > 0 {
        let open: Vec<bool> = prob
            .profiles
            .iter()
            .map(|qs| qs.iter().all(|&q| st.cnt[q] < prob.max[q]))
            .collect();
        let mut rem = vec![0u64; nq];
        for (i, &p) in profile_of.iter().enumerate() {
            if remaining[i] && open[p] {
                for &q in &prob.profiles[p] {
                    rem[q] += 1;
                }
            }
        }
        let mut target: Option<usize> = None;
        for q in 0..nq {
            if st.cnt[q] >= prob.min[q] {
                continue;
            }
            let cur = (prob.min[q] - st.cnt[q], rem[q]);
            let better = match target {
                None => true,
                Some(b) => ratio_greater(cur, (prob.min[b] - st.cnt[b], rem[b])),
            };
            if better {
                target = Some(q);
            }
        }
        // Which profiles can be drawn without making the rest infeasible.
        // Exact: a profile is accepted only with a witness (a completion
        // containing it), and rejected only after an exhaustive search.
        let mut ok: Vec<Option<bool>> = vec![None; prob.profiles.len()];
        let mut witnesses: Vec<Witness> = Vec::new();
        if let Some(full) = prob.solve(st.clone()) {
            witnesses.push(Witness::new(prob, &st, full, &mut ok));
        }
        let mut list: Vec<usize> = Vec::new();
        for (i, &p) in profile_of.iter().enumerate() {
            if !remaining[i] || !open[p] {
                continue;
            }
            if let Some(q) = target
                && !prob.profiles[p].contains(&q)
            {
                continue;
            }
            if ok[p].is_none() {
                if witnesses.iter().any(|w| w.swap_in(prob, &st, p)) {
                    ok[p] = Some(true);
                } else {
                    let mut next = st.clone();
                    prob.take(&mut next, p);
                    match prob.solve(next) {
                        Some(full) => witnesses.push(Witness::new(prob, &st, full, &mut ok)),
                        None => ok[p] = Some(false),
                    }
                }
            }
            if ok[p] == Some(true) {
                list.push(i);
            }
        }
        let i = *list.get(rng.index(list.len())?)?;
        prob.take(&mut st, profile_of[i]);
        remaining[i] = false;
        chosen.push(pool[i].cand.id);
    }
    Some(chosen)
}

/// Draw the seats. See the module documentation for the exact procedure.
pub fn draw(input: &DrawInput) -> Result<DrawOutcome, DrawError> {
    check_dice(input)?;
    let prep = prepare(input)?;
    let seed_bytes = seed(input);
    let all_quotas = prep.all_quotas();
    let (pool, sitting_out_used) = prep.eligible()?;
    let (prob, profile_of, init) = Problem::build(&prep, &pool, &all_quotas);
    let mut rng = RandomStream::new(seed_bytes);
    for attempts in 1..=MAX_ATTEMPTS {
        if let Some(chosen) = attempt(&prob, &profile_of, &pool, &init, &mut rng) {
            return Ok(DrawOutcome {
                seed: hex::encode(seed_bytes),
                chosen,
                sitting_out_used,
                attempts,
            });
        }
    }
    Err(DrawError::NoSelectionFound {
        attempts: MAX_ATTEMPTS,
    })
}

/// Recompute the draw and compare it with the recorded drawn ids (order does
/// not matter; kept seats are not part of the record).
pub fn verify(input: &DrawInput, recorded: &[Id]) -> Result<DrawOutcome, VerifyError> {
    let mut rec: Vec<Id> = recorded.to_vec();
    rec.sort_unstable();
    for w in rec.windows(2) {
        if w[0] == w[1] {
            return Err(VerifyError::DuplicateRecorded(w[0]));
        }
    }
    let outcome = draw(input).map_err(VerifyError::Draw)?;
    let drawn: HashSet<Id> = outcome.chosen.iter().copied().collect();
    let rec_set: HashSet<Id> = rec.iter().copied().collect();
    let recorded_not_drawn: Vec<Id> = rec.iter().copied().filter(|i| !drawn.contains(i)).collect();
    let mut drawn_not_recorded: Vec<Id> = outcome
        .chosen
        .iter()
        .copied()
        .filter(|i| !rec_set.contains(i))
        .collect();
    drawn_not_recorded.sort_unstable();
    if recorded_not_drawn.is_empty() && drawn_not_recorded.is_empty() {
        Ok(outcome)
    } else {
        Err(VerifyError::Mismatch {
            recorded_not_drawn,
            drawn_not_recorded,
        })
    }
}

/// Whether `chosen` is a valid result for `input`: exactly `seats - kept`
/// distinct candidates, none kept, and with the kept seats every quota is met.
/// Sitting-out rules are not checked (use [`verify`] for a full check).
pub fn meets_quotas(input: &DrawInput, chosen: &[Id]) -> bool {
    let Ok(prep) = prepare(input) else {
        return false;
    };
    let by_id: HashMap<Id, &Entry<'_>> = prep.pool.iter().map(|e| (e.cand.id, e)).collect();
    let mut seen = HashSet::new();
    let mut cnt = prep.kept_counts.clone();
    for id in chosen {
        let Some(e) = by_id.get(id) else {
            return false;
        };
        if !seen.insert(*id) {
            return false;
        }
        for &q in &e.quotas {
            cnt[q] += 1;
        }
    }
    len64(chosen.len()) == prep.need
        && prep
            .quotas
            .iter()
            .zip(&cnt)
            .all(|(q, &c)| u64::from(q.min) <= c && c <= u64::from(q.max))
}

#[cfg(test)]
mod tests;
