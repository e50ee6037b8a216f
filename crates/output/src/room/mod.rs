//! What a phone is shown: its page (`page`) and, on the printed card, the
//! QR code of its link (`qr`).

pub mod page;
pub mod qr;
