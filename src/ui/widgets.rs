//! Small building blocks shared by the panels: the context a panel works
//! in, form rows with accessible labels, buffered fields for dates and
//! numbers, and headings.

use chrono::NaiveDate;
use egui::{Id, Response, RichText, TextEdit, Ui};

use crate::domain::{Alliance, Edit};
use crate::i18n::{Lang, T};

use super::theme;

/// What a panel gets to work with. Panels never change the alliance
/// themselves: they push edits, which the app performs after the frame.
pub struct PanelCtx<'a> {
    pub alliance: &'a Alliance,
    pub lang: Lang,
    pub read_only: bool,
    pub today: NaiveDate,
    /// Changes whenever the alliance does; panels key their caches on it.
    pub revision: u64,
    pub edits: Vec<Edit>,
    /// End the current undo step (a field lost focus).
    pub seal: bool,
}

impl<'a> PanelCtx<'a> {
    pub fn new(alliance: &'a Alliance, lang: Lang, read_only: bool) -> PanelCtx<'a> {
        PanelCtx {
            alliance,
            lang,
            read_only,
            today: chrono::Local::now().date_naive(),
            revision: 0,
            edits: Vec::new(),
            seal: false,
        }
    }

    pub fn t(&self, key: T) -> &'static str {
        self.lang.tr(key)
    }

    pub fn edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    /// Note that a field lost focus, so its typing ends an undo step.
    pub fn watch(&mut self, response: &Response) {
        if response.lost_focus() {
            self.seal = true;
        }
    }
}

/// A heading for a page.
pub fn page_title(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(26.0).family(theme::bold()));
}

/// A heading for a section within a page.
pub fn section(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).size(17.0).family(theme::bold()));
}

pub fn muted(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).color(theme::MUTED))
}

/// A two-column form: labels on the left, fields on the right.
pub fn form<R>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([18.0, 10.0])
        .min_col_width(150.0)
        .show(ui, add)
        .inner
}

fn row_label(ui: &mut Ui, label: &str) -> Id {
    ui.label(RichText::new(label).color(theme::MUTED)).id
}

/// A one-line text field in a form. Returns whether the text changed.
pub fn text_row(ui: &mut Ui, pc: &mut PanelCtx, label: &str, value: &mut String) -> bool {
    let label_id = row_label(ui, label);
    let r = ui
        .add(TextEdit::singleline(value).desired_width(380.0))
        .labelled_by(label_id);
    ui.end_row();
    pc.watch(&r);
    r.changed()
}

/// A multi-line text field in a form. Returns whether the text changed.
pub fn multiline_row(ui: &mut Ui, pc: &mut PanelCtx, label: &str, value: &mut String) -> bool {
    let label_id = row_label(ui, label);
    let r = ui
        .add(
            TextEdit::multiline(value)
                .desired_width(380.0)
                .desired_rows(3),
        )
        .labelled_by(label_id);
    ui.end_row();
    pc.watch(&r);
    r.changed()
}

/// A field whose text is parsed into a value (a date, a number, a list).
/// While it has focus the raw text is kept as typed; each time it parses,
/// the value is returned to be committed. A hint shows when it does not.
pub fn buffered_row<V: Clone>(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: &V,
    format: impl Fn(&V) -> String,
    parse: impl Fn(&str) -> Result<V, String>,
) -> Option<V> {
    let label_id = row_label(ui, label);
    let edit_id = ui.make_persistent_id(("buffered", id_salt));
    let focused = ui.memory(|m| m.has_focus(edit_id));
    let mut text = focused
        .then(|| ui.data(|d| d.get_temp::<String>(edit_id)))
        .flatten()
        .unwrap_or_else(|| format(current));
    let mut out = None;
    ui.vertical(|ui| {
        let r = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id(edit_id)
                    .desired_width(380.0),
            )
            .labelled_by(label_id);
        pc.watch(&r);
        match parse(&text) {
            Ok(v) => {
                if r.changed() {
                    out = Some(v);
                }
            }
            Err(e) => {
                ui.label(RichText::new(e).color(theme::DANGER).small());
            }
        }
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(edit_id, text.clone()));
        }
    });
    ui.end_row();
    out
}

/// Parse a date as people type it: 1-10-2017, 01/10/2017 or 2017-10-01.
/// An empty text is `Some(None)` (no date); text that is no date is `None`.
pub fn parse_date(text: &str) -> Option<Option<NaiveDate>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .ok()?;
    let (y, m, d) = match (parts.as_slice(), nums.as_slice()) {
        ([first, ..], [y, m, d]) if first.len() == 4 => (*y, *m, *d),
        ([.., last], [d, m, y]) if last.len() == 4 => (*y, *m, *d),
        _ => return None,
    };
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).map(Some)
}

/// A date field in a form.
pub fn date_row(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let lang = pc.lang;
    let invalid = pc.t(T::DateInvalid).to_string();
    buffered_row(
        ui,
        pc,
        label,
        id_salt,
        &current,
        |d| d.map(|d| lang.date(d)).unwrap_or_default(),
        |s| parse_date(s).ok_or_else(|| invalid.clone()),
    )
}

/// Split a comma-separated list, dropping empty items.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// One row of a master list: id, title, subtitle.
pub struct ListItem {
    pub id: crate::domain::Id,
    pub title: String,
    pub subtitle: String,
}

