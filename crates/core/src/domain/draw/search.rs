//! The exact search behind the draw: whether the seats left can still be
//! filled within every quota ([`super::feasible`]), and the witness of a
//! table that does.

use super::*;

/// A counting problem: choose `need` candidates, grouped into profiles
/// (candidates with the same set of quota values are interchangeable), so
/// that every quota ends between its min and max.
#[derive(Debug)]
pub(super) struct Problem {
    pub(super) min: Vec<u64>,
    pub(super) max: Vec<u64>,
    /// Quota indices (local) of each profile.
    pub(super) profiles: Vec<Vec<usize>>,
    /// Candidates per profile.
    pub(super) count: Vec<u64>,
    /// Profiles containing each quota.
    pub(super) quota_profiles: Vec<Vec<usize>>,
    /// Quotas of one category such that no profile has two of them.
    pub(super) groups: Vec<Vec<usize>>,
    /// `in_group[p][g]`: profile `p` has a quota of group `g`.
    pub(super) in_group: Vec<Vec<bool>>,
}

#[derive(Clone, Debug)]
pub(super) struct State {
    pub(super) taken: Vec<u64>,
    pub(super) closed: Vec<bool>,
    /// Seats per quota so far, kept seats included.
    pub(super) cnt: Vec<u64>,
    /// Seats still to fill.
    pub(super) n: u64,
}

pub(super) enum Node {
    /// All seats filled and every quota met.
    Done,
    /// All minimums met and no maximum can be exceeded: any `n` of the
    /// capped candidates complete the selection.
    Fill,
    Dead,
    Branch(usize),
}

pub(super) enum Step {
    Took(usize),
    Closed(usize),
}

pub(super) struct Scratch {
    pub(super) lower: Vec<u64>,
    pub(super) eff: Vec<u64>,
    pub(super) slack: Vec<u64>,
    pub(super) cap: Vec<u64>,
    pub(super) reach: Vec<u64>,
}

