//! Every word Samenspel shows or prints, in Dutch and English (`i18n`).
//! Knows the domain only as far as it puts it into words. See this crate's
//! README.

pub mod i18n;

use samenspel_core::{crypt, domain, store};
