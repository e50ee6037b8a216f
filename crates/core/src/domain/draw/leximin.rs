//! # Chances as equal as the quotas allow: LEXIMIN
//!
//! Flanigan, Gölz, Gupta, Hennig and Procaccia, "Fair algorithms for
//! selecting citizens' assemblies", Nature 596 (2021): among all lotteries
//! over the tables that meet the quotas, take the one that makes the
//! lowest chance of any candidate as high as possible, then the next
//! lowest, and so on. Computed as in their reference implementation (the
//! Sortition Foundation's `sortition-algorithms`, `find_distribution_leximin`)
//! by column generation:
//!
//! 1. Start from a few valid tables (each found for candidates not yet on
//!    any table, so that everyone who can sit is covered).
//! 2. Stage by stage, solve the dual linear program: weights `y ≥ 0` on the
//!    candidates whose chance is not fixed yet summing to 1, minimising
//!    `cap − Σ fixed chance × y` subject to every known table's weight
//!    being at most `cap`. An integer program then looks for the valid
//!    table of greatest weight; if it weighs more than `cap`, it is added
//!    and the dual solved again; if not, the dual is optimal and every
//!    candidate with a positive weight gets its chance fixed at the dual's
//!    value.
//! 3. With every chance fixed, one last linear program finds probabilities
//!    over the tables found whose marginals reach the fixed chances.
//!
//! The solver is `microlp` (pure Rust, no C or C++ build; simplex with
//! branch and bound). The integer program has one integer per *profile*
//! (the set of quota values a candidate has) and a continuous share per
//! candidate, so its size grows with the profiles, not the candidates.
//! Solver results may differ in the last digits between machines;
//! [`Distribution::rounded`] fixes them to millionths that sum to exactly
//! one, which is what a draw records and verifies.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use super::{DrawError, DrawInput, Id};

/// Below this a weight or a difference is solver noise.
const EPS: f64 = 1e-7;

/// How far below its value a fixed chance enters the next stage's dual.
const SLACK: f64 = 1e-6;

/// The precision of recorded probabilities: millionths.
pub const UNITS: u64 = 1_000_000;

/// A lottery over the tables that meet the quotas.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    /// Each table (the drawn seats, ids sorted) with its probability, in
    /// canonical order (tables sorted by their id lists); only tables with
    /// a positive probability.
    pub tables: Vec<(Vec<Id>, f64)>,
    /// Whether sitting-out candidates had to be let back in.
    pub sitting_out_used: bool,
}

impl Distribution {
    /// Each eligible candidate's chance of a seat: the sum of the
    /// probabilities of the tables it is on (0 for those on none).
    pub fn chances(&self, input: &DrawInput) -> BTreeMap<Id, f64> {
        let kept: BTreeSet<Id> = input.kept.iter().map(|c| c.id).collect();
        let mut out: BTreeMap<Id, f64> = input
            .candidates
            .iter()
            .filter(|c| !kept.contains(&c.id))
            .map(|c| (c.id, 0.0))
            .collect();
        for (table, p) in &self.tables {
            for id in table {
                *out.entry(*id).or_default() += p;
            }
        }
        out
    }

    /// The lowest chance of any eligible candidate.
    pub fn lowest(&self, input: &DrawInput) -> f64 {
        self.chances(input)
            .values()
            .copied()
            .fold(f64::INFINITY, f64::min)
    }

    /// The probabilities in millionths, summing to exactly [`UNITS`]
    /// (largest remainders get the spare units, ties to the earlier
    /// table); tables that round to nothing are left out.
    pub fn rounded(&self) -> Vec<(Vec<Id>, u64)> {
        let total: f64 = self.tables.iter().map(|t| t.1).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let exact: Vec<f64> = self
            .tables
            .iter()
            .map(|t| t.1 / total * UNITS as f64)
            .collect();
        let mut units: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
        let spare = UNITS.saturating_sub(units.iter().sum());
        let mut order: Vec<usize> = (0..exact.len()).collect();
        order.sort_by(|a, b| {
            (exact[*b] - exact[*b].floor())
                .total_cmp(&(exact[*a] - exact[*a].floor()))
                .then(a.cmp(b))
        });
        for k in order.into_iter().take(spare as usize) {
            units[k] += 1;
        }
        self.tables
            .iter()
            .zip(units)
            .filter(|(_, u)| *u > 0)
            .map(|((t, _), u)| (t.clone(), u))
            .collect()
    }
}

