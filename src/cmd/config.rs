//! `datumctl config`.

use crate::cli::ConfigCommand;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &ConfigCommand, _ctx: &Context) -> CmdResult {
    Err(not_implemented("config"))
}
