//! A consensus round, live: who has cast, and the stances only once
//! revealed.

use super::*;
use crate::words::RoomWords;

/// The least height of a party's tile: its name and its state on two
/// lines at a size the back of the room can read.
fn least_tile(ty: Type) -> f32 {
    ty.small * 2.4
}

/// How the tiles of a round with `voters` parties go on a screen of this
/// size: columns, tiles on a page, pages. A dozen parties fill one page as
/// before; a region's hundreds get a fourth column and as many pages as
/// it takes, each tile still readable (the room never has a tile cut off
/// at the screen's edge, nor the waiting count pushed off it).
pub(super) fn tile_pages(screen: Vec2, voters: usize) -> (usize, usize, usize) {
    let ty = Type::for_rect(Rect::from_min_size(Pos2::ZERO, screen));
    // The room the tiles have: the screen less its margins, the heading,
    // the proposal on up to two lines, the line under it and the banner.
    let room = screen.y * 0.88
        - ty.title * 1.4
        - ty.body * 0.6
        - ty.body * 1.35 * 2.0
        - ty.small * 0.85 * 1.4
        - ty.small * 0.9
        - ty.body * 1.9;
    let gap = ty.small * 0.4;
    let rows = ((room / (least_tile(ty) + gap)).floor() as usize).max(1);
    let cols = if voters > rows * 3 && screen.x >= screen.y * 1.2 {
        4
    } else {
        3
    };
    let per_page = rows * cols;
    (cols, per_page, voters.div_ceil(per_page).max(1))
}

