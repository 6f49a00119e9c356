//! `datumctl apply`.

use crate::cli::ApplyArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &ApplyArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("apply"))
}
