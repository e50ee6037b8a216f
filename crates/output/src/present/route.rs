//! The route slide: the four phases and where the alliance stands.

use super::*;

pub(super) fn route(ui: &mut Ui, s: &SlideCtx) {
    let (body, lang, room, pal, ty, _, _) = s.parts();
    let mut y = body.top();
    if !room.ambition.trim().is_empty() {
        y += text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y), body.max),
            rich(&room.ambition, ty.small, pal.muted, false),
            Align::Min,
        );
        y += ty.body;
    }
    // The four phases, the current one filled.
    let n = Phase::ALL.len() as f32;
    let gap = ty.body * 1.2;
    let w = (body.width() - gap * (n - 1.0)) / n;
    let h = ty.body * 2.6;
    let current = room.phase.index();
    for (i, phase) in Phase::ALL.iter().enumerate() {
        let x = body.left() + i as f32 * (w + gap);
        let r = Rect::from_min_size(pos2(x, y), vec2(w, h));
        let (fill, fg, stroke) = match i.cmp(&current) {
            std::cmp::Ordering::Less => (pal.soft, pal.text, Stroke::NONE),
            std::cmp::Ordering::Equal => (pal.accent, pal.on_accent, Stroke::NONE),
            std::cmp::Ordering::Greater => {
                (pal.bg, pal.muted, Stroke::new(3.0 * ty.unit, pal.line))
            }
        };
        ui.painter().rect(
            r,
            CornerRadius::same((10.0 * ty.unit) as u8),
            fill,
            stroke,
            egui::StrokeKind::Inside,
        );
        let mark = if i < current { " ✓" } else { "" };
        label_fit(
            ui,
            r.shrink(8.0 * ty.unit),
            &format!("{}. {}{mark}", i + 1, lang.phase(*phase)),
            Fit {
                max: ty.body,
                min: ty.small * 0.6,
                color: fg,
                bold: true,
                center: true,
            },
        );
        if i + 1 < Phase::ALL.len() {
            let a = pos2(r.right() + gap * 0.2, r.center().y);
            let b = pos2(r.right() + gap * 0.8, r.center().y);
            arrow_line(ui, a, b, pal.line, 4.0 * ty.unit, 16.0 * ty.unit, true);
        }
    }
    y += h + ty.body * 0.8;
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y), body.max),
        rich(lang.phase_hint(room.phase), ty.body, pal.text, false),
        Align::Min,
    );
    y += ty.body;
    // The parties still in the alliance.
    let today = room.as_of;
    let active: Vec<&str> = room
        .parties
        .iter()
        .filter(|p| p.left.is_none_or(|d| d > today))
        .map(|p| p.name.as_str())
        .collect();
    let mut facts = vec![lang.count(T::SlideParties, active.len())];
    if !room.commissioner.trim().is_empty() {
        facts.push(format!(
            "{}: {}",
            lang.tr(T::Commissioner),
            room.commissioner
        ));
    }
    // The term on a line of its own, so its dates stay together.
    let mut text = facts.join("  ·  ");
    if let (Some(s), Some(e)) = (room.term_start, room.term_end) {
        text.push_str(&format!(
            "\n{} {} – {}",
            lang.tr(T::SlideTerm),
            lang.date(s),
            lang.date(e)
        ));
    }
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y), body.max),
        rich(text, ty.small, pal.muted, false),
        Align::Min,
    );
    // The parties, each with its own equal place.
    let names = active;
    if !names.is_empty() {
        label_fit(
            ui,
            Rect::from_min_max(pos2(body.left(), y + ty.small), body.max),
            &names.join("   ·   "),
            Fit {
                max: ty.small,
                min: ty.small * 0.6,
                color: pal.text,
                bold: false,
                center: false,
            },
        );
    }
}
