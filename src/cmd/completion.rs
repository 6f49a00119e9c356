//! `datumctl completion`.

use crate::cli::CompletionArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &CompletionArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("completion"))
}
