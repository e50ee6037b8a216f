//! # Three ways to fill the seats from the seed
//!
//! Every method starts from the same inputs and the same room's dice; the
//! first line of the hashed text names the method, so a draw can never be
//! recomputed with another one.
//!
//! * `legacy-quota-sha256-v1` ([`Method::Legacy`]): the quota-filling
//!   algorithm of the module above. Draws made before the fair lottery
//!   existed keep it and keep verifying.
//! * `leximin-sha256-v1` ([`Method::Leximin`], the default for new draws):
//!   the fair lottery. When the inputs are fixed, the LEXIMIN distribution
//!   ([`super::leximin`]) is computed and recorded as tables with their
//!   probabilities in millionths summing to exactly 1 000 000, in canonical
//!   order (each table's party ids ascending, tables ascending by their id
//!   lists). The tables are part of the hashed text, one line each after
//!   the quotas: `table: <millionths> <id> <id> ...`. From the seed's
//!   stream (section 2 above) one number `u` in `0..1 000 000` is read;
//!   the first table whose cumulative millionths exceed `u` is the table.
//!   Its seats are then put in draw order (which matters for staggered
//!   terms) by a Fisher–Yates shuffle from the same stream: for `i` from
//!   the last place down to 1, swap place `i` with place `index(i + 1)`.
//! * `uniform-sha256-v1` ([`Method::Uniform`]): every table that meets the
//!   quotas is equally likely, with no solver. From the stream, `need`
//!   candidates are taken from the eligible pool (sorted by id) by a
//!   partial Fisher–Yates shuffle (for place `k` from 0, swap it with
//!   place `k + index(pool − k)`), in that order; if they meet every
//!   quota they are the table, else the pool is put back in id order and
//!   the next try reads on in the same stream. After
//!   [`MAX_UNIFORM_TRIES`] tries without a table the draw is refused: the
//!   quotas are then too tight for this method.
//!
//! Chances: exact for the fair lottery (the marginals of the recorded
//! tables, in millionths); estimated from simulated draws for the other
//! two, with the widest 95% margin.

use std::collections::BTreeMap;

use super::leximin::{self, UNITS};
use super::{DrawError, DrawInput, DrawOutcome, Id, RandomStream, prepare};

/// The legacy method's name.
pub const LEGACY: &str = super::METHOD;
/// The fair lottery's name.
pub const LEXIMIN: &str = "leximin-sha256-v1";
/// Every valid table equally likely.
pub const UNIFORM: &str = "uniform-sha256-v1";

/// How many random tables the uniform method tries before it gives up.
pub const MAX_UNIFORM_TRIES: u32 = 200_000;

/// How many simulated draws estimate the chances of the legacy and the
/// uniform method.
pub const SIMULATIONS: usize = 4000;

/// A way to fill the seats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// Chances as equal as the quotas allow (the default).
    #[default]
    Leximin,
    /// Every table that meets the quotas equally likely.
    Uniform,
    /// The quota-filling algorithm of draws made before.
    Legacy,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Leximin, Method::Uniform, Method::Legacy];

    /// The name on the first line of the hashed text.
    pub fn id(self) -> &'static str {
        match self {
            Method::Leximin => LEXIMIN,
            Method::Uniform => UNIFORM,
            Method::Legacy => LEGACY,
        }
    }

    /// The method a name stands for.
    pub fn from_id(id: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// A method with what it draws from: the fair lottery carries its
/// recorded tables (party ids ascending, probabilities in millionths).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lottery {
    Legacy,
    Leximin(Vec<(Vec<Id>, u64)>),
    Uniform,
}

impl Lottery {
    pub fn method(&self) -> Method {
        match self {
            Lottery::Legacy => Method::Legacy,
            Lottery::Leximin(_) => Method::Leximin,
            Lottery::Uniform => Method::Uniform,
        }
    }
}

/// Each eligible candidate's chance of a seat, in millionths, and how sure
/// it is: `margin` 0 when exact, else the widest 95% margin of the
/// estimates (in millionths).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chances {
    /// The fair lottery's tables (empty for the other methods).
    pub tables: Vec<(Vec<Id>, u64)>,
    /// Every candidate who can be drawn, ascending by id.
    pub chances: Vec<(Id, u64)>,
    pub margin: u64,
    /// How many simulated draws the estimate took (0 when exact).
    pub runs: usize,
}

