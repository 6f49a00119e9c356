//! `datumctl diff`.

use crate::cli::DiffArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &DiffArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("diff"))
}