impl Problem {
    /// Build the problem for `pool` with only the quotas in `active` (global
    /// indices, ascending). Returns the problem, each pool entry's profile and
    /// the initial state.
    pub(super) fn build(
        prep: &Prepared<'_>,
        pool: &[&Entry<'_>],
        active: &[usize],
    ) -> (Problem, Vec<usize>, State) {
        let mut local = vec![None; prep.quotas.len()];
        for (l, &g) in active.iter().enumerate() {
            if let Some(slot) = local.get_mut(g) {
                *slot = Some(l);
            }
        }
        let nq = active.len();
        let mut min = Vec::with_capacity(nq);
        let mut max = Vec::with_capacity(nq);
        let mut cnt = Vec::with_capacity(nq);
        for &g in active {
            min.push(u64::from(prep.quotas[g].min));
            max.push(u64::from(prep.quotas[g].max));
            cnt.push(prep.kept_counts[g]);
        }
        let mut profile_index: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut profiles: Vec<Vec<usize>> = Vec::new();
        let mut count: Vec<u64> = Vec::new();
        let mut profile_of = Vec::with_capacity(pool.len());
        for e in pool {
            let key: Vec<usize> = e.quotas.iter().filter_map(|&g| local[g]).collect();
            let p = match profile_index.get(&key) {
                Some(&p) => p,
                None => {
                    let p = profiles.len();
                    profile_index.insert(key.clone(), p);
                    profiles.push(key);
                    count.push(0);
                    p
                }
            };
            count[p] += 1;
            profile_of.push(p);
        }
        let mut quota_profiles = vec![Vec::new(); nq];
        for (p, qs) in profiles.iter().enumerate() {
            for &q in qs {
                quota_profiles[q].push(p);
            }
        }
        // Group local quotas by category (they are sorted by category).
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for l in 0..nq {
            let same =
                l > 0 && prep.quotas[active[l]].category == prep.quotas[active[l - 1]].category;
            match groups.last_mut() {
                Some(g) if same => g.push(l),
                _ => groups.push(vec![l]),
            }
        }
        let mut group_of = vec![0usize; nq];
        for (gi, g) in groups.iter().enumerate() {
            for &q in g {
                group_of[q] = gi;
            }
        }
        let mut exclusive = vec![true; groups.len()];
        for qs in &profiles {
            for w in qs.windows(2) {
                if group_of[w[0]] == group_of[w[1]] {
                    exclusive[group_of[w[0]]] = false;
                }
            }
        }
        let groups: Vec<Vec<usize>> = groups
            .into_iter()
            .zip(exclusive)
            .filter_map(|(g, ex)| ex.then_some(g))
            .collect();
        let in_group: Vec<Vec<bool>> = profiles
            .iter()
            .map(|qs| {
                groups
                    .iter()
                    .map(|g| g.iter().any(|q| qs.contains(q)))
                    .collect()
            })
            .collect();
        let np = profiles.len();
        let state = State {
            taken: vec![0; np],
            closed: vec![false; np],
            cnt,
            n: prep.need,
        };
        (
            Problem {
                min,
                max,
                profiles,
                count,
                quota_profiles,
                groups,
                in_group,
            },
            profile_of,
            state,
        )
    }

    pub(super) fn scratch(&self) -> Scratch {
        let nq = self.min.len();
        Scratch {
            lower: vec![0; nq],
            eff: vec![0; nq],
            slack: vec![0; self.groups.len()],
            cap: vec![0; self.profiles.len()],
            reach: vec![0; nq],
        }
    }

    pub(super) fn take(&self, st: &mut State, p: usize) {
        st.taken[p] += 1;
        st.n = st.n.saturating_sub(1);
        for &q in &self.profiles[p] {
            st.cnt[q] += 1;
        }
    }

    pub(super) fn untake(&self, st: &mut State, p: usize) {
        st.taken[p] = st.taken[p].saturating_sub(1);
        st.n += 1;
        for &q in &self.profiles[p] {
            st.cnt[q] = st.cnt[q].saturating_sub(1);
        }
    }

    /// Bound the node and pick a profile to branch on.
    pub(super) fn evaluate(&self, st: &State, s: &mut Scratch) -> Node {
        let n = st.n;
        for q in 0..self.min.len() {
            if st.cnt[q] > self.max[q] {
                return Node::Dead;
            }
            s.lower[q] = self.min[q].saturating_sub(st.cnt[q]);
            s.eff[q] = (self.max[q] - st.cnt[q]).min(n);
        }
        if n == 0 {
            return if s.lower.iter().all(|&l| l == 0) {
                Node::Done
            } else {
                Node::Dead
            };
        }
        // In an exclusive group every seat serves at most one of its quotas:
        // the lower bounds must fit into n, and the slack bounds the others.
        for (g, members) in self.groups.iter().enumerate() {
            let sum = members
                .iter()
                .fold(0u64, |a, &q| a.saturating_add(s.lower[q]));
            if sum > n {
                return Node::Dead;
            }
            let slack = n - sum;
            s.slack[g] = slack;
            for &q in members {
                s.eff[q] = s.eff[q].min(s.lower[q].saturating_add(slack));
            }
        }
        let mut total = 0u64;
        for p in 0..self.profiles.len() {
            let mut cap = if st.closed[p] {
                0
            } else {
                self.count[p].saturating_sub(st.taken[p]).min(n)
            };
            for &q in &self.profiles[p] {
                cap = cap.min(s.eff[q]);
            }
            for (g, &inside) in self.in_group[p].iter().enumerate() {
                if !inside {
                    cap = cap.min(s.slack[g]);
                }
            }
            s.cap[p] = cap;
            total = total.saturating_add(cap);
        }
        if total < n {
            return Node::Dead;
        }
        let mut all_fit = true;
        for q in 0..self.min.len() {
            let r = self.quota_profiles[q]
                .iter()
                .fold(0u64, |a, &p| a.saturating_add(s.cap[p]));
            s.reach[q] = r;
            if r < s.lower[q] {
                return Node::Dead;
            }
            if r > s.eff[q] {
                all_fit = false;
            }
        }
        for (g, members) in self.groups.iter().enumerate() {
            let none = (0..self.profiles.len())
                .filter(|&p| !self.in_group[p][g])
                .fold(0u64, |a, p| a.saturating_add(s.cap[p]));
            let bound = members.iter().fold(s.slack[g].min(none), |a, &q| {
                a.saturating_add(s.eff[q].min(s.reach[q]))
            });
            if bound < n {
                return Node::Dead;
            }
        }
        // Most constrained unmet minimum first.
        let mut target: Option<(u64, usize)> = None;
        for q in 0..self.min.len() {
            if s.lower[q] > 0 {
                let slack = s.reach[q] - s.lower[q];
                if target.is_none_or(|(best, _)| slack < best) {
                    target = Some((slack, q));
                }
            }
        }
        if let Some((_, q)) = target {
            let mut best: Option<((usize, u64), usize)> = None;
            for &p in &self.quota_profiles[q] {
                if s.cap[p] == 0 {
                    continue;
                }
                let cover = self.profiles[p].iter().filter(|&&x| s.lower[x] > 0).count();
                let key = (cover, s.cap[p]);
                if best.is_none_or(|(b, _)| key > b) {
                    best = Some((key, p));
                }
            }
            return match best {
                Some((_, p)) => Node::Branch(p),
                None => Node::Dead,
            };
        }
        // All minimums met. If no maximum can be exceeded even by taking every
        // open candidate, any `n` of them will do.
        if all_fit {
            return Node::Fill;
        }
        let mut best: Option<(usize, usize)> = None;
        for p in 0..self.profiles.len() {
            if s.cap[p] == 0 {
                continue;
            }
            let binding = self.profiles[p]
                .iter()
                .filter(|&&q| s.reach[q] > s.eff[q])
                .count();
            if best.is_none_or(|(b, _)| binding < b) {
                best = Some((binding, p));
            }
        }
        match best {
            Some((_, p)) => Node::Branch(p),
            None => Node::Dead,
        }
    }

    /// Exact search for a completion of `st`; returns the completed `taken`
    /// vector (a witness) or `None` if there is none. Branches are "take one
    /// more of profile p" and "take no more of profile p", so every completion
    /// is reached at most once. Iterative (no recursion, no stack overflow).
    pub(super) fn solve(&self, mut st: State) -> Option<Vec<u64>> {
        let mut s = self.scratch();
        let mut trail: Vec<Step> = Vec::new();
        loop {
            match self.evaluate(&st, &mut s) {
                Node::Done => return Some(st.taken),
                Node::Fill => {
                    let mut left = st.n;
                    for (t, &c) in st.taken.iter_mut().zip(&s.cap) {
                        let k = c.min(left);
                        *t += k;
                        left -= k;
                    }
                    return Some(st.taken);
                }
                Node::Branch(p) => {
                    self.take(&mut st, p);
                    trail.push(Step::Took(p));
                    continue;
                }
                Node::Dead => {}
            }
            loop {
                match trail.pop() {
                    None => return None,
                    Some(Step::Took(p)) => {
                        self.untake(&mut st, p);
                        st.closed[p] = true;
                        trail.push(Step::Closed(p));
                        break;
                    }
                    Some(Step::Closed(p)) => st.closed[p] = false,
                }
            }
        }
    }
}

impl Prepared<'_> {
    pub(super) fn all_quotas(&self) -> Vec<usize> {
        (0..self.quotas.len()).collect()
    }

