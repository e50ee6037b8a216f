//! What each audience may see of an alliance: the room and print
//! (`audience`), one party's phone (`phone`), and the layout of the two
//! maps (`geometry`). The only crate besides the facilitator's own panels
//! that reads the whole alliance for someone else. See this crate's README.

pub mod audience;
pub mod geometry;
pub mod phone;

use samenspel_catalogue::i18n;
use samenspel_core::{crypt, domain};
