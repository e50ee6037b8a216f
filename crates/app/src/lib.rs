//! The window: the egui shell, the panels and their widgets (`ui`), the
//! room server that the phones vote through (`room`), and the shipped
//! examples (`example`). See this crate's README.

pub mod clock;
pub mod draft;
pub mod example;
pub mod room;
pub mod ui;

use samenspel_catalogue::i18n;
use samenspel_core::{crypt, csvimport, document, domain, store};
use samenspel_output::{labels, report};
use samenspel_projection::{audience, clusters, geometry, phone};