    pub(super) fn solvable(&self, pool: &[&Entry<'_>], active: &[usize]) -> bool {
        let (prob, _, st) = Problem::build(self, pool, active);
        prob.solve(st).is_some()
    }

    pub(super) fn bounds_text(&self, g: usize) -> String {
        let q = self.quotas[g];
        let lo = q.min > 0;
        let hi = u64::from(q.max) < self.seats;
        match (lo, hi) {
            (true, true) => format!("{} (at least {}, at most {})", q.label(), q.min, q.max),
            (true, false) => format!("{} (at least {})", q.label(), q.min),
            (false, true) => format!("{} (at most {})", q.label(), q.max),
            (false, false) => format!("{} (no limit)", q.label()),
        }
    }

    /// Explain why no selection from `pool` exists.
    pub(super) fn diagnose(&self, pool: &[&Entry<'_>]) -> DrawError {
        let available = len64(pool.len());
        if available < self.need {
            return DrawError::TooFewCandidates {
                needed: self.need,
                available,
            };
        }
        let over: Vec<usize> = (0..self.quotas.len())
            .filter(|&g| self.kept_counts[g] > u64::from(self.quotas[g].max))
            .collect();
        if let Some(&g) = over.first() {
            let q = self.quotas[g];
            let reason = format!(
                "the kept seats already include {} with {}, more than its maximum of {}.",
                count_of(self.kept_counts[g], "seat", "seats"),
                q.label(),
                q.max
            );
            return DrawError::Infeasible {
                quotas: over.iter().map(|&g| self.quotas[g].label()).collect(),
                reason,
            };
        }
        // Deletion filter: drop every quota whose removal keeps the problem
        // infeasible; what is left is a minimal conflicting set.
        let mut active = self.all_quotas();
        let mut i = 0;
        while i < active.len() {
            let mut trial = active.clone();
            trial.remove(i);
            if self.solvable(pool, &trial) {
                i += 1;
            } else {
                active = trial;
            }
        }
        let quotas: Vec<String> = active.iter().map(|&g| self.quotas[g].label()).collect();
        let reason = match active.as_slice() {
            [] => "there are not enough eligible candidates.".to_string(),
            [g] => self.single_reason(*g, pool),
            many => {
                let parts: Vec<String> = many.iter().map(|&g| self.bounds_text(g)).collect();
                let list = match parts.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {}", rest.join(", "), last)
                    }
                    _ => parts.join(""),
                };
                format!(
                    "the quotas {list} cannot all be met at once when drawing {} from {}.",
                    count_of(self.need, "seat", "seats"),
                    count_of(available, "eligible candidate", "eligible candidates")
                )
            }
        };
        DrawError::Infeasible { quotas, reason }
    }