/// The chances of a method on these inputs: the fair lottery computed,
/// the others estimated from `runs` simulated draws (made-up rolls
/// "simulation 0", "simulation 1", ...).
pub fn chances(input: &DrawInput, method: Method, runs: usize) -> Result<Chances, DrawError> {
    match method {
        Method::Leximin => {
            let tables = leximin::distribution(input)?.rounded();
            Ok(Chances {
                chances: marginals(input, &tables)?,
                tables,
                margin: 0,
                runs: 0,
            })
        }
        Method::Legacy | Method::Uniform => {
            let lottery = if method == Method::Legacy {
                Lottery::Legacy
            } else {
                Lottery::Uniform
            };
            let pool = eligible_ids(input)?;
            let n = runs.max(1);
            let mut count: BTreeMap<Id, usize> = pool.iter().map(|id| (*id, 0)).collect();
            let mut sim = input.clone();
            for k in 0..n {
                sim.dice = vec![format!("simulation {k}")];
                for id in draw_by(&sim, &lottery)?.chosen {
                    *count.entry(id).or_default() += 1;
                }
            }
            let nf = n as f64;
            let mut margin = 0.0f64;
            let chances = count
                .into_iter()
                .map(|(id, c)| {
                    let p = c as f64 / nf;
                    margin = margin.max(1.96 * (p * (1.0 - p) / nf).sqrt());
                    (id, (p * UNITS as f64).round() as u64)
                })
                .collect();
            Ok(Chances {
                tables: Vec::new(),
                chances,
                margin: (margin * UNITS as f64).ceil() as u64,
                runs: n,
            })
        }
    }
}

/// Who can be drawn, ascending: the pool without those sitting out
/// (with them when the quotas need them).
pub fn eligible_ids(input: &DrawInput) -> Result<Vec<Id>, DrawError> {
    let prep = prepare(input)?;
    let (pool, _) = prep.eligible()?;
    Ok(pool.iter().map(|e| e.cand.id).collect())
}

/// Each eligible candidate's chance from recorded tables: the millionths
/// of the tables it is on.
pub fn marginals(
    input: &DrawInput,
    tables: &[(Vec<Id>, u64)],
) -> Result<Vec<(Id, u64)>, DrawError> {
    let mut out: BTreeMap<Id, u64> = eligible_ids(input)?.into_iter().map(|id| (id, 0)).collect();
    for (ids, u) in tables {
        for id in ids {
            *out.entry(*id).or_default() += u;
        }
    }
    Ok(out.into_iter().collect())
}

/// What is wrong with recorded tables for these inputs, in words, each
/// table named by its number (from 1) and its parties: not in canonical
/// order, a table that does not meet a quota or seats someone who may not
/// be drawn, probabilities that do not add up to exactly one.
pub fn distribution_problems(input: &DrawInput, tables: &[(Vec<Id>, u64)]) -> Vec<String> {
    let mut out = Vec::new();
    let prep = match prepare(input) {
        Ok(p) => p,
        Err(e) => return vec![e.to_string()],
    };
    let pool = match prep.eligible() {
        Ok((pool, _)) => pool,
        Err(e) => return vec![e.to_string()],
    };
    let name = |id: &Id| {
        input
            .candidates
            .iter()
            .find(|c| c.id == *id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| format!("party {id}"))
    };
    let names = |ids: &[Id]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    let by_id: BTreeMap<Id, &super::Entry<'_>> = pool.iter().map(|e| (e.cand.id, *e)).collect();
    if tables.is_empty() {
        out.push("no tables are recorded for the fair lottery".to_string());
    }
    let total: u64 = tables.iter().map(|t| t.1).sum();
    if !tables.is_empty() && total != UNITS {
        out.push(format!(
            "the probabilities of the tables add up to {}, not exactly 1",
            share(total)
        ));
    }
    for (k, (ids, u)) in tables.iter().enumerate() {
        let nth = k + 1;
        if *u == 0 {
            out.push(format!("table {nth} ({}) has no probability", names(ids)));
        }
        if ids.windows(2).any(|w| w[0] >= w[1]) {
            out.push(format!(
                "table {nth} ({}) does not list its parties in ascending order once each",
                names(ids)
            ));
        }
        if k > 0 && tables[k - 1].0 >= *ids {
            out.push(format!(
                "table {nth} ({}) is out of canonical order or recorded twice",
                names(ids)
            ));
        }
        if ids.len() as u64 != prep.need {
            out.push(format!(
                "table {nth} ({}) has {} seats, the draw fills {}",
                names(ids),
                ids.len(),
                prep.need
            ));
        }
        let mut cnt = prep.kept_counts.clone();
        for id in ids {
            match by_id.get(id) {
                Some(e) => {
                    for &q in &e.quotas {
                        cnt[q] += 1;
                    }
                }
                None => out.push(format!(
                    "table {nth} ({}) seats {}, who cannot be drawn in this draw",
                    names(ids),
                    name(id)
                )),
            }
        }
        for (q, c) in prep.quotas.iter().zip(&cnt) {
            if *c < u64::from(q.min) || *c > u64::from(q.max) {
                out.push(format!(
                    "table {nth} ({}) has {c} seats for {}, the quota asks {} to {}",
                    names(ids),
                    q.label(),
                    q.min,
                    q.max
                ));
            }
        }
    }
    out
}

