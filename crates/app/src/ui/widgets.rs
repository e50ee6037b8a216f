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
    /// The clock `today` is from, for the moments records are stamped with.
    pub clock: crate::domain::clock::Clock,
    /// Changes whenever the alliance does; panels key their caches on it.
    pub revision: u64,
    pub edits: Vec<Edit>,
    /// End the current undo step (a field lost focus).
    pub seal: bool,
}

impl<'a> PanelCtx<'a> {
    pub fn new(
        alliance: &'a Alliance,
        lang: Lang,
        read_only: bool,
        clock: crate::domain::clock::Clock,
    ) -> PanelCtx<'a> {
        PanelCtx {
            alliance,
            lang,
            read_only,
            today: clock.today(),
            clock,
            revision: 0,
            edits: Vec::new(),
            seal: false,
        }
    }

    pub fn t(&self, key: T) -> &'static str {
        self.lang.tr(key)
    }

    /// Now, as records write it (RFC 3339), from the program's clock.
    pub fn stamp(&self) -> String {
        self.clock.stamp()
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

/// The width of a form's field: 380 px, or what the column has left when
/// it is narrower (a 1024 px window's list-and-detail page), so a field
/// never reaches past the window's edge.
pub fn field_width(ui: &Ui) -> f32 {
    ui.available_width().clamp(160.0, 380.0)
}

fn row_label(ui: &mut Ui, label: &str) -> Id {
    ui.label(RichText::new(label).color(theme::MUTED)).id
}

/// A one-line text field in a form. Returns whether the text changed.
pub fn text_row(ui: &mut Ui, pc: &mut PanelCtx, label: &str, value: &mut String) -> bool {
    if crate::crypt::is_sealed(value) {
        return locked_row(ui, pc, label);
    }
    field_row(ui, pc, label, TextEdit::singleline(value))
}

/// A confidential text of a locked alliance: its label and "locked", never
/// the sealed text, and nothing to type in.
fn locked_row(ui: &mut Ui, pc: &PanelCtx, label: &str) -> bool {
    row_label(ui, label);
    ui.label(RichText::new(pc.t(T::LockedField)).color(theme::MUTED));
    ui.end_row();
    false
}

/// A multi-line text field in a form. Returns whether the text changed.
pub fn multiline_row(ui: &mut Ui, pc: &mut PanelCtx, label: &str, value: &mut String) -> bool {
    if crate::crypt::is_sealed(value) {
        return locked_row(ui, pc, label);
    }
    field_row(ui, pc, label, TextEdit::multiline(value).desired_rows(3))
}

/// A labelled text field in a form, with an id that stays the same
/// whatever appears above it (so typing never loses its focus).
fn field_row(ui: &mut Ui, pc: &mut PanelCtx, label: &str, edit: TextEdit<'_>) -> bool {
    let label_id = row_label(ui, label);
    let r = ui
        .add(
            edit.id_salt(("text-row", label))
                .desired_width(field_width(ui)),
        )
        .labelled_by(label_id);
    ui.end_row();
    claim_focus(ui, &r, label);
    pc.watch(&r);
    r.changed()
}

/// A field whose text is parsed into a value (a date, a number, a list).
/// While it has focus the raw text is kept as typed; each time it parses,
/// the value is returned to be committed. Text that does not parse stays
/// as typed, with a message under it, until it is corrected or cleared.
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
    let field = Buffered {
        name: label,
        label_id: Some(label_id),
        hint: "",
        width: field_width(ui),
        settled: None,
    };
    let out = ui
        .vertical(|ui| buffered(ui, pc, field, id_salt, current, format, parse))
        .inner;
    ui.end_row();
    out
}

/// How a buffered field looks.
#[derive(Clone, Copy)]
pub struct Buffered<'a> {
    /// Its accessible name.
    pub name: &'a str,
    /// The visible label it belongs to, if any.
    pub label_id: Option<Id>,
    pub hint: &'a str,
    pub width: f32,
    /// Whether typed text is final and may be kept while typing goes on;
    /// `None`: always. Otherwise it is kept when the field is left.
    pub settled: Option<fn(&str) -> bool>,
}

