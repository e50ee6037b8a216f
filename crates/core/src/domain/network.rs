//! The structure of the network map (seed 003): which parties work closely
//! together. Relations are read as one undirected graph (petgraph), each
//! weighted by its strength, and split into groups ("communities") by
//! Louvain modularity: parties in one group have more and stronger
//! relations with each other than chance would give them.
//!
//! Here too: betweenness centrality (Brandes), the connectors of the map,
//! and the per-thread memo all of these measures share.
//!
//! Deterministic: the actors are visited in the order given (the register),
//! ties go to the lowest group, and there is no randomness, so the same
//! alliance always gives the same groups and the same map.

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use super::strategy::{Actor, Relation};

/// The relation graph: one node per actor (in the order given), one edge
/// per related pair, weighted by the summed strength of the relations
/// between the two (direction ignored). Relations with an actor not in
/// `actors`, or from an actor to itself, are left out.
pub fn relation_graph(actors: &[Actor], relations: &[Relation]) -> UnGraph<Actor, f64> {
    let mut g: UnGraph<Actor, f64> = UnGraph::with_capacity(actors.len(), relations.len());
    let index: std::collections::HashMap<Actor, NodeIndex> =
        actors.iter().map(|a| (*a, g.add_node(*a))).collect();
    for r in relations {
        let (Some(&i), Some(&j)) = (index.get(&r.from), index.get(&r.to)) else {
            continue;
        };
        if i == j {
            continue;
        }
        let w = f64::from(r.strength.max(1));
        match g.find_edge(i, j) {
            Some(e) => g[e] += w,
            None => {
                g.add_edge(i, j, w);
            }
        }
    }
    g
}

/// A weighted undirected graph as Louvain works on it: adjacency lists
/// without self-loops, and each node's own weight (the relations inside a
/// group once it is folded into one node).
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    /// Weight of the edges inside the node (a self-loop), counted once.
    inside: Vec<f64>,
}

impl Level {
    fn of(g: &UnGraph<Actor, f64>) -> Level {
        let mut adj = vec![Vec::new(); g.node_count()];
        for e in g.edge_references() {
            let (i, j) = (e.source().index(), e.target().index());
            adj[i].push((j, *e.weight()));
            adj[j].push((i, *e.weight()));
        }
        // Neighbours in a fixed order, whatever order the edges were made in.
        for list in &mut adj {
            list.sort_by_key(|(j, _)| *j);
        }
        Level {
            inside: vec![0.0; g.node_count()],
            adj,
        }
    }

    /// Weighted degree: a self-loop counts twice.
    fn degree(&self, i: usize) -> f64 {
        2.0 * self.inside[i] + self.adj[i].iter().map(|(_, w)| w).sum::<f64>()
    }

    /// One Louvain pass: move single nodes to the neighbouring group that
    /// raises modularity most, sweep after sweep, until none moves.
    /// Returns each node's group, numbered from 0 in order of first node,
    /// and whether anything moved.
    fn local_moves(&self, gamma: f64) -> (Vec<usize>, bool) {
        let n = self.adj.len();
        let k: Vec<f64> = (0..n).map(|i| self.degree(i)).collect();
        let m2: f64 = k.iter().sum();
        let mut group: Vec<usize> = (0..n).collect();
        if m2 <= 0.0 {
            return (group, false);
        }
        let mut total = k.clone();
        let mut moved_any = false;
        // Weight from the node to each neighbouring group, reused.
        let mut to_group = vec![0.0f64; n];
        let mut touched: Vec<usize> = Vec::new();
        for _sweep in 0..64 {
            let mut moved = false;
            for i in 0..n {
                let own = group[i];
                for &(j, w) in &self.adj[i] {
                    let c = group[j];
                    if to_group[c] == 0.0 {
                        touched.push(c);
                    }
                    to_group[c] += w;
                }
                total[own] -= k[i];
                let gain = |c: usize, to: f64| to - gamma * total[c] * k[i] / m2;
                let mut best = own;
                let mut best_gain = gain(own, to_group[own]);
                for &c in &touched {
                    let g = gain(c, to_group[c]);
                    if g > best_gain + 1e-12 || (c < best && (g - best_gain).abs() <= 1e-12) {
                        best = c;
                        best_gain = g;
                    }
                }
                // Staying put wins a tie: only a real gain moves a node.
                if best != own && best_gain <= gain(own, to_group[own]) + 1e-12 {
                    best = own;
                }
                total[best] += k[i];
                if best != own {
                    group[i] = best;
                    moved = true;
                    moved_any = true;
                }
                for c in touched.drain(..) {
                    to_group[c] = 0.0;
                }
            }
            if !moved {
                break;
            }
        }
        (renumber(&group), moved_any)
    }

