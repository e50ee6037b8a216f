//! The look of Samenspel in one place: fonts, colours, sizes (design tokens).

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle,
};

/// Calm, professional colours: a deep blue accent on warm grey paper.
pub const ACCENT: Color32 = Color32::from_rgb(0x1d, 0x5a, 0x86);
pub const ACCENT_SOFT: Color32 = Color32::from_rgb(0xe3, 0xee, 0xf6);
pub const ACCENT_TEXT: Color32 = Color32::WHITE;
pub const PAPER: Color32 = Color32::from_rgb(0xf5, 0xf5, 0xf2);
pub const SURFACE: Color32 = Color32::WHITE;
pub const SIDEBAR: Color32 = Color32::from_rgb(0xec, 0xed, 0xea);
pub const BORDER: Color32 = Color32::from_rgb(0xd6, 0xd7, 0xd2);
pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x26, 0x2b);
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x66, 0x6d);
pub const WARN_BG: Color32 = Color32::from_rgb(0xfd, 0xf3, 0xd8);
pub const WARN_FG: Color32 = Color32::from_rgb(0x7a, 0x55, 0x00);
pub const DANGER: Color32 = Color32::from_rgb(0xa8, 0x2a, 0x2a);
pub const DONE: Color32 = Color32::from_rgb(0x3b, 0x7d, 0x4f);
/// The background of something marked shareable with the group.
pub const SHARED_BG: Color32 = Color32::from_rgb(0xee, 0xf5, 0xf1);

/// The relation palette, one colour per kind of relation: the network
/// canvas, the slides and the maps in PDFs all draw with these.
pub const fn relation_rgb(kind: crate::domain::RelationKind) -> [u8; 3] {
    use crate::domain::RelationKind;
    match kind {
        RelationKind::WorksWith => [0x1d, 0x5a, 0x86],
        RelationKind::DependsOn => [0x6b, 0x4c, 0x9a],
        RelationKind::RefersTo => [0x8a, 0x93, 0x9b],
        RelationKind::Funds => [0x3b, 0x7d, 0x4f],
        RelationKind::Tension => [0xa8, 0x2a, 0x2a],
    }
}

/// A relation's colour on a light background.
pub fn relation_color(kind: crate::domain::RelationKind) -> Color32 {
    let [r, g, b] = relation_rgb(kind);
    Color32::from_rgb(r, g, b)
}

/// A relation's colour on a dark background (the dark projector theme):
/// the same hue, lightened for contrast.
pub fn relation_color_on_dark(kind: crate::domain::RelationKind) -> Color32 {
    let [r, g, b] = relation_rgb(kind);
    let lift = |c: u8| (c as u16 + (255 - c as u16) * 11 / 20) as u8;
    Color32::from_rgb(lift(r), lift(g), lift(b))
}

pub const RADIUS: u8 = 6;
pub const GAP: f32 = 12.0;

/// The family for bold text.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Fonts shipped in `assets/fonts`: Noto Sans for text, DejaVu Sans as the
/// fallback for arrows, bullets and symbols.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    let data: [(&str, &'static [u8]); 4] = [
        (
            "NotoSans",
            include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
        ),
        (
            "NotoSans-Bold",
            include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
        ),
        (
            "DejaVuSans",
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
        ),
        (
            "DejaVuSans-Bold",
            include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
        ),
    ];
    for (name, bytes) in data {
        fonts
            .font_data
            .insert(name.into(), Arc::new(FontData::from_static(bytes)));
    }
    let regular = vec!["NotoSans".to_string(), "DejaVuSans".to_string()];
    fonts
        .families
        .insert(FontFamily::Proportional, regular.clone());
    fonts.families.insert(FontFamily::Monospace, regular);
    fonts.families.insert(
        bold(),
        vec!["NotoSans-Bold".to_string(), "DejaVuSans-Bold".to_string()],
    );
    fonts
}

/// Install fonts and style on a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(24.0, bold())),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 5.0);
        style.spacing.interact_size.y = 28.0;
        style.spacing.text_edit_width = 360.0;
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        let v = &mut style.visuals;
        v.panel_fill = PAPER;
        v.window_fill = SURFACE;
        v.extreme_bg_color = SURFACE;
        v.faint_bg_color = Color32::from_rgb(0xf7, 0xf8, 0xf6);
        v.override_text_color = Some(TEXT);
        v.hyperlink_color = ACCENT;
        v.selection.bg_fill = ACCENT_SOFT;
        v.selection.stroke = Stroke::new(1.0, ACCENT);
        v.window_corner_radius = CornerRadius::same(RADIUS + 2);
        v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, BORDER);
        for w in [
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.corner_radius = CornerRadius::same(RADIUS);
        }
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, BORDER);
        v.widgets.hovered.bg_stroke = Stroke::new(1.0, ACCENT);
    });
}

/// A white card on the paper background.
pub fn card() -> egui::Frame {
    egui::Frame::new()
        .fill(SURFACE)
        .stroke(Stroke::new(1.0, BORDER))
        .corner_radius(CornerRadius::same(RADIUS + 2))
        .inner_margin(egui::Margin::same(16))
}
