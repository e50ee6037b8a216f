//! Names on the network map that never overlap: each name is placed beside
//! its circle where it covers no other name and no other circle, the most
//! important first; a name that finds no room takes a shorter form, and
//! else is left out (its full name shows on hover, in the side panel, in
//! the list of relations). Plain numbers and strings, no egui: the canvas,
//! the slides and the PDF measure their own type and call this.

use crate::geometry::{Pt, Rect};

/// A name to place beside a circle: the sizes (width, height) of the forms
/// it can take, best first, in the units of the centres. A circle without
/// forms is only something to keep clear of.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelAsk {
    pub center: Pt,
    pub radius: f32,
    pub forms: Vec<(f32, f32)>,
}

/// Where a name went: which of its forms, in which box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    pub form: usize,
    pub rect: Rect,
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

fn hits_circle(r: &Rect, c: Pt, radius: f32) -> bool {
    let x = c.x.clamp(r.min.x, r.max.x);
    let y = c.y.clamp(r.min.y, r.max.y);
    let (dx, dy) = (c.x - x, c.y - y);
    dx * dx + dy * dy < radius * radius
}

/// A uniform grid of the boxes placed so far, so that a candidate is
/// checked against its neighbours only.
struct Grid {
    cell: f32,
    cells: std::collections::HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn span(&self, r: &Rect) -> impl Iterator<Item = (i32, i32)> + use<> {
        let c = self.cell;
        let (x0, x1) = ((r.min.x / c).floor() as i32, (r.max.x / c).floor() as i32);
        let (y0, y1) = ((r.min.y / c).floor() as i32, (r.max.y / c).floor() as i32);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: &Rect, item: usize) {
        for key in self.span(r).collect::<Vec<_>>() {
            self.cells.entry(key).or_default().push(item);
        }
    }

