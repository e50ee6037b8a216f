//! The work plan (seed 004): each focal point a part of the plan, with
//! lines that say what will be done, who leads and who takes part, when,
//! the mandate it needs and where it stands; and, per party, its own
//! wishes and where each went, with the page to send it.

use egui::{RichText, Ui};

use crate::domain::{Id, Mandate, PlanLine, PlanStatus};
use crate::i18n::T;
use crate::report::Kind;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct PlanPanel {
    /// The party whose share is shown.
    pub party: Option<Id>,
}

impl PlanPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        widgets::page_title(ui, pc.t(T::NavWorkPlan));
        widgets::muted(ui, pc.t(T::WorkPlanIntro));
        ui.add_space(6.0);
        let total = a.plan_lines.len();
        if total > 0 {
            let done = a
                .plan_lines
                .iter()
                .filter(|l| l.status == PlanStatus::Done)
                .count();
            let stuck = a
                .plan_lines
                .iter()
                .filter(|l| l.status == PlanStatus::Stuck)
                .count();
            let overdue = a
                .plan_lines
                .iter()
                .filter(|l| l.is_overdue(pc.today))
                .count();
            ui.label(
                RichText::new(
                    pc.t(T::PlanSummary)
                        .replace("{done}", &done.to_string())
                        .replace("{n}", &total.to_string())
                        .replace("{stuck}", &stuck.to_string())
                        .replace("{overdue}", &overdue.to_string()),
                )
                .family(theme::bold())
                .color(theme::ACCENT),
            );
        }
        widgets::page_scroll(ui, "plan-page", |ui| {
            // As the room prioritised them: a prioritised work plan.
            let focal = a.focal_points_by_priority();
            if focal.is_empty() {
                widgets::muted(ui, pc.t(T::NoFocalPointsYet));
            }
            for (f, priority) in focal {
                self.part(ui, pc, f, priority);
                ui.add_space(8.0);
            }
            ui.add_space(8.0);
            action = self.shares(ui, pc);
        });
        action
    }

    /// One part of the plan: a focal point and its lines.
    fn part(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        f: &crate::domain::FocalPoint,
        priority: Option<f32>,
    ) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(980.0));
            ui.horizontal(|ui| {
                ui.label(RichText::new(&f.name).size(17.0).family(theme::bold()));
                if let Some(p) = priority {
                    widgets::muted(ui, &pc.lang.count(T::PdfDots, p.round() as usize));
                }
                ui.add_space(12.0);
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    if ui.button(format!("+  {}", pc.t(T::AddPlanLine))).clicked() {
                        let n = a.plan_of(f.id).len() + 1;
                        pc.edit(a.add_plan_line(
                            f.id,
                            pc.t(T::NewPlanLine).to_string(),
                            Vec::new(),
                            pc.today,
                        ));
                        // Its text selected, ready to be typed over.
                        widgets::focus_field(
                            ui.ctx(),
                            &pc.t(T::PlanWhat)
                                .replace("{focal}", &f.name)
                                .replace("{n}", &n.to_string()),
                        );
                        pc.seal = true;
                    }
                });
            });
            if !f.description.trim().is_empty() {
                widgets::muted(ui, &f.description);
            }
            // A region's plan of a hundred lines draws only the lines in
            // view.
            let lines = a.plan_of(f.id);
            widgets::lazy_items_of(
                ui,
                &format!("plan-lines-{}", f.id),
                lines.len(),
                a.plan_lines.len(),
                0.0,
                150.0,
                |i| lines[i].id,
                |ui, i| {
                    ui.add_space(4.0);
                    line_card(ui, pc, f, i + 1, lines[i]);
                },
            );
        });
    }

    /// What each party sees solved: its wishes and where each went, what
    /// it takes on, and the page to send it.
    fn shares(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(980.0));
            widgets::section(ui, pc.t(T::PartyShareTitle));
            widgets::muted(ui, pc.t(T::PartyShareHint));
            if self.party.is_some_and(|p| a.party(p).is_none()) {
                self.party = None;
            }
            ui.horizontal(|ui| {
                let current = self
                    .party
                    .map(|p| a.party_name(Some(p)).to_string())
                    .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
                widgets::combo(
                    ui,
                    "share-party",
                    pc.t(T::PartyShareTitle),
                    current,
                    280.0,
                    |ui| {
                        for p in &a.parties {
                            ui.selectable_value(&mut self.party, Some(p.id), &p.name);
                        }
                    },
                );
                if let Some(p) = self.party
                    && ui.button(pc.t(T::ExportPartyShare)).clicked()
                {
                    action = Some(UiCommand::ExportPdf(Kind::PartyShare, Some(p)));
                }
            });
            let Some(party) = self.party else { return };
            let share = a.party_share(party);
            ui.add_space(4.0);
            ui.label(RichText::new(pc.t(T::PartyWishesHeading)).family(theme::bold()));
            if share.wishes.is_empty() {
                widgets::muted(
                    ui,
                    &pc.t(T::PdfNoOwnWishes)
                        .replace("{party}", a.party_name(Some(party))),
                );
            }
            for (item, focal, lines) in &share.wishes {
                let Some(item) = a.agenda_item(*item) else {
                    continue;
                };
                ui.label(&item.title);
                let place = match focal.and_then(|f| a.focal_point(f)) {
                    Some(f) => pc.t(T::PdfWishIn).replace("{focal}", &f.name),
                    None => pc.t(T::NotYetClustered).to_string(),
                };
                ui.label(RichText::new(place).small().color(theme::MUTED));
                if focal.is_some() && lines.is_empty() {
                    ui.label(
                        RichText::new(pc.t(T::NotYetPlanned))
                            .small()
                            .color(theme::WARN_FG),
                    );
                }
                for l in lines.iter().filter_map(|l| a.plan_line(*l)) {
                    ui.label(
                        RichText::new(format!(
                            "→ {} — {} · {}",
                            l.what,
                            a.party_name(l.lead),
                            pc.lang.plan_status(l.status)
                        ))
                        .small(),
                    );
                }
            }
            ui.add_space(4.0);
            ui.label(RichText::new(pc.t(T::PartyTakesOn)).family(theme::bold()));
            if share.takes_on.is_empty() {
                widgets::muted(ui, pc.t(T::PdfNothingTaken));
            }
            for (l, others) in &share.takes_on {
                let Some(l) = a.plan_line(*l) else { continue };
                let mut text = format!("{} · {}", l.what, pc.lang.plan_status(l.status));
                if !others.is_empty() {
                    let names: Vec<&str> = others.iter().map(|p| a.party_name(Some(*p))).collect();
                    text.push_str(&format!(
                        " · {}",
                        pc.t(T::ForOthers).replace("{names}", &names.join(", "))
                    ));
                }
                ui.label(text);
            }
        });
        action
    }
}

