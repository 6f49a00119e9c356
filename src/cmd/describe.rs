//! `datumctl describe`.

use crate::cli::DescribeArgs;
use crate::cmd::{Context, not_implemented};
use crate::error::CmdResult;

pub fn run(_args: &DescribeArgs, _ctx: &Context) -> CmdResult {
    Err(not_implemented("describe"))
}
