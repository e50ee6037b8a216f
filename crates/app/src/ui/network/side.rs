//! The column beside the network map: connectors, an agenda item's
//! dependencies, the legend, adding a relation, the relations, the rings.

use super::*;

/// At most this many ring choosers are listed; select a party for its own.
const RING_ROWS: usize = 40;

impl NetworkPanel {
    /// The column beside the map: connectors, an agenda item's
    /// dependencies, the legend, adding a relation, the relations, the
    /// rings.
    pub(super) fn side(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        egui::ScrollArea::vertical()
            .id_salt("net-side-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                // As wide as the column, clear of the scroll bar that
                // floats over it: nothing runs off to the right.
                let width = (ui.available_width() - 14.0).max(120.0);
                ui.set_max_width(width);
                Self::side_connectors(ui, pc, geo);
                self.side_dependencies(ui, pc);
                Self::side_legend(ui, pc);
                self.side_add(ui, pc, geo);
                self.side_relations(ui, pc, geo);
                self.side_rings(ui, pc, geo);
            });
    }

    /// The connectors, by betweenness.
    pub(super) fn side_connectors(ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        widgets::section(ui, pc.t(T::Connectors));
        widgets::muted(ui, pc.t(T::ConnectorsHint));
        let mut ranked: Vec<_> = geo
            .actors
            .iter()
            .filter(|g| g.actor != Actor::Commissioner)
            .collect();
        ranked.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
        for g in ranked.iter().take(5) {
            // Whole names, wrapped: never cut.
            ui.add(
                egui::Label::new(format!(
                    "{}  ·  {:.2}",
                    a.actor_name(g.actor),
                    g.betweenness
                ))
                .wrap(),
            );
        }
    }

    /// Which parties the party that raised an agenda item needs for it.
    pub(super) fn side_dependencies(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if !a.agenda_items.is_empty() {
            ui.add_space(10.0);
            widgets::section(ui, pc.t(T::ItemDependencies));
            widgets::muted(ui, pc.t(T::ItemDependenciesHint));
            let current = self
                .agenda_item
                .and_then(|id| a.agenda_item(id))
                .map(|i| i.title.clone())
                .unwrap_or_else(|| pc.t(T::NoItem).to_string());
            widgets::combo(
                ui,
                "net-agenda-item",
                pc.t(T::ItemDependencies),
                current,
                ui.available_width() - 10.0,
                |ui| {
                    ui.selectable_value(&mut self.agenda_item, None, pc.t(T::NoItem));
                    for i in &a.agenda_items {
                        ui.selectable_value(&mut self.agenda_item, Some(i.id), &i.title);
                    }
                },
            );
            if let Some(item) = self.agenda_item.and_then(|id| a.agenda_item(id)) {
                let needs: Vec<&str> = item
                    .depends_on
                    .iter()
                    .map(|d| a.party_name(Some(*d)))
                    .collect();
                ui.label(
                    RichText::new(format!(
                        "{} → {}",
                        a.party_name(Some(item.party)),
                        needs.join(", ")
                    ))
                    .color(theme::WARN_FG),
                );
            }
        }
    }

    /// The legend: a line per kind of relation.
    pub(super) fn side_legend(ui: &mut Ui, pc: &mut PanelCtx) {
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::Legend));
        for k in RelationKind::ALL {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(Vec2::new(28.0, 14.0), Sense::hover());
                ui.painter().line_segment(
                    [r.left_center(), r.right_center()],
                    Stroke::new(3.0, relation_color(k)),
                );
                ui.label(pc.lang.relation_kind(k));
            });
        }
    }

    /// A relation added: from, to, kind and strength.
    pub(super) fn side_add(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let choose = pc.t(T::ChooseActor);
        let actor_label = |actor: Option<Actor>| match actor {
            Some(x) => a.actor_name(x).to_string(),
            None => choose.to_string(),
        };
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::AddRelation));
        ui.add_enabled_ui(!pc.read_only, |ui| {
            // The commissioner who is also a party is chosen as
            // that party.
            let actors: Vec<Actor> = a
                .actors()
                .into_iter()
                .filter(|x| geo.node_of(*x) == *x)
                .collect();
            for (value, key) in [
                (&mut self.new_from, T::RelationFrom),
                (&mut self.new_to, T::RelationTo),
            ] {
                ui.label(RichText::new(pc.t(key)).color(theme::MUTED).small());
                widgets::combo(
                    ui,
                    ("rel", key),
                    pc.t(key),
                    actor_label(*value),
                    ui.available_width() - 10.0,
                    |ui| {
                        for x in &actors {
                            ui.selectable_value(value, Some(*x), a.actor_name(*x));
                        }
                    },
                );
            }
            ui.label(
                RichText::new(pc.t(T::RelationKind))
                    .color(theme::MUTED)
                    .small(),
            );
            widgets::combo(
                ui,
                "rel-kind",
                pc.t(T::RelationKind),
                pc.lang.relation_kind(self.new_kind),
                ui.available_width() - 10.0,
                |ui| {
                    for k in RelationKind::ALL {
                        ui.selectable_value(&mut self.new_kind, k, pc.lang.relation_kind(k));
                    }
                },
            );
            ui.horizontal(|ui| {
                ui.label(RichText::new(pc.t(T::Strength)).color(theme::MUTED));
                for s in 1..=crate::domain::strategy::MAX_STRENGTH {
                    if ui
                        .selectable_label(self.new_strength == s, s.to_string())
                        .clicked()
                    {
                        self.new_strength = s;
                    }
                }
            });
            let ready = matches!((self.new_from, self.new_to), (Some(f), Some(t)) if f != t);
            if ui
                .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                .clicked()
                && let (Some(from), Some(to)) = (self.new_from, self.new_to)
            {
                let edit = a.insert(Relation {
                    id: 0,
                    from,
                    to,
                    kind: self.new_kind,
                    strength: self.new_strength,
                    note: Default::default(),
                    facilitator_only: self.new_kind == RelationKind::Tension,
                });
                pc.edit(edit);
                pc.seal = true;
            }
        });
    }

    /// The relations, of the selected actor or all, each with a way to remove it.
    pub(super) fn side_relations(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::Relations));
        let shown: Vec<&Relation> = match self.selected {
            Some(s) => a
                .relations
                .iter()
                .filter(|r| geo.node_of(r.from) == s || geo.node_of(r.to) == s)
                .collect(),
            None => {
                widgets::muted(ui, &pc.lang.count(T::RelationsHint, a.relations.len()));
                Vec::new()
            }
        };
        let mut remove: Option<Id> = None;
        for r in shown {
            ui.horizontal_top(|ui| {
                let arrow = if r.kind.is_directed() { "→" } else { "—" };
                // The whole names, wrapped, beside the remove
                // button: two relations never read the same.
                let text = relation_text(a, r, pc);
                let width = (ui.available_width() - 30.0).max(60.0);
                ui.allocate_ui_with_layout(
                    Vec2::new(width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(text.replace(" → ", &format!(" {arrow} ")))
                                    .color(relation_color(r.kind)),
                            )
                            .wrap(),
                        );
                    },
                );
                let name = pc.t(T::RemoveRelation).replace(
                    "{relation}",
                    &format!("{} – {}", a.actor_name(r.from), a.actor_name(r.to)),
                );
                if !pc.read_only {
                    let b = ui.small_button("✕").on_hover_text(&name);
                    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if b.clicked() {
                        remove = Some(r.id);
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                widgets::muted(
                    ui,
                    &format!(
                        "   {} · {}",
                        pc.lang.relation_kind(r.kind),
                        "●".repeat(r.strength as usize)
                    ),
                );
                let mut private = r.facilitator_only;
                let name = pc.t(T::FacilitatorOnlyOf).replace(
                    "{relation}",
                    &format!("{} – {}", a.actor_name(r.from), a.actor_name(r.to)),
                );
                let c = ui
                    .add_enabled(
                        !pc.read_only,
                        egui::Checkbox::new(&mut private, pc.t(T::FacilitatorOnly)),
                    )
                    .on_hover_text(pc.t(T::FacilitatorOnlyHint));
                widgets::name_widget(ui, &c, &name);
                if c.changed() {
                    pc.edit(a.update(Relation {
                        facilitator_only: private,
                        ..r.clone()
                    }));
                    pc.seal = true;
                }
            });
        }
        if let Some(id) = remove {
            pc.edits.extend(a.remove::<Relation>(id));
            pc.seal = true;
        }
    }

    /// The rings: who sits in the inner ring.
    pub(super) fn side_rings(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::RingsTitle));
        widgets::muted(ui, pc.t(T::RingsHint));
        ui.add_enabled_ui(!pc.read_only, |ui| {
            // With a party selected, only its ring; else the first parties'.
            let parties: Vec<&crate::domain::Party> = match self.selected {
                Some(Actor::Party(id)) => a.party(id).into_iter().collect(),
                _ => a.parties.iter().take(RING_ROWS).collect(),
            };
            for p in parties {
                let actor = Actor::Party(p.id);
                let set = a.placement(actor).map(|x| x.ring).unwrap_or_default();
                let shown = geo.actor(actor).map(|g| g.ring).unwrap_or_default();
                let mut value = set;
                let text = match set {
                    Ring::Suggested => {
                        format!("{} ({})", pc.lang.ring(shown), pc.t(T::Suggested))
                    }
                    r => pc.lang.ring(r).to_string(),
                };
                ui.add(egui::Label::new(&p.name).wrap());
                ui.horizontal(|ui| {
                    let name = pc.t(T::RingOf).replace("{party}", &p.name);
                    widgets::combo(ui, ("ring", p.id), &name, text, 190.0, |ui| {
                        for r in [Ring::Suggested, Ring::Inner, Ring::Outer] {
                            ui.selectable_value(&mut value, r, pc.lang.ring(r));
                        }
                    });
                });
                if value != set {
                    let (x, y) = a
                        .placement(actor)
                        .map(|p| (p.x, p.y))
                        .or_else(|| geo.actor(actor).map(|g| (g.center.x, g.center.y)))
                        .unwrap_or_default();
                    pc.edit(a.place(actor, x, y, value));
                    pc.seal = true;
                }
            }
        });
    }
}
