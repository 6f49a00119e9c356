//! `datumctl delete`.

use crate::cli::DeleteArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &DeleteArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("delete"))
}
