//! `datumctl completion SHELL`: the completion script clap_complete derives from `cli.rs`.
//! The same scripts are committed under completions/ (tests/it/generated_files.rs keeps them fresh).

use crate::cli::{Cli, CompletionArgs};
use crate::cmd::Context;
use crate::error::{CmdResult, Outcome};
use clap::CommandFactory;
use clap_complete::Shell;

/// The binary's name as completion scripts register it.
pub const BIN: &str = "datumctl";

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut command = without_hidden_args(Cli::command());
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut command, BIN, &mut buf);
    let generated = String::from_utf8_lossy(&buf).into_owned();
    with_policy_names(shell, generated)
}

/// The command tree as completions should offer it: clap_complete lists hidden arguments too,
/// so the global flags a command has no use for (`cli::UnusedGlobals`) are left out here, on a
/// built tree whose globals are already on every subcommand.
fn without_hidden_args(mut command: clap::Command) -> clap::Command {
    command.build();
    fn visible(command: &clap::Command) -> clap::Command {
        let mut fresh = clap::Command::new(command.get_name().to_string())
            .disable_help_flag(true)
            .disable_version_flag(true)
            .disable_help_subcommand(true)
            .subcommand_required(command.is_subcommand_required_set())
            .args(
                command
                    .get_arguments()
                    .filter(|a| !a.is_hide_set())
                    .map(|a| a.clone().global(false)),
            );
        if let Some(about) = command.get_about() {
            fresh = fresh.about(about.clone());
        }
        if let Some(version) = command.get_version() {
            fresh = fresh.version(version.to_string());
        }
        fresh = fresh.visible_aliases(
            command
                .get_visible_aliases()
                .map(str::to_string)
                .collect::<Vec<_>>(),
        );
        fresh.subcommands(command.get_subcommands().map(visible))
    }
    visible(&command)
}

/// Flags whose value is the next word, so the scripts do not take it for a positional.
const VALUE_FLAGS: &str = "--server|--project|--token|-n|--namespace|-o|--output|--color|-v|--verbose|--request-timeout|--kubeconfig|--context|--certificate-authority|--error-format|-l|--selector|--field-selector|-L|--label-columns|--chunk-size|-f|--filename|--for|--timeout|-p|--patch|--patch-file|--type|--resource-version|--field-manager|--sort-by|--api-group|--verbs|--categories|--subresource|--grace-period|--api-version";

const BASH_NAMES: &str = r#"
# Policy names from the server after `get|describe|delete|wait|edit|patch|label|annotate RESOURCE` (datumctl __complete-names).
_datumctl_with_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" i word
    local -a positional=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            VALUE_FLAGS) ((i++)) ;;
            -*) ;;
            *) positional+=("$word") ;;
        esac
    done
    if [[ $cur != -* && ${#positional[@]} -ge 2 && " get describe delete wait edit patch label annotate " == *" ${positional[0]} "* ]]; then
        local IFS=$'
'
        COMPREPLY=($(compgen -W "$(datumctl __complete-names "${COMP_WORDS[@]:0:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
        return 0
    fi
    _datumctl "$@"
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _datumctl_with_names -o nosort -o bashdefault -o default datumctl
else
    complete -F _datumctl_with_names -o bashdefault -o default datumctl
fi
"#;

const ZSH_NAMES: &str = r#"
# Policy names from the server after `get|describe|delete|wait|edit|patch|label|annotate RESOURCE` (datumctl __complete-names).
_datumctl_with_names() {
    local -a positional names
    local i word
    for ((i = 2; i < CURRENT; i++)); do
        word="${words[i]}"
        case "$word" in
            VALUE_FLAGS) ((i++)) ;;
            -*) ;;
            *) positional+=("$word") ;;
        esac
    done
    if [[ ${words[CURRENT]} != -* && ${#positional} -ge 2 && ${positional[1]} == (get|describe|delete) ]]; then
        names=(${(f)"$(datumctl __complete-names ${words[1,CURRENT-1]} 2>/dev/null)"})
        compadd -a names
        return
    fi
    _datumctl "$@"
}

if [ "$funcstack[1]" = "_datumctl" ]; then
    _datumctl_with_names "$@"
else
    compdef _datumctl_with_names datumctl
fi
"#;

const FISH_NAMES: &str = r#"
# Policy names from the server after `get|describe|delete|wait|edit|patch|label|annotate RESOURCE` (datumctl __complete-names).
function __datumctl_wants_policy_name
    set -l words (commandline -opc)
    set -l positional
    set -l skip 0
    for word in $words[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case VALUE_FLAGS
                set skip 1
            case '-*'
            case '*'
                set -a positional $word
        end
    end
    test (count $positional) -ge 2; and contains -- $positional[1] get describe delete wait edit patch label annotate
end
complete -c datumctl -n __datumctl_wants_policy_name -f -a '(datumctl __complete-names (commandline -opc) 2>/dev/null)'
"#;

/// `script` with `addition` put in before the last occurrence of `marker` (at the end when
/// there is none).
fn insert_before_last(script: &str, marker: &str, addition: &str) -> String {
    let cut = script.rfind(marker).unwrap_or(script.len());
    format!("{}{}", &script[..cut], addition.trim_start())
}

/// Adds completion of policy names (asked of the server through `datumctl __complete-names`)
/// to the scripts of the shells that can run a command while completing.
fn with_policy_names(shell: Shell, generated: String) -> String {
    match shell {
        // The names function goes in before the lines that register the completion.
        Shell::Bash => insert_before_last(
            &generated,
            "if [[ \"${BASH_VERSINFO[0]}\"",
            &BASH_NAMES.replace("VALUE_FLAGS", VALUE_FLAGS),
        ),
        Shell::Zsh => insert_before_last(
            &generated,
            "if [ \"$funcstack[1]\" = \"_datumctl\" ]",
            &ZSH_NAMES.replace("VALUE_FLAGS", VALUE_FLAGS),
        ),
        Shell::Fish => {
            let fish_flags = VALUE_FLAGS.replace('|', " ");
            format!(
                "{generated}{}",
                FISH_NAMES.replace("VALUE_FLAGS", &fish_flags)
            )
        }
        // PowerShell, Elvish (and any shell clap_complete adds) run no command while completing.
        _ => generated,
    }
}

/// The file name a packager installs the script under (`datumctl.bash`, `_datumctl`, …).
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "datumctl.bash",
        Shell::Zsh => "_datumctl",
        Shell::Fish => "datumctl.fish",
        Shell::PowerShell => "_datumctl.ps1",
        Shell::Elvish => "datumctl.elv",
        // A shell clap_complete adds later gets a plain name until it has its own.
        _ => "datumctl.completion",
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
        for shell in <Shell as clap::ValueEnum>::value_variants().iter().copied() {
            let text = script(shell);
            assert!(text.contains("explain"), "{shell:?}");
            assert!(text.contains("--recursive"), "{shell:?}");
        }
    }
}
