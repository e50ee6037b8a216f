//! Intake interviews: one party at a time, its conversations over time,
//! and per answer who may see it. Every keystroke is kept at once, so
//! closing the app mid-sentence loses nothing.

use egui::{RichText, Ui};

use crate::domain::{
    Alliance, Answer, Id, Interview, Question, QuestionKind, SCORE_RANGE, Stance, Visibility,
};
use crate::i18n::{Lang, T};

use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct IntakePanel {
    pub party: Option<Id>,
    pub interview: Option<Id>,
    filter: String,
    confirm_delete: Option<Id>,
}

/// The colour of a stance.
pub fn stance_color(stance: Stance) -> egui::Color32 {
    match stance {
        Stance::In => theme::DONE,
        Stance::Hesitant => theme::WARN_FG,
        Stance::NeedsSomethingFirst => theme::DANGER,
    }
}

/// The label of an interview: "1 · Intake 16-01-2017".
pub fn interview_label(a: &Alliance, lang: Lang, interview: &Interview) -> String {
    let round = a
        .interviews_of(interview.party)
        .iter()
        .position(|i| i.id == interview.id)
        .map(|p| p + 1)
        .unwrap_or(1);
    let kind = if round == 1 {
        lang.tr(T::FirstIntake)
    } else {
        lang.tr(T::CheckIn)
    };
    let date = interview
        .date
        .map(|d| lang.date(d))
        .unwrap_or_else(|| lang.tr(T::NoDate).to_string());
    format!("{round} · {kind} {date}")
}

