//! The command line's help in the reader's language, as far as clap lets a
//! program change it simply: what sakip and each command is for, the usage
//! line and the commands' heading, and the global options. The options of
//! each command, and clap's own headings (`Options`, `Arguments`), stay in
//! English: clap builds them from the code, and renaming them splits the
//! page around its generated `--help` flag.

use clap::Command;
use sakip_core::i18n::say;
use sakip_core::Lang;

/// The commands, with the catalogue id of what each is for.
const ABOUT: [(&str, &str); 17] = [
    ("check", "help-check"),
    ("eval", "help-eval"),
    ("explain", "help-explain"),
    ("diff", "help-diff"),
    ("new-year", "help-new-year"),
    ("fmt", "help-fmt"),
    ("test", "help-test"),
    ("report", "help-report"),
    ("import", "help-import"),
    ("rollup", "help-rollup"),
    ("completions", "help-completions"),
    ("lsp", "help-lsp"),
    ("provenance", "help-provenance"),
    ("verify", "help-verify"),
    ("whatif", "help-whatif"),
    ("why", "help-why"),
    ("serve", "help-serve"),
];

/// `cmd` with its help in `lang`. English is the text in the code; only
/// Indonesian is replaced.
pub fn in_language(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        say(lang, "help-usage")
    );
    let mut cmd = cmd
        .about(say(lang, "help-about"))
        .long_about(say(lang, "help-long-about"))
        .help_template(template.clone())
        .subcommand_help_heading(say(lang, "help-commands"))
        .mut_arg("color", |a| a.help(say(lang, "help-color")))
        .mut_arg("lang", |a| a.help(say(lang, "help-lang")));
    for (name, id) in ABOUT {
        let template = template.clone();
        cmd = cmd.mut_subcommand(name, |c| c.about(say(lang, id)).help_template(template));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_has_its_indonesian_summary() {
        sakip_core::i18n::add_words(crate::WORDS);
        let cmd = crate::Cli::command();
        let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
        assert_eq!(names.len(), ABOUT.len(), "{names:?}");
        for (name, id) in ABOUT {
            assert!(names.contains(&name), "{name}");
            assert!(sakip_core::i18n::catalogue().has(Lang::Id, id), "{id}");
        }
    }
}