    fn near(&self, r: &Rect, out: &mut Vec<usize>) {
        out.clear();
        for key in self.span(r) {
            if let Some(items) = self.cells.get(&key) {
                out.extend(items);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The boxes a name of size `w`×`h` may take around its circle, best
/// first: below, away from `middle`, above, right, left; or, on rings
/// (`outward`), away from the middle first.
fn spots(ask: &LabelAsk, w: f32, h: f32, pad: f32, middle: Pt, outward: bool) -> [Rect; 5] {
    let c = ask.center;
    let r = ask.radius + pad;
    let (dx, dy) = (c.x - middle.x, c.y - middle.y);
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if len > 1e-3 {
        (dx / len, dy / len)
    } else {
        (0.0, 1.0)
    };
    // Away from the middle: the box's nearest side touches the circle's
    // outer side along the radius.
    let out = Pt::new(c.x + ux * r + ux * w / 2.0, c.y + uy * r + uy * h / 2.0);
    let below = Rect::from_center(Pt::new(c.x, c.y + r + h / 2.0), w, h);
    let out = Rect::from_center(out, w, h);
    let (first, second) = if outward { (out, below) } else { (below, out) };
    [
        first,
        second,
        Rect::from_center(Pt::new(c.x, c.y - r - h / 2.0), w, h),
        Rect::from_center(Pt::new(c.x + r + w / 2.0, c.y), w, h),
        Rect::from_center(Pt::new(c.x - r - w / 2.0, c.y), w, h),
    ]
}

/// Where the names may go: the box they must stay inside (what is in
/// view, or the page), whether a name sits away from the middle first (on
/// rings) or below its circle first, and the room kept clear around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRoom<'a> {
    pub within: Option<Rect>,
    pub middle: Pt,
    pub outward: bool,
    pub pad: f32,
    /// Other things written on the map that names keep clear of.
    pub avoid: &'a [Rect],
    /// Names that must be written (the focus and its neighbours, the
    /// connectors): when no spot is clear, such a name may cover the
    /// circle of an actor not in this list, and else any circle but its
    /// own; never another name.
    pub must: &'a [usize],
}

/// Place the names in `order` (most important first; asks not in `order`
/// get no name). Each takes its first form that fits at one of its spots
/// (see [`spots`]) without covering a name placed before it or any circle,
/// and inside `room.within`; `room.pad` is kept clear around each name.
/// Returns a spot per ask, `None` where the name did not fit.
pub fn place_labels(asks: &[LabelAsk], order: &[usize], room: LabelRoom) -> Vec<Option<LabelSpot>> {
    let LabelRoom {
        within,
        middle,
        outward,
        pad,
        avoid,
        must,
    } = room;
    let mut out = vec![None; asks.len()];
    if asks.is_empty() {
        return out;
    }
    let tallest = asks
        .iter()
        .flat_map(|a| a.forms.iter().map(|f| f.1))
        .fold(0.0f32, f32::max);
    let mut sizes: Vec<f32> = asks.iter().map(|a| a.radius * 2.0).collect();
    sizes.sort_by(f32::total_cmp);
    let cell = (sizes[sizes.len() / 2].max(tallest) * 2.0).max(1.0);
    // Items in the grid: circles are 0..n, names n.. (n + ask index).
    let n = asks.len();
    let mut grid = Grid {
        cell,
        cells: Default::default(),
    };
    let mut boxes: Vec<Rect> = Vec::with_capacity(n);
    for (i, a) in asks.iter().enumerate() {
        let b = Rect::from_center(a.center, a.radius * 2.0, a.radius * 2.0);
        grid.insert(&b, i);
        boxes.push(b);
    }
    let mut near = Vec::new();
    for &i in order {
        let Some(ask) = asks.get(i) else { continue };
        if out[i].is_some() {
            continue;
        }
        // A name that must be written looks again, past the circles of
        // the others, when no spot is clear of every circle.
        let passes = if must.contains(&i) { 3 } else { 1 };
        'forms: for (pass, (form, &(w, h))) in
            (0..passes).flat_map(|pass| ask.forms.iter().enumerate().map(move |f| (pass, f)))
        {
            for rect in spots(ask, w, h, pad, middle, outward) {
                if within.is_some_and(|b| !(b.contains(rect.min) && b.contains(rect.max))) {
                    continue;
                }
                let clear = Rect {
                    min: Pt::new(rect.min.x - pad / 2.0, rect.min.y - pad / 2.0),
                    max: Pt::new(rect.max.x + pad / 2.0, rect.max.y + pad / 2.0),
                };
                if avoid.iter().any(|r| overlaps(&clear, r)) {
                    continue;
                }
                grid.near(&clear, &mut near);
                let free = near.iter().all(|&item| {
                    if item < n {
                        let other = &asks[item];
                        // Looking again: first past the circles of
                        // those not named for sure, then past any but
                        // its own.
                        let passable =
                            item != i && (pass == 2 || (pass == 1 && !must.contains(&item)));
                        passable || !hits_circle(&clear, other.center, other.radius)
                    } else {
                        !out[item - n].is_some_and(|s: LabelSpot| overlaps(&clear, &s.rect))
                    }
                });
                if free {
                    out[i] = Some(LabelSpot { form, rect });
                    grid.insert(&rect, n + i);
                    break 'forms;
                }
            }
        }
    }
    out
}

/// The forms a name can take on a map, best first, each as its lines: the
/// whole name on one line, then on two lines broken between words, then
/// `short` (see [`short_names`]). A word is never broken.
pub fn name_forms(name: &str, short: Option<&str>) -> Vec<Vec<String>> {
    let name = name.trim();
    let mut out = vec![vec![name.to_string()]];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 {
        // The break that makes the two lines most even.
        let total = name.chars().count();
        let mut best = (usize::MAX, 1);
        let mut upto = 0;
        for (k, w) in words.iter().enumerate().take(words.len() - 1) {
            upto += w.chars().count() + usize::from(k > 0);
            let other = total.saturating_sub(upto + 1);
            let longer = upto.max(other);
            if longer < best.0 {
                best = (longer, k + 1);
            }
        }
        out.push(vec![words[..best.1].join(" "), words[best.1..].join(" ")]);
    }
    if let Some(s) = short.map(str::trim).filter(|s| !s.is_empty() && *s != name) {
        out.push(vec![s.to_string()]);
    }
    out
}

/// Shorter names for a map: the first word left out where three names or
/// more start with it ("Gemeente Hengelo" → "Hengelo", "Stichting Dock" →
/// "Dock"). `None` where a name has no shorter form, or where the shorter
/// form would read the same as another name or another short form.
pub fn short_names(names: &[&str]) -> Vec<Option<String>> {
    let first = |n: &str| n.split_whitespace().next().map(str::to_lowercase);
    let mut starts: std::collections::HashMap<String, usize> = Default::default();
    for n in names {
        if let Some(w) = first(n) {
            *starts.entry(w).or_default() += 1;
        }
    }
    let shorts: Vec<Option<String>> = names
        .iter()
        .map(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            let common = first(n).is_some_and(|w| starts.get(&w).copied().unwrap_or(0) >= 3);
            (words.len() > 1 && common).then(|| words[1..].join(" "))
        })
        .collect();
    // A short form must still tell the party apart.
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for s in shorts.iter().flatten() {
        *seen.entry(s.to_lowercase()).or_default() += 1;
    }
    for n in names {
        *seen.entry(n.trim().to_lowercase()).or_default() += 1;
    }
    // Nor be the beginning of another's name after its first word: "De
    // Linde" for "Jeugdhulp De Linde" reads as "Stichting De Linde
    // Hengelo" too.
    let rests: Vec<String> = names
        .iter()
        .map(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            words.get(1..).unwrap_or(&[]).join(" ").to_lowercase()
        })
        .collect();
    shorts
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            s.filter(|s| {
                let low = s.to_lowercase();
                let prefix = format!("{low} ");
                seen.get(&low).copied().unwrap_or(0) == 1
                    && !rests
                        .iter()
                        .enumerate()
                        .any(|(j, r)| j != i && r.starts_with(&prefix))
            })
        })
        .collect()
}

