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
/// Every other row of a long table.
pub const STRIPE: Color32 = Color32::from_rgb(0xec, 0xed, 0xe9);
pub const SURFACE: Color32 = Color32::WHITE;
pub const SIDEBAR: Color32 = Color32::from_rgb(0xec, 0xed, 0xea);
pub const BORDER: Color32 = Color32::from_rgb(0xd6, 0xd7, 0xd2);
pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x26, 0x2b);
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x66, 0x6d);
pub const WARN_BG: Color32 = Color32::from_rgb(0xfd, 0xf3, 0xd8);
pub const WARN_FG: Color32 = Color32::from_rgb(0x7a, 0x55, 0x00);
pub const DANGER: Color32 = Color32::from_rgb(0xa8, 0x2a, 0x2a);
pub const DONE: Color32 = Color32::from_rgb(0x3b, 0x7d, 0x4f);
/// Map canvases: the commissioner's and the parties' circles, outlines,
/// plain arrows and the alternating lane backgrounds.
pub const COMMISSIONER_FILL: Color32 = Color32::from_rgb(0xf6, 0xe7, 0xc8);
pub const ACTOR_FILL: Color32 = Color32::from_rgb(0xf1, 0xf1, 0xee);
pub const OUTLINE: Color32 = Color32::from_rgb(0x9a, 0xa3, 0xab);
pub const ARROW_GREY: Color32 = Color32::from_rgb(0x8a, 0x93, 0x9b);
pub const LANE_FILLS: [Color32; 2] = [
    Color32::from_rgb(0xf3, 0xf6, 0xf9),
    Color32::from_rgb(0xfb, 0xfb, 0xf8),
];
/// The background of something marked shareable with the group.
pub const SHARED_BG: Color32 = Color32::from_rgb(0xee, 0xf5, 0xf1);

pub use crate::tokens::{print, relation_rgb};

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

/// The projector's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectorTheme {
    /// Dark text on white: best on most projectors in a lit room.
    #[default]
    Light,
    /// Light text on near-black: for a dark room.
    Dark,
}

/// Colours of one projector theme, all with strong contrast.
#[derive(Clone, Copy)]
pub struct Palette {
    pub bg: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub accent: Color32,
    pub on_accent: Color32,
    pub soft: Color32,
    pub line: Color32,
    pub ok: Color32,
    pub warn: Color32,
    pub danger: Color32,
    pub initiative: Color32,
}

impl ProjectorTheme {
    pub fn palette(self) -> Palette {
        match self {
            ProjectorTheme::Light => Palette {
                bg: Color32::WHITE,
                text: Color32::from_rgb(0x10, 0x13, 0x17),
                muted: Color32::from_rgb(0x3a, 0x41, 0x48),
                accent: Color32::from_rgb(0x0b, 0x4f, 0x7c),
                on_accent: Color32::WHITE,
                soft: Color32::from_rgb(0xd8, 0xe8, 0xf4),
                line: Color32::from_rgb(0x5a, 0x63, 0x6b),
                ok: Color32::from_rgb(0x17, 0x66, 0x33),
                warn: Color32::from_rgb(0x85, 0x55, 0x00),
                danger: Color32::from_rgb(0xa0, 0x1c, 0x1c),
                initiative: Color32::from_rgb(0xfa, 0xec, 0xc8),
            },
            ProjectorTheme::Dark => Palette {
                bg: Color32::from_rgb(0x0e, 0x12, 0x16),
                text: Color32::from_rgb(0xf4, 0xf6, 0xf8),
                muted: Color32::from_rgb(0xc3, 0xcb, 0xd2),
                accent: Color32::from_rgb(0x7c, 0xc0, 0xf5),
                on_accent: Color32::from_rgb(0x08, 0x16, 0x22),
                soft: Color32::from_rgb(0x1d, 0x33, 0x47),
                line: Color32::from_rgb(0xa6, 0xb0, 0xb9),
                ok: Color32::from_rgb(0x86, 0xd9, 0xa0),
                warn: Color32::from_rgb(0xf3, 0xc2, 0x67),
                danger: Color32::from_rgb(0xff, 0x8f, 0x85),
                initiative: Color32::from_rgb(0x4a, 0x3c, 0x18),
            },
        }
    }
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
            include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
        ),
        (
            "NotoSans-Bold",
            include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
        ),
        (
            "DejaVuSans",
            include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
        ),
        (
            "DejaVuSans-Bold",
            include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
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