/// The problem as the solver sees it: the pool (sorted by id), the seats
/// to fill, each profile's members and the quotas' bounds after the kept
/// seats.
struct Pool {
    ids: Vec<Id>,
    need: u32,
    /// Per profile: its quota indices and its members (indices in `ids`).
    profiles: Vec<(Vec<usize>, Vec<usize>)>,
    /// Per quota: (min, max) still to meet with the drawn seats.
    bounds: Vec<(u32, u32)>,
}

impl Pool {
    /// The pool of `eligible` (see `Prepared::eligible`).
    fn build(prep: &super::Prepared<'_>, eligible: &[&super::Entry<'_>]) -> Pool {
        let mut profiles: BTreeMap<Vec<usize>, Vec<usize>> = BTreeMap::new();
        let mut ids = Vec::new();
        for e in eligible {
            profiles
                .entry(e.quotas.clone())
                .or_default()
                .push(ids.len());
            ids.push(e.cand.id);
        }
        let bounds = prep
            .quotas
            .iter()
            .zip(&prep.kept_counts)
            .map(|(q, kept)| {
                let kept = *kept as u32;
                (q.min.saturating_sub(kept), q.max.saturating_sub(kept))
            })
            .collect();
        Pool {
            ids,
            need: prep.need as u32,
            profiles: profiles.into_iter().collect(),
            bounds,
        }
    }

    /// The valid table of greatest total weight (members' indices,
    /// sorted), or `None` when no table meets the quotas.
    fn best_table(&self, weight: &[f64]) -> Result<Option<Vec<usize>>, DrawError> {
        let mut lp = Problem::new(OptimizationDirection::Maximize);
        let mut counts: Vec<Variable> = Vec::new();
        for (_, members) in &self.profiles {
            let c = lp.add_integer_var(0.0, (0, members.len() as i32));
            let mut row: Vec<(Variable, f64)> = vec![(c, -1.0)];
            for m in members {
                row.push((lp.add_var(weight[*m], (0.0, 1.0)), 1.0));
            }
            lp.add_constraint(row.as_slice(), ComparisonOp::Eq, 0.0);
            counts.push(c);
        }
        let all: Vec<(Variable, f64)> = counts.iter().map(|c| (*c, 1.0)).collect();
        lp.add_constraint(all.as_slice(), ComparisonOp::Eq, f64::from(self.need));
        for (q, (min, max)) in self.bounds.iter().enumerate() {
            let row: Vec<(Variable, f64)> = self
                .profiles
                .iter()
                .zip(&counts)
                .filter(|((qs, _), _)| qs.contains(&q))
                .map(|(_, c)| (*c, 1.0))
                .collect();
            if row.is_empty() {
                if *min > 0 {
                    return Ok(None);
                }
                continue;
            }
            lp.add_constraint(row.as_slice(), ComparisonOp::Ge, f64::from(*min));
            lp.add_constraint(row.as_slice(), ComparisonOp::Le, f64::from(*max));
        }
        let solution = match lp.solve().map(solved) {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => return Err(e),
            Err(microlp::Error::Infeasible) => return Ok(None),
            Err(e) => return Err(solver(e)),
        };
        // Within a profile the heaviest members (ties to the lower id).
        let mut table = Vec::new();
        for ((_, members), c) in self.profiles.iter().zip(&counts) {
            let n = solution[*c].round().max(0.0) as usize;
            let mut list = members.clone();
            list.sort_by(|a, b| weight[*b].total_cmp(&weight[*a]).then(a.cmp(b)));
            table.extend(list.into_iter().take(n));
        }
        table.sort_unstable();
        Ok(Some(table))
    }
}

