//! Any bytes, uploaded to the workbench as a spreadsheet (`.xlsx` or
//! `.csv`, as the first byte says): the import reads them against the seed
//! unit's indicators and either finds figures or names the bad cells,
//! never panicking. An import that succeeds prints a data file that the
//! rule parser reads back.
#![no_main]

use camino::Utf8PathBuf;
use libfuzzer_sys::fuzz_target;
use sakip_core::model::Indikator;
use std::sync::OnceLock;

/// The seed unit's indicators, loaded once.
fn indicators() -> &'static [Indikator] {
    static LIST: OnceLock<Vec<Indikator>> = OnceLock::new();
    LIST.get_or_init(|| {
        let dir = Utf8PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/lapas-sarolangun-rawas"));
        sakip_rules::load_unit(&dir)
            .map(|u| u.rules.indikator.clone())
            .unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else { return };
    let name = if kind % 2 == 0 { "lembar.xlsx" } else { "lembar.csv" };
    if let Ok(imported) = sakip_import::import_bytes(name, bytes.to_vec(), indicators(), 2022) {
        let path = camino::Utf8Path::new("realisasi-2022.sakip");
        assert!(
            sakip_rules::format::format_file(path, imported.text.clone()).is_ok(),
            "an import printed a file that does not read back:\n{}",
            imported.text
        );
    }
});