/// Long for a reason: the round slide, drawn in the order it is painted (proposal, tiles of
/// stances, outcome).
pub(super) fn round(ui: &mut Ui, s: &SlideCtx, r: &RoomRound) {
    let (body, lang, _, pal, ty, step, screen) = s.parts();
    let mut y = body.top();
    y += text_in(
        ui,
        body,
        rich(&r.proposal, ty.body, pal.text, true),
        Align::Min,
    );
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y + ty.small * 0.2), body.max),
        rich(
            format!(
                "{} · {} · {}{}",
                lang.room_subject(&r.subject),
                lang.scale(r.scale),
                lang.round_status(r.status),
                if r.body.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", lang.tr(T::PutToBody).replace("{body}", &r.body))
                }
            ),
            ty.small * 0.85,
            pal.muted,
            false,
        ),
        Align::Min,
    ) + ty.small * 0.9;
    // A round over a whole set: its rules as put to the room, and after the
    // reveal who objected to which.
    for (i, rule) in r.set_rules.iter().enumerate() {
        let mut line = format!("{}. {}", i + 1, rule.text);
        if !rule.objections.is_empty() {
            let names: Vec<&str> = rule.objections.iter().map(|(p, _)| p.as_str()).collect();
            line.push_str(&format!(
                " — {}",
                lang.tr(T::ObjectedBy).replace("{names}", &names.join(", "))
            ));
        }
        let colour = if rule.objections.is_empty() {
            pal.text
        } else {
            pal.danger
        };
        y += text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y), body.max),
            rich(line, ty.small * 0.8, colour, false),
            Align::Min,
        );
    }
    if !r.set_rules.is_empty() {
        y += ty.small * 0.6;
    }
    // One tile per voting party, a page of them at a time.
    let (cols, per_page, _) = tile_pages(screen, r.voters.len());
    let page: &[RoomVoter] = r
        .voters
        .chunks(per_page)
        .nth(step)
        .or_else(|| r.voters.chunks(per_page).last())
        .unwrap_or_default();
    let rows = page.len().div_ceil(cols).max(1);
    let banner_h = ty.body * 1.9;
    let gap = ty.small * 0.4;
    let tile_h = ((body.bottom() - y - banner_h - gap * rows as f32) / rows as f32)
        .min(ty.small * 3.4)
        .max(ty.small * 1.4);
    let tile_w = (body.width() - gap * (cols as f32 - 1.0)) / cols as f32;
    for (i, v) in page.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let t = Rect::from_min_size(
            pos2(
                body.left() + col as f32 * (tile_w + gap),
                y + row as f32 * (tile_h + gap),
            ),
            vec2(tile_w, tile_h),
        );
        let (fill, fg, state) = match &v.stance {
            Some((value, _)) if r.scale.blocks(*value) => {
                (pal.danger, pal.bg, lang.scale_value(r.scale, *value))
            }
            Some((value, _)) if r.scale.has_reservations(*value) => {
                (pal.warn, pal.bg, lang.scale_value(r.scale, *value))
            }
            Some((value, _)) => (pal.ok, pal.bg, lang.scale_value(r.scale, *value)),
            None if v.cast => (pal.soft, pal.text, lang.tr(T::SlideCast).to_string()),
            None => (pal.bg, pal.muted, lang.tr(T::SlideWaiting).to_string()),
        };
        ui.painter().rect(
            t,
            CornerRadius::same((10.0 * ty.unit) as u8),
            fill,
            Stroke::new(3.0 * ty.unit, pal.line),
            egui::StrokeKind::Inside,
        );
        // Two lines (name, state) inside the tile's padding.
        let size = ty.small.min((tile_h - 20.0 * ty.unit) / 2.75);
        let inner = t.shrink(10.0 * ty.unit);
        // A long name is made smaller to keep to the tile's upper half,
        // so that its state below stays inside the tile.
        let upper = Rect::from_min_max(
            inner.min,
            pos2(inner.right(), inner.top() + inner.height() * 0.5),
        );
        let name_size = fit_size(ui, upper, &v.party, size, size * 0.6, true);
        let used = text_in(ui, inner, rich(&*v.party, name_size, fg, true), Align::Min);
        // The state at the same height in every tile of a row, whatever
        // size its name was given.
        let one_line = ui.fonts_mut(|f| f.row_height(&egui::FontId::new(size, theme::bold())));
        let used = used.max(one_line);
        text_in(
            ui,
            Rect::from_min_max(pos2(inner.left(), inner.top() + used), inner.max),
            rich(state, size, fg, false),
            Align::Min,
        );
    }
    // The outcome, as far as the room may know it.
    let names = |v: &[std::sync::Arc<str>]| v.join(", ");
    let (text, color) = match &r.outcome {
        RoomOutcome::Waiting(missing) => (
            lang.tr(T::SlideStillWaiting)
                .replace("{n}", &missing.len().to_string())
                .replace("{total}", &r.voters.len().to_string()),
            pal.muted,
        ),
        RoomOutcome::ReadyToReveal => (lang.tr(T::SlideReady).to_string(), pal.accent),
        RoomOutcome::Adoptable(reservations) => {
            let mut t = if r.status == crate::domain::RoundStatus::Adopted {
                lang.tr(T::RoundAdopted).to_string()
            } else {
                lang.tr(T::SlideAdoptable).to_string()
            };
            if !reservations.is_empty() {
                t.push_str(&format!(
                    " · {}",
                    lang.tr(T::SlideReservations)
                        .replace("{parties}", &names(reservations))
                ));
            }
            (t, pal.ok)
        }
        RoomOutcome::Blocked(by) => {
            let reasons: Vec<String> = r
                .voters
                .iter()
                .filter(|v| by.iter().any(|b| **b == *v.party))
                .filter_map(|v| {
                    v.stance
                        .as_ref()
                        .map(|(_, why)| format!("{}: “{why}”", v.party))
                })
                .collect();
            (
                format!(
                    "{} {}",
                    lang.tr(T::SlideBlocked).replace("{parties}", &names(by)),
                    reasons.join(" · ")
                ),
                pal.danger,
            )
        }
    };
    text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), body.bottom() - banner_h), body.max),
        rich(text, ty.small, color, true),
        Align::Min,
    );
}
