//! Comment rounds: put a draft out for comments, record each party's
//! comments against the part they are about, answer each (adopted,
//! partly, not adopted, already covered) with a sentence why and the
//! change made, and publish the processing as a whole. Publishing is a
//! commitment: the round and its comments no longer change.

use egui::{RichText, Ui};

use crate::domain::{Comment, CommentRound, CommentVia, Confidential, Draft, Id, Response};
use crate::i18n::{Lang, T};
use crate::report::Kind;
use crate::report::comments::response_word;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct CommentsPanel {
    pub selected: Option<Id>,
    filter: String,
    /// The comment being recorded: from whom, about what, its text, and
    /// whether it is for the facilitator alone.
    new_party: Option<Id>,
    new_part: String,
    new_text: String,
    new_private: bool,
    confirm_publish: Option<Id>,
    command: Option<UiCommand>,
}

/// The draft a round is about, in the window's words.
pub(crate) fn draft_label(a: &crate::domain::Alliance, lang: Lang, d: Draft) -> String {
    let view = samenspel_projection::audience::room_draft(a, d);
    crate::report::comments::draft_name(lang, &view)
}

/// Every draft a round can be about: the work plan and each focal point's
/// part of it, each meeting's minutes and agenda, each set of rules and
/// each covenant version.
fn drafts(a: &crate::domain::Alliance) -> Vec<Draft> {
    let mut out = vec![Draft::WorkPlan];
    out.extend(
        a.focal_points_in_order()
            .iter()
            .map(|f| Draft::FocalPoint(f.id)),
    );
    for m in &a.meetings {
        out.push(Draft::Minutes(m.id));
        out.push(Draft::Agenda(m.id));
    }
    out.extend(a.rule_sets.iter().map(|s| Draft::RuleSet(s.id)));
    out.extend(a.covenant_versions.iter().map(|v| Draft::Covenant(v.id)));
    out
}