/// A number of millionths as a share with six decimals ("0.200000").
pub fn share(millionths: u64) -> String {
    format!("{}.{:06}", millionths / UNITS, millionths % UNITS)
}

/// Draw the seats with a method. The fair lottery's tables must be valid
/// ([`distribution_problems`] empty), else the draw is refused.
pub fn draw_by(input: &DrawInput, lottery: &Lottery) -> Result<DrawOutcome, DrawError> {
    match lottery {
        Lottery::Legacy => super::draw(input),
        Lottery::Leximin(tables) => {
            if let Some(p) = distribution_problems(input, tables).into_iter().next() {
                return Err(DrawError::BadDistribution(p));
            }
            pick_table(input, lottery, tables)
        }
        Lottery::Uniform => uniform(input, lottery),
    }
}

/// The fair lottery's pick (section above) from tables whose millionths
/// are positive; used unchecked by verification to name what differs.
pub fn pick_table(
    input: &DrawInput,
    lottery: &Lottery,
    tables: &[(Vec<Id>, u64)],
) -> Result<DrawOutcome, DrawError> {
    super::check_dice(input)?;
    let prep = prepare(input)?;
    let (_, sitting_out_used) = prep.eligible()?;
    let seed = super::seed_of(input, lottery);
    let mut rng = RandomStream::new(seed);
    let total: u64 = tables.iter().map(|t| t.1).sum();
    let n = usize::try_from(total).map_err(|_| DrawError::BadDistribution("too large".into()))?;
    let u = rng
        .index(n)
        .ok_or_else(|| DrawError::BadDistribution("the tables have no probability".to_string()))?
        as u64;
    let mut cum = 0u64;
    let mut chosen = tables
        .iter()
        .find(|(_, p)| {
            cum += p;
            u < cum
        })
        .map(|t| t.0.clone())
        .unwrap_or_default();
    for i in (1..chosen.len()).rev() {
        let j = rng.index(i + 1).unwrap_or(i);
        chosen.swap(i, j);
    }
    Ok(DrawOutcome {
        seed: hex::encode(seed),
        chosen,
        sitting_out_used,
        attempts: 1,
    })
}

/// Every valid table equally likely: random tables from the stream until
/// one meets the quotas.
fn uniform(input: &DrawInput, lottery: &Lottery) -> Result<DrawOutcome, DrawError> {
    super::check_dice(input)?;
    let prep = prepare(input)?;
    let (pool, sitting_out_used) = prep.eligible()?;
    let seed = super::seed_of(input, lottery);
    let mut rng = RandomStream::new(seed);
    let need = usize::try_from(prep.need).unwrap_or(usize::MAX);
    let m = pool.len();
    let mut order: Vec<usize> = (0..m).collect();
    for attempts in 1..=MAX_UNIFORM_TRIES {
        for (k, slot) in order.iter_mut().enumerate() {
            *slot = k;
        }
        let mut cnt = prep.kept_counts.clone();
        for k in 0..need {
            let j = k + rng.index(m - k).unwrap_or(0);
            order.swap(k, j);
            for &q in &pool[order[k]].quotas {
                cnt[q] += 1;
            }
        }
        let met = prep
            .quotas
            .iter()
            .zip(&cnt)
            .all(|(q, &c)| u64::from(q.min) <= c && c <= u64::from(q.max));
        if met {
            return Ok(DrawOutcome {
                seed: hex::encode(seed),
                chosen: order[..need].iter().map(|&i| pool[i].cand.id).collect(),
                sitting_out_used,
                attempts,
            });
        }
    }
    Err(DrawError::TooRare {
        tries: MAX_UNIFORM_TRIES,
    })
}

impl Chances {
    /// See [`lowest_and_equal`].
    pub fn lowest_and_equal(&self, free: u32) -> Option<(u64, u64)> {
        lowest_and_equal(self.chances.iter().map(|c| c.1), free)
    }
}

/// The lowest of the chances of all who can be drawn, and the equal share
/// (the `free` seats over them), in millionths; `None` without anyone.
pub fn lowest_and_equal(chances: impl Iterator<Item = u64>, free: u32) -> Option<(u64, u64)> {
    let (mut lowest, mut n) = (u64::MAX, 0u64);
    for c in chances {
        lowest = lowest.min(c);
        n += 1;
    }
    (n > 0).then(|| (lowest, u64::from(free) * UNITS / n))
}
