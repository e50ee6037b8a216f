//! What every map canvas shares (the strategy map and the network map):
//! map points to screen points, the pointer in a scene's coordinates, and
//! zooming by buttons and keys.

use egui::{Pos2, Rect, Ui};

use crate::geometry::{self, Pt};
use crate::i18n::T;

use super::widgets::PanelCtx;

pub fn pos(p: Pt) -> Pos2 {
    Pos2::new(p.x, p.y)
}

pub fn rect(r: &geometry::Rect) -> Rect {
    Rect::from_min_max(pos(r.min), pos(r.max))
}

/// The pointer, in the coordinates of `ui`'s (transformed) layer.
pub fn pointer_in(ui: &Ui) -> Option<Pos2> {
    let global = ui.ctx().pointer_latest_pos()?;
    Some(match ui.ctx().layer_transform_from_global(ui.layer_id()) {
        Some(t) => t * global,
        None => global,
    })
}

/// Zoom a scene rectangle around its centre.
pub fn zoom(scene: &mut Rect, factor: f32) {
    let c = scene.center();
    *scene = Rect::from_center_size(c, scene.size() / factor);
}

/// The fit, zoom-out and zoom-in buttons of a canvas. Returns whether the
/// user asked to fit the whole map.
pub fn zoom_controls(ui: &mut Ui, pc: &PanelCtx, scene: &mut Rect) -> bool {
    let fit = ui
        .button(pc.t(T::Fit))
        .on_hover_text(pc.t(T::FitHint))
        .clicked();
    if ui.button("−").on_hover_text(pc.t(T::ZoomOut)).clicked() {
        zoom(scene, 1.0 / 1.25);
    }
    if ui.button("+").on_hover_text(pc.t(T::ZoomIn)).clicked() {
        zoom(scene, 1.25);
    }
    fit
}

/// Keys for canvases, only when no text field has the keyboard.
pub fn canvas_key(ui: &Ui, key: egui::Key) -> bool {
    !ui.ctx().egui_wants_keyboard_input()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}

/// The keys every map canvas shares: F fits the map (returns true), + and
/// − zoom in and out.
pub fn zoom_keys(ui: &Ui, scene: &mut Rect) -> bool {
    if canvas_key(ui, egui::Key::Plus) || canvas_key(ui, egui::Key::Equals) {
        zoom(scene, 1.25);
    }
    if canvas_key(ui, egui::Key::Minus) {
        zoom(scene, 1.0 / 1.25);
    }
    canvas_key(ui, egui::Key::F)
}