/// One line of the plan: what, status, lead, who takes part, dates,
/// mandate, and the wishes it takes up.
fn line_card(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    f: &crate::domain::FocalPoint,
    n: usize,
    line: &PlanLine,
) {
    let a = pc.alliance;
    let mut l = line.clone();
    let mut changed = false;
    let mut remove = false;
    let num = n.to_string();
    let card = Card {
        f,
        line,
        num: num.clone(),
    };
    let fill = match line.status {
        PlanStatus::Done => theme::SHARED_BG,
        PlanStatus::Stuck => theme::WARN_BG,
        _ => theme::SURFACE,
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, theme::BORDER))
        .corner_radius(egui::CornerRadius::same(theme::RADIUS))
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add_enabled_ui(!pc.read_only, |ui| {
                changed |= line_title(ui, pc, &card, &mut l, &mut remove);
                changed |= line_who(ui, pc, &card, &mut l);
                changed |= line_when(ui, pc, &card, &mut l);
                if line.ends_before_start() {
                    ui.label(
                        RichText::new(pc.t(T::PlanDatesWrong))
                            .small()
                            .color(theme::DANGER),
                    );
                }
                changed |= line_wishes(ui, pc, &card, &mut l);
            });
        });
    if remove {
        pc.edits.extend(a.remove::<PlanLine>(line.id));
        pc.seal = true;
    } else if changed {
        let typed = l.what != line.what;
        pc.edit(a.update(l));
        if !typed {
            pc.seal = true;
        }
    }
}

/// What every row of a line's card needs: its focal point, the line as
/// it is in the file, and its number in the plan.
struct Card<'a> {
    f: &'a crate::domain::FocalPoint,
    line: &'a PlanLine,
    num: String,
}

/// A line's first row: what, its status, overdue, and the way to remove it.
fn line_title(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    c: &Card,
    l: &mut PlanLine,
    remove: &mut bool,
) -> bool {
    let (f, line, num) = (c.f, c.line, c.num.as_str());
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{num}.")).family(theme::bold()));
        let r = ui.add(
            egui::TextEdit::singleline(&mut l.what)
                .id_salt(("plan-what", line.id))
                .desired_width(460.0),
        );
        widgets::name_widget(
            ui,
            &r,
            &pc.t(T::PlanWhat)
                .replace("{focal}", &f.name)
                .replace("{n}", num),
        );
        pc.watch(&r);
        changed |= r.changed();
        let before = l.status;
        let name = pc
            .t(T::PlanStatusOf)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        widgets::combo(
            ui,
            ("plan-status", line.id),
            &name,
            pc.lang.plan_status(l.status),
            120.0,
            |ui| {
                for s in PlanStatus::ALL {
                    ui.selectable_value(&mut l.status, s, pc.lang.plan_status(s));
                }
            },
        );
        changed |= l.status != before;
        if line.is_overdue(pc.today)
            && let Some(d) = line.due
        {
            ui.label(
                RichText::new(
                    pc.t(T::PlanOverdueBadge)
                        .replace("{date}", &pc.lang.date(d)),
                )
                .color(theme::DANGER),
            );
        }
        let label = pc
            .t(T::RemovePlanLine)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        let b = ui.small_button("✕").on_hover_text(&label);
        b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        *remove = b.clicked();
    });
    changed
}

