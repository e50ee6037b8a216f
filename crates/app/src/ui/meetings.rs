//! Meetings: plan and prepare (agenda slots linked to focal points,
//! proposals, rules or the maps), attendance per person and so per party,
//! minutes and the next step per slot, decisions, and actions that carry
//! over until done. A meeting exports as an .ics invitation.

use egui::{RichText, Ui};

use crate::domain::meeting::open_actions;
use crate::domain::{Action, AgendaSlot, Attendance, Id, Meeting, RoundStatus, SlotLink};
use crate::i18n::T;

use crate::report::Kind;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct MeetingsPanel {
    pub selected: Option<Id>,
    filter: String,
    new_action: String,
    new_who: Option<Id>,
    /// The due date typed for the next action (`None`: two weeks after
    /// the meeting).
    new_due: Option<Option<chrono::NaiveDate>>,
    /// Voting by phone: the section's state, the running room (set by the
    /// app before drawing) and what the section asked (taken by the app).
    pub room: super::room::RoomSection,
    pub room_info: Option<super::room::RoomInfo>,
    pub room_request: Option<super::room::RoomRequest>,
    checkin: super::checkin::CheckinSection,
}

/// What an agenda item is about: a map, the work plan, a focus area, a
/// round or a ground rule. Held to its width (`widgets::capped`): a long
/// proposal chosen does not widen the box, wrap the row and move it.
fn link_combo(
    ui: &mut Ui,
    pc: &PanelCtx,
    slot: Id,
    name: &str,
    link: &mut SlotLink,
) -> egui::Response {
    const W: f32 = 240.0;
    let a = pc.alliance;
    widgets::capped(ui, W, |ui| {
        widgets::Combo::new(("slot-link", slot), link_text(pc, *link))
            .named(name)
            .width(W)
            .truncate()
            .show(ui, |ui| {
                // Long proposals stay within the list's width instead of
                // widening it off the box.
                ui.set_max_width(420.0);
                for (l, key) in [
                    (SlotLink::None, T::LinkNone),
                    (SlotLink::StrategyMap, T::NavStrategy),
                    (SlotLink::NetworkMap, T::NavNetwork),
                    (SlotLink::WorkPlan, T::NavWorkPlan),
                ] {
                    ui.selectable_value(link, l, pc.t(key));
                }
                // A round that was amended lives on in its amendment:
                // only the current ones.
                let others = a
                    .focal_points_in_order()
                    .into_iter()
                    .map(|f| SlotLink::FocalPoint(f.id))
                    .chain(
                        a.rounds
                            .iter()
                            .filter(|r| r.status != RoundStatus::Amended)
                            .map(|r| SlotLink::Round(r.id)),
                    )
                    .chain(a.ground_rules.iter().map(|r| SlotLink::GroundRule(r.id)));
                for l in others {
                    ui.selectable_value(link, l, shorten(&link_text(pc, l), 64));
                }
            })
    })
}

fn link_text(pc: &PanelCtx, link: SlotLink) -> String {
    let a = pc.alliance;
    match link {
        SlotLink::None => pc.t(T::LinkNone).to_string(),
        SlotLink::FocalPoint(id) => format!(
            "{}: {}",
            pc.t(T::SubjectFocalPoint),
            a.focal_point(id).map(|f| f.name.as_str()).unwrap_or("—")
        ),
        SlotLink::Round(id) => format!(
            "{}: {}",
            pc.t(T::Proposal),
            a.current_round(id)
                .map(|r| r.proposal.as_str())
                .unwrap_or("—")
        ),
        SlotLink::GroundRule(id) => format!(
            "{}: {}",
            pc.t(T::SubjectRule),
            a.ground_rule(id).map(|r| r.text.as_str()).unwrap_or("—")
        ),
        SlotLink::StrategyMap => pc.t(T::NavStrategy).to_string(),
        SlotLink::NetworkMap => pc.t(T::NavNetwork).to_string(),
        SlotLink::WorkPlan => pc.t(T::NavWorkPlan).to_string(),
    }
}

