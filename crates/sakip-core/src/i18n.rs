//! Messages in Indonesian and English, from one catalogue.
//!
//! Every sentence sakip says to a person has an id in the catalogue
//! (`crates/sakip-core/i18n/{id,en}.ftl`, Project Fluent's format, compiled
//! into the program) with its words in both languages; code says which
//! message and with which values ([`Text`]), and a renderer asks for it in
//! the reader's [`Lang`]. A problem's code never changes with the language,
//! and the JSON contract keeps its English messages.
//!
//! The catalogue's shared part lives in the core because the messages are
//! about the domain (a target, a realisasi, a band) and every stage that
//! finds a problem builds on the core. A front end's own words (the command
//! line's help, the workbench's pages) live beside its code and are added
//! with [`add_words`] when it starts. All of it is data compiled in, not a
//! file read at run time.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};

/// The language of what sakip says: Indonesian unless asked otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// `id` or `en` (case aside).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a POSIX locale names (`en_US.UTF-8` is English; `id_ID`,
    /// `C`, `POSIX` and anything else, Indonesian, the default).
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }

    /// The language the environment asks for: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, as POSIX orders them; Indonesian when
    /// none is set.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .map(|l| Lang::from_locale(&l))
            .unwrap_or_default()
    }

    /// `id` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// Which message, with which values: what code hands to a renderer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// The message's id in the catalogue (`target-missing`).
    pub id: &'static str,
    /// Its values, by the names the catalogue uses (`$id`, `$year`),
    /// already written as text (numbers in plain notation).
    pub args: Vec<(&'static str, String)>,
    /// Values that are messages themselves (a script's failure inside a
    /// finding), rendered in the same language as the message.
    pub nested: Vec<(&'static str, Text)>,
}

impl Text {
    /// Message `id`, with no values yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
            nested: Vec::new(),
        }
    }

    /// Adds the value of `$name`, itself a message.
    pub fn arg_text(mut self, name: &'static str, value: Text) -> Self {
        self.nested.push((name, value));
        self
    }

    /// Adds the value of `$name`.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The message in `lang`; its id itself when no catalogue has it (see
    /// [`missing_ids`]).
    pub fn render(&self, lang: Lang) -> String {
        catalogue()
            .format(lang, self.id, None, &self.all_args(lang))
            .unwrap_or_else(|| {
                missing(self.id);
                self.id.to_string()
            })
    }

    /// The values, nested messages rendered in `lang`.
    fn all_args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut args = self.args.clone();
        args.extend(self.nested.iter().map(|(name, t)| (*name, t.render(lang))));
        args
    }

    /// An attribute of the message (`help`, `label`) in `lang`, when the
    /// catalogue gives the message one.
    pub fn attribute(&self, lang: Lang, name: &str) -> Option<String> {
        catalogue().format(lang, self.id, Some(name), &self.all_args(lang))
    }
}

/// The ids asked for that no catalogue has. A literal id is checked
/// against the catalogue by a test that reads the sources; an id chosen at
/// run time (by a `match`, through a variable) is caught here: the text
/// falls back to the id, the id is recorded, and with
/// `SAKIP_CHECK_MESSAGES=1` in the environment it is also said on standard
/// error, which the end-to-end tests set and look for on every run.
static MISSING: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// What [`MISSING`] says on standard error, for tests to look for.
pub const MISSING_MARK: &str = "sakip: the message catalogue has no entry";

fn missing(id: &'static str) {
    let new = MISSING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(id);
    if new && std::env::var_os("SAKIP_CHECK_MESSAGES").is_some() {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{MISSING_MARK} `{id}`");
        }
    }
}

/// The message ids asked for in this process that no catalogue has.
pub fn missing_ids() -> Vec<&'static str> {
    MISSING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .copied()
        .collect()
}

/// A message of the catalogue with no values, in `lang`.
pub fn say(lang: Lang, id: &'static str) -> String {
    Text::new(id).render(lang)
}

