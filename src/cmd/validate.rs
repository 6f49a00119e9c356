//! `datumctl validate`.

use crate::cli::ValidateArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &ValidateArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("validate"))
}
