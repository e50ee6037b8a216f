//! The design tokens of what is printed and drawn outside the window: the
//! print palette and the relation palette. The window's theme reads them
//! from here, so the PDFs, the slides and the canvas share one palette and
//! no document depends on the user interface.

/// The documents' colours (PDF, as fractions of 1): ink, a muted grey, the
/// accent, a warning red, and the fills of the printed maps.
pub mod print {
    pub type Rgb = (f32, f32, f32);
    pub const INK: Rgb = (0.10, 0.11, 0.13);
    pub const MUTED: Rgb = (0.38, 0.40, 0.44);
    pub const ACCENT: Rgb = (0.09, 0.33, 0.45);
    pub const WARN: Rgb = (0.62, 0.16, 0.10);
    pub const LANE_FILL: [Rgb; 2] = [(0.965, 0.965, 0.950), (0.935, 0.940, 0.925)];
    pub const LABEL_FILL: Rgb = (0.890, 0.905, 0.900);
    pub const OBJECTIVE_FILL: Rgb = (0.890, 0.933, 0.965);
    pub const INITIATIVE_FILL: Rgb = (0.985, 0.950, 0.860);
    pub const ARROW: Rgb = (0.30, 0.33, 0.37);
    /// The printed network map: ring lines,
    /// and the fills of the commissioner's and the rings' circles.
    pub const RING_LINE: Rgb = (0.80, 0.81, 0.78);
    pub const COMMISSIONER_FILL: Rgb = (0.114, 0.353, 0.525);
    pub const INNER_FILL: Rgb = (0.890, 0.933, 0.965);
    pub const OUTER_FILL: Rgb = (0.960, 0.960, 0.950);
}

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
