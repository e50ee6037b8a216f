//! What each audience may see of an alliance: the room and print
//! (`audience`), one party's phone (`phone`), and the layout of the two
//! maps (`geometry`). The only crate besides the facilitator's own panels
//! that reads the whole alliance for someone else. See this crate's README.

pub mod audience;
pub mod clusters;
pub mod geometry;
pub mod phone;
pub mod print;

use samenspel_catalogue::i18n;
use samenspel_core::{crypt, domain};

/// The domain's types a projection carries: ids, kinds, statuses and scales,
/// and the public record of a draw. Not the alliance, not a single record
/// with a confidential text, and not `Confidential`: what is built from
/// this crate's views cannot reach them.
pub mod shared {
    pub use samenspel_core::domain::agenda::{MAX_SCORE, PriorityMethod};
    pub use samenspel_core::domain::covenant::short_fingerprint;
    pub use samenspel_core::domain::draw::{Chances, Method, canonical_input};
    pub use samenspel_core::domain::{
        Actor, ComfortStatus, Id, NodeKind, Phase, PlanStatus, QuestionKind, RelationKind,
        Response, Ring, RoundStatus, RuleStatus, Scale, SeatDraw, SeatQuota, Stance, Via,
        Visibility,
    };
}