/// The field of [`buffered_row`], without a label or a form row.
pub fn buffered<V: Clone>(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    field: Buffered<'_>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: &V,
    format: impl Fn(&V) -> String,
    parse: impl Fn(&str) -> Result<V, String>,
) -> Option<V> {
    let edit_id = ui.make_persistent_id(("buffered", id_salt));
    // The text as typed: kept while the field has focus, and afterwards
    // while it does not parse (so a mistake is seen, not silently undone).
    let mut text = ui
        .data(|d| d.get_temp::<String>(edit_id))
        .unwrap_or_else(|| format(current));
    let mut out = None;
    let mut edit = TextEdit::singleline(&mut text)
        .id(edit_id)
        .desired_width(field.width);
    if !field.hint.is_empty() {
        edit = edit.hint_text(field.hint);
    }
    // A table cell would otherwise narrow the field to what it held before.
    ui.set_min_width(field.width);
    let mut r = ui.add(edit);
    if let Some(label_id) = field.label_id {
        r = r.labelled_by(label_id);
    } else {
        ui.ctx()
            .accesskit_node_builder(r.id, |node| node.set_label(field.name.to_string()));
    }
    claim_focus(ui, &r, field.name);
    // Entered with Tab (or a click), the date or number there is selected,
    // so that what is typed replaces it, as in every desktop form.
    if r.gained_focus()
        && let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), edit_id)
    {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), edit_id);
    }
    pc.watch(&r);
    let parsed = parse(&text);
    match &parsed {
        Ok(v) => {
            // While typing, only text that cannot grow into another value
            // is kept ("2026-02-3" on its way to "2026-02-31" is not);
            // anything else is kept when the field is left.
            let settled = field.settled.is_none_or(|settled| settled(&text));
            let left = r.lost_focus() && text != format(current);
            if (r.changed() && settled) || left {
                out = Some(v.clone());
            }
        }
        Err(e) => {
            // Wrapped to the field's width: in a table cell the message
            // makes the row taller, never the column wider (which pushed
            // the columns after it past the window's edge).
            ui.scope(|ui| {
                ui.set_max_width(field.width.max(160.0));
                ui.add(
                    egui::Label::new(RichText::new(e).color(theme::DANGER).small())
                        .wrap_mode(egui::TextWrapMode::Wrap),
                );
            });
        }
    }
    if r.has_focus() || parsed.is_err() {
        ui.data_mut(|d| d.insert_temp(edit_id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(edit_id));
    }
    out
}

/// Whether a typed date is final: written day-month-year (the year, which
/// must have four digits, comes last), or year-month-day with a two-digit
/// day. Empty is final too (no date).
fn date_settled(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return true;
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [first, .., last] if first.len() == 4 => last.len() == 2,
        _ => true,
    }
}

/// Why a date's text is no date: `None` when it is one (or empty).
fn date_problem(text: &str) -> Option<DateProblem> {
    let t = text.trim();
    if t.is_empty() || parse_date(t).is_some() {
        return None;
    }
    let nums: Vec<u32> = t
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    if nums.len() == 3 && t.chars().all(|c| c.is_ascii_digit() || "-/. ".contains(c)) {
        Some(DateProblem::NoSuchDay)
    } else {
        Some(DateProblem::Format)
    }
}

enum DateProblem {
    /// Three numbers, but no such day (31-02-2025), or a year out of range.
    NoSuchDay,
    /// Not written as a date.
    Format,
}

fn parse_date_for(lang: Lang, text: &str) -> Result<Option<NaiveDate>, String> {
    match (parse_date(text), date_problem(text)) {
        (Some(d), _) => Ok(d),
        (None, Some(DateProblem::NoSuchDay)) => {
            Err(lang.tr(T::DateNoSuchDay).replace("{date}", text.trim()))
        }
        (None, _) => Err(lang.tr(T::DateInvalid).to_string()),
    }
}

