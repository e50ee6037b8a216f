//! Who counts on whom: a party × party matrix built from the wishes'
//! dependencies and the work plan (seed 004). A row is the party that
//! counts, a column the party it counts on; a cell says for how many
//! wishes and lines, and pointing at it names them.

use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::domain::{Id, IdMap};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

/// The room for a row's name, and a cell's side.
const NAME: f32 = 260.0;
const CELL: f32 = 38.0;
/// The heading row: the columns' numbers.
const HEAD: f32 = 28.0;

/// What the matrix is drawn from, made once per revision.
struct Built {
    revision: u64,
    /// The parties in it, in register order: (id, "n. Name").
    parties: Vec<(Id, String)>,
    /// (row, column) → what for, as lines for the tooltip.
    cells: crate::domain::FastMap<(usize, usize), Vec<String>>,
    /// The current parties not in it: no one counts on them, and they on
    /// no one (yet).
    outside: Vec<String>,
}

#[derive(Default)]
pub struct ReliancePanel {
    built: Option<Built>,
}

impl ReliancePanel {
    fn build(&mut self, pc: &PanelCtx) -> &Built {
        let a = pc.alliance;
        if self
            .built
            .as_ref()
            .is_none_or(|b| b.revision != pc.revision)
        {
            let all = a.reliances();
            let involved: crate::domain::IdSet = all.iter().flat_map(|r| [r.from, r.on]).collect();
            let parties: Vec<(Id, String)> = a
                .parties
                .iter()
                .filter(|p| involved.contains(&p.id))
                .enumerate()
                .map(|(k, p)| (p.id, format!("{}. {}", k + 1, p.name)))
                .collect();
            let at: IdMap<usize> = parties
                .iter()
                .enumerate()
                .map(|(k, (id, _))| (*id, k))
                .collect();
            let numbers = a.plan_numbers();
            let line_word = pc.t(T::RelianceLine);
            let mut cells = crate::domain::FastMap::default();
            for r in &all {
                let (Some(row), Some(col)) = (at.get(&r.from), at.get(&r.on)) else {
                    continue;
                };
                let mut what: Vec<String> = r
                    .wishes
                    .iter()
                    .filter_map(|i| a.agenda_item(*i))
                    .map(|i| i.title.clone())
                    .collect();
                what.extend(r.lines.iter().filter_map(|l| a.plan_line(*l)).map(|l| {
                    line_word
                        .replace(
                            "{focal}",
                            a.focal_point(l.focal_point).map_or("", |f| f.name.as_str()),
                        )
                        .replace("{n}", &numbers.get(&l.id).copied().unwrap_or(0).to_string())
                        .replace("{what}", &l.what)
                }));
                cells.insert((*row, *col), what);
            }
            let outside = a
                .parties
                .iter()
                .filter(|p| p.left.is_none() && !involved.contains(&p.id))
                .map(|p| p.name.clone())
                .collect();
            self.built = Some(Built {
                revision: pc.revision,
                parties,
                cells,
                outside,
            });
        }
        self.built.as_ref().expect("built above")
    }

    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        widgets::page_title(ui, pc.t(T::NavReliance));
        widgets::muted(ui, pc.t(T::RelianceIntro));
        ui.add_space(8.0);
        let lang = pc.lang;
        let built = self.build(pc);
        if built.parties.is_empty() {
            widgets::muted(ui, lang.tr(T::RelianceEmpty));
            return;
        }
        if !built.outside.is_empty() {
            widgets::muted(
                ui,
                &lang
                    .tr(T::RelianceOutside)
                    .replace("{names}", &built.outside.join(", ")),
            );
            ui.add_space(4.0);
        }
        let n = built.parties.len();
        let size = vec2(NAME + CELL * n as f32, HEAD + CELL * n as f32);
        egui::ScrollArea::both()
            .id_salt("reliance")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, view| {
                let (whole, _) = ui.allocate_exact_size(size, Sense::hover());
                let origin = whole.min;
                let painter = ui.painter();
                // Only the rows and columns in view are drawn (a region
                // has a hundred and fifty parties).
                let first_row = ((view.min.y - HEAD) / CELL).floor().max(0.0) as usize;
                let last_row = (((view.max.y - HEAD) / CELL).ceil().max(0.0) as usize).min(n);
                let first_col = ((view.min.x - NAME) / CELL).floor().max(0.0) as usize;
                let last_col = (((view.max.x - NAME) / CELL).ceil().max(0.0) as usize).min(n);
                let font = FontId::proportional(15.0);
                for col in first_col..last_col {
                    let x = origin.x + NAME + CELL * col as f32;
                    let r = Rect::from_min_size(pos2(x, origin.y), vec2(CELL, HEAD));
                    painter.text(
                        r.center(),
                        Align2::CENTER_CENTER,
                        (col + 1).to_string(),
                        font.clone(),
                        theme::MUTED,
                    );
                    let name = &built.parties[col].1;
                    let id = ui.scope_id().with(("reliance-col", col));
                    let response = ui.interact(r, id, Sense::hover());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, name)
                    });
                    response.on_hover_text(name.as_str());
                }
                for row in first_row..last_row {
                    let y = origin.y + HEAD + CELL * row as f32;
                    let band = Rect::from_min_size(pos2(origin.x, y), vec2(size.x, CELL));
                    if row % 2 == 1 {
                        painter.rect_filled(band, 0.0, theme::STRIPE);
                    }
                    let from = &built.parties[row].1;
                    let id = ui.scope_id().with(("reliance-row", row));
                    let head = Rect::from_min_size(pos2(origin.x, y), vec2(NAME, CELL));
                    ui.interact(head, id, Sense::hover()).widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::RowHeader, true, from)
                    });
                    painter.text(
                        pos2(origin.x + 6.0, y + CELL / 2.0),
                        Align2::LEFT_CENTER,
                        from,
                        font.clone(),
                        theme::TEXT,
                    );
                    for col in first_col..last_col {
                        let x = origin.x + NAME + CELL * col as f32;
                        let cell = Rect::from_min_size(pos2(x, y), Vec2::splat(CELL));
                        if row == col {
                            painter.rect_filled(cell.shrink(3.0), 2.0, theme::BORDER);
                            continue;
                        }
                        let Some(what) = built.cells.get(&(row, col)) else {
                            painter.rect_stroke(
                                cell.shrink(3.0),
                                2.0,
                                Stroke::new(1.0, theme::BORDER),
                                egui::StrokeKind::Inside,
                            );
                            continue;
                        };
                        painter.rect_filled(cell.shrink(3.0), 3.0, theme::ACCENT);
                        painter.text(
                            cell.center(),
                            Align2::CENTER_CENTER,
                            what.len().to_string(),
                            FontId::proportional(15.0),
                            theme::ACCENT_TEXT,
                        );
                        let on = &built.parties[col].1;
                        let head = lang
                            .tr(T::RelianceCell)
                            .replace("{from}", strip_number(from))
                            .replace("{on}", strip_number(on));
                        let said = format!("{head} {}", what.join("; "));
                        let id = ui.scope_id().with(("reliance-cell", row, col));
                        let response = ui.interact(cell, id, Sense::hover());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Cell, true, &said)
                        });
                        response.on_hover_ui(|ui| {
                            ui.label(RichText::new(&head).family(theme::bold()));
                            for w in what {
                                ui.label(format!("• {w}"));
                            }
                        });
                    }
                }
            });
    }
}

/// "3. De Brug" → "De Brug".
fn strip_number(label: &str) -> &str {
    label.split_once(". ").map_or(label, |(_, name)| name)
}
