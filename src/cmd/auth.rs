//! `datumctl auth`.

use crate::cli::AuthCommand;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &AuthCommand, _ctx: &Context) -> CmdResult {
    Err(not_implemented("auth"))
}