    pub(super) fn single_reason(&self, g: usize, pool: &[&Entry<'_>]) -> String {
        let q = self.quotas[g];
        let label = q.label();
        let kept = self.kept_counts[g];
        let have = len64(pool.iter().filter(|e| e.quotas.contains(&g)).count());
        let still = u64::from(q.min).saturating_sub(kept);
        let at_least = count_of(u64::from(q.min), "seat", "seats");
        let drawn = count_of(self.need, "seat is", "seats are");
        if still > have {
            if kept > 0 {
                format!(
                    "at least {at_least} must go to {label}, but only {} and {} have it.",
                    count_of(have, "eligible candidate", "eligible candidates"),
                    count_of(kept, "kept seat", "kept seats")
                )
            } else {
                format!(
                    "at least {at_least} must go to {label}, but only {} it.",
                    count_of(have, "eligible candidate has", "eligible candidates have")
                )
            }
        } else if still > self.need {
            if kept > 0 {
                format!(
                    "at least {at_least} must go to {label}, but {} it and only {drawn} drawn.",
                    count_of(kept, "kept seat has", "kept seats have")
                )
            } else {
                format!("at least {at_least} must go to {label}, but only {drawn} drawn.")
            }
        } else {
            format!(
                "at most {} may go to {label}, which leaves too few other eligible candidates to fill the {} to be drawn.",
                count_of(u64::from(q.max), "seat", "seats"),
                count_of(self.need, "seat", "seats")
            )
        }
    }
}

/// Why no selection can meet the quotas, in parts a message can name: the
/// quota that cannot be met and the numbers that show why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// Fewer eligible candidates than seats to draw.
    TooFewCandidates { needed: u64, available: u64 },
    /// The continuing seats already hold more of a quota than its maximum.
    KeptOverMax { quota: Quota, kept: u64 },
    /// A minimum that the candidates (and kept seats) cannot reach: `have`
    /// eligible candidates have the feature, `kept` continuing seats do.
    TooFewWith { quota: Quota, have: u64, kept: u64 },
    /// A minimum above the seats to draw (`drawn`), kept seats counted.
    MinOverDrawn { quota: Quota, kept: u64, drawn: u64 },
    /// A maximum that leaves too few other candidates for the seats.
    MaxTooTight { quota: Quota, drawn: u64 },
    /// Several quotas that together cannot be met (a minimal set).
    Together { quotas: Vec<Quota>, drawn: u64 },
}