/// A searchable list on the left of a master–detail page. Returns the
/// clicked item, if any.
pub fn master_list(
    ui: &mut Ui,
    pc: &PanelCtx,
    id_salt: &str,
    items: &[ListItem],
    selected: Option<crate::domain::Id>,
    filter: &mut String,
) -> Option<crate::domain::Id> {
    let mut clicked = None;
    let search_label = ui.label(RichText::new(pc.t(T::Search)).small().color(theme::MUTED));
    ui.add(
        TextEdit::singleline(filter)
            .hint_text("…")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(search_label.id);
    ui.add_space(4.0);
    let needle = filter.trim().to_lowercase();
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for item in items {
                if !needle.is_empty()
                    && !item.title.to_lowercase().contains(&needle)
                    && !item.subtitle.to_lowercase().contains(&needle)
                {
                    continue;
                }
                let title = if item.title.trim().is_empty() {
                    pc.t(T::Unnamed).to_string()
                } else {
                    item.title.clone()
                };
                let is_selected = selected == Some(item.id);
                let text = if item.subtitle.is_empty() {
                    egui::text::LayoutJob::simple_singleline(
                        title.clone(),
                        egui::FontId::proportional(15.0),
                        theme::TEXT,
                    )
                } else {
                    let mut job = egui::text::LayoutJob::default();
                    job.append(
                        &title,
                        0.0,
                        egui::TextFormat::simple(egui::FontId::proportional(15.0), theme::TEXT),
                    );
                    job.append(
                        &format!("\n{}", item.subtitle),
                        0.0,
                        egui::TextFormat::simple(egui::FontId::proportional(12.5), theme::MUTED),
                    );
                    job
                };
                let mut atoms = egui::Atoms::new(text);
                atoms.push_right(egui::Atom::grow());
                let r = ui.add(
                    egui::Button::selectable(is_selected, atoms)
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                );
                if r.clicked() {
                    clicked = Some(item.id);
                }
            }
        });
    clicked
}

/// Which half of a master–detail page is being drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    List,
    Detail,
}

/// A master–detail layout: a list column of fixed width, and the rest.
/// `add` is called once for each side.
pub fn master_detail(ui: &mut Ui, mut add: impl FnMut(&mut Ui, Side)) {
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(290.0, height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_size(egui::vec2(290.0, height));
                add(ui, Side::List)
            },
        );
        ui.add_space(theme::GAP);
        ui.separator();
        ui.add_space(theme::GAP);
        ui.vertical(|ui| {
            egui::ScrollArea::vertical()
                .id_salt("detail")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Keep the content clear of the scroll bar.
                    ui.set_max_width(ui.available_width() - 16.0);
                    add(ui, Side::Detail)
                });
        });
    });
}

/// A confirmation dialog. Returns `Some(true)` when confirmed,
/// `Some(false)` when cancelled.
pub fn confirm(ctx: &egui::Context, pc: &PanelCtx, message: &str, action: &str) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.label(message);
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let danger = egui::Button::new(RichText::new(action).color(theme::ACCENT_TEXT))
                .fill(theme::DANGER);
            if ui.add(danger).clicked() {
                answer = Some(true);
            }
            if ui.button(pc.t(T::Cancel)).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// A primary (filled) button.
pub fn primary(ui: &mut Ui, text: &str) -> Response {
    ui.add(egui::Button::new(RichText::new(text).color(theme::ACCENT_TEXT)).fill(theme::ACCENT))
}

/// Give a widget its accessible name (for screen readers and the tests),
/// where no visible label sits next to it.
pub fn name_widget(ui: &Ui, response: &Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name.to_string()));
}

/// Give a widget on a zoomed or panned layer (a map canvas) its bounds on
/// the screen, so screen readers and tests find it where it is drawn.
pub fn global_bounds(ui: &Ui, response: &Response) {
    let Some(to_global) = ui.ctx().layer_transform_to_global(ui.layer_id()) else {
        return;
    };
    let r = to_global * response.rect;
    let ppp = ui.ctx().pixels_per_point() as f64;
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: r.min.x as f64 * ppp,
            y0: r.min.y as f64 * ppp,
            x1: r.max.x as f64 * ppp,
            y1: r.max.y as f64 * ppp,
        });
    });
}

/// Split what is left of `ui` into a canvas and, on its right, a side
/// column of `side_width`. Returns `(canvas, side)`.
pub fn split_side(ui: &Ui, side_width: f32) -> (egui::Rect, egui::Rect) {
    let avail = ui.available_rect_before_wrap();
    let side =
        egui::Rect::from_min_max(egui::pos2(avail.max.x - side_width, avail.min.y), avail.max);
    let canvas = egui::Rect::from_min_max(avail.min, egui::pos2(side.min.x - 12.0, avail.max.y));
    (canvas, side)
}

/// Draw into `rect` of `ui`, clipped to it; a canvas gets a white, framed
/// background.
pub fn in_rect(ui: &mut Ui, rect: egui::Rect, canvas: bool, add: impl FnOnce(&mut Ui)) {
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        if canvas {
            egui::Frame::new()
                .fill(theme::SURFACE)
                .stroke(egui::Stroke::new(1.0, theme::BORDER))
                .show(ui, |ui| {
                    ui.set_min_size(rect.size() - egui::vec2(2.0, 2.0));
                    add(ui)
                });
        } else {
            add(ui)
        }
    });
}

/// A page's title with its one "add" button beside it (disabled when the
/// file is read-only). Returns whether the button was clicked.
pub fn page_header(ui: &mut Ui, pc: &PanelCtx, title: T, add: T) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        page_title(ui, pc.t(title));
        ui.add_space(16.0);
        ui.add_enabled_ui(!pc.read_only, |ui| {
            clicked = primary(ui, &format!("+  {}", pc.t(add))).clicked();
        });
    });
    clicked
}
