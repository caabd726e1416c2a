"""The same capaian, cap, rounding and band as sakip, computed by the tools
people use instead, from the same generated long CSV; each peer's time and
the rows it gets wrong against sakip's exact figures.

    python3 benches/peers/peers.py WORKLOAD_DIR SAKIP_CSV

WORKLOAD_DIR is a `sakip-bench generate` output (realisasi-satker.csv and
indikator.csv); SAKIP_CSV is `sakip rollup --rules WORKLOAD_DIR/rules/nasional
--data WORKLOAD_DIR/realisasi-satker.csv --format csv` of it. The rules are
the generated national ones: naik R/T x 100, turun (2T - R)/T x 100 (at least
0), Konversi Efisiensi 120, truncation to 2 decimals, Tabel 2.10's bands.
"""
import sys
import time

import numpy as np
import pandas as pd

BANDS = [  # lower bound (inclusive), label; the first that holds the value
    (100, "Sangat Memuaskan"),
    (80, "Memuaskan"),
    (70, "Cukup Memuaskan"),
    (60, "Kurang Memuaskan"),
    (-np.inf, "Tidak Memuaskan"),
]


def with_pandas(data: str, meta: str) -> pd.DataFrame:
    df = pd.read_csv(data)
    ind = pd.read_csv(meta)
    df = df.merge(ind, on="indikator", how="left")
    tw = df[["tw1", "tw2", "tw3", "tw4"]]
    realisasi = np.select(
        [df.agregasi == "jumlah", df.agregasi == "rata", df.agregasi == "terakhir", df.agregasi == "tertinggi"],
        [tw.sum(axis=1), tw.mean(axis=1), df.tw4, tw.max(axis=1)],
    )
    t = df.target
    naik = realisasi / t * 100
    turun = np.maximum((2 * t - realisasi) / t * 100, 0)
    raw = np.where(df.polaritas == "turun", turun, naik)
    capped = np.minimum(raw, 120)
    # `potong 2`: truncate to two decimals, as Excel's ROUNDDOWN does.
    capaian = np.trunc(capped * 100) / 100
    band = np.select([capaian >= lo for lo, _ in BANDS], [label for _, label in BANDS], default="")
    return pd.DataFrame({"satker": df.satker, "indikator": df.indikator, "capaian": capaian, "band": band})


def with_openfisca(data: str, meta: str) -> pd.DataFrame:
    """The same rules as OpenFisca formulas over one entity, a row (a unit's
    indicator), with the inputs set as arrays: how OpenFisca is used for
    a vectorised computation of one period."""
    from openfisca_core import periods
    from openfisca_core.entities import build_entity
    from openfisca_core.model_api import Variable, YEAR, max_, min_, select
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    Baris = build_entity(key="baris", plural="baris_baris", label="a unit's indicator", is_person=True)

    def inp(name, kind=float):
        return type(name, (Variable,), {"value_type": kind, "entity": Baris, "definition_period": YEAR})

    inputs = [inp(n) for n in ("target", "tw1", "tw2", "tw3", "tw4")] + [inp("agregasi", str), inp("polaritas", str)]

    class realisasi(Variable):
        value_type, entity, definition_period = float, Baris, YEAR

        def formula(baris, period):
            tw = [baris(f"tw{i}", period) for i in range(1, 5)]
            agg = baris("agregasi", period)
            total = tw[0] + tw[1] + tw[2] + tw[3]
            return select(
                [agg == "jumlah", agg == "rata", agg == "terakhir"],
                [total, total / 4, tw[3]],
                default=max_(max_(tw[0], tw[1]), max_(tw[2], tw[3])),
            )

    class capaian(Variable):
        value_type, entity, definition_period = float, Baris, YEAR

        def formula(baris, period):
            t, r = baris("target", period), baris("realisasi", period)
            raw = np.where(baris("polaritas", period) == "turun", max_((2 * t - r) / t * 100, 0), r / t * 100)
            return np.trunc(min_(raw, 120) * 100) / 100

    tbs = TaxBenefitSystem([Baris])
    for v in inputs + [realisasi, capaian]:
        tbs.add_variable(v)
    df = pd.read_csv(data).merge(pd.read_csv(meta), on="indikator", how="left")
    sim = SimulationBuilder().build_default_simulation(tbs, len(df))
    period = periods.period("2022")
    for name in ("target", "tw1", "tw2", "tw3", "tw4"):
        sim.set_input(name, period, df[name].to_numpy(dtype=float))
    for name in ("agregasi", "polaritas"):
        sim.set_input(name, period, df[name].to_numpy(dtype=str))
    capaian_ = sim.calculate("capaian", period)
    band = np.select([capaian_ >= lo for lo, _ in BANDS], [label for _, label in BANDS], default="")
    return pd.DataFrame({"satker": df.satker, "indikator": df.indikator, "capaian": capaian_, "band": band})


def compare(name: str, seconds: float, got: pd.DataFrame, exact: pd.DataFrame, base: float) -> None:
    m = exact.merge(got, on=["satker", "indikator"], suffixes=("", "_peer"))
    wrong_capaian = (m.capaian_peer.map(lambda v: f"{v:.2f}") != m.capaian).sum()
    wrong_band = (m.band_peer != m.band).sum()
    n = len(m)
    print(
        f"{name:<10} {seconds:7.2f} s  {seconds / base:5.1f}x sakip   "
        f"capaian wrong {wrong_capaian} ({100 * wrong_capaian / n:.2f}%)   band wrong {wrong_band} ({100 * wrong_band / n:.2f}%)   of {n} rows"
    )


def main() -> None:
    work, sakip_csv, sakip_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    exact = pd.read_csv(sakip_csv, dtype=str, keep_default_na=False)[["satker", "indikator", "capaian", "band"]]
    start = time.perf_counter()
    got = with_pandas(f"{work}/realisasi-satker.csv", f"{work}/indikator.csv")
    took = time.perf_counter() - start
    print(f"{'sakip':<10} {sakip_seconds:7.2f} s   1.0x sakip   exact (the reference)")
    compare("pandas", took, got, exact, sakip_seconds)
    start = time.perf_counter()
    got = with_openfisca(f"{work}/realisasi-satker.csv", f"{work}/indikator.csv")
    took = time.perf_counter() - start
    compare("OpenFisca", took, got, exact, sakip_seconds)


if __name__ == "__main__":
    main()