/// A date written in words, Dutch or English: day, month (whole or its
/// first letters), year.
fn date_in_words(t: &str) -> Option<NaiveDate> {
    let words: Vec<String> = t
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    // The month's name in either language, whole or its first letters
    // (at least three), as the documents write it.
    let month = (0..12).find(|m| {
        Lang::ALL.iter().any(|lang| {
            let n = lang.month(*m).to_lowercase();
            n == *month || (month.len() >= 3 && n.starts_with(month.as_str()))
        })
    })? as u32
        + 1;
    let (day, year): (u32, i32) = (day.parse().ok()?, year.parse().ok()?);
    if !(1900..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Parse a date as people type it: 1-10-2017, 01/10/2017, 2017-10-01 or
/// 1 October 2017.
/// An empty text is `Some(None)` (no date); text that is no date is `None`.
pub fn parse_date(text: &str) -> Option<Option<NaiveDate>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    // In words too: "1 April 2026", "1 april 2026", "1 Apr 2026".
    if let Some(d) = date_in_words(t) {
        return Some(Some(d));
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

/// A date field in a form: the one way every date in the app is entered
/// (dd-mm-jjjj, or yyyy-mm-dd), with its format as a hint and a clear
/// message for a date that does not exist.
pub fn date_row(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let label_id = row_label(ui, label);
    let field = Buffered {
        name: label,
        label_id: Some(label_id),
        hint: pc.t(T::DateHint),
        width: 160.0,
        settled: None,
    };
    // The message for a wrong date beside the field, not under it: the
    // rows below do not move down under the pointer while it shows.
    let out = ui
        .horizontal(|ui| date_field(ui, pc, field, id_salt, current))
        .inner;
    ui.end_row();
    out
}

/// The date field of [`date_row`], to place anywhere (a table cell, a
/// line of buttons). `field.name` is its accessible name.
pub fn date_field(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    field: Buffered<'_>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let lang = pc.lang;
    let field = Buffered {
        hint: if field.hint.is_empty() {
            lang.tr(T::DateHint)
        } else {
            field.hint
        },
        settled: Some(date_settled),
        ..field
    };
    buffered(
        ui,
        pc,
        field,
        ("date", id_salt),
        &current,
        |d| d.map(|d| lang.field_date(d)).unwrap_or_default(),
        |s| parse_date_for(lang, s),
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
            .id_salt(("search", id_salt))
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
            let shown: Vec<&ListItem> = items
                .iter()
                .filter(|item| {
                    needle.is_empty()
                        || item.title.to_lowercase().contains(&needle)
                        || item.subtitle.to_lowercase().contains(&needle)
                })
                .collect();
            // A region's thousand people: only the rows in view are built.
            lazy_items(
                ui,
                id_salt,
                shown.len(),
                0.0,
                48.0,
                |i| shown[i].id,
                |ui, i| {
                    let item = shown[i];
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
                            egui::TextFormat::simple(
                                egui::FontId::proportional(12.5),
                                theme::MUTED,
                            ),
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
                },
            );
        });
    clicked
}

/// Which half of a master–detail page is being drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    List,
    Detail,
}

/// A field at most `width` wide: a combo box cuts its text there rather
/// than growing with it, and in a wrapping row it is placed at that size,
/// so the row wraps it whole to the next line when there is no room.
pub fn capped<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_max_width(width);
            add(ui)
        },
    )
    .inner
}

/// A master–detail layout: a list column of fixed width, and the rest.
/// `add` is called once for each side.
pub fn master_detail(
    ui: &mut Ui,
    salt: &str,
    selected: Option<crate::domain::Id>,
    mut add: impl FnMut(&mut Ui, Side),
) {
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
        // Another record chosen in the list: its page starts afresh, at
        // its own height.
        let shown = ui.scope_id().with(("detail-of", salt));
        let before = ui.data(|d| d.get_temp::<Option<crate::domain::Id>>(shown));
        ui.data_mut(|d| d.insert_temp(shown, selected));
        let chosen = before.is_some_and(|b| b != selected);
        ui.vertical(|ui| held_scroll(ui, ("detail", salt), chosen, |ui| add(ui, Side::Detail)));
    });
}