/// Who: the lead party, its lead person, and the parties that take part.
fn line_who(ui: &mut Ui, pc: &mut PanelCtx, c: &Card, l: &mut PlanLine) -> bool {
    let a = pc.alliance;
    let (f, line, num) = (c.f, c.line, c.num.as_str());
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        field_label(ui, pc.t(T::PlanLead), LEAD_W);
        let before = (l.lead, l.lead_person);
        let name = pc
            .t(T::PlanLeadOf)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        widgets::capped(ui, LEAD_W, |ui| {
            widgets::Combo::new(("plan-lead", line.id), a.party_name(l.lead).to_string())
                .named(&name)
                .width(LEAD_W)
                .truncate()
                .show(ui, |ui| {
                    ui.selectable_value(&mut l.lead, None, "—");
                    for p in a.parties.iter().filter(|p| p.is_active_on(pc.today)) {
                        ui.selectable_value(&mut l.lead, Some(p.id), &p.name);
                    }
                })
        });
        // The lead person belongs to the lead party.
        if l.lead != before.0
            && l.lead_person
                .and_then(|p| a.person(p))
                .is_some_and(|p| p.party != l.lead)
        {
            l.lead_person = None;
        }
        // Always there, disabled until a lead is chosen: choosing one does
        // not insert a field and move the ones after it.
        field_label(ui, pc.t(T::PlanLeadPerson), PERSON_W);
        let person = l
            .lead_person
            .and_then(|p| a.person(p))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "—".into());
        let name = pc
            .t(T::PlanLeadPersonOf)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        widgets::capped(ui, PERSON_W, |ui| {
            ui.add_enabled_ui(l.lead.is_some(), |ui| {
                widgets::Combo::new(("plan-person", line.id), person)
                    .named(&name)
                    .width(PERSON_W)
                    .truncate()
                    .show(ui, |ui| {
                        ui.selectable_value(&mut l.lead_person, None, "—");
                        let people = l.lead.into_iter().flat_map(|lead| a.people_of_party(lead));
                        for p in people.filter(|p| p.is_active_on(pc.today)) {
                            ui.selectable_value(&mut l.lead_person, Some(p.id), &p.name);
                        }
                    })
            })
            .inner
        });
        changed |= (l.lead, l.lead_person) != before;
        // Who takes part: chosen in a list, for a region's
        // hundreds of parties.
        field_label(ui, pc.t(T::PlanParties), PARTIES_W);
        let names: Vec<&str> = l
            .parties
            .iter()
            .filter(|p| Some(**p) != l.lead)
            .map(|p| a.party_name(Some(*p)))
            .collect();
        let shown = if names.is_empty() {
            "—".to_string()
        } else {
            names.join(", ")
        };
        // Several are ticked in one go: the list stays open
        // until one clicks elsewhere, and the field keeps its
        // width and place however many names it shows.
        let name = pc
            .t(T::PlanPartiesOf)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        widgets::capped(ui, PARTIES_W, |ui| {
            widgets::Combo::new(("plan-parties", line.id), shown)
                .named(&name)
                .width(PARTIES_W)
                .truncate()
                .keep_open()
                .show(ui, |ui| {
                    for p in a
                        .parties
                        .iter()
                        .filter(|p| p.is_active_on(pc.today) && Some(p.id) != l.lead)
                    {
                        let mut on = l.parties.contains(&p.id);
                        if ui.checkbox(&mut on, &p.name).changed() {
                            if on {
                                l.parties.push(p.id);
                            } else {
                                l.parties.retain(|x| *x != p.id);
                            }
                            changed = true;
                        }
                    }
                })
        });
    });
    changed
}