    /// The graph of the groups: one node per group.
    fn folded(&self, group: &[usize]) -> Level {
        let count = group.iter().copied().max().map_or(0, |g| g + 1);
        let mut inside = vec![0.0; count];
        let mut between: Vec<std::collections::BTreeMap<usize, f64>> =
            vec![Default::default(); count];
        for (i, list) in self.adj.iter().enumerate() {
            inside[group[i]] += self.inside[i];
            for &(j, w) in list {
                let (a, b) = (group[i], group[j]);
                if a == b {
                    // Each inside edge is seen from both ends.
                    inside[a] += w / 2.0;
                } else {
                    *between[a].entry(b).or_default() += w;
                }
            }
        }
        Level {
            adj: between
                .into_iter()
                .map(|m| m.into_iter().collect())
                .collect(),
            inside,
        }
    }
}

/// Groups numbered 0, 1, … in the order their first member appears.
fn renumber(group: &[usize]) -> Vec<usize> {
    let mut names: std::collections::HashMap<usize, usize> = Default::default();
    group
        .iter()
        .map(|g| {
            let next = names.len();
            *names.entry(*g).or_insert(next)
        })
        .collect()
}

/// Louvain modularity on the relation graph at resolution `gamma` (1 is
/// the classic modularity; lower gives fewer, larger groups). Each node's
/// group, numbered in order of first member.
pub fn louvain(g: &UnGraph<Actor, f64>, gamma: f64) -> Vec<usize> {
    let mut level = Level::of(g);
    // Where each original node is: its node on the current level.
    let mut at: Vec<usize> = (0..g.node_count()).collect();
    for _ in 0..32 {
        let (group, moved) = level.local_moves(gamma);
        if !moved {
            break;
        }
        for x in &mut at {
            *x = group[*x];
        }
        level = level.folded(&group);
    }
    renumber(&at)
}

/// Modularity of a grouping at resolution `gamma`: the share of relation
/// weight inside groups, less what chance would put there.
pub fn modularity(g: &UnGraph<Actor, f64>, group: &[usize], gamma: f64) -> f64 {
    let level = Level::of(g);
    let n = level.adj.len();
    let k: Vec<f64> = (0..n).map(|i| level.degree(i)).collect();
    let m2: f64 = k.iter().sum();
    if m2 <= 0.0 {
        return 0.0;
    }
    let count = group.iter().copied().max().map_or(0, |x| x + 1);
    let mut inside = vec![0.0; count];
    let mut total = vec![0.0; count];
    for i in 0..n {
        total[group[i]] += k[i];
        for &(j, w) in &level.adj[i] {
            if group[i] == group[j] {
                inside[group[i]] += w;
            }
        }
    }
    (0..count)
        .map(|c| inside[c] / m2 - gamma * (total[c] / m2).powi(2))
        .sum()
}

/// How many groups a grouping has among the actors that have relations.
fn groups_among_related(g: &UnGraph<Actor, f64>, group: &[usize]) -> usize {
    let mut seen = std::collections::HashSet::new();
    for n in g.node_indices() {
        if g.edges(n).next().is_some() {
            seen.insert(group[n.index()]);
        }
    }
    seen.len()
}

/// The groups of parties that work closely together: each actor's group,
/// in the order of `actors`, numbered from 0 in order of first member.
/// Actors without relations are each a group of their own.
///
/// Classic modularity splits a loose but clearly separate cluster (a ring
/// of providers that each work with their next few) into arcs; the map
/// wants the clusters themselves. So the resolution is lowered step by
/// step, and the coarsest grouping that still has two groups or more is
/// kept: the clusters of the network, or its connected parts.
pub fn communities(actors: &[Actor], relations: &[Relation]) -> Vec<usize> {
    remembered(&COMMUNITIES, actors, relations, || {
        coarsest(actors, relations)
    })
}