/// A confirmation dialog. Returns `Some(true)` when confirmed,
/// `Some(false)` when cancelled.
pub fn confirm(ctx: &egui::Context, pc: &PanelCtx, message: &str, action: &str) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        // Titled with what it asks about, as a desktop program's dialog is.
        ui.label(
            RichText::new(format!("{action}?"))
                .family(theme::bold())
                .size(17.0),
        );
        ui.add_space(6.0);
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

/// A panel's page that scrolls: its content kept clear of the scroll bar,
/// which floats over it.
pub fn page_scroll<R>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    held_scroll(ui, id, false, add)
}

/// [`page_scroll`] that keeps its height while it stays on screen and is
/// not scrolled: when something near the bottom goes away (a button once
/// its work is done, a form closed), the page does not get shorter, so a
/// page scrolled to its end does not scroll back and move everything under
/// the pointer. Scrolled, or drawn afresh (after another page, or when
/// `reset`), it takes its own height.
fn held_scroll<R>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    reset: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let held_id = ui.scope_id().with(("page-height", &id));
    let pass = ui.ctx().cumulative_pass_nr();
    // (height held, the pass it was drawn in)
    let (held, last) = ui
        .data(|d| d.get_temp::<(f32, u64)>(held_id))
        .unwrap_or((0.0, 0));
    // Scrolling lets go: the page then takes its height as it is (a long
    // list learns its rows' heights as they come into view).
    let scrolling = ui.input(|i| i.smooth_scroll_delta.y != 0.0 || i.is_scrolling());
    let held = if reset || scrolling || last + 1 < pass {
        0.0
    } else {
        held
    };
    // No wider than the room it has: content too wide for a narrow window
    // wraps or shrinks rather than widening the page past the window's
    // edge (a vertical page grows sideways to fit what is in it).
    let room = ui.available_width();
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink([false, false])
        .max_width(room)
        .show(ui, |ui| {
            ui.set_max_width(room - 16.0);
            let top = ui.min_rect().top();
            let out = add(ui);
            let used = ui.min_rect().bottom() - top;
            if used < held {
                ui.add_space(held - used);
            }
            ui.data_mut(|d| d.insert_temp(held_id, (used.max(held), pass)));
            out
        })
        .inner
}

/// Give a combo box its accessible name (for screen readers and the
/// tests): the one place a panel's combo box is named. Enabled as the box
/// is (a read-only panel's boxes are disabled).
fn combo_name(response: &Response, name: &str) {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, name));
}

/// A combo box named `name` (for screen readers and the tests), `width`
/// wide: [`Combo`] in one call, for the common shape.
pub fn combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    selected: impl Into<egui::WidgetText>,
    width: f32,
    add: impl FnOnce(&mut Ui),
) -> Response {
    Combo::new(id, selected)
        .named(name)
        .width(width)
        .show(ui, add)
}

/// The one way a panel makes a combo box: named, either by the visible
/// label beside it or by a name of its own (both, when a visible label is
/// shared by several boxes and each needs its own name), `width` wide, a
/// long choice cut to the box (`truncate`), and, for a box that picks
/// several things, open until a click outside (`keep_open`).
#[must_use = "a combo box shows only with `show`"]
pub struct Combo<'a> {
    id: egui::IdSalt,
    selected: egui::WidgetText,
    /// The visible label beside it, which names it.
    label: Option<egui::Id>,
    /// A name of its own (a box in a row of boxes under one heading).
    name: Option<&'a str>,
    width: Option<f32>,
    truncate: bool,
    keep_open: bool,
}

impl<'a> Combo<'a> {
    pub fn new(
        id: impl std::hash::Hash + std::fmt::Debug,
        selected: impl Into<egui::WidgetText>,
    ) -> Self {
        Combo {
            id: egui::IdSalt::new(id),
            selected: selected.into(),
            label: None,
            name: None,
            width: None,
            truncate: false,
            keep_open: false,
        }
    }

    /// Named by the visible label `label` (its response's id).
    pub fn labelled_by(mut self, label: egui::Id) -> Self {
        self.label = Some(label);
        self
    }

