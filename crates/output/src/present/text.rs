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
    // Remembered while the same text is fitted into the same box, frame
    // after frame: finding the size lays the text out at every size tried,
    // and a strategy map fits hundreds of titles.
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (text, bold).hash(&mut h);
    for x in [rect.width(), rect.height(), max, min] {
        x.to_bits().hash(&mut h);
    }
    let key = h.finish();
    let frame = ui.ctx().cumulative_frame_nr();
    let cache = ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<std::sync::Arc<std::sync::Mutex<FitCache>>>(egui::Id::NULL)
            .clone()
    });
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if cache.frame != frame {
        // What was not asked for in the last frame is dropped: zooming
        // does not pile up sizes.
        cache.sizes.retain(|_, (_, used)| *used + 1 >= frame);
        cache.frame = frame;
    }
    if let Some((size, used)) = cache.sizes.get_mut(&key) {
        *used = frame;
        return *size;
    }
    let size = fit_size_uncached(ui, rect, text, max, min, bold);
    cache.sizes.insert(key, (size, frame));
    size
}

/// Sizes found by [`fit_size`], with the frame each was last asked for.
#[derive(Default)]
struct FitCache {
    frame: u64,
    sizes: std::collections::HashMap<u64, (f32, u64)>,
}

fn fit_size_uncached(ui: &Ui, rect: Rect, text: &str, max: f32, min: f32, bold: bool) -> f32 {
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

/// How a fitted label is set: its largest and smallest size, its colour,
/// bold or not, centred in its rectangle or from the top left.
#[derive(Clone, Copy)]
pub(super) struct Fit {
    pub max: f32,
    pub min: f32,
    pub color: Color32,
    pub bold: bool,
    pub center: bool,
}

/// A label that fits `rect` (see [`fit_size`]), set as `fit` says.
/// Returns the size used.
pub(super) fn label_fit(ui: &mut Ui, rect: Rect, text: &str, fit: Fit) -> f32 {
    let Fit {
        max,
        min,
        color,
        bold,
        center,
    } = fit;
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
    let mut job = egui::text::LayoutJob::single_section(
        text.to_owned(),
        egui::TextFormat::simple(font, color),
    );
    job.wrap.max_rows = max_rows;
    job.wrap.max_width = rect.width().max(1.0);
    job.wrap.overflow_character = Some('…');
    job.halign = align;
    // Painted, not a widget (see `text_centred`).
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let x = if center { rect.center().x } else { rect.left() };
    say(ui, galley.rect.translate(vec2(x, top)), galley.text());
    ui.painter().galley(pos2(x, top), galley, color);
    size
}

/// A label centred on a point, wrapped at `width`.
pub(super) fn text_centred(ui: &mut Ui, center: Pos2, width: f32, text: RichText) {
    // Painted, not a widget: a map names every actor, and a label per name
    // would be a child layout and a widget each, every frame.
    let color = ui.visuals().text_color();
    let mut job = std::sync::Arc::unwrap_or_clone(egui::WidgetText::from(text).into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        Align::Min,
    ));
    job.wrap.max_width = width;
    job.halign = Align::Center;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let rect = galley.rect.translate(center.to_vec2());
    say(ui, rect, galley.text());
    ui.painter().galley(center, galley, color);
}

/// Painted text, named for the screen reader: a hover-only region with
/// the text as its label (the accessibility tree is built only when one
/// asks for it).
pub(super) fn say(ui: &mut Ui, rect: Rect, text: &str) {
    let id = ui
        .scope_id()
        .with(("said", rect.min.x.to_bits(), rect.min.y.to_bits()));
    ui.interact(rect, id, egui::Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}