/// The solution, or why there is none (no time or node limit is set, so
/// an interrupted solve is a solver fault).
fn solved(outcome: microlp::SolveOutcome) -> Result<microlp::Solution, DrawError> {
    match outcome {
        microlp::SolveOutcome::Solution(s) => Ok(s),
        microlp::SolveOutcome::Interrupted(_) => {
            Err(DrawError::Solver("the solver stopped early".to_string()))
        }
    }
}

fn solver(e: microlp::Error) -> DrawError {
    DrawError::Solver(e.to_string())
}

/// The LEXIMIN lottery for `input` (its dice play no part). Sitting-out
/// candidates are let back in only when no table meets the quotas without
/// them, as in the draw itself.
pub fn distribution(input: &DrawInput) -> Result<Distribution, DrawError> {
    let prep = super::prepare(input)?;
    let (eligible, sitting_out_used) = prep.eligible()?;
    let pool = Pool::build(&prep, &eligible);
    let tables = leximin(&pool)?;
    let mut list: Vec<(Vec<Id>, f64)> = tables
        .into_iter()
        .filter(|(_, p)| *p > EPS)
        .map(|(t, p)| (t.into_iter().map(|i| pool.ids[i]).collect(), p))
        .collect();
    for (t, _) in &mut list {
        t.sort_unstable();
    }
    list.sort_by(|a, b| a.0.cmp(&b.0));
    let total: f64 = list.iter().map(|t| t.1).sum();
    for t in &mut list {
        t.1 /= total;
    }
    Ok(Distribution {
        tables: list,
        sitting_out_used,
    })
}

/// Column generation (see the module's documentation).
fn leximin(pool: &Pool) -> Result<Vec<(Vec<usize>, f64)>, DrawError> {
    let n = pool.ids.len();
    let mut tables: Vec<Vec<usize>> = Vec::new();
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    // 1. Tables covering everyone who can sit.
    let mut covered = vec![false; n];
    loop {
        let weight: Vec<f64> = covered
            .iter()
            .map(|c| if *c { 1.0 } else { 1000.0 })
            .collect();
        let Some(t) = pool.best_table(&weight)? else {
            break;
        };
        let new = t.iter().any(|i| !covered[*i]);
        for i in &t {
            covered[*i] = true;
        }
        if seen.insert(t.clone()) {
            tables.push(t);
        }
        if !new || covered.iter().all(|c| *c) {
            break;
        }
    }
    // Those on no valid table can never sit: their chance is 0.
    let mut fixed: Vec<Option<f64>> = covered
        .iter()
        .map(|c| if *c { None } else { Some(0.0) })
        .collect();
    // 2. Stage by stage. Within a stage each new table is one more
    // constraint of the dual, added to the solved dual (the solver goes on
    // from where it was instead of starting over).
    while fixed.iter().any(Option::is_none) {
        let (mut s, y_vars, cap_var) = dual(pool, &tables, &fixed)?;
        let mut rounds = 0;
        loop {
            rounds += 1;
            if rounds > 5000 {
                return Err(DrawError::Solver(
                    "the fair lottery did not settle".to_string(),
                ));
            }
            let y: Vec<f64> = y_vars.iter().map(|v| s[*v].max(0.0)).collect();
            let (cap, value) = (s[cap_var], s.objective());
            let best = pool
                .best_table(&y)?
                .ok_or_else(|| DrawError::Solver("no table meets the quotas".to_string()))?;
            let weight: f64 = best.iter().map(|i| y[*i]).sum();
            if weight <= cap + EPS * 10.0 || seen.contains(&best) {
                let mut any = false;
                for i in 0..n {
                    if fixed[i].is_none() && y[i] > EPS {
                        fixed[i] = Some(value.max(0.0));
                        any = true;
                    }
                }
                if !any {
                    // Degenerate dual: fix the rest at the value.
                    for f in fixed.iter_mut().filter(|f| f.is_none()) {
                        *f = Some(value.max(0.0));
                    }
                }
                break;
            }
            let mut row: Vec<(Variable, f64)> = best.iter().map(|i| (y_vars[*i], 1.0)).collect();
            row.push((cap_var, -1.0));
            s = solved(
                s.add_constraint(row.as_slice(), ComparisonOp::Le, 0.0)
                    .map_err(solver)?,
            )?;
            seen.insert(best.clone());
            tables.push(best);
        }
    }
    // 3. Probabilities over the tables that reach the fixed chances.
    let fixed: Vec<f64> = fixed.into_iter().map(|f| f.unwrap_or(0.0)).collect();
    let probs = primal(pool, &tables, &fixed)?;
    Ok(tables.into_iter().zip(probs).collect())
}