    /// Named `name`.
    pub fn named(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }

    pub fn width(mut self, width: f32) -> Self {
        self.width = Some(width);
        self
    }

    /// A choice longer than the box is cut with "…" instead of widening it.
    pub fn truncate(mut self) -> Self {
        self.truncate = true;
        self
    }

    /// Stays open while choices are ticked; a click outside closes it.
    pub fn keep_open(mut self) -> Self {
        self.keep_open = true;
        self
    }

    pub fn show(self, ui: &mut Ui, add: impl FnOnce(&mut Ui)) -> Response {
        let mut combo = egui::ComboBox::from_id_salt(self.id).selected_text(self.selected);
        if let Some(w) = self.width {
            combo = combo.width(w);
        }
        if self.truncate {
            combo = combo.truncate();
        }
        if self.keep_open {
            combo = combo.close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
        }
        let mut r = combo.show_ui(ui, add).response;
        if let Some(label) = self.label {
            r = r.labelled_by(label);
        }
        if let Some(name) = self.name {
            combo_name(&r, name);
        }
        r
    }
}

/// A combo box choosing one of the people active on `pc.today`, or nobody
/// ("—" or `none`), named `name`: who owns a rule, a set of rules.
pub fn person_combo(
    ui: &mut Ui,
    pc: &PanelCtx,
    id: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    chosen: &mut Option<crate::domain::Id>,
    none: &str,
    width: f32,
) -> Response {
    let a = pc.alliance;
    let shown = chosen
        .and_then(|p| a.person(p))
        .map(|p| p.name.clone())
        .unwrap_or_else(|| none.to_string());
    Combo::new(id, shown)
        .named(name)
        .width(width)
        .show(ui, |ui| {
            ui.selectable_value(chosen, None, none);
            for p in a.people.iter().filter(|p| p.is_active_on(pc.today)) {
                ui.selectable_value(chosen, Some(p.id), &p.name);
            }
        })
}

/// Give a widget its accessible name (for screen readers and the tests),
/// where no visible label sits next to it.
pub fn name_widget(ui: &Ui, response: &Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name.to_string()));
    claim_focus(ui, response, name);
}

fn focus_request_id() -> Id {
    Id::unique("samenspel-focus-request")
}

/// Ask that the text field with this accessible name takes the keyboard
/// focus, with its text selected, as soon as it is shown (within a few
/// frames): a newly added record's name, ready to be typed over.
pub fn focus_field(ctx: &egui::Context, name: &str) {
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), (name.to_string(), frame)));
}

/// Take the focus if a request for this field's name is waiting.
fn claim_focus(ui: &Ui, response: &Response, name: &str) {
    let ctx = ui.ctx();
    let Some((wanted, asked)) = ctx.data(|d| d.get_temp::<(String, u64)>(focus_request_id()))
    else {
        return;
    };
    if ctx.cumulative_frame_nr().saturating_sub(asked) > 8 {
        ctx.data_mut(|d| d.remove::<(String, u64)>(focus_request_id()));
        return;
    }
    if wanted != name {
        return;
    }
    ctx.data_mut(|d| d.remove::<(String, u64)>(focus_request_id()));
    response.request_focus();
    // A new rule at the bottom of a long page: bring it into view.
    response.scroll_to_me(Some(egui::Align::Center));
    // Select all: the end is clamped to the text's length when drawn.
    let mut state = egui::TextEdit::load_state(ctx, response.id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(usize::MAX / 2),
        )));
    state.store(ctx, response.id);
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
                    ui.set_min_size((rect.size() - egui::vec2(2.0, 2.0)).max(egui::Vec2::ZERO));
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

/// "Als afwezig vastgelegd: …" under a round or a dot vote, when the
/// facilitator recorded parties as absent.
pub fn absent_note(ui: &mut Ui, pc: &PanelCtx, absent: &[crate::domain::Id]) {
    if absent.is_empty() {
        return;
    }
    let names: Vec<&str> = absent
        .iter()
        .map(|p| pc.alliance.party_name(Some(*p)))
        .collect();
    muted(
        ui,
        &pc.t(T::AbsentRecorded)
            .replace("{names}", &names.join(", ")),
    );
}