/// The two bundles, parsed once (and again when a front end adds words).
pub struct Catalogue {
    id: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// The shared catalogue's sources, for tests that compare the two languages.
pub const SOURCES: [(Lang, &str); 2] = [
    (Lang::Id, include_str!("../i18n/id.ftl")),
    (Lang::En, include_str!("../i18n/en.ftl")),
];

/// A front end's own words: its catalogue in both languages, compiled into
/// it (`include_str!`) and kept beside its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// Who says them (`sakip-cli`); adding the same words twice adds them once.
    pub name: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

/// The words front ends added, in the order they were added.
static ADDED: RwLock<Vec<Words>> = RwLock::new(Vec::new());

/// The catalogue of the process: built at first use, and again after
/// [`add_words`].
static CATALOGUE: RwLock<Option<Arc<Catalogue>>> = RwLock::new(None);

/// Adds a front end's words to the catalogue of the process. A front end
/// calls it when it starts, before it says anything; an id its words share
/// with the core's is an error of the sources, which a test rules out
/// (Fluent keeps the first).
pub fn add_words(words: Words) {
    {
        let mut added = ADDED.write().unwrap_or_else(PoisonError::into_inner);
        if added.iter().any(|w| w.name == words.name) {
            return;
        }
        added.push(words);
    }
    // One lock at a time (`catalogue` takes them in the other order).
    *CATALOGUE.write().unwrap_or_else(PoisonError::into_inner) = None;
}

fn bundle(lang: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.parse().unwrap_or_default()]);
    // No Unicode isolation marks around values: terminals show them.
    bundle.set_use_isolating(false);
    for source in sources {
        // A syntax error in a catalogue leaves the entries that parse; a
        // test keeps every file free of them.
        let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The catalogue of the process: the shared words and every front end's
/// that were added.
pub fn catalogue() -> Arc<Catalogue> {
    if let Some(c) = CATALOGUE.read().unwrap_or_else(PoisonError::into_inner).as_ref() {
        return Arc::clone(c);
    }
    let added = ADDED.read().unwrap_or_else(PoisonError::into_inner).clone();
    let [(_, id), (_, en)] = SOURCES;
    let ids: Vec<&str> = [id].into_iter().chain(added.iter().map(|w| w.id)).collect();
    let ens: Vec<&str> = [en].into_iter().chain(added.iter().map(|w| w.en)).collect();
    let built = Arc::new(Catalogue {
        id: bundle("id", &ids),
        en: bundle("en", &ens),
    });
    let mut slot = CATALOGUE.write().unwrap_or_else(PoisonError::into_inner);
    // Words added meanwhile cleared the slot after `added` was read: the
    // next call builds again with them.
    if slot.is_none() && ADDED.read().unwrap_or_else(PoisonError::into_inner).len() == added.len() {
        *slot = Some(Arc::clone(&built));
    }
    built
}

impl Catalogue {
    /// Message `id` (or its `attribute`) in `lang`, falling back to
    /// English when the Indonesian lacks it; `None` when neither has it.
    pub fn format(
        &self,
        lang: Lang,
        id: &str,
        attribute: Option<&str>,
        args: &[(&'static str, String)],
    ) -> Option<String> {
        let first = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        [first, &self.en]
            .into_iter()
            .find_map(|b| Self::format_in(b, id, attribute, args))
    }

    fn format_in(
        bundle: &FluentBundle<FluentResource>,
        id: &str,
        attribute: Option<&str>,
        args: &[(&'static str, String)],
    ) -> Option<String> {
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // A whole number is passed as a number, so that a message can
            // choose its plural (`1 file`, `2 files`); anything else, as
            // text, so that a figure keeps its decimals as written.
            match value.parse::<i64>() {
                Ok(n) if value.len() < 16 && !value.starts_with('0') || value == "0" => fluent_args.set(*name, n),
                _ => fluent_args.set(*name, value.as_str()),
            }
        }
        let mut errors = Vec::new();
        let text: Cow<'_, str> = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// Whether `lang`'s own bundle has message `id`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        match lang {
            Lang::Id => self.id.has_message(id),
            Lang::En => self.en.has_message(id),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message of a catalogue source with the variables it uses.
    fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(source.to_string());
        assert!(
            resource.is_ok(),
            "the catalogue parses: {:?}",
            resource.err().map(|(_, e)| e)
        );
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in source.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            // An entry starts at the left margin; its continuation lines
            // (the variants of a plural) are indented.
            let value = if line.starts_with(' ') {
                line
            } else {
                let (id, value) = line.split_once(" = ").unwrap();
                assert!(out.insert(id.to_string(), BTreeSet::new()).is_none(), "`{id}` twice");
                current = Some(id.to_string());
                value
            };
            let vars = out.get_mut(current.as_deref().unwrap()).unwrap();
            vars.extend(
                value
                    .split("{ $")
                    .skip(1)
                    .map(|v| v.split(' ').next().unwrap().to_string()),
            );
        }
        out
    }

    #[test]
    fn both_languages_have_every_message_with_the_same_values() {
        let id = messages(SOURCES[0].1);
        let en = messages(SOURCES[1].1);
        let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
        let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            only_en.is_empty() && only_id.is_empty(),
            "en only: {only_en:?}; id only: {only_id:?}"
        );
        // Indonesian has no plural forms, so it may leave out a value
        // English only uses to choose one; it may not use a value English lacks.
        for (k, vars) in &en {
            assert!(
                id[k].is_subset(vars),
                "`{k}` uses values in id.ftl that en.ftl does not give"
            );
        }
    }

    #[test]
    fn a_message_in_each_language() {
        let t = Text::new("target-missing").arg("id", "iku_kamtib").arg("year", 2022);
        assert_eq!(t.render(Lang::En), "indikator `iku_kamtib` has no target for 2022");
        assert_eq!(
            t.render(Lang::Id),
            "indikator `iku_kamtib` tidak punya target untuk 2022"
        );
        let braces = Text::new("perjanjian-missing-help").arg("year", 2023);
        assert!(braces.render(Lang::En).contains("`perjanjian 2023 { ... }`"));
        assert_eq!(Text::new("no-such-message").render(Lang::Id), "no-such-message");
        // Recorded, for the tests that look (an id chosen at run time).
        assert!(missing_ids().contains(&"no-such-message"));
        assert!(!missing_ids().contains(&"perjanjian-missing-help"));
    }

    #[test]
    fn the_language_comes_from_the_locale() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("id_ID.UTF-8"), Lang::Id);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::Id);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