thread_local! {
    static COMMUNITIES: MemoCell<Vec<usize>> = const { std::cell::RefCell::new(None) };
    static CLOSE_GROUPS: MemoCell<Vec<usize>> = const { std::cell::RefCell::new(None) };
}

fn coarsest(actors: &[Actor], relations: &[Relation]) -> Vec<usize> {
    let g = relation_graph(actors, relations);
    let mut best = louvain(&g, 1.0);
    if groups_among_related(&g, &best) < 2 {
        return best;
    }
    let mut gamma = 1.0;
    while gamma > 0.01 {
        gamma *= 0.8;
        let next = louvain(&g, gamma);
        if groups_among_related(&g, &next) < 2 {
            break;
        }
        best = next;
    }
    best
}

/// The finer groups: classic modularity (resolution 1), used to keep close
/// neighbours side by side inside a group.
pub fn close_groups(actors: &[Actor], relations: &[Relation]) -> Vec<usize> {
    remembered(&CLOSE_GROUPS, actors, relations, || {
        louvain(&relation_graph(actors, relations), 1.0)
    })
}

/// The last answer of a pure function of the network, kept per thread
/// with the inputs it was computed from: the room projection is rebuilt on
/// every revision while presenting, and most edits (a stance, a minute, a
/// rule) leave the network as it was. A changed input computes afresh.
pub struct NetworkMemo<T> {
    actors: Vec<Actor>,
    relations: Vec<Relation>,
    out: T,
}

/// Where one function keeps its last answer.
pub type MemoCell<T> = std::cell::RefCell<Option<NetworkMemo<T>>>;

pub fn remembered<T: Clone>(
    cell: &'static std::thread::LocalKey<MemoCell<T>>,
    actors: &[Actor],
    relations: &[Relation],
    compute: impl FnOnce() -> T,
) -> T {
    let hit = cell.with_borrow(|m| {
        m.as_ref()
            .filter(|m| m.actors == actors && m.relations == relations)
            .map(|m| m.out.clone())
    });
    if let Some(out) = hit {
        return out;
    }
    let out = compute();
    cell.set(Some(NetworkMemo {
        actors: actors.to_vec(),
        relations: relations.to_vec(),
        out: out.clone(),
    }));
    out
}

thread_local! {
    static BETWEENNESS: MemoCell<Vec<(Actor, f64)>> = const { std::cell::RefCell::new(None) };
}

/// Betweenness centrality of every actor (Brandes' algorithm, relations
/// taken as undirected links): how often an actor lies on the shortest
/// paths between two others. High values are the connectors (seed 003,
/// example 2). Normalised to 0..=1 by the number of pairs.
pub fn betweenness(actors: &[Actor], relations: &[Relation]) -> Vec<(Actor, f64)> {
    remembered(&BETWEENNESS, actors, relations, || {
        brandes(actors, relations)
    })
}

fn brandes(actors: &[Actor], relations: &[Relation]) -> Vec<(Actor, f64)> {
    let n = actors.len();
    let positions: std::collections::HashMap<Actor, usize> =
        actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let index = |a: &Actor| positions.get(a).copied();
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    for r in relations {
        if let (Some(i), Some(j)) = (index(&r.from), index(&r.to))
            && i != j
        {
            if !adj[i].contains(&(j as u32)) {
                adj[i].push(j as u32);
            }
            if !adj[j].contains(&(i as u32)) {
                adj[j].push(i as u32);
            }
        }
    }
    let mut cb = vec![0.0f64; n];
    // Buffers reused for every source; after each source only the actors
    // it reached are reset, so an isolated actor costs nothing. The BFS
    // order doubles as the queue (read from `head`) and, read backwards,
    // as Brandes' stack; the predecessors on shortest paths are found from
    // the distances instead of being kept in lists (Brandes, 2001).
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    for s in 0..n {
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in &adj[v] {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dist[v] + 1;
                    order.push(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            for &v in &adj[w] {
                let v = v as usize;
                if dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
        for &v in &order {
            let v = v as usize;
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
        order.clear();
    }
    // Undirected: every pair was counted twice.
    let pairs = if n > 2 {
        ((n - 1) * (n - 2)) as f64
    } else {
        1.0
    };
    actors
        .iter()
        .zip(cb)
        .map(|(a, c)| (*a, c / pairs))
        .collect()
}
