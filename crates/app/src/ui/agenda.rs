//! The agenda funnel: wish-list items clustered by drag and drop (or the
//! focal-point chooser on each card) into a few focal points, and priority
//! rounds with dots or scores, hidden until revealed.

use egui::{RichText, Ui};

use crate::domain::agenda::{self, MAX_SCORE};
use crate::domain::{AgendaItem, FocalPoint, Id, PriorityMark, PriorityMethod, PriorityRound};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

const COLUMN_W: f32 = 270.0;

#[derive(Default)]
pub struct AgendaPanel {
    new_party: Option<Id>,
    new_title: String,
    new_problem: String,
    new_depends: Vec<Id>,
    round: Option<Id>,
    entry_party: Option<Id>,
    /// The focal points something refers to, per revision of the alliance
    /// (a walk over every record: not once a frame).
    referred: Option<(u64, std::collections::HashSet<Id>)>,
}

fn names(pc: &PanelCtx, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| pc.alliance.party_name(Some(*id)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl AgendaPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavAgenda));
            ui.add_space(16.0);
            ui.add_enabled_ui(!pc.read_only, |ui| {
                if widgets::primary(ui, &format!("+  {}", pc.t(T::AddFocalPoint))).clicked() {
                    let position = a.focal_points.iter().map(|f| f.position).max().unwrap_or(0) + 1;
                    pc.edit(a.insert(FocalPoint {
                        position,
                        name: pc.t(T::NewFocalPoint).to_string(),
                        ..FocalPoint::default()
                    }));
                    widgets::focus_field(
                        ui.ctx(),
                        &pc.t(T::FocalPointName)
                            .replace("{name}", pc.t(T::NewFocalPoint)),
                    );
                    pc.seal = true;
                }
            });
        });
        widgets::muted(ui, pc.t(T::AgendaIntro));
        ui.add_space(6.0);
        widgets::page_scroll(ui, "agenda-page", |ui| {
            ui.add_enabled_ui(!pc.read_only, |ui| self.add_form(ui, pc));
            ui.add_space(10.0);
            self.board(ui, pc);
            ui.add_space(14.0);
            self.priorities(ui, pc);
        });
    }

    fn add_form(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.label(RichText::new(pc.t(T::AddAgendaItem)).family(theme::bold()));
            ui.horizontal_wrapped(|ui| {
                let current = self
                    .new_party
                    .map(|id| a.party_name(Some(id)).to_string())
                    .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
                widgets::combo(
                    ui,
                    "agenda-party",
                    pc.t(T::RaisedBy),
                    current,
                    220.0,
                    |ui| {
                        for p in &a.parties {
                            ui.selectable_value(&mut self.new_party, Some(p.id), &p.name);
                        }
                    },
                );
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.new_title)
                        .id_salt("new-item-title")
                        .hint_text(pc.t(T::ItemTitleHint))
                        .desired_width(260.0),
                );
                widgets::name_widget(ui, &r, pc.t(T::ItemTitle));
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.new_problem)
                        .id_salt("new-item-problem")
                        .hint_text(pc.t(T::ProblemHint))
                        .desired_width(320.0),
                );
                widgets::name_widget(ui, &r, pc.t(T::Problem));
                let ready = self.new_party.is_some() && !self.new_title.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                    .clicked()
                    && let Some(party) = self.new_party
                {
                    pc.edit(a.insert(AgendaItem {
                        party,
                        title: self.new_title.trim().to_string(),
                        problem: self.new_problem.trim().to_string(),
                        depends_on: std::mem::take(&mut self.new_depends),
                        ..AgendaItem::default()
                    }));
                    pc.seal = true;
                    self.new_title.clear();
                    self.new_problem.clear();
                    // Ready for the next wish.
                    widgets::focus_field(ui.ctx(), pc.t(T::ItemTitle));
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::DependsOn)).color(theme::MUTED));
                // Every party keeps its place: the one raising the wish is
                // greyed out, not taken away (the boxes after it slid left
                // under the pointer when a party was chosen above).
                for p in &a.parties {
                    let own = Some(p.id) == self.new_party;
                    if own {
                        self.new_depends.retain(|x| *x != p.id);
                    }
                    let mut on = self.new_depends.contains(&p.id);
                    if ui
                        .add_enabled(!own, egui::Checkbox::new(&mut on, &p.name))
                        .changed()
                    {
                        if on {
                            self.new_depends.push(p.id);
                        } else {
                            self.new_depends.retain(|x| *x != p.id);
                        }
                    }
                }
            });
        });
    }

    fn board(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        let mut columns: Vec<Option<&FocalPoint>> = vec![None];
        columns.extend(a.focal_points_in_order().into_iter().map(Some));
        let mut moved: Option<(Id, Option<Id>)> = None;
        let mut edits = Vec::new();
        // The focal points something refers to (wishes, dots, a round, a
        // meeting's agenda item): one walk a frame, not one per column.
        if self
            .referred
            .as_ref()
            .is_none_or(|(rev, _)| *rev != pc.revision)
        {
            self.referred = Some((pc.revision, a.referred("focal point")));
        }
        let referred = self
            .referred
            .as_ref()
            .map(|(_, r)| r.clone())
            .unwrap_or_default();
        // Columns flow onto the next row when the window is narrow, so every
        // focal point stays in reach for dragging.
        // A column's pitch: its width, the card's margins and stroke, the
        // space after it and the item spacing.
        let pitch = COLUMN_W + 2.0 * 16.0 + 2.0 + 8.0 + ui.spacing().item_spacing.x;
        let per_row = (ui.available_width() / pitch).floor().max(1.0) as usize;
        for row in columns.chunks(per_row) {
            ui.horizontal_top(|ui| {
                for column in row.iter().copied() {
                    let target = column.map(|f| f.id);
                    let frame = theme::card().fill(if column.is_none() {
                        theme::SIDEBAR
                    } else {
                        theme::SURFACE
                    });
                    let (_, dropped) = ui.dnd_drop_zone::<Id, _>(frame, |ui| {
                        ui.vertical(|ui| {
                            ui.set_width(COLUMN_W);
                            ui.set_min_height(200.0);
                            match column {
                                None => {
                                    ui.label(
                                        RichText::new(pc.t(T::WishList))
                                            .size(17.0)
                                            .family(theme::bold()),
                                    );
                                    widgets::muted(ui, pc.t(T::WishListHint));
                                }
                                Some(f) => {
                                    let removable = !referred.contains(&f.id);
                                    self.focal_header(ui, pc, f, removable, &mut edits)
                                }
                            }
                            ui.add_space(6.0);
                            let items: Vec<&AgendaItem> = a
                                .agenda_items
                                .iter()
                                .filter(|i| i.focal_point == target)
                                .collect();
                            // A region's hundreds of wishes: only the
                            // cards in view are built.
                            let salt = format!("agenda-column-{target:?}");
                            widgets::lazy_items_of(
                                ui,
                                &salt,
                                items.len(),
                                a.agenda_items.len(),
                                0.0,
                                90.0,
                                |i| items[i].id,
                                |ui, i| item_card(ui, pc, items[i], &mut edits),
                            );
                        });
                    });
                    if let Some(item) = dropped
                        && !pc.read_only
                    {
                        moved = Some((*item, target));
                    }
                    ui.add_space(8.0);
                }
            });
            ui.add_space(8.0);
        }
        if let Some((item, target)) = moved
            && let Some(i) = a.agenda_item(item)
            && i.focal_point != target
        {
            edits.push(a.update(AgendaItem {
                focal_point: target,
                ..i.clone()
            }));
        }
        for e in edits {
            pc.edit(e);
            pc.seal = true;
        }
    }

    fn focal_header(
        &self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        f: &FocalPoint,
        removable: bool,
        edits: &mut Vec<crate::domain::Edit>,
    ) {
        let a = pc.alliance;
        let mut name = f.name.clone();
        let r = ui.add(
            egui::TextEdit::singleline(&mut name)
                .id_salt(("focal-name", f.id))
                .font(egui::FontId::new(17.0, theme::bold()))
                .desired_width(f32::INFINITY),
        );
        widgets::name_widget(ui, &r, &pc.t(T::FocalPointName).replace("{name}", &f.name));
        pc.watch(&r);
        if r.changed() && !pc.read_only {
            pc.edit(a.update(FocalPoint { name, ..f.clone() }));
        }
        let (serves, depends) = agenda::serves_and_depends(&a.agenda_items, f.id);
        ui.label(
            RichText::new(format!("{}: {}", pc.t(T::Serves), names(pc, &serves)))
                .small()
                .color(theme::DONE),
        );
        ui.label(
            RichText::new(format!(
                "{}: {}",
                pc.t(T::DependsOnShort),
                names(pc, &depends)
            ))
            .small()
            .color(theme::MUTED),
        );
        // Removable when nothing refers to it: the same references the
        // edit checks.
        if removable && !pc.read_only {
            let label = pc.t(T::RemoveFocalPoint).replace("{name}", &f.name);
            let b = ui.small_button("✕").on_hover_text(&label);
            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if b.clicked()
                && let Some(fp) = a.focal_point(f.id)
            {
                edits.push(crate::domain::Edit::FocalPoint(crate::domain::Change {
                    before: Some(fp.clone()),
                    after: None,
                }));
            }
        }
    }

    fn priorities(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.horizontal(|ui| {
                widgets::section(ui, pc.t(T::Prioritise));
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    for (method, key) in [
                        (PriorityMethod::Dots, T::NewDotRound),
                        (PriorityMethod::Score, T::NewScoreRound),
                    ] {
                        if ui.button(format!("+  {}", pc.t(key))).clicked() {
                            let n = a.priority_rounds.len() + 1;
                            pc.edit(a.insert(PriorityRound {
                                title: format!("{} {n}", pc.t(T::Prioritise)),
                                method,
                                dots_per_party: 3,
                                ..PriorityRound::default()
                            }));
                            self.round = Some(a.next_id::<PriorityRound>());
                            pc.seal = true;
                        }
                    }
                });
            });
            widgets::muted(ui, pc.t(T::PrioritiseHint));
            if self.round.is_none_or(|r| a.priority_round(r).is_none()) {
                self.round = a.priority_rounds.last().map(|r| r.id);
            }
            ui.horizontal_wrapped(|ui| {
                for r in &a.priority_rounds {
                    if ui
                        .selectable_label(self.round == Some(r.id), &r.title)
                        .clicked()
                    {
                        self.round = Some(r.id);
                    }
                }
            });
            let Some(round) = self.round.and_then(|r| a.priority_round(r)) else {
                return;
            };
            ui.add_space(6.0);
            // Who has cast, without showing what.
            ui.horizontal_wrapped(|ui| {
                for p in a.parties.iter().filter(|p| p.is_active_on(pc.today)) {
                    let cast = a
                        .priority_marks
                        .iter()
                        .any(|m| m.round == round.id && m.party == p.id);
                    let text = if cast {
                        format!("✓ {}", p.name)
                    } else {
                        format!("○ {}", p.name)
                    };
                    ui.label(RichText::new(text).color(if cast {
                        theme::DONE
                    } else {
                        theme::MUTED
                    }));
                }
            });
            if !round.revealed && !pc.read_only {
                let marked = a.priority_marks.iter().any(|m| m.round == round.id);
                if round.method == PriorityMethod::Dots {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(pc.t(T::DotsPerParty)).color(theme::MUTED));
                        let mut dots = round.dots_per_party;
                        let r =
                            ui.add_enabled(!marked, egui::DragValue::new(&mut dots).range(1..=10));
                        widgets::name_widget(ui, &r, pc.t(T::DotsPerParty));
                        if dots != round.dots_per_party {
                            pc.edit(a.update(PriorityRound {
                                dots_per_party: dots,
                                ..round.clone()
                            }));
                        }
                    });
                }
                self.entry(ui, pc, round);
                ui.add_space(6.0);
                // Revealed only once every party has cast (or was recorded
                // absent): nothing of the marks shows before.
                let missing = a.priority_missing(round);
                if !missing.is_empty() {
                    widgets::muted(ui, pc.t(T::RevealWhenAll));
                    if ui
                        .button(pc.t(T::RecordAbsent))
                        .on_hover_text(pc.t(T::RecordAbsentHint))
                        .clicked()
                    {
                        let mut absent = round.absent.clone();
                        absent.extend(missing.iter().copied());
                        pc.edit(a.update(PriorityRound {
                            absent,
                            ..round.clone()
                        }));
                        pc.seal = true;
                    }
                }
                ui.add_enabled_ui(missing.is_empty(), |ui| {
                    if widgets::primary(ui, pc.t(T::RevealAll)).clicked() {
                        pc.edit(a.update(PriorityRound {
                            revealed: true,
                            ..round.clone()
                        }));
                        pc.seal = true;
                    }
                });
            }
            widgets::absent_note(ui, pc, &round.absent);
            if let Some(results) = agenda::tally(round, &a.focal_points, &a.priority_marks) {
                ui.add_space(6.0);
                let max = results.iter().map(|r| r.total).fold(1.0, f32::max);
                for r in results {
                    let name = a
                        .focal_point(r.focal_point)
                        .map(|f| f.name.clone())
                        .unwrap_or_default();
                    ui.horizontal(|ui| {
                        ui.add_sized(
                            [260.0, 22.0],
                            egui::Label::new(RichText::new(&name).family(theme::bold())).truncate(),
                        );
                        let (bar, _) = ui.allocate_exact_size(
                            egui::vec2(320.0 * r.total / max, 18.0),
                            egui::Sense::hover(),
                        );
                        ui.painter()
                            .rect_filled(bar, egui::CornerRadius::same(3), theme::ACCENT);
                        let value = match round.method {
                            PriorityMethod::Dots => format!("{}", r.total),
                            PriorityMethod::Score => format!("{:.1}", r.total),
                        };
                        ui.label(
                            pc.lang
                                .count(T::ResultLine, r.parties)
                                .replace("{value}", &value),
                        );
                    });
                }
            }
        });
    }

    /// Enter one party's dots or scores.
    fn entry(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &PriorityRound) {
        let a = pc.alliance;
        ui.horizontal(|ui| {
            let current = self
                .entry_party
                .map(|id| a.party_name(Some(id)).to_string())
                .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
            widgets::combo(ui, "entry-party", pc.t(T::EnterFor), current, 240.0, |ui| {
                for p in a.parties.iter().filter(|p| p.is_active_on(pc.today)) {
                    ui.selectable_value(&mut self.entry_party, Some(p.id), &p.name);
                }
            });
            if let (Some(party), PriorityMethod::Dots) = (self.entry_party, round.method) {
                let left = round.dots_per_party as i64
                    - agenda::dots_used(&a.priority_marks, round.id, party) as i64;
                widgets::muted(ui, &pc.lang.count(T::DotsLeft, left.max(0) as usize));
            }
        });
        let Some(party) = self.entry_party else {
            return;
        };
        for f in a.focal_points_in_order() {
            let mark = a
                .priority_marks
                .iter()
                .find(|m| m.round == round.id && m.party == party && m.focal_point == f.id);
            let value = mark.map(|m| m.value).unwrap_or(0);
            ui.horizontal(|ui| {
                ui.add_sized([260.0, 22.0], egui::Label::new(&f.name).truncate());
                let set = |v: u8| match mark {
                    Some(m) if v == 0 => {
                        Some(crate::domain::Edit::PriorityMark(crate::domain::Change {
                            before: Some(m.clone()),
                            after: None,
                        }))
                    }
                    Some(m) => Some(a.update(PriorityMark {
                        value: v,
                        ..m.clone()
                    })),
                    None if v > 0 => Some(a.insert(PriorityMark {
                        id: 0,
                        round: round.id,
                        party,
                        focal_point: f.id,
                        value: v,
                    })),
                    None => None,
                };
                let mut new = None;
                match round.method {
                    PriorityMethod::Dots => {
                        let less = pc.t(T::LessDots).replace("{name}", &f.name);
                        let more = pc.t(T::MoreDots).replace("{name}", &f.name);
                        let b = ui.add_enabled(value > 0, egui::Button::new("−"));
                        b.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &less)
                        });
                        if b.clicked() {
                            new = Some(value - 1);
                        }
                        let left = round.dots_per_party as u32
                            > agenda::dots_used(&a.priority_marks, round.id, party);
                        let b = ui.add_enabled(left, egui::Button::new("+"));
                        b.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &more)
                        });
                        if b.clicked() {
                            new = Some(value + 1);
                        }
                        // The dots after both buttons: a dot added does
                        // not push "+" from under the pointer.
                        ui.label(RichText::new("●".repeat(value as usize)).color(theme::ACCENT));
                    }
                    PriorityMethod::Score => {
                        for v in 1..=MAX_SCORE {
                            if ui.selectable_label(value == v, v.to_string()).clicked() {
                                new = Some(if value == v { 0 } else { v });
                            }
                        }
                    }
                }
                if let Some(v) = new
                    && let Some(e) = set(v)
                {
                    pc.edit(e);
                    pc.seal = true;
                }
            });
        }
    }
}

