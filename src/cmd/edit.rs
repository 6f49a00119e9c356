//! placeholder
use crate::cli::EditArgs;
use crate::cmd::Context;
use crate::error::CmdResult;
pub fn run(_args: &EditArgs, _ctx: &Context) -> CmdResult { todo!() }
