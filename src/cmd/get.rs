//! `datumctl get`.

use crate::cli::GetArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &GetArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("get"))
}
