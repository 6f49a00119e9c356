//! `datumctl explain`.

use crate::cli::ExplainArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &ExplainArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("explain"))
}
