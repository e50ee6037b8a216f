//! Type on the projector: sizes that follow the screen, and text fitted
//! into its box (shrunk, then cut with an ellipsis, never over the next).

use super::*;

/// Type sizes that follow the projected screen: large, nothing small.
#[derive(Clone, Copy)]
pub(super) struct Type {
    pub(super) title: f32,
    pub(super) body: f32,
    pub(super) small: f32,
    pub(super) unit: f32,
}

impl Type {
    pub(super) fn for_rect(r: Rect) -> Type {
        let unit = (r.height() / 1080.0)
            .min(r.width() / 1920.0 * 1.15)
            .clamp(0.45, 3.0);
        Type {
            title: 64.0 * unit,
            body: 42.0 * unit,
            small: 32.0 * unit,
            unit,
        }
    }
}

pub(super) fn rich(text: impl Into<String>, size: f32, color: Color32, bold: bool) -> RichText {
    let r = RichText::new(text).size(size).color(color);
    if bold {
        r.family(theme::bold())
    } else {
        r.family(FontFamily::Proportional)
    }
}

/// A wrapped label in `rect`, from its top left; returns the height used.
pub(super) fn text_in(ui: &mut Ui, rect: Rect, text: RichText, align: Align) -> f32 {
    let layout = Layout::top_down(align);
    let inner = ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).wrap())
    });
    inner.response.rect.height()
}

/// The largest size from `max` down to `min` at which `text`, wrapped at
/// the width of `rect`, fits its height without breaking a word.
pub(super) fn fit_size(ui: &Ui, rect: Rect, text: &str, max: f32, min: f32, bold: bool) -> f32 {
    let family = if bold {
        theme::bold()
    } else {
        FontFamily::Proportional
    };
    let longest = text
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap_or("");
    let mut size = max.max(min);
    loop {
        let font = egui::FontId::new(size, family.clone());
        let galley = ui.painter().layout(
            text.to_owned(),
            font.clone(),
            Color32::WHITE,
            rect.width().max(1.0),
        );
        let word = ui
            .painter()
            .layout_no_wrap(longest.to_owned(), font, Color32::WHITE);
        if (galley.size().y <= rect.height() && word.size().x <= rect.width()) || size <= min {
            return size;
        }
        size = (size * 0.93).max(min);
    }
}

/// A label that fits `rect` (see [`fit_size`]), centred or from the top
/// left. Returns the size used.
#[allow(clippy::too_many_arguments)]
pub(super) fn label_fit(
    ui: &mut Ui,
    rect: Rect,
    text: &str,
    max: f32,
    min: f32,
    color: Color32,
    bold: bool,
    center: bool,
) -> f32 {
    let size = fit_size(ui, rect, text, max, min, bold);
    let family = if bold {
        theme::bold()
    } else {
        FontFamily::Proportional
    };
    let font = egui::FontId::new(size, family);
    let galley = ui
        .painter()
        .layout(text.to_owned(), font.clone(), color, rect.width().max(1.0));
    // Even at the smallest size it may not fit: then as many rows as fit,
    // the last ending in an ellipsis, never over what lies below.
    let rows = galley.rows.len().max(1);
    let row_h = galley.size().y / rows as f32;
    let max_rows = ((rect.height() / row_h).floor() as usize).clamp(1, rows);
    let height = row_h * max_rows as f32;
    let top = if center {
        rect.top() + ((rect.height() - height) / 2.0).max(0.0)
    } else {
        rect.top()
    };
    let align = if center { Align::Center } else { Align::Min };
    let r = Rect::from_min_max(
        pos2(rect.left(), top),
        pos2(rect.right(), rect.bottom().max(top + height)),
    );
    let mut job = egui::text::LayoutJob::single_section(
        text.to_owned(),
        egui::TextFormat::simple(font, color),
    );
    job.wrap.max_rows = max_rows;
    job.wrap.max_width = rect.width().max(1.0);
    job.wrap.overflow_character = Some('…');
    job.halign = align;
    ui.scope_builder(
        UiBuilder::new().max_rect(r).layout(Layout::top_down(align)),
        |ui| ui.add(egui::Label::new(job).wrap().halign(align)),
    );
    size
}

/// A label centred on a point, wrapped at `width`.
pub(super) fn text_centred(ui: &mut Ui, center: Pos2, width: f32, text: RichText) {
    let galley_h = 400.0;
    let rect = Rect::from_center_size(center + vec2(0.0, galley_h / 2.0), vec2(width, galley_h));
    let layout = Layout::top_down(Align::Center);
    ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).wrap().halign(Align::Center))
    });
}
