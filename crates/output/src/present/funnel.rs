//! The agenda funnel slide: wishes clustered into focal points.

use super::*;

pub(super) fn funnel(ui: &mut Ui, s: &SlideCtx) {
    let (body, lang, room, pal, ty, step, _) = s.parts();
    let f = &room.funnel;
    // In the order of the dots the room gave, as the work plan, its slides
    // and the pack are: the room sees one order everywhere.
    let ordered = f.by_priority();
    if let Some(fp) = step.checked_sub(1).and_then(|k| ordered.get(k)) {
        // One focal point: its description and the items it gathers.
        let mut y = body.top();
        y += text_in(
            ui,
            body,
            rich(&fp.name, ty.body * 1.15, pal.text, true),
            Align::Min,
        );
        if !fp.description.trim().is_empty() {
            y += text_in(
                ui,
                Rect::from_min_max(pos2(body.left(), y + ty.small * 0.3), body.max),
                rich(&fp.description, ty.small, pal.muted, false),
                Align::Min,
            ) + ty.small * 0.3;
        }
        y += ty.small * 0.8;
        let size = if fp.items.len() <= 6 {
            ty.body
        } else {
            ty.small
        };
        let room_left = ((body.bottom() - y) / (size * 1.45)).floor().max(1.0) as usize;
        let shown = if fp.items.len() <= room_left {
            fp.items.len()
        } else {
            room_left.saturating_sub(1).max(1)
        };
        for item in fp.items.iter().take(shown) {
            y += text_in(
                ui,
                Rect::from_min_max(pos2(body.left() + ty.small, y), body.max),
                rich(
                    format!("•  {} ({})", item.title, item.party),
                    size,
                    pal.text,
                    false,
                ),
                Align::Min,
            ) + size * 0.25;
        }
        if fp.items.len() > shown {
            text_in(
                ui,
                Rect::from_min_max(pos2(body.left() + ty.small, y), body.max),
                rich(
                    lang.tr(T::SlideMore)
                        .replace("{n}", &(fp.items.len() - shown).to_string()),
                    ty.small,
                    pal.muted,
                    false,
                ),
                Align::Min,
            );
        }
        return;
    }
    // The funnel: the wide top is every item, the narrow end the few
    // focal points.
    let top_h = ty.body * 2.4;
    let top = Rect::from_min_size(body.min, vec2(body.width(), top_h));
    ui.painter()
        .rect_filled(top, CornerRadius::same((10.0 * ty.unit) as u8), pal.soft);
    label_fit(
        ui,
        top.shrink(8.0 * ty.unit),
        &lang
            .tr(T::SlideItems)
            .replace("{items}", &f.items.to_string())
            .replace("{parties}", &f.parties.to_string()),
        Fit {
            max: ty.body,
            min: ty.small * 0.7,
            color: pal.text,
            bold: true,
            center: true,
        },
    );
    let n = ordered.len().max(1) as f32;
    let bottom_y = body.bottom() - ty.small * 1.6;
    let boxes_h = (ty.body * 4.4).min((bottom_y - top.bottom()) * 0.7);
    let boxes_top = bottom_y - boxes_h;
    let narrow = body.width() * (0.3 * n).clamp(0.45, 1.0);
    let left = body.center().x - narrow / 2.0;
    ui.painter().add(Shape::convex_polygon(
        vec![
            top.left_bottom(),
            top.right_bottom(),
            pos2(left + narrow, boxes_top),
            pos2(left, boxes_top),
        ],
        pal.soft.gamma_multiply(0.6),
        Stroke::NONE,
    ));
    let gap = ty.small * 0.6;
    let w = (narrow - gap * (n - 1.0)) / n;
    for (i, fp) in ordered.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(left + i as f32 * (w + gap), boxes_top),
            vec2(w, boxes_h),
        );
        ui.painter()
            .rect_filled(r, CornerRadius::same((10.0 * ty.unit) as u8), pal.accent);
        let mut text = format!("{}\n{} {}", fp.name, fp.items.len(), lang.tr(T::PdfItems));
        // What the room gave: dots, or a mean score.
        if let Some(p) = fp.priority {
            let given = match f.priority_method {
                Some(crate::domain::PriorityMethod::Score) => {
                    lang.tr(T::PdfMeanScore).replace("{value}", &lang.number(p))
                }
                _ => lang.count(T::PdfDots, p.round() as usize),
            };
            text.push_str(&format!(" · {given}"));
        }
        label_fit(
            ui,
            r.shrink(10.0 * ty.unit),
            &text,
            Fit {
                max: ty.body,
                min: ty.small * 0.6,
                color: pal.on_accent,
                bold: true,
                center: true,
            },
        );
    }
    if !f.unclustered.is_empty() {
        text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), bottom_y + ty.small * 0.3), body.max),
            rich(
                lang.tr(T::SlideUnclustered)
                    .replace("{n}", &f.unclustered.len().to_string()),
                ty.small,
                pal.muted,
                false,
            ),
            Align::Min,
        );
    }
}