impl IntakePanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if self.party.is_none_or(|id| a.party(id).is_none()) {
            self.party = a.parties.first().map(|p| p.id);
        }
        widgets::page_title(ui, pc.t(T::NavIntakes));
        widgets::muted(ui, pc.t(T::IntakeIntro));
        ui.add_space(8.0);
        let all = a.trust_by_party();
        let items: Vec<ListItem> = a
            .parties
            .iter()
            .map(|p| {
                let trust = all.get(&p.id).map_or(&[][..], Vec::as_slice);
                let count = match trust.len() {
                    1 => pc.t(T::InterviewCountOne).to_string(),
                    n => pc.t(T::InterviewCount).replace("{n}", &n.to_string()),
                };
                let stance = trust
                    .last()
                    .and_then(|t| t.stance)
                    .map(|s| format!(" · {}", pc.lang.stance(s)))
                    .unwrap_or_default();
                ListItem {
                    id: p.id,
                    title: p.name.clone(),
                    subtitle: format!("{count}{stance}"),
                }
            })
            .collect();
        let selected = self.party;
        let mut clicked = None;
        widgets::master_detail(ui, "intakes", selected, |ui, side| match side {
            widgets::Side::List => {
                if items.is_empty() {
                    widgets::muted(ui, pc.t(T::NoParties));
                }
                clicked = widgets::master_list(
                    ui,
                    pc,
                    "intake-parties",
                    &items,
                    selected,
                    &mut self.filter,
                );
            }
            widgets::Side::Detail => {
                if let Some(party) = selected {
                    self.party_ui(ui, pc, party);
                } else {
                    widgets::muted(ui, pc.t(T::SelectParty));
                }
            }
        });
        if clicked.is_some() && clicked != self.party {
            self.party = clicked;
            self.interview = None;
        }
        if let Some(id) = self.confirm_delete
            && let Some(interview) = a.interview(id)
        {
            let n = a.answers_of(id).filter(|x| !x.is_empty()).count();
            let message = pc
                .lang
                .count(T::ConfirmDeleteInterview, n)
                .replace("{interview}", &interview_label(a, pc.lang, interview));
            widgets::confirm_removal(
                ui,
                pc,
                &message,
                || a.remove::<Interview>(id),
                &mut self.confirm_delete,
                &mut self.interview,
            );
        }
    }

    fn party_ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx, party: Id) {
        let a = pc.alliance;
        let interviews = a.interviews_of(party);
        if self
            .interview
            .is_none_or(|id| !interviews.iter().any(|i| i.id == id))
        {
            self.interview = interviews.last().map(|i| i.id);
        }
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(a.party_name(Some(party)))
                    .size(20.0)
                    .family(theme::bold()),
            );
            ui.add_space(12.0);
            ui.add_enabled_ui(!pc.read_only, |ui| {
                let new = widgets::primary(ui, &format!("+  {}", pc.t(T::NewInterview)))
                    .on_hover_text(pc.t(T::NewInterviewHint));
                let shortcut = super::command::UiCommand::NewInterview.pressed(ui.ctx());
                if new.clicked() || (shortcut && !pc.read_only) {
                    let edit = a.new_interview(party, Some(pc.today));
                    self.interview = Some(a.next_id::<Interview>());
                    pc.edit(edit);
                    pc.seal = true;
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            for iv in &interviews {
                let label = interview_label(a, pc.lang, iv);
                if ui
                    .selectable_label(self.interview == Some(iv.id), label)
                    .clicked()
                {
                    self.interview = Some(iv.id);
                }
            }
        });
        ui.add_space(8.0);
        match self.interview.and_then(|id| a.interview(id)) {
            Some(interview) => self.interview_ui(ui, pc, interview),
            None => {
                widgets::muted(ui, pc.t(T::NoInterviews));
            }
        }
    }

    fn interview_ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx, interview: &Interview) {
        let a = pc.alliance;
        let mut iv = interview.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("interview", interview.id), |ui| {
                if let Some(d) = widgets::date_row(
                    ui,
                    pc,
                    pc.t(T::Date),
                    ("interview-date", interview.id),
                    iv.date,
                ) {
                    iv.date = d;
                    changed = true;
                }
                changed |= widgets::text_row(
                    ui,
                    pc,
                    pc.t(T::SpokenWith),
                    crate::domain::Confidential::expose_mut(&mut iv.spoken_with),
                );
            });
            ui.add_space(6.0);
            for question in a.questions_of(interview.id) {
                self.answer_ui(ui, pc, interview, question);
            }
            ui.add_space(8.0);
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width().min(760.0));
                let label = ui.label(RichText::new(pc.t(T::OwnNotes)).family(theme::bold()));
                let r = ui
                    .add(
                        egui::TextEdit::multiline(crate::domain::Confidential::expose_mut(
                            &mut iv.notes,
                        ))
                        .id_salt(("interview-notes", iv.id))
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                pc.watch(&r);
                changed |= r.changed();
            });
            ui.add_space(12.0);
            if ui.button(pc.t(T::DeleteInterview)).clicked() {
                if a.interview_is_empty(interview) {
                    if let Some(edit) = a.remove::<Interview>(interview.id) {
                        pc.edit(edit);
                        pc.seal = true;
                    }
                } else {
                    self.confirm_delete = Some(interview.id);
                }
            }
        });
        if changed {
            pc.edit(a.update(iv));
        }
    }

    fn answer_ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx, interview: &Interview, q: &Question) {
        let a = pc.alliance;
        let current = a.answer(interview.id, q.id).cloned().unwrap_or(Answer {
            interview: interview.id,
            question: q.id,
            ..Answer::default()
        });
        let mut ans = current.clone();
        let frame = theme::card().fill(match ans.visibility {
            Visibility::Confidential => theme::SURFACE,
            _ => theme::SHARED_BG,
        });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            ui.horizontal(|ui| {
                let mut text = RichText::new(&q.text).family(theme::bold());
                if q.retired {
                    text = text.color(theme::MUTED);
                }
                ui.add(egui::Label::new(text).wrap());
            });
            match q.kind {
                QuestionKind::Score => {
                    ui.horizontal_wrapped(|ui| {
                        for score in SCORE_RANGE {
                            let label = pc
                                .t(T::ScoreOf)
                                .replace("{q}", &q.text)
                                .replace("{n}", &score.to_string());
                            let r =
                                ui.selectable_label(ans.score == Some(score), score.to_string());
                            r.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::Button,
                                    !pc.read_only,
                                    ans.score == Some(score),
                                    &label,
                                )
                            });
                            if r.clicked() {
                                ans.score = (ans.score != Some(score)).then_some(score);
                                pc.seal = true;
                            }
                        }
                    });
                }
                QuestionKind::Stance => {
                    ui.horizontal_wrapped(|ui| {
                        for stance in Stance::ALL {
                            let name = pc.lang.stance(stance);
                            let selected = ans.stance == Some(stance);
                            // One face for all: a stance chosen in bold
                            // was wider and moved the ones after it.
                            let mut text = RichText::new(name).family(theme::bold());
                            if selected {
                                text = text.color(stance_color(stance));
                            }
                            if ui.selectable_label(selected, text).clicked() {
                                ans.stance = (!selected).then_some(stance);
                                pc.seal = true;
                            }
                        }
                    });
                }
                QuestionKind::Text => {}
            }
            let answer_label = pc.t(T::AnswerTo).replace("{q}", &q.text);
            let r = ui.add(
                egui::TextEdit::multiline(crate::domain::Confidential::expose_mut(&mut ans.text))
                    .id_salt(("answer", q.id))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text(pc.t(T::AnswerHint)),
            );
            widgets::name_widget(ui, &r, &answer_label);
            pc.watch(&r);
            ui.horizontal(|ui| {
                let label = pc.t(T::VisibilityOf).replace("{q}", &q.text);
                if let Some(v) =
                    visibility_picker(ui, pc, ("vis", interview.id, q.id), ans.visibility, &label)
                {
                    ans.visibility = v;
                    pc.seal = true;
                }
            });
        });
        if ans != current {
            pc.edit(a.put_answer(ans));
        }
    }
}

/// Pick who may see something. Returns the new visibility when changed.
pub fn visibility_picker(
    ui: &mut Ui,
    pc: &PanelCtx,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Visibility,
    label: &str,
) -> Option<Visibility> {
    let mut value = current;
    let text = |v: Visibility| match v {
        Visibility::Confidential => RichText::new(pc.lang.visibility(v)),
        Visibility::AnonymousTheme => RichText::new(pc.lang.visibility(v)).color(theme::ACCENT),
        Visibility::Named => RichText::new(pc.lang.visibility(v)).color(theme::ACCENT),
    };
    widgets::combo(ui, id_salt, label, text(current), 240.0, |ui| {
        for v in Visibility::ALL {
            ui.selectable_value(&mut value, v, text(v));
        }
    });
    (value != current).then_some(value)
}