/// The confirmation of a removal the user asked for (`confirm` holds the
/// record's id). Yes makes the removal (one undo step) and clears the
/// selection; no or Escape leaves everything as it was.
pub fn confirm_removal(
    ui: &Ui,
    pc: &mut PanelCtx,
    message: &str,
    removal: impl FnOnce() -> Option<Edit>,
    confirm: &mut Option<crate::domain::Id>,
    selected: &mut Option<crate::domain::Id>,
) {
    match self::confirm(ui.ctx(), pc, message, pc.t(T::Delete)) {
        Some(true) => {
            if let Some(edit) = removal() {
                pc.edit(edit);
                pc.seal = true;
            }
            *confirm = None;
            *selected = None;
        }
        Some(false) => *confirm = None,
        None => {}
    }
}

/// The list side of a list-and-detail page: a hint when it is empty, then
/// the searchable list. Returns the clicked item.
pub fn list_side(
    ui: &mut Ui,
    pc: &PanelCtx,
    id_salt: &str,
    items: &[ListItem],
    selected: Option<crate::domain::Id>,
    filter: &mut String,
    empty: T,
) -> Option<crate::domain::Id> {
    if items.is_empty() {
        muted(ui, pc.t(empty));
    }
    master_list(ui, pc, id_salt, items, selected, filter)
}

/// The words of a list-and-detail page.
pub struct ListPage {
    pub id_salt: &'static str,
    /// Shown when the list is empty.
    pub empty: T,
    /// Shown when nothing is selected.
    pub choose: T,
}

impl ListPage {
    pub fn new(id_salt: &'static str, empty: T, choose: T) -> ListPage {
        ListPage {
            id_salt,
            empty,
            choose,
        }
    }
}

/// A whole list-and-detail page: the searchable list on the left, the
/// selected record's detail on the right (or a hint to choose one). A click
/// in the list changes `selected`.
pub fn list_and_detail(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    page: ListPage,
    items: &[ListItem],
    selected: &mut Option<crate::domain::Id>,
    filter: &mut String,
    mut detail: impl FnMut(&mut Ui, &mut PanelCtx, crate::domain::Id) -> bool,
) {
    let shown = *selected;
    let mut clicked = None;
    master_detail(ui, page.id_salt, shown, |ui, side| match side {
        Side::List => {
            clicked = list_side(ui, pc, page.id_salt, items, shown, filter, page.empty);
        }
        Side::Detail => {
            if !shown.is_some_and(|id| detail(ui, pc, id)) {
                muted(ui, pc.t(page.choose));
            }
        }
    });
    if clicked.is_some() {
        *selected = clicked;
    }
}

/// Lists longer than this draw only the items in view (a region's hundred
/// rules or wishes); shorter lists draw every item, so that every field is
/// there for the keyboard and the screen reader.
pub const LAZY_FROM: usize = 40;

/// Whether an item from `top`, `height` high, lies wholly outside what the
/// scroll area shows, with a margin so that scrolling never reveals an
/// item not yet built.
pub fn out_of_view(clip: egui::Rect, top: f32, height: f32) -> bool {
    top + height < clip.top() - 200.0 || top > clip.bottom() + 200.0
}

/// [`out_of_view`] across: whether a column from `left`, `width` wide, lies
/// wholly left or right of what a horizontal scroll area shows.
pub fn out_of_view_across(clip: egui::Rect, left: f32, width: f32) -> bool {
    left + width < clip.left() - 200.0 || left > clip.right() + 200.0
}

/// The rows of an `egui::Grid` in a scroll area of which, in a long grid,
/// only those in view are built. A row out of view keeps its place at the
/// height it had when last drawn (or a guess), by party or other key, so
/// the scroll bar stays right and rows of different heights (a stance
/// with its reason) do not jump. Call [`LazyGridRows::skip`] at the start
/// of each row; [`LazyGridRows::finish`] after the grid.
pub struct LazyGridRows {
    base: egui::Id,
    lazy: bool,
    clip: egui::Rect,
    gap: f32,
    guess: f32,
    /// The row drawn last (its key and top), measured when the next
    /// row starts.
    drawn: Option<(egui::Id, f32)>,
    measured: Vec<(egui::Id, f32)>,
}

