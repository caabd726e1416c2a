//! `eval --format csv`: one row per indicator, numbers in plain decimal
//! notation so that any spreadsheet reads them exactly. The budget is in the
//! JSON, table and Markdown formats. The sasaran's and the tier's capaian
//! (when the rules state `capaian sasaran` / `capaian jenjang`) stand on
//! every row of that sasaran or tier, in the last two columns, so that a
//! sheet filtered by sasaran still shows its headline figure and the
//! columns before them keep their places. The year in progress adds the
//! year's target and the year-end projection in the three after them.

use sakip_core::pembulatan::plain;
use sakip_core::Evaluation;

/// The columns, in order: identity, figures, last year, Renstra, codes.
pub const HEADER: [&str; 21] = [
    "tier",
    "sasaran",
    "id",
    "name",
    "unit",
    "target",
    "national_target",
    "realisasi",
    "capaian",
    "band",
    "printed_capaian",
    "previous_realisasi",
    "previous_capaian",
    "renstra_target",
    "renstra_progress",
    "diagnostics",
    "sasaran_capaian",
    "tier_capaian",
    "annual_target",
    "projected_realisasi",
    "projected_capaian",
];

/// The capaian of the sasaran (or tier) `code`, when the rules compute one.
fn gabungan(figures: &[sakip_core::evaluate::CapaianGabungan], code: &str) -> Option<sakip_core::Decimal> {
    figures.iter().find(|g| g.code == code).and_then(|g| g.capaian)
}

/// One row per indicator with [`HEADER`]'s columns; `Err` only if the CSV
/// writer fails.
pub fn render(ev: &Evaluation) -> Result<String, ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    let opt = |v: Option<sakip_core::Decimal>| v.map(plain).unwrap_or_default();
    for r in &ev.indicators {
        // Not measured: `n/a`, which a spreadsheet's AVERAGE leaves out.
        let measured = |text: String| match &r.tidak_diukur {
            Some(_) => crate::number_text::NOT_MEASURED.to_string(),
            None => text,
        };
        // A target or realisasi: a qualitative indikator's value as written.
        let shown = |v: Option<sakip_core::Decimal>| v.map(|v| r.shown(v)).unwrap_or_default();
        let codes: Vec<&str> = ev
            .diagnostics
            .iter()
            .filter(|d| d.indicator.as_deref() == Some(r.id.as_str()))
            .map(|d| d.code.as_str())
            .collect();
        w.write_record([
            r.tier.keyword().to_string(),
            r.sasaran.clone(),
            r.id.clone(),
            r.name.clone(),
            r.satuan.display(),
            shown(r.target),
            shown(r.national_target),
            measured(shown(r.realisasi)),
            measured(opt(r.capaian)),
            r.band.as_ref().map(|b| b.label.clone()).unwrap_or_default(),
            opt(r.printed_capaian),
            shown(r.tahun_lalu.as_ref().and_then(|p| p.realisasi)),
            opt(r.tahun_lalu.as_ref().and_then(|p| p.capaian)),
            shown(r.renstra.as_ref().map(|p| p.target)),
            opt(r.renstra.as_ref().and_then(|p| p.progress)),
            codes.join(" "),
            opt(gabungan(&ev.sasaran, &r.sasaran)),
            opt(gabungan(&ev.jenjang, r.tier.keyword())),
            // The year in progress (`--until`): the year's target, and the
            // year's end as the figures to date point to it.
            shown(r.target_tahunan),
            shown(r.proyeksi.as_ref().map(|p| p.realisasi)),
            opt(r.proyeksi.as_ref().and_then(|p| p.capaian)),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))?;
    // Every cell was a `str`: the bytes are UTF-8.
    String::from_utf8(bytes).map_err(|e| ::csv::Error::from(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}