/// Why the quotas of `input` cannot be met, or `None` when a selection
/// exists (or the input is invalid in another way: see [`DrawError`]).
pub fn shortfall(input: &DrawInput) -> Option<Shortfall> {
    let prep = prepare(input).ok()?;
    let pool: Vec<&Entry<'_>> = prep.pool.iter().collect();
    if prep.solvable(&pool, &prep.all_quotas()) {
        return None;
    }
    let available = len64(pool.len());
    if available < prep.need {
        return Some(Shortfall::TooFewCandidates {
            needed: prep.need,
            available,
        });
    }
    if let Some(g) =
        (0..prep.quotas.len()).find(|&g| prep.kept_counts[g] > u64::from(prep.quotas[g].max))
    {
        return Some(Shortfall::KeptOverMax {
            quota: prep.quotas[g].clone(),
            kept: prep.kept_counts[g],
        });
    }
    let mut active = prep.all_quotas();
    let mut i = 0;
    while i < active.len() {
        let mut trial = active.clone();
        trial.remove(i);
        if prep.solvable(&pool, &trial) {
            i += 1;
        } else {
            active = trial;
        }
    }
    Some(match active.as_slice() {
        [] => Shortfall::TooFewCandidates {
            needed: prep.need,
            available,
        },
        [g] => {
            let q = prep.quotas[*g];
            let kept = prep.kept_counts[*g];
            let have = len64(pool.iter().filter(|e| e.quotas.contains(g)).count());
            let still = u64::from(q.min).saturating_sub(kept);
            if still > have {
                Shortfall::TooFewWith {
                    quota: q.clone(),
                    have,
                    kept,
                }
            } else if still > prep.need {
                Shortfall::MinOverDrawn {
                    quota: q.clone(),
                    kept,
                    drawn: prep.need,
                }
            } else {
                Shortfall::MaxTooTight {
                    quota: q.clone(),
                    drawn: prep.need,
                }
            }
        }
        many => Shortfall::Together {
            quotas: many.iter().map(|g| prep.quotas[*g].clone()).collect(),
            drawn: prep.need,
        },
    })
}

/// Whether any selection can meet all quotas: exactly `seats - kept` seats
/// drawn from the candidates that are not kept and not in `excluded`, with
/// every quota (kept seats counted) between its min and max. `sitting_out` is
/// *not* applied here; pass it in `excluded` to leave those candidates out.
/// Returns `false` for invalid input (see [`DrawError`]). Dice are ignored.
pub fn feasible(input: &DrawInput, excluded: &[Id]) -> bool {
    let Ok(prep) = prepare(input) else {
        return false;
    };
    let ex: HashSet<Id> = excluded.iter().copied().collect();
    let pool: Vec<&Entry<'_>> = prep
        .pool
        .iter()
        .filter(|e| !ex.contains(&e.cand.id))
        .collect();
    prep.solvable(&pool, &prep.all_quotas())
}

// ---------------------------------------------------------------------------
// The draw
// ---------------------------------------------------------------------------

/// `a_need / a_rem > b_need / b_rem`, with a zero denominator as infinity.
pub(super) fn ratio_greater(a: (u64, u64), b: (u64, u64)) -> bool {
    match (a.1, b.1) {
        (0, _) => b.1 != 0,
        (_, 0) => false,
        (ar, br) => u128::from(a.0) * u128::from(br) > u128::from(b.0) * u128::from(ar),
    }
}

/// A completion of the current state: extra picks per profile and the
/// resulting seats per quota.
pub(super) struct Witness {
    pub(super) extra: Vec<u64>,
    pub(super) counts: Vec<u64>,
}

impl Witness {
    /// Record a completion (`full` is the completed `taken` vector) and mark
    /// every profile in it as drawable.
    pub(super) fn new(
        prob: &Problem,
        st: &State,
        full: Vec<u64>,
        ok: &mut [Option<bool>],
    ) -> Witness {
        let extra: Vec<u64> = full
            .iter()
            .zip(&st.taken)
            .map(|(f, t)| f.saturating_sub(*t))
            .collect();
        let mut counts = st.cnt.clone();
        for (p, &e) in extra.iter().enumerate() {
            if e > 0 {
                ok[p] = Some(true);
                for &q in &prob.profiles[p] {
                    counts[q] += e;
                }
            }
        }
        Witness { extra, counts }
    }

    /// Whether replacing one pick of this completion by profile `p` still
    /// meets every quota (then drawing `p` keeps the problem feasible).
    pub(super) fn swap_in(&self, prob: &Problem, st: &State, p: usize) -> bool {
        if st.taken[p] + self.extra[p] >= prob.count[p] {
            return false;
        }
        let within = |q: usize, c: u64| prob.min[q] <= c && c <= prob.max[q];
        let pq = &prob.profiles[p];
        self.extra.iter().enumerate().any(|(x, &e)| {
            if e == 0 || x == p {
                return false;
            }
            let xq = &prob.profiles[x];
            xq.iter().all(|&q| {
                let c = self.counts[q] - 1 + u64::from(pq.contains(&q));
                within(q, c)
            }) && pq
                .iter()
                .filter(|q| !xq.contains(q))
                .all(|&q| within(q, self.counts[q] + 1))
        })
    }
}
