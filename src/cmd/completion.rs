//! `datumctl completion SHELL`: the completion script clap_complete derives from `cli.rs`.
//! The same scripts are committed under completions/ (tests/generated_files.rs keeps them fresh).

use crate::cli::{Cli, CompletionArgs, Shell};
use crate::cmd::Context;
use crate::error::{CmdResult, Outcome};
use clap::CommandFactory;
use clap_complete::Shell as Target;

/// The binary's name as completion scripts register it.
pub const BIN: &str = "datumctl";

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
        Shell::Elvish => Target::Elvish,
    };
    let mut command = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(target, &mut command, BIN, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The file name a packager installs the script under (`datumctl.bash`, `_datumctl`, …).
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "datumctl.bash",
        Shell::Zsh => "_datumctl",
        Shell::Fish => "datumctl.fish",
        Shell::Powershell => "_datumctl.ps1",
        Shell::Elvish => "datumctl.elv",
    }
}

pub fn run(args: &CompletionArgs, ctx: &Context) -> CmdResult {
    ctx.printer.out(&script(args.shell));
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_name_the_subcommands() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Powershell,
            Shell::Elvish,
        ] {
            let text = script(shell);
            assert!(text.contains("explain"), "{shell:?}");
            assert!(text.contains("--recursive"), "{shell:?}");
        }
    }
}
