//! The interview guide of this alliance: the questions every intake asks.
//! It starts from the guide that ships with Samenspel and is edited here.

use egui::{RichText, Ui};

use crate::domain::{Question, QuestionKind};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct GuidePanel;

impl GuidePanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if widgets::page_header(ui, pc, T::NavGuide, T::AddQuestion) {
            let position = a.questions.iter().map(|q| q.position).max().unwrap_or(0) + 1;
            pc.edit(a.insert(Question {
                position,
                text: pc.t(T::NewQuestion).to_string(),
                ..Question::default()
            }));
            pc.seal = true;
        }
        widgets::muted(ui, pc.t(T::GuideIntro));
        ui.add_space(8.0);
        let mut questions: Vec<&Question> = a.questions.iter().collect();
        questions.sort_by_key(|q| (q.retired, q.position, q.id));
        let active: Vec<&Question> = questions.iter().copied().filter(|q| !q.retired).collect();
        let mut edits = Vec::new();
        widgets::page_scroll(ui, "guide", |ui| {
            ui.add_enabled_ui(!pc.read_only, |ui| {
                for (i, q) in questions.iter().enumerate() {
                    let mut nq = (*q).clone();
                    let mut changed = false;
                    let frame = theme::card().fill(if q.retired {
                        theme::SIDEBAR
                    } else {
                        theme::SURFACE
                    });
                    frame.show(ui, |ui| {
                        ui.set_width(ui.available_width().min(820.0));
                        ui.horizontal(|ui| {
                            let n = if q.retired {
                                pc.t(T::Retired).to_string()
                            } else {
                                format!("{}", i + 1)
                            };
                            ui.label(RichText::new(n).family(theme::bold()).color(theme::MUTED));
                            let label = pc.t(T::QuestionText).replace("{n}", &(i + 1).to_string());
                            let r = ui.add_sized(
                                [ui.available_width().min(640.0), 26.0],
                                egui::TextEdit::singleline(&mut nq.text)
                                    .id_salt(("question", nq.id)),
                            );
                            widgets::name_widget(ui, &r, &label);
                            pc.watch(&r);
                            changed |= r.changed();
                        });
                        ui.horizontal(|ui| {
                            let kind_label =
                                pc.t(T::QuestionKindOf).replace("{n}", &(i + 1).to_string());
                            let before = nq.kind;
                            widgets::combo(
                                ui,
                                ("kind", q.id),
                                &kind_label,
                                pc.lang.question_kind(nq.kind),
                                200.0,
                                |ui| {
                                    for k in [
                                        QuestionKind::Text,
                                        QuestionKind::Score,
                                        QuestionKind::Stance,
                                    ] {
                                        ui.selectable_value(
                                            &mut nq.kind,
                                            k,
                                            pc.lang.question_kind(k),
                                        );
                                    }
                                },
                            );
                            changed |= nq.kind != before;
                            if !q.retired {
                                let pos = active.iter().position(|x| x.id == q.id).unwrap_or(0);
                                if pos > 0 && arrow(ui, "↑", pc.t(T::MoveUp)).clicked() {
                                    edits.extend(swap(pc, q, active[pos - 1]));
                                }
                                if pos + 1 < active.len()
                                    && arrow(ui, "↓", pc.t(T::MoveDown)).clicked()
                                {
                                    edits.extend(swap(pc, q, active[pos + 1]));
                                }
                            }
                            let answered = a
                                .answers
                                .iter()
                                .any(|x| x.question == q.id && !x.is_empty());
                            if q.retired {
                                if ui.button(pc.t(T::Restore)).clicked() {
                                    nq.retired = false;
                                    changed = true;
                                }
                            } else {
                                let text = if answered {
                                    pc.t(T::Retire)
                                } else {
                                    pc.t(T::Delete)
                                };
                                if ui.button(text).clicked() {
                                    edits.extend(a.remove_question(q.id));
                                }
                            }
                        });
                    });
                    if changed {
                        edits.push(a.update(nq));
                    }
                    ui.add_space(6.0);
                }
            });
        });
        for e in edits {
            pc.edit(e);
            pc.seal = true;
        }
    }
}

fn swap(pc: &PanelCtx, x: &Question, y: &Question) -> Option<crate::domain::Edit> {
    let a = pc.alliance;
    Some(crate::domain::Edit::Batch(vec![
        a.update(Question {
            position: y.position,
            ..x.clone()
        }),
        a.update(Question {
            position: x.position,
            ..y.clone()
        }),
    ]))
}

/// A small arrow button with a spoken name.
fn arrow(ui: &mut Ui, glyph: &str, name: &str) -> egui::Response {
    let r = ui.button(glyph).on_hover_text(name);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    r
}