fn item_card(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    item: &AgendaItem,
    edits: &mut Vec<crate::domain::Edit>,
) {
    let a = pc.alliance;
    egui::Frame::new()
        .fill(theme::SURFACE)
        .stroke(egui::Stroke::new(1.0, theme::BORDER))
        .corner_radius(egui::CornerRadius::same(theme::RADIUS))
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(COLUMN_W - 24.0);
            // The text of the card is the drag handle; the controls below
            // it stay clickable.
            let id = egui::Id::unique(("agenda-item", item.id));
            let r = ui.dnd_drag_source(id, item.id, |ui| {
                ui.set_width(COLUMN_W - 24.0);
                card_text(ui, pc, item);
            });
            r.response.on_hover_text(pc.t(T::DragHint));
            if pc.read_only {
                return;
            }

            ui.horizontal(|ui| {
                let mut target = item.focal_point;
                let label = pc.t(T::FocalPointOf).replace("{item}", &item.title);
                let current = target
                    .and_then(|f| a.focal_point(f))
                    .map(|f| f.name.clone())
                    .unwrap_or_else(|| pc.t(T::WishList).to_string());
                widgets::combo(
                    ui,
                    ("item-focal", item.id),
                    &label,
                    current,
                    COLUMN_W - 80.0,
                    |ui| {
                        ui.selectable_value(&mut target, None, pc.t(T::WishList));
                        for f in a.focal_points_in_order() {
                            ui.selectable_value(&mut target, Some(f.id), &f.name);
                        }
                    },
                );
                if target != item.focal_point {
                    edits.push(a.update(AgendaItem {
                        focal_point: target,
                        ..item.clone()
                    }));
                }
                let remove = pc.t(T::RemoveItem).replace("{item}", &item.title);
                let b = ui.small_button("✕").on_hover_text(&remove);
                b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &remove));
                if b.clicked() {
                    edits.push(crate::domain::Edit::AgendaItem(crate::domain::Change {
                        before: Some(item.clone()),
                        after: None,
                    }));
                }
            });
        });
}

/// The words of an agenda card: title, raising party, problem, dependencies.
fn card_text(ui: &mut Ui, pc: &PanelCtx, item: &AgendaItem) {
    let a = pc.alliance;
    ui.label(RichText::new(&item.title).family(theme::bold()));
    ui.label(
        RichText::new(format!(
            "{}: {}",
            pc.t(T::From),
            a.party_name(Some(item.party))
        ))
        .small()
        .color(theme::ACCENT),
    );
    if !item.problem.is_empty() {
        ui.label(RichText::new(&item.problem).small());
    }
    if !item.depends_on.is_empty() {
        ui.label(
            RichText::new(format!(
                "{}: {}",
                pc.t(T::DependsOnShort),
                names(pc, &item.depends_on)
            ))
            .small()
            .color(theme::MUTED),
        );
    }
}