impl MeetingsPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        if self.selected.is_none_or(|id| a.meeting(id).is_none()) {
            self.selected = a.meetings.last().map(|m| m.id);
        }
        if widgets::page_header(ui, pc, T::NavMeetings, T::NewMeeting) {
            pc.edit(a.insert(Meeting {
                body: a.bodies.first().map(|b| b.id),
                title: pc.t(T::NewMeeting).to_string(),
                date: Some(pc.today),
                start: "14:00".into(),
                end: "16:00".into(),
                ..Meeting::default()
            }));
            self.selected = Some(a.next_id::<Meeting>());
            widgets::focus_field(ui.ctx(), pc.t(T::Title));
            pc.seal = true;
        }
        widgets::muted(ui, pc.t(T::MeetingsIntro));
        ui.add_space(6.0);
        let mut meetings: Vec<&Meeting> = a.meetings.iter().collect();
        meetings.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
        let items: Vec<ListItem> = meetings
            .iter()
            .map(|m| ListItem {
                id: m.id,
                title: m.title.clone(),
                subtitle: format!(
                    "{} · {}",
                    m.date.map(|d| pc.lang.date(d)).unwrap_or_default(),
                    m.body
                        .and_then(|b| a.body(b))
                        .map(|b| b.name.as_str())
                        .unwrap_or(pc.t(T::WholeAlliance))
                ),
            })
            .collect();
        let selected = self.selected;
        let mut clicked = None;
        widgets::master_detail(ui, "meetings", selected, |ui, side| match side {
            widgets::Side::List => {
                clicked = widgets::list_side(
                    ui,
                    pc,
                    "meeting-list",
                    &items,
                    selected,
                    &mut self.filter,
                    T::NoMeetings,
                );
            }
            widgets::Side::Detail => {
                if let Some(m) = selected.and_then(|id| a.meeting(id)) {
                    action = self.detail(ui, pc, m);
                }
            }
        });
        if clicked.is_some() {
            self.selected = clicked;
        }
        action
    }

    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) -> Option<UiCommand> {
        // Approved minutes are on the record: the meeting is shown, not
        // edited (only an action's "done" still changes).
        let was_read_only = pc.read_only;
        if let Some(day) = meeting.minutes_approved {
            let at = meeting
                .approved_at
                .and_then(|m| pc.alliance.meeting(m))
                .map(|m| format!("({})", m.title))
                .unwrap_or_default();
            widgets::muted(
                ui,
                &pc.t(T::MinutesApprovedOn)
                    .replace("{date}", &pc.lang.date(day))
                    .replace("{meeting}", &at),
            );
            pc.read_only = true;
        }
        let action = self.detail_inner(ui, pc, meeting);
        pc.read_only = was_read_only;
        action
    }

    fn detail_inner(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        meeting: &Meeting,
    ) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        let mut m = meeting.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("meeting", meeting.id), |ui| {
                changed |= widgets::text_row(ui, pc, pc.t(T::Title), &mut m.title);
                let label = ui.label(RichText::new(pc.t(T::Body)).color(theme::MUTED));
                let current = m
                    .body
                    .and_then(|b| a.body(b))
                    .map(|b| b.name.clone())
                    .unwrap_or_else(|| pc.t(T::WholeAlliance).to_string());
                widgets::Combo::new(("meeting-body", meeting.id), current)
                    .labelled_by(label.id)
                    .width(widgets::field_width(ui))
                    .truncate()
                    .show(ui, |ui| {
                        changed |= ui
                            .selectable_value(&mut m.body, None, pc.t(T::WholeAlliance))
                            .changed();
                        for b in &a.bodies {
                            changed |= ui
                                .selectable_value(&mut m.body, Some(b.id), &b.name)
                                .changed();
                        }
                    });
                ui.end_row();
                if let Some(d) =
                    widgets::date_row(ui, pc, pc.t(T::Date), ("meeting-date", meeting.id), m.date)
                {
                    m.date = d;
                    changed = true;
                }
                changed |= widgets::text_row(ui, pc, pc.t(T::StartTime), &mut m.start);
                changed |= widgets::text_row(ui, pc, pc.t(T::EndTime), &mut m.end);
                changed |= widgets::text_row(ui, pc, pc.t(T::Place), &mut m.place);
            });
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(m.date.is_some(), egui::Button::new(pc.t(T::ExportIcs)))
                .on_disabled_hover_text(pc.t(T::IcsNeedsDate))
                .clicked()
            {
                action = Some(UiCommand::ExportIcs(meeting.id));
            }
            if ui.button(pc.t(T::ExportPack)).clicked() {
                action = Some(UiCommand::ExportPdf(Kind::Pack, Some(meeting.id)));
            }
            if ui.button(pc.t(T::ExportMinutes)).clicked() {
                action = Some(UiCommand::ExportPdf(Kind::Minutes, Some(meeting.id)));
            }
            // Each button straight in the row (not in a nested ui, which
            // squeezed them into the row's last few pixels, a letter or
            // two a line), so the row wraps whole buttons.
            // Approving the minutes, usually at the next meeting: dated by
            // that meeting, and from then on on the record.
            let next = a
                .meetings
                .iter()
                .filter(|x| x.id != meeting.id && x.body == meeting.body)
                .filter(|x| matches!((x.date, meeting.date), (Some(d), Some(m)) if d > m))
                .min_by_key(|x| (x.date, x.id));
            if ui
                .add_enabled(!pc.read_only, egui::Button::new(pc.t(T::ApproveMinutes)))
                .on_hover_text(pc.t(T::ApproveMinutesHint))
                .clicked()
                && let Some(e) = a.approve_minutes(
                    meeting.id,
                    next.and_then(|x| x.date).unwrap_or(pc.today),
                    next.map(|x| x.id),
                )
            {
                pc.edit(e);
                pc.seal = true;
            }
        });
        // Removing the meeting on a line of its own, apart from the
        // routine buttons, so it is never hit for "minutes approved".
        ui.add_space(4.0);
        if ui
            .add_enabled(!pc.read_only, egui::Button::new(pc.t(T::DeleteMeeting)))
            .clicked()
            && let Some(e) = a.remove::<Meeting>(meeting.id)
        {
            pc.edit(e);
            pc.seal = true;
        }
        if changed {
            pc.edit(a.update(m));
        }
        ui.add_space(8.0);
        if let Some(r) = self.room.ui(ui, pc, meeting, self.room_info.as_ref()) {
            self.room_request = Some(r);
        }
        ui.add_space(8.0);
        self.checkin.ui(ui, pc, meeting);
        ui.add_space(8.0);
        self.attendance(ui, pc, meeting);
        ui.add_space(8.0);
        self.slots(ui, pc, meeting);
        ui.add_space(8.0);
        self.progress(ui, pc, meeting);
        self.actions(ui, pc, meeting);
        action
    }

    /// The minutes' progress per line of the work plan: the lines of the
    /// parts the agenda takes up (all of them for the work plan itself).
    fn progress(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) {
        let a = pc.alliance;
        let slots = a.slots_of(meeting.id);
        let whole = slots.iter().any(|s| s.link == SlotLink::WorkPlan);
        let parts: Vec<Id> = slots
            .iter()
            .filter_map(|s| match s.link {
                SlotLink::FocalPoint(f) => Some(f),
                _ => None,
            })
            .collect();
        let lines: Vec<&crate::domain::PlanLine> = a
            .plan_in_order()
            .into_iter()
            .filter(|l| whole || parts.contains(&l.focal_point))
            .collect();
        if lines.is_empty() {
            return;
        }
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::ProgressHeading));
            widgets::muted(ui, pc.t(T::ProgressHint));
            ui.add_enabled_ui(!pc.read_only, |ui| {
                // Numbered as on the work plan page: within its focal point.
                let numbers = a.plan_numbers();
                let mut focal = None;
                for l in &lines {
                    let focal_name = a
                        .focal_point(l.focal_point)
                        .map(|f| f.name.as_str())
                        .unwrap_or("—");
                    if focal != Some(l.focal_point) {
                        focal = Some(l.focal_point);
                        ui.add_space(4.0);
                        ui.label(RichText::new(focal_name).family(theme::bold()));
                    }
                    let n = numbers.get(&l.id).copied().unwrap_or_default().to_string();
                    let recorded = a.progress(l.id, meeting.id);
                    let mut status = recorded.map_or(l.status, |p| p.status);
                    let mut text = recorded.map(|p| p.text.clone()).unwrap_or_default();
                    let mut changed = false;
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("{n}. {}", l.what));
                        if let Some(lead) = l.lead {
                            widgets::muted(ui, a.party_name(Some(lead)));
                        }
                        if let Some(d) = l.due {
                            widgets::muted(ui, &pc.lang.date(d));
                        }
                    });
                    // Wrapping: the status and its note share a row only
                    // when the card is wide enough for both.
                    ui.horizontal_wrapped(|ui| {
                        let name = pc
                            .t(T::ProgressStatusOf)
                            .replace("{focal}", focal_name)
                            .replace("{n}", &n);
                        widgets::combo(
                            ui,
                            ("progress-status", l.id),
                            &name,
                            pc.lang.plan_status(status),
                            130.0,
                            |ui| {
                                for s in crate::domain::PlanStatus::ALL {
                                    changed |= ui
                                        .selectable_value(&mut status, s, pc.lang.plan_status(s))
                                        .changed();
                                }
                            },
                        );
                        // Kept as typed, and stored when the field is left:
                        // a note is one undo step, however it was typed.
                        let name = pc
                            .t(T::ProgressNoteOf)
                            .replace("{focal}", focal_name)
                            .replace("{n}", &n);
                        // As wide as what is left of the card, so it never
                        // runs past the window's right edge.
                        let rest = ui.available_size_before_wrap().x - 16.0;
                        let width = if rest < 200.0 {
                            ui.end_row();
                            ui.available_width() - 16.0
                        } else {
                            rest
                        }
                        .min(520.0);
                        let field = widgets::Buffered {
                            name: &name,
                            label_id: None,
                            hint: "",
                            width,
                            settled: Some(|_| false),
                        };
                        if let Some(typed) = widgets::buffered(
                            ui,
                            pc,
                            field,
                            ("progress-text", meeting.id, l.id),
                            &text,
                            |t| t.clone(),
                            |t| Ok(t.to_string()),
                        ) {
                            text = typed;
                            changed = true;
                        }
                    });
                    if changed && let Some(e) = a.record_progress(l.id, meeting.id, status, &text) {
                        pc.edit(e);
                        pc.seal = true;
                    }
                }
            });
        });
        ui.add_space(8.0);
    }

    fn attendance(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::Attendance));
            let present = a.parties_present(meeting.id);
            widgets::muted(
                ui,
                &pc.t(T::PartiesPresent)
                    .replace("{n}", &present.len().to_string())
                    .replace("{total}", &a.parties.len().to_string()),
            );
            // The body's members, or everyone for the whole alliance, by
            // party in register order (a region's plenary has a thousand
            // people: a row per party, and only the rows in view built).
            let people: Vec<Id> = match meeting.body {
                Some(b) => a.members_of(b).map(|m| m.person).collect(),
                None => a.people.iter().map(|p| p.id).collect(),
            };
            let day = meeting.date.unwrap_or(pc.today);
            let rows = a.by_party(
                people
                    .iter()
                    .filter_map(|p| a.person(*p))
                    .filter(|p| p.is_active_on(day)),
            );
            // Who was recorded, found once for the meeting.
            let recorded: crate::domain::IdMap<&Attendance> = a
                .attendance
                .iter()
                .filter(|x| x.meeting == meeting.id)
                .map(|x| (x.person, x))
                .collect();
            let mut edits = Vec::new();
            ui.add_enabled_ui(!pc.read_only, |ui| {
                widgets::lazy_items(
                    ui,
                    "attendance",
                    rows.len(),
                    4.0,
                    24.0,
                    |i| rows[i].0.unwrap_or(0),
                    |ui, i| {
                        let (party, list) = &rows[i];
                        ui.horizontal_wrapped(|ui| {
                            // The party's name, when there is more than
                            // one party to tell apart.
                            if rows.len() > 1 {
                                let name = match party {
                                    Some(_) => a.party_name(*party),
                                    None => pc.t(T::NoParty),
                                };
                                ui.label(
                                    RichText::new(format!("{name}:"))
                                        .color(theme::MUTED)
                                        .small(),
                                );
                            }
                            for person in list {
                                let record = recorded.get(&person.id).copied();
                                let mut here = record.is_some_and(|x| x.present);
                                if ui.checkbox(&mut here, &person.name).changed() {
                                    edits.push(match record {
                                        Some(x) => a.update(Attendance {
                                            present: here,
                                            ..x.clone()
                                        }),
                                        None => a.insert(Attendance {
                                            id: 0,
                                            meeting: meeting.id,
                                            person: person.id,
                                            present: here,
                                        }),
                                    });
                                }
                            }
                        });
                    },
                );
            });
            for e in edits {
                pc.edit(e);
                pc.seal = true;
            }
        });
    }

    fn slots(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) {
        let a = pc.alliance;
        ui.horizontal(|ui| {
            widgets::section(ui, pc.t(T::MeetingAgenda));
            ui.add_enabled_ui(!pc.read_only, |ui| {
                if ui.button(format!("+  {}", pc.t(T::AddSlot))).clicked() {
                    let position = a
                        .slots_of(meeting.id)
                        .iter()
                        .map(|s| s.position)
                        .max()
                        .unwrap_or(0)
                        + 1;
                    pc.edit(a.insert(AgendaSlot {
                        meeting: meeting.id,
                        position,
                        title: pc.t(T::NewSlot).to_string(),
                        ..AgendaSlot::default()
                    }));
                    // The new item's title, selected, ready to be typed over.
                    let n = a.slots_of(meeting.id).len() + 1;
                    widgets::focus_field(
                        ui.ctx(),
                        &pc.t(T::SlotTitle).replace("{n}", &n.to_string()),
                    );
                    pc.seal = true;
                }
            });
        });
        for (i, slot) in a.slots_of(meeting.id).into_iter().enumerate() {
            let mut s = slot.clone();
            let mut changed = false;
            let mut remove = false;
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width().min(760.0));
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    // Wraps rather than pushing the card past the column.
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{}.", i + 1)).family(theme::bold()));
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut s.title)
                                .id_salt(("slot-title", s.id))
                                .desired_width(250.0),
                        );
                        widgets::name_widget(
                            ui,
                            &r,
                            &pc.t(T::SlotTitle).replace("{n}", &(i + 1).to_string()),
                        );
                        pc.watch(&r);
                        changed |= r.changed();
                        let before = s.link;
                        let name = pc.t(T::SlotLinkOf).replace("{n}", &(i + 1).to_string());
                        link_combo(ui, pc, slot.id, &name, &mut s.link);
                        changed |= s.link != before;
                        let label = pc.t(T::RemoveSlot).replace("{n}", &(i + 1).to_string());
                        let b = ui.small_button("✕").on_hover_text(&label);
                        b.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        remove = b.clicked();
                    });
                    if let SlotLink::Round(r) = s.link
                        && let Some(round) = a.current_round(r)
                        && round.status == RoundStatus::Adopted
                    {
                        ui.label(
                            RichText::new(format!("✓ {}: {}", pc.t(T::Decision), round.proposal))
                                .color(theme::DONE),
                        );
                    }
                    for (key, value, rows) in [
                        (T::Background, &mut s.background, 2),
                        (T::Minutes, &mut s.minutes, 3),
                        (T::NextStep, &mut s.next_step, 2),
                    ] {
                        ui.label(RichText::new(pc.t(key)).small().color(theme::MUTED));
                        let r = ui.add(
                            egui::TextEdit::multiline(value)
                                .id_salt(("slot-text", s.id, key))
                                .desired_rows(rows)
                                .desired_width(f32::INFINITY),
                        );
                        let name = format!("{} ({} {})", pc.t(key), pc.t(T::Slot), i + 1);
                        widgets::name_widget(ui, &r, &name);
                        pc.watch(&r);
                        changed |= r.changed();
                    }
                });
            });
            if remove {
                // Actions noted under the slot keep their meeting.
                pc.edits.extend(a.remove::<AgendaSlot>(slot.id));
                pc.seal = true;
            } else if changed {
                pc.edit(a.update(s));
            }
            ui.add_space(4.0);
        }
    }

    fn actions(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::Actions));
            widgets::muted(ui, pc.t(T::ActionsHint));
            ui.add_enabled_ui(!pc.read_only, |ui| {
                // In the order they were agreed, not by due date: moving a
                // date must not move its row under the pointer.
                let mut open = open_actions(&a.actions, &a.meetings, meeting.date);
                open.sort_by_key(|x| x.id);
                for x in open {
                    // The due date first, then the action, whose words
                    // wrap in what is left: in a narrow window the row
                    // does not run past the edge.
                    ui.horizontal(|ui| {
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                        // Its due date, to set or move ("uiterlijk").
                        ui.label(RichText::new(pc.t(T::Due)).small().color(theme::MUTED));
                        let name = format!("{}: {}", pc.t(T::Due), x.what);
                        let field = widgets::Buffered {
                            name: &name,
                            label_id: None,
                            hint: "",
                            width: 120.0,
                            settled: None,
                        };
                        if let Some(due) =
                            widgets::date_field(ui, pc, field, ("action-due", x.id), x.due)
                        {
                            pc.edit(a.update(Action { due, ..x.clone() }));
                        }
                        let mut done = x.done;
                        let who = x
                            .who
                            .and_then(|p| a.person(p))
                            .map(|p| p.name.as_str())
                            .unwrap_or("—");
                        let text = format!("{} — {who}", x.what);
                        if ui.checkbox(&mut done, text).changed() {
                            // Reported done at this meeting: dated by it.
                            let done_on = done.then(|| meeting.date.unwrap_or(pc.today));
                            pc.edit(a.update(Action {
                                done,
                                done_on,
                                ..x.clone()
                            }));
                            pc.seal = true;
                        }
                    });
                }
                ui.horizontal_wrapped(|ui| {
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut self.new_action)
                            .id_salt("new-action")
                            .hint_text(pc.t(T::ActionHint))
                            .desired_width(320.0),
                    );
                    widgets::name_widget(ui, &r, pc.t(T::NewAction));
                    let current = self
                        .new_who
                        .and_then(|p| a.person(p))
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| pc.t(T::Who).to_string());
                    widgets::Combo::new("action-who", current)
                        .named(pc.t(T::Who))
                        .width(200.0)
                        .show(ui, |ui| {
                            for p in a.people.iter().filter(|p| p.is_active_on(pc.today)) {
                                ui.selectable_value(&mut self.new_who, Some(p.id), &p.name);
                            }
                        });
                    // Two weeks after the meeting unless set otherwise.
                    let default_due = meeting
                        .date
                        .and_then(|d| d.checked_add_days(chrono::Days::new(14)));
                    let name = format!("{}: {}", pc.t(T::NewAction), pc.t(T::Due).to_lowercase());
                    let field = widgets::Buffered {
                        name: &name,
                        label_id: None,
                        hint: "",
                        width: 120.0,
                        settled: None,
                    };
                    let shown = self.new_due.unwrap_or(default_due);
                    if let Some(due) =
                        widgets::date_field(ui, pc, field, ("new-action-due", meeting.id), shown)
                    {
                        self.new_due = Some(due);
                    }
                    let ready = !self.new_action.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                        .clicked()
                    {
                        pc.edit(a.insert(Action {
                            id: 0,
                            meeting: meeting.id,
                            slot: None,
                            who: self.new_who,
                            what: self.new_action.trim().to_string(),
                            due: shown,
                            done: false,
                            done_on: None,
                        }));
                        pc.seal = true;
                        self.new_action.clear();
                        self.new_due = None;
                    }
                });
            });
        });
    }
}

/// A text cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
