//! `datumctl serve`.

use crate::cli::ServeArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &ServeArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("serve"))
}
