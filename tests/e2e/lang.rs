//! Indonesian and English: `--lang`, the locale, and the default.

use crate::support::{root, sakip, sakip_env};

#[test]
fn indonesian_is_the_default_and_lang_overrides_the_locale() {
    let no_locale = sakip_env(&root(), &["check", "rules", "examples"], &[("LANG", "")]);
    assert_eq!(
        no_locale.stderr,
        "diperiksa 13 aturan (36 berkas): tidak ada kesalahan\n"
    );
    let english = sakip_env(&root(), &["check", "rules", "examples"], &[("LANG", "en_GB.UTF-8")]);
    assert_eq!(english.stderr, "checked 13 rule sets (36 files): no errors\n");
    // The flag wins over the locale, before or after the command.
    let flag = sakip_env(
        &root(),
        &["--lang", "id", "check", "rules", "examples"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(flag.stderr, no_locale.stderr);
    let after = sakip(&["check", "rules", "examples", "--lang=id"]);
    assert_eq!(after.stderr, no_locale.stderr);
    let lc_all = sakip_env(&root(), &["check", "rules", "examples"], &[("LC_ALL", "id_ID.UTF-8")]);
    assert_eq!(lc_all.stderr, no_locale.stderr, "LC_ALL comes before LANG");
}

#[test]
fn a_rule_file_problem_in_each_language() {
    let file = "tests/fixtures/errors/duplicate-indicator.sakip";
    let en = sakip(&["check", "--format", "short", file]);
    let id = sakip(&["check", "--format", "short", "--lang", "id", file]);
    assert!(
        en.stderr
            .contains("error[indikator-twice]: indikator `kamtib` is declared twice"),
        "{}",
        en.stderr
    );
    // The code and the place are the same; the words are Indonesian.
    assert!(
        id.stderr
            .contains("error[indikator-twice]: indikator `kamtib` dideklarasikan dua kali"),
        "{}",
        id.stderr
    );
    let json_en = sakip(&["check", "--format", "json", file]);
    let json_id = sakip(&["check", "--format", "json", "--lang", "id", file]);
    assert_eq!(
        json_en.stdout, json_id.stdout,
        "the JSON contract is the same in every language"
    );
}

#[test]
fn the_help_in_indonesian() {
    let id = sakip(&["--lang", "id", "--help"]);
    assert_eq!(id.code, 0);
    assert!(id.stdout.contains("Penggunaan: sakip"), "{}", id.stdout);
    assert!(id.stdout.contains("Periksa berkas aturan"), "{}", id.stdout);
    let en = sakip(&["--help"]);
    assert!(
        en.stdout.contains("Usage: sakip") && en.stdout.contains("Check rule files"),
        "{}",
        en.stdout
    );
    let eval = sakip(&["eval", "--help", "--lang", "id"]);
    assert!(eval.stdout.starts_with("Evaluasi satu tahun satker"), "{}", eval.stdout);
}

/// The catalogues: the shared one in the core, and each front end's own
/// words beside its code, as `(crate, folder)`.
const CATALOGUES: [(&str, &str); 4] = [
    ("sakip-core", "crates/sakip-core/i18n"),
    ("sakip-cli", "crates/sakip-cli/i18n"),
    ("sakip-serve", "crates/sakip-serve/i18n"),
    ("sakip-lsp", "crates/sakip-lsp/i18n"),
];

/// The ids of one catalogue's English file (entries start at the left margin).
fn ids_in(folder: &str) -> std::collections::BTreeSet<String> {
    std::fs::read_to_string(root().join(folder).join("en.ftl"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .map(|l| l.split(" = ").next().unwrap().to_string())
        .collect()
}

/// The ids a crate's code may name: the shared catalogue's and its own.
fn ids_for(krate: &str) -> std::collections::BTreeSet<String> {
    let mut ids = ids_in("crates/sakip-core/i18n");
    for (name, folder) in CATALOGUES {
        if name == krate && name != "sakip-core" {
            ids.extend(ids_in(folder));
        }
    }
    ids
}

/// The crate a source file belongs to (`crates/<name>/src/...`).
fn crate_of(file: &str) -> &str {
    file.split("/crates/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("")
}

/// Every source file of the crates, as text.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("target") {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && p.to_string_lossy().contains("/src/") {
                out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("crates"), &mut out);
    out
}

#[test]
fn every_message_the_code_names_is_in_the_catalogue_and_the_reverse() {
    let sources = sources();
    // `Text::new("id")` and `say(lang, "id")` with a literal id.
    let mut named = Vec::new();
    for (file, text) in &sources {
        for pat in ["Text::new(\"", "say(lang, \"", "say(io.lang, \""] {
            for (i, _) in text.match_indices(pat) {
                let rest = &text[i + pat.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                named.push((file.clone(), id.to_string()));
            }
        }
    }
    // (The catalogue's own test names a message that does not exist on purpose.)
    // A crate names ids of the shared catalogue or of its own words: the
    // command line cannot say a word only the workbench adds.
    let missing: Vec<_> = named
        .iter()
        .filter(|(file, id)| !ids_for(crate_of(file)).contains(id) && id != "no-such-message")
        .collect();
    assert!(
        missing.is_empty(),
        "messages the code names that the catalogue lacks: {missing:?}"
    );
    assert!(named.len() > 300, "{} names", named.len());
    // Every entry is used somewhere (some ids are chosen by a `match`, so
    // any literal of the id counts).
    // A front end's words by its own code; the shared ones by any.
    let mut unused = Vec::new();
    for (krate, folder) in CATALOGUES {
        let code: String = sources
            .iter()
            .filter(|(f, _)| krate == "sakip-core" || crate_of(f) == krate)
            .map(|(_, t)| t.as_str())
            .collect();
        unused.extend(
            ids_in(folder)
                .into_iter()
                .filter(|id| !code.contains(&format!("\"{id}\"")))
                .map(|id| format!("{folder}: {id}")),
        );
    }
    assert!(unused.is_empty(), "catalogue entries no code uses: {unused:?}");
    // No id in two catalogues (the first would silently win).
    let mut seen = std::collections::BTreeMap::new();
    for (_, folder) in CATALOGUES {
        for id in ids_in(folder) {
            if let Some(other) = seen.insert(id.clone(), folder) {
                panic!("`{id}` is in both {other} and {folder}");
            }
        }
    }
    // The front ends' words are theirs: no other crate names one, in a
    // `Text::new` or anywhere else (an id chosen by a `match`).
    for (krate, folder) in CATALOGUES.into_iter().skip(1) {
        for id in ids_in(folder) {
            let elsewhere: Vec<_> = sources
                .iter()
                .filter(|(f, t)| crate_of(f) != krate && t.contains(&format!("\"{id}\"")))
                .map(|(f, _)| f.as_str())
                .collect();
            assert!(elsewhere.is_empty(), "`{id}` of {folder} named in {elsewhere:?}");
        }
    }
}

/// Each message's values as the English catalogues use them (`{ $name }`).
fn catalogue_values() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let text: String = CATALOGUES
        .iter()
        .map(|(_, folder)| std::fs::read_to_string(root().join(folder).join("en.ftl")).unwrap() + "\n")
        .collect();
    let mut out: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    let mut current = String::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let value = if line.starts_with(' ') {
            line
        } else {
            let (id, value) = line.split_once(" = ").unwrap();
            current = id.to_string();
            value
        };
        let vars = out.entry(current.clone()).or_default();
        vars.extend(
            value
                .split("{ $")
                .skip(1)
                .map(|v| v.split(' ').next().unwrap().to_string()),
        );
    }
    out
}

/// Every catalogue, the shared one and each front end's, says every
/// message in both languages, each parses, and Indonesian uses no value
/// English does not give.
#[test]
fn every_catalogue_has_both_languages() {
    for (_, folder) in CATALOGUES {
        let (en, id) = (ids_in(folder), {
            let text = std::fs::read_to_string(root().join(folder).join("id.ftl")).unwrap();
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
                .map(|l| l.split(" = ").next().unwrap().to_string())
                .collect::<std::collections::BTreeSet<String>>()
        });
        assert_eq!(en, id, "{folder}: the two languages list different messages");
        assert!(!en.is_empty(), "{folder}");
        for lang in ["en", "id"] {
            let text = std::fs::read_to_string(root().join(folder).join(format!("{lang}.ftl"))).unwrap();
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text) {
                panic!("{folder}/{lang}.ftl does not parse: {errors:?}");
            }
        }
    }
    // Each front end's words reach its messages: one of each, rendered
    // the way the front end renders them (a missing part would give the id).
    for (words, id) in [
        (sakip_cli::WORDS, "cli-merge-no-csv"),
        (sakip_serve::WORDS, "serve-rule-set"),
        (sakip_lsp::WORDS, "lsp-no-year"),
    ] {
        sakip_core::i18n::add_words(words);
        for lang in [sakip_core::Lang::Id, sakip_core::Lang::En] {
            let text = sakip_core::Text::new(id).render(lang);
            assert_ne!(text, id, "{} has no {id} in {lang:?}", words.name);
        }
    }
}

#[test]
fn the_code_gives_every_value_a_message_uses() {
    // `Text::new("id")` followed by `.arg("name", ...)` or `.arg_text("name", ...)`
    // up to the end of the expression: the names the code gives.
    let values = catalogue_values();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (file, text) in sources() {
        for (i, _) in text.match_indices("Text::new(\"") {
            let rest = &text[i + 11..];
            let id = &rest[..rest.find('"').unwrap()];
            let Some(want) = values.get(id) else { continue };
            // The chain ends where the next statement or message starts.
            let tail = &rest[id.len()..];
            let end = [tail.find(';'), tail.find("Text::new("), tail.find("\n\n")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(tail.len());
            let chain = &tail[..end];
            let given: std::collections::BTreeSet<String> = chain
                .match_indices(".arg")
                .filter_map(|(j, _)| {
                    let after = &chain[j..];
                    let open = after.find('(')?;
                    let name = after[open + 1..].trim_start().strip_prefix('"')?;
                    Some(name[..name.find('"')?].to_string())
                })
                .collect();
            // A message built in pieces (a closure that adds its values
            // later) gives none here; only a chain that gives some is judged.
            if given.is_empty() {
                continue;
            }
            checked += 1;
            let missing: Vec<_> = want.difference(&given).collect();
            if !missing.is_empty() {
                wrong.push(format!("{file}: `{id}` needs {missing:?}, the code gives {given:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked > 150, "{checked} messages checked");
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = sakip(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["check", "eval", "explain", "rollup", "new-year", "lang", "year"] {
            assert!(run.stdout.contains(word), "{shell} completes `{word}`");
        }
    }
    assert_eq!(
        sakip(&["completions", "tcsh"]).code,
        2,
        "an unknown shell is a usage error"
    );
}

/// Read errors speak the reader's language too: a file saved as Latin-1
/// said "it is not UTF-8 text" inside an Indonesian sentence.
#[test]
fn a_file_that_is_not_utf8_is_named_in_the_readers_language() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lang-latin1");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.sakip"), b"aturan nasional a \"Caf\xe9\"\n").unwrap();
    let run = crate::support::sakip_in(&dir, &["--lang", "id", "check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("bukan teks UTF-8 (baris 1, bita 23)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not UTF-8"), "{}", run.stderr);
}