impl CommentsPanel {
    /// The page; returns a command (the processing to save as PDF).
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        if self.selected.is_none_or(|id| a.comment_round(id).is_none()) {
            self.selected = a.comment_rounds.last().map(|r| r.id);
        }
        if widgets::page_header(ui, pc, T::NavComments, T::NewCommentRound) {
            let edit = a.insert(CommentRound {
                title: pc.t(T::NewCommentRound).to_string(),
                opened: Some(pc.today),
                ..CommentRound::default()
            });
            self.selected = Some(a.next_id::<CommentRound>());
            widgets::focus_field(ui.ctx(), pc.t(T::CommentRoundTitle));
            pc.edit(edit);
            pc.seal = true;
        }
        widgets::muted(ui, pc.t(T::CommentsIntro));
        ui.add_space(8.0);
        let items: Vec<ListItem> = a
            .comment_rounds
            .iter()
            .map(|r| {
                let n = a.comments.iter().filter(|c| c.round == r.id).count();
                let state = match (r.published, a.unanswered(r.id)) {
                    (Some(d), _) => pc
                        .t(T::CommentsPublishedOn)
                        .replace("{date}", &pc.lang.date(d)),
                    (None, 0) if n > 0 => pc.t(T::CommentsAllAnswered).to_string(),
                    (None, 0) => pc.t(T::CommentsWaiting).to_string(),
                    (None, open) => pc.lang.count(T::CommentsToAnswer, open),
                };
                ListItem {
                    id: r.id,
                    title: r.title.clone(),
                    subtitle: format!(
                        "{} · {} · {state}",
                        draft_label(a, pc.lang, r.draft),
                        pc.lang.count(T::CommentsCount, n)
                    ),
                }
            })
            .collect();
        let (mut selected, mut filter) = (self.selected, std::mem::take(&mut self.filter));
        let page =
            widgets::ListPage::new("comment-rounds", T::NoCommentRounds, T::SelectCommentRound);
        widgets::list_and_detail(
            ui,
            pc,
            page,
            &items,
            &mut selected,
            &mut filter,
            |ui, pc, id| {
                a.comment_round(id)
                    .map(|r| self.detail(ui, pc, r))
                    .is_some()
            },
        );
        (self.selected, self.filter) = (selected, filter);
        if let Some(id) = self.confirm_publish {
            match widgets::confirm(
                ui.ctx(),
                pc,
                pc.t(T::PublishCommentsConfirm),
                pc.t(T::PublishComments),
            ) {
                Some(true) => {
                    // (The button is offered only once every comment has a
                    // response.)
                    if let Ok(edit) = a.publish_comments(id, pc.today) {
                        pc.edit(edit);
                    }
                    pc.seal = true;
                    self.confirm_publish = None;
                }
                Some(false) => self.confirm_publish = None,
                None => {}
            }
        }
        self.command.take()
    }

    /// Long for a reason: one form read top to bottom: the round, its
    /// comments each with its answer, a new comment, then publishing.
    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &CommentRound) {
        let a = pc.alliance;
        let published = round.published.is_some();
        let mut r = round.clone();
        let mut changed = false;
        if let Some(d) = round.published {
            ui.label(
                RichText::new(
                    pc.t(T::CommentsPublishedOn)
                        .replace("{date}", &pc.lang.date(d)),
                )
                .color(theme::DONE),
            );
            ui.add_space(6.0);
        }
        ui.add_enabled_ui(!pc.read_only && !published, |ui| {
            widgets::form(ui, ("comment-round", round.id), |ui| {
                changed |= widgets::text_row(ui, pc, pc.t(T::CommentRoundTitle), &mut r.title);
                let label = ui.label(RichText::new(pc.t(T::CommentDraft)).color(theme::MUTED));
                widgets::Combo::new(
                    ("comment-draft", round.id),
                    draft_label(a, pc.lang, r.draft),
                )
                .labelled_by(label.id)
                .width(widgets::field_width(ui))
                .truncate()
                .show(ui, |ui| {
                    for d in drafts(a) {
                        changed |= ui
                            .selectable_value(&mut r.draft, d, draft_label(a, pc.lang, d))
                            .changed();
                    }
                });
                ui.end_row();
                if let Some(d) = widgets::date_row(
                    ui,
                    pc,
                    pc.t(T::CommentsOpened),
                    ("opened", round.id),
                    r.opened,
                ) {
                    r.opened = d;
                    changed = true;
                }
                if let Some(d) =
                    widgets::date_row(ui, pc, pc.t(T::CommentsDue), ("due", round.id), r.due)
                {
                    r.due = d;
                    changed = true;
                }
            });
        });
        if changed && !published {
            pc.edit(a.update(r));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(pc.t(T::CommentsPdf)).clicked() {
                self.command = Some(UiCommand::ExportPdf(Kind::Comments, Some(round.id)));
            }
            let import = ui.add_enabled(
                !pc.read_only && !published,
                egui::Button::new(pc.t(T::CommentsImport)),
            );
            if import.clicked() {
                self.command = Some(UiCommand::ImportComments(round.id));
            }
        });
        widgets::section(ui, pc.t(T::CommentsHeading));
        let comments: Vec<Comment> = a.comments_of(round.id).into_iter().cloned().collect();
        if comments.is_empty() {
            widgets::muted(ui, pc.t(T::CommentsNone));
        }
        // A region's hundred and fifty comments: only those in view are
        // built.
        widgets::lazy_items(
            ui,
            "comments",
            comments.len(),
            4.0,
            220.0,
            |k| comments[k].id,
            |ui, k| self.comment(ui, pc, k + 1, &comments[k], published),
        );
        if let Some(d) = round.published {
            ui.add_space(8.0);
            ui.label(
                RichText::new(
                    pc.t(T::CommentsPublishedOn)
                        .replace("{date}", &pc.lang.date(d)),
                )
                .color(theme::DONE),
            );
        }
        if !published {
            self.new_comment(ui, pc, round.id);
            ui.add_space(10.0);
            let open = a.unanswered(round.id);
            if open > 0 {
                widgets::muted(ui, &pc.lang.count(T::CommentsToAnswer, open));
            }
            ui.add_enabled_ui(!pc.read_only && open == 0, |ui| {
                if widgets::primary(ui, pc.t(T::PublishComments)).clicked() {
                    self.confirm_publish = Some(round.id);
                }
            });
        }
    }

    /// One comment, and what is done with it.
    fn comment(&mut self, ui: &mut Ui, pc: &mut PanelCtx, n: usize, c: &Comment, published: bool) {
        let a = pc.alliance;
        let party = a.party_name(Some(c.party)).to_string();
        let mut x = c.clone();
        let mut changed = false;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            let via = match c.via {
                CommentVia::Typed => T::CommentViaTyped,
                CommentVia::Phone => T::CommentViaPhone,
                CommentVia::Csv => T::CommentViaCsv,
            };
            let mut head = format!("{n}. {party} · {}", pc.t(via));
            if c.facilitator_only {
                head.push_str(&format!(" · {}", pc.t(T::CommentFacilitatorOnly)));
            }
            ui.label(RichText::new(head).family(theme::bold()));
            ui.add_enabled_ui(!pc.read_only && !published, |ui| {
                let of = format!("{} {n}", pc.t(T::CommentText));
                widgets::form(ui, ("comment", c.id), |ui| {
                    changed |= row(
                        ui,
                        pc,
                        pc.t(T::CommentPartShort),
                        &format!("{} ({of})", pc.t(T::CommentPart)),
                        &mut x.part,
                        1,
                    );
                    changed |= row(
                        ui,
                        pc,
                        pc.t(T::CommentText),
                        &format!("{of} ({party})"),
                        Confidential::expose_mut(&mut x.text),
                        3,
                    );
                    let label =
                        ui.label(RichText::new(pc.t(T::CommentResponse)).color(theme::MUTED));
                    let name = format!("{} ({of})", pc.t(T::CommentResponse));
                    widgets::Combo::new(
                        ("comment-response", c.id),
                        response_word(pc.lang, x.response),
                    )
                    .labelled_by(label.id)
                    .named(&name)
                    .width(260.0)
                    .show(ui, |ui| {
                        for resp in Response::ALL {
                            changed |= ui
                                .selectable_value(
                                    &mut x.response,
                                    resp,
                                    response_word(pc.lang, resp),
                                )
                                .changed();
                        }
                    });
                    ui.end_row();
                    changed |= row(
                        ui,
                        pc,
                        pc.t(T::CommentWhy),
                        &format!("{} ({of})", pc.t(T::CommentWhy)),
                        &mut x.why,
                        2,
                    );
                    if x.response.changes() {
                        changed |= row(
                            ui,
                            pc,
                            pc.t(T::CommentBefore),
                            &format!("{} ({of})", pc.t(T::CommentBefore)),
                            &mut x.before,
                            2,
                        );
                        changed |= row(
                            ui,
                            pc,
                            pc.t(T::CommentAfter),
                            &format!("{} ({of})", pc.t(T::CommentAfter)),
                            &mut x.after,
                            2,
                        );
                    }
                });
                changed |= ui
                    .checkbox(
                        &mut x.facilitator_only,
                        format!("{} ({of})", pc.t(T::CommentFacilitatorOnly)),
                    )
                    .changed();
            });
        });
        if changed && !published {
            pc.edit(a.update(x));
        }
    }

    /// The form that records a new comment: from whom, about what, the
    /// text, and whether it is for the facilitator alone.
    fn new_comment(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: Id) {
        let a = pc.alliance;
        ui.add_space(8.0);
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::AddComment));
            ui.add_enabled_ui(!pc.read_only, |ui| {
                widgets::form(ui, ("new-comment", round), |ui| {
                    let label = ui.label(RichText::new(pc.t(T::CommentParty)).color(theme::MUTED));
                    let current = self
                        .new_party
                        .and_then(|p| a.party(p))
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| "—".to_string());
                    widgets::Combo::new("new-comment-party", current)
                        .labelled_by(label.id)
                        .named(pc.t(T::CommentParty))
                        .width(FIELD)
                        .show(ui, |ui| {
                            for p in a.parties.iter().filter(|p| p.left.is_none()) {
                                ui.selectable_value(&mut self.new_party, Some(p.id), &p.name);
                            }
                        });
                    ui.end_row();
                    let part = format!("{}: {}", pc.t(T::NewCommentLabel), pc.t(T::CommentPart));
                    row(
                        ui,
                        pc,
                        pc.t(T::CommentPartShort),
                        &part,
                        &mut self.new_part,
                        1,
                    );
                    let text = format!("{}: {}", pc.t(T::NewCommentLabel), pc.t(T::CommentText));
                    row(ui, pc, pc.t(T::CommentText), &text, &mut self.new_text, 3);
                });
                ui.checkbox(&mut self.new_private, pc.t(T::CommentFacilitatorOnly));
                let ready = self.new_party.is_some() && !self.new_text.trim().is_empty();
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(format!("+  {}", pc.t(T::AddComment))),
                    )
                    .clicked()
                    && let Some(party) = self.new_party
                {
                    pc.edit(a.insert(Comment {
                        round,
                        party,
                        part: self.new_part.trim().to_string(),
                        text: Confidential::new(self.new_text.trim().to_string()),
                        facilitator_only: self.new_private,
                        ..Comment::default()
                    }));
                    pc.seal = true;
                    // The next comment may be another party's: chosen again.
                    self.new_party = None;
                    self.new_part.clear();
                    self.new_text.clear();
                    self.new_private = false;
                }
            });
        });
    }
}

/// The width of a field in the comment forms: they sit in a card beside
/// the list, within a 1280-pixel window.
const FIELD: f32 = 330.0;

/// A labelled text field of a comment form: a short visible label, and
/// the accessible name that tells it from the same field of the other
/// comments. A sealed text (the file locked) shows as locked.
fn row(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    label: &str,
    name: &str,
    value: &mut String,
    rows: usize,
) -> bool {
    let label_id = ui.label(RichText::new(label).color(theme::MUTED)).id;
    if crate::crypt::is_sealed(value) {
        ui.label(RichText::new(pc.t(T::LockedField)).color(theme::MUTED));
        ui.end_row();
        return false;
    }
    let edit = if rows > 1 {
        egui::TextEdit::multiline(value).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(value)
    };
    let r = ui
        .add(edit.id_salt(("comment-field", name)).desired_width(FIELD))
        .labelled_by(label_id);
    widgets::name_widget(ui, &r, name);
    ui.end_row();
    pc.watch(&r);
    r.changed()
}
