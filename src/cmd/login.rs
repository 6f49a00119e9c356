//! `datumctl login`.

use crate::cli::LoginArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &LoginArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("login"))
}

pub fn logout(_ctx: &Context) -> CmdResult {
    Err(not_implemented("logout"))
}