impl LazyGridRows {
    /// For a grid of `count` rows with `gap` between rows.
    pub fn new(
        ui: &Ui,
        id_salt: impl std::hash::Hash + std::fmt::Debug,
        count: usize,
        gap: f32,
        guess: f32,
    ) -> Self {
        LazyGridRows {
            base: ui.scope_id().with(("lazy-grid", id_salt)),
            lazy: count >= LAZY_FROM,
            clip: ui.clip_rect(),
            gap,
            guess,
            drawn: None,
            measured: Vec::new(),
        }
    }

    /// At the start of the row for `key`: `true` when it is out of view,
    /// its room kept and the row ended; then the caller skips it.
    pub fn skip(&mut self, ui: &mut Ui, key: impl std::hash::Hash + std::fmt::Debug) -> bool {
        let id = self.base.with(key);
        let top = ui.cursor().top();
        if let Some((above, at)) = self.drawn.take() {
            self.measured.push((above, top - at));
        }
        let pitch: f32 = ui.ctx().data(|d| d.get_temp(id)).unwrap_or(self.guess);
        if self.lazy && out_of_view(self.clip, top, pitch) {
            ui.allocate_space(egui::vec2(1.0, (pitch - self.gap).max(1.0)));
            ui.end_row();
            return true;
        }
        self.drawn = Some((id, top));
        false
    }

    /// Remember the heights measured this frame.
    pub fn finish(self, ui: &Ui) {
        ui.ctx().data_mut(|d| {
            for (id, pitch) in self.measured {
                if pitch > 1.0 {
                    d.insert_temp(id, pitch);
                }
            }
        });
    }
}

/// Draw `count` items of varying height inside a scroll area, each with
/// `draw(ui, index)` and `gap` after it. In a long list an item out of view
/// is not built: its space is kept at the height it had when last drawn
/// (or a guess), so the scroll bar stays right.
pub fn lazy_items(
    ui: &mut Ui,
    id_salt: &str,
    count: usize,
    gap: f32,
    guess: f32,
    key: impl FnMut(usize) -> crate::domain::Id,
    draw: impl FnMut(&mut Ui, usize),
) {
    lazy_items_of(ui, id_salt, count, count, gap, guess, key, draw);
}

/// [`lazy_items`] for one of several lists on one page (the agenda's
/// columns): lazy when the page as a whole holds `total` items or more.
#[allow(clippy::too_many_arguments)]
pub fn lazy_items_of(
    ui: &mut Ui,
    id_salt: &str,
    count: usize,
    total: usize,
    gap: f32,
    guess: f32,
    mut key: impl FnMut(usize) -> crate::domain::Id,
    mut draw: impl FnMut(&mut Ui, usize),
) {
    let gap_after = |ui: &mut Ui| {
        if gap > 0.0 {
            ui.add_space(gap);
        }
    };
    if total.max(count) < LAZY_FROM {
        for i in 0..count {
            draw(ui, i);
            gap_after(ui);
        }
        return;
    }
    let base = ui.scope_id().with(("lazy-items", id_salt));
    let clip = ui.clip_rect();
    for i in 0..count {
        let id = base.with(key(i));
        let known: Option<f32> = ui.ctx().data(|d| d.get_temp(id));
        let top = ui.cursor().top();
        let height = known.unwrap_or(guess);
        if out_of_view(clip, top, height) {
            // The space a drawn item takes: itself, the spacing after it,
            // and the gap.
            ui.add_space(height + ui.spacing().item_spacing.y + gap);
            continue;
        }
        let drawn = ui.scope(|ui| draw(ui, i)).response.rect.height();
        ui.ctx().data_mut(|d| d.insert_temp(id, drawn));
        gap_after(ui);
    }
}
