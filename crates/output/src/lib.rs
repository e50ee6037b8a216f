//! What leaves the laptop: the PDFs (`report`), the phone pages and the
//! card's QR code (`room`), the label placer of the maps (`labels`), the
//! print palette (`tokens`) and the projection's types in words (`words`).
//! See this crate's README.

pub mod labels;
pub mod report;
pub mod room;
pub mod tokens;
pub mod words;

use samenspel_catalogue::i18n;
use samenspel_projection::shared as domain;
use samenspel_projection::{audience, geometry, phone};