/// The order in which the names of a network map are placed: `first` (the
/// focused party, its neighbours, what a search found), then the
/// connectors, the commissioner, and the rest by betweenness, then by how
/// many relations, then in register order. Only the actors at the indices
/// in `among` (those in view) are named.
pub fn label_order(
    geo: &crate::geometry::NetworkGeometry,
    first: &[crate::domain::Actor],
    among: &[usize],
) -> Vec<usize> {
    let tier = |k: usize| {
        let g = &geo.actors[k];
        if let Some(at) = first.iter().position(|a| *a == g.actor) {
            return (0, at);
        }
        if let Some(at) = geo.connectors.iter().position(|a| *a == g.actor) {
            return (1, at);
        }
        if g.commissioner {
            return (2, 0);
        }
        (3, 0)
    };
    let mut out: Vec<usize> = among.to_vec();
    out.sort_by(|x, y| {
        let (gx, gy) = (&geo.actors[*x], &geo.actors[*y]);
        tier(*x)
            .cmp(&tier(*y))
            .then(gy.betweenness.total_cmp(&gx.betweenness))
            .then(gy.degree.cmp(&gx.degree))
            .then(x.cmp(y))
    });
    out
}

/// The names of the room's network map, asked for once for the slide and
/// the PDF alike: every actor's name forms (`forms`), each form measured by
/// `size_of` (its lines → width and height, in the drawing's units), the
/// order in which they are placed, and the names that must be shown.
pub struct RoomLabels {
    pub forms: Vec<Vec<Vec<String>>>,
    pub asks: Vec<LabelAsk>,
    pub order: Vec<usize>,
    pub must: Vec<usize>,
}

/// See [`RoomLabels`]. `circle(actor)` is where an actor's circle is drawn
/// (its centre and the radius a name keeps clear of); `first` are the
/// actors named before all others (a party's slide: it and its neighbours).
/// Then the connectors, the commissioner and the rest, each by how much
/// they connect. With no `first`, the connectors and the commissioner must
/// be named; else `first`.
pub fn room_labels(
    net: &crate::audience::RoomNetwork,
    first: &[usize],
    circle: impl Fn(&crate::audience::RoomActor) -> (Pt, f32),
    size_of: impl Fn(&[String]) -> (f32, f32),
) -> RoomLabels {
    let names: Vec<&str> = net.actors.iter().map(|a| a.name.as_str()).collect();
    let shorts = short_names(&names);
    let forms: Vec<Vec<Vec<String>>> = names
        .iter()
        .zip(&shorts)
        .map(|(n, s)| name_forms(n, s.as_deref()))
        .collect();
    let asks = net
        .actors
        .iter()
        .zip(&forms)
        .map(|(actor, forms)| {
            let (center, radius) = circle(actor);
            LabelAsk {
                center,
                radius,
                forms: forms.iter().map(|lines| size_of(lines)).collect(),
            }
        })
        .collect();
    let tier = |k: usize| {
        let a = &net.actors[k];
        match first.iter().position(|f| *f == k) {
            Some(at) => (0, at),
            None if a.connector => (1, 0),
            None if a.commissioner => (2, 0),
            None => (3, 0),
        }
    };
    let mut order: Vec<usize> = (0..net.actors.len()).collect();
    order.sort_by(|x, y| {
        tier(*x).cmp(&tier(*y)).then(
            net.actors[*y]
                .betweenness
                .total_cmp(&net.actors[*x].betweenness),
        )
    });
    let must = if first.is_empty() {
        (0..net.actors.len())
            .filter(|k| net.actors[*k].connector || net.actors[*k].commissioner)
            .collect()
    } else {
        first.to_vec()
    };
    RoomLabels {
        forms,
        asks,
        order,
        must,
    }
}

/// The width of the widest of `lines` in `font`, as egui lays it out: how
/// the window's network map and the slides measure a name.
pub fn widest(ui: &egui::Ui, lines: &[String], font: &egui::FontId) -> f32 {
    lines
        .iter()
        .map(|l| {
            ui.painter()
                .layout_no_wrap(l.clone(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max)
}