/// When and by whose mandate: the dates and who must agree.
fn line_when(ui: &mut Ui, pc: &mut PanelCtx, c: &Card, l: &mut PlanLine) -> bool {
    let a = pc.alliance;
    let (f, line, num) = (c.f, c.line, c.num.as_str());
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for (key, of, value, salt) in [
            (T::PlanStart, T::PlanStartOf, &mut l.start, "plan-start"),
            (T::PlanDue, T::PlanDueOf, &mut l.due, "plan-due"),
        ] {
            field_label(ui, pc.t(key), DATE_W);
            let name = pc.t(of).replace("{focal}", &f.name).replace("{n}", num);
            let field = widgets::Buffered {
                name: &name,
                label_id: None,
                hint: "",
                width: DATE_W,
                settled: None,
            };
            let current = *value;
            if let Some(d) = ui
                .vertical(|ui| widgets::date_field(ui, pc, field, (salt, line.id), current))
                .inner
            {
                *value = d;
                changed = true;
            }
        }
        field_label(ui, pc.t(T::PlanMandate), MANDATE_W);
        let before = l.mandate;
        let whom = |m: Mandate| match m {
            Mandate::None => pc.t(T::MandateNone).to_string(),
            Mandate::Body(b) => a.body(b).map(|b| b.name.clone()).unwrap_or_default(),
            Mandate::Party(p) => pc
                .t(T::MandateOwnOrg)
                .replace("{party}", a.party_name(Some(p))),
        };
        // As wide as it is, whoever gives the mandate: a long
        // name is cut short, not pushed past the window.
        let name = pc
            .t(T::PlanMandateOf)
            .replace("{focal}", &f.name)
            .replace("{n}", num);
        widgets::capped(ui, MANDATE_W, |ui| {
            widgets::Combo::new(("plan-mandate", line.id), whom(l.mandate))
                .named(&name)
                .width(MANDATE_W)
                .truncate()
                .show(ui, |ui| {
                    ui.selectable_value(&mut l.mandate, Mandate::None, whom(Mandate::None));
                    for b in &a.bodies {
                        let m = Mandate::Body(b.id);
                        ui.selectable_value(&mut l.mandate, m, whom(m));
                    }
                    // What goes back to a party's own
                    // organisation: of the parties that work
                    // on it.
                    for p in l.working_parties() {
                        let m = Mandate::Party(p);
                        ui.selectable_value(&mut l.mandate, m, whom(m));
                    }
                })
        });
        if l.mandate != before {
            changed = true;
            if l.mandate == Mandate::None {
                l.mandate_given = None;
            }
        }
        if l.mandate != Mandate::None {
            field_label(ui, pc.t(T::MandateGivenOn), DATE_W);
            let name = pc
                .t(T::MandateGivenOf)
                .replace("{focal}", &f.name)
                .replace("{n}", num);
            let field = widgets::Buffered {
                name: &name,
                label_id: None,
                hint: "",
                width: DATE_W,
                settled: None,
            };
            let current = l.mandate_given;
            if let Some(d) = ui
                .vertical(|ui| widgets::date_field(ui, pc, field, ("plan-given", line.id), current))
                .inner
            {
                l.mandate_given = d;
                changed = true;
            }
        }
    });
    changed
}

/// The wishes a line takes up: those of its focal point, each with the
/// party that handed it in.
fn line_wishes(ui: &mut Ui, pc: &mut PanelCtx, c: &Card, l: &mut PlanLine) -> bool {
    let a = pc.alliance;
    let (f, line) = (c.f, c.line);
    let mut changed = false;
    // The wishes it takes up: those of its focal point, each
    // with the party that handed it in.
    let wishes: Vec<&crate::domain::AgendaItem> = a
        .agenda_items
        .iter()
        .filter(|i| i.focal_point == Some(f.id) || line.items.contains(&i.id))
        .collect();
    if !wishes.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(pc.t(T::PlanWishes)).color(theme::MUTED));
            for i in wishes {
                let mut on = l.items.contains(&i.id);
                let text = format!("{} ({})", i.title, a.party_name(Some(i.party)));
                if ui.checkbox(&mut on, text).changed() {
                    if on {
                        l.items.push(i.id);
                    } else {
                        l.items.retain(|x| *x != i.id);
                    }
                    changed = true;
                }
            }
        });
    }
    changed
}

/// The widths of a line's fields: fixed, so a field does not grow with
/// what it shows and push the rest of its row off the window.
const LEAD_W: f32 = 200.0;
const PERSON_W: f32 = 180.0;
const PARTIES_W: f32 = 260.0;
const MANDATE_W: f32 = 260.0;
const DATE_W: f32 = 110.0;

/// The muted label before a field of `field_w`: when the two no longer fit
/// on what is left of the row, both start the next row (a wrapping row
/// breaks only before a widget that does not fit, and a field in its own
/// child layout never counts as not fitting).
fn field_label(ui: &mut Ui, text: &str, field_w: f32) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label_w = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font, theme::MUTED)
        .size()
        .x;
    let need = label_w + field_w + ui.spacing().item_spacing.x * 2.0;
    let at_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    if !at_start && ui.available_size_before_wrap().x < need {
        ui.end_row();
    }
    ui.label(RichText::new(text).color(theme::MUTED));
}