/// The dual of one stage over the tables known so far, solved: the
/// solution, the weights' variables and the cap's.
fn dual(
    pool: &Pool,
    tables: &[Vec<usize>],
    fixed: &[Option<f64>],
) -> Result<(microlp::Solution, Vec<Variable>, Variable), DrawError> {
    let n = pool.ids.len();
    let mut lp = Problem::new(OptimizationDirection::Minimize);
    // The fixed chances enter a hair below their value: found by a solver,
    // they may lie a rounding error above what the tables can reach, and
    // then the weights on them would grow without bound.
    let y: Vec<Variable> = (0..n)
        .map(|i| {
            let f = (fixed[i].unwrap_or(0.0) - SLACK).max(0.0);
            lp.add_var(-f, (0.0, f64::INFINITY))
        })
        .collect();
    let cap = lp.add_var(1.0, (0.0, f64::INFINITY));
    let free: Vec<(Variable, f64)> = (0..n)
        .filter(|i| fixed[*i].is_none())
        .map(|i| (y[i], 1.0))
        .collect();
    lp.add_constraint(free.as_slice(), ComparisonOp::Eq, 1.0);
    for t in tables {
        let mut row: Vec<(Variable, f64)> = t.iter().map(|i| (y[*i], 1.0)).collect();
        row.push((cap, -1.0));
        lp.add_constraint(row.as_slice(), ComparisonOp::Le, 0.0);
    }
    let s = solved(lp.solve().map_err(solver)?)?;
    Ok((s, y, cap))
}

/// Probabilities over `tables` whose marginals come as close to `fixed`
/// from above as they can (the least shortfall `eps`).
fn primal(pool: &Pool, tables: &[Vec<usize>], fixed: &[f64]) -> Result<Vec<f64>, DrawError> {
    let n = pool.ids.len();
    let mut lp = Problem::new(OptimizationDirection::Minimize);
    let p: Vec<Variable> = tables.iter().map(|_| lp.add_var(0.0, (0.0, 1.0))).collect();
    let eps = lp.add_var(1.0, (0.0, 1.0));
    let all: Vec<(Variable, f64)> = p.iter().map(|v| (*v, 1.0)).collect();
    lp.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
    let mut on: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, t) in tables.iter().enumerate() {
        for i in t {
            on.entry(*i).or_default().push(k);
        }
    }
    for (i, f) in fixed.iter().enumerate().take(n) {
        if *f <= 0.0 {
            continue;
        }
        let mut row: Vec<(Variable, f64)> = on
            .get(&i)
            .map(|ks| ks.iter().map(|k| (p[*k], 1.0)).collect())
            .unwrap_or_default();
        row.push((eps, 1.0));
        lp.add_constraint(row.as_slice(), ComparisonOp::Ge, *f);
    }
    let s = solved(lp.solve().map_err(solver)?)?;
    Ok(p.iter().map(|v| s[*v].max(0.0)).collect())
}
