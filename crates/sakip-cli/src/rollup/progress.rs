//! The progress bar on a terminal, in the reader's language.

use sakip_core::i18n::say;

/// A bar on stderr when it is a terminal: done/total, rate and time left,
/// in `lang`; nothing otherwise.
pub(crate) fn progress_bar(
    total: Option<u64>,
    is_terminal: bool,
    lang: sakip_core::Lang,
) -> Option<indicatif::ProgressBar> {
    if !is_terminal {
        return None;
    }
    let (counted, spinning) = progress_templates(lang);
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(&counted)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template(&spinning)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// Moves the bar to `done` steps, with the rate, in `lang`.
pub(crate) fn show(bar: Option<&indicatif::ProgressBar>, done: u64, lang: sakip_core::Lang) {
    let Some(p) = bar else { return };
    p.set_position(done);
    let seconds = p.elapsed().as_secs_f64();
    if seconds > 0.0 {
        // A display figure, not a result: a float is fine here.
        #[allow(clippy::cast_precision_loss)]
        let rate = format!("{:.0}", done as f64 / seconds);
        p.set_message(
            sakip_core::Text::new("rollup-progress-rate")
                .arg("n", rate)
                .render(lang),
        );
    }
}

/// The bar's templates in `lang`: with a known total (folders), and
/// without (the rows of a long table). The template's own braces stay
/// here; the catalogue's braces are Fluent's.
fn progress_templates(lang: sakip_core::Lang) -> (String, String) {
    let word = |id: &'static str| say(lang, id);
    (
        format!(
            "{{bar:40}} {{pos}}/{{len}} {}  {{msg}}  {} {{eta}}",
            word("rollup-progress-folders"),
            word("rollup-progress-left")
        ),
        format!("{{spinner}} {{pos}} {}  {{msg}}", word("rollup-progress-units")),
    )
}

#[cfg(test)]
mod progress_tests {
    use super::progress_templates;
    use sakip_core::Lang;

    #[test]
    fn the_progress_bar_speaks_the_chosen_language() {
        sakip_core::i18n::add_words(crate::WORDS);
        let (counted, spinning) = progress_templates(Lang::En);
        assert!(
            counted.contains("folders") && counted.contains("left {eta}"),
            "{counted}"
        );
        assert!(!counted.contains("sisa") && spinning.contains("units"), "{spinning}");
        let (counted, spinning) = progress_templates(Lang::Id);
        assert!(
            counted.contains("folder ") && counted.contains("sisa {eta}"),
            "{counted}"
        );
        assert!(spinning.contains("satker"), "{spinning}");
        for t in [counted, spinning] {
            assert!(indicatif::ProgressStyle::with_template(&t).is_ok(), "{t}");
        }
    }
}
