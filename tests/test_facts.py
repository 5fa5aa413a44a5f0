"""Facts: what each number counts, its segment, period and region.

The hand-built tests fill quantities, dates and regions by hand (tests/factkit.py),
so they pin the facts logic alone; the seed tests run the whole pipeline.
"""
from __future__ import annotations

import pytest

import factkit as K
from berita_extract import facts

SEG = {"PU": "penerima_upah", "BPU": "bukan_penerima_upah"}

# seed 000, paragraph of the branch head: (workforce, participants, rate, segment, period)
KEDIRI_ROWS = [
    (68078, 33801, 49.65, "PU", "2023"),
    (40346, 17443, 43.23, "BPU", "2023"),
    (70802, 35083, 49.55, "PU", "2024-05"),
    (41099, 11585, 28.19, "BPU", "2024-05"),
]


def _check_kediri(article):
    for w, p, r, seg, period in KEDIRI_ROWS:
        for ftype, value in (("workforce", w), ("participants", p), ("coverage_rate", r)):
            f = K.find(article, ftype, value)
            assert (f.segment, f.period, f.region) == (SEG[seg], period, "Kota Kediri"), f
    for value, period in ((47.26, "2023"), (41.70, "2024-05")):
        f = K.find(article, "coverage_rate", value) if value != 41.70 else [
            x for x in article.facts if x.type == "coverage_rate" and x.period == "2024-05" and x.segment == "total"][0]
        assert (f.segment, f.period, f.region) == ("total", period, "Kota Kediri")


def test_seed000_frames_carry_forward_by_hand():
    a = K.run(K.seed000())
    _check_kediri(a)
    for v in (9300, 9695):
        f = K.find(a, "beneficiaries", v)
        assert f.segment == "pekerja_rentan" and f.region == "Kota Kediri"
    # the overall "masih mencapai 41,7 persen" and "Coverage total Mei 2024 41,70 persen" state one figure:
    # one fact, read where it is stated most fully (its sentence shows its period), holding for May 2024
    overall = [f for f in a.facts if f.type == "coverage_rate" and abs(f.value - 41.7) < 1e-6]
    assert [(f.segment, f.period) for f in overall] == [("total", "2024-05")]
    assert "Mei 2024" in overall[0].sentence


def test_every_fact_points_to_its_quantity_and_sentence():
    ctx = K.seed000()
    a = K.run(ctx)
    assert a.facts
    for f in a.facts:
        q = a.quantities[f.quantity]
        s, e = f.span
        assert ctx.source[s:e] == f.sentence
        assert s <= q.span[0] and q.span[1] <= e
        assert f.value == q.value
    assert [f.span for f in a.facts] == sorted(f.span for f in a.facts)


def test_seed003_parts_of_a_stated_whole_by_hand():
    a = K.run(K.seed003())
    whole = K.find(a, "workforce", 667892)
    assert whole.segment == "total"
    i = a.facts.index(whole)
    formal, informal = K.find(a, "workforce", 330493), K.find(a, "workforce", 337399)
    assert (formal.segment, informal.segment) == ("penerima_upah", "bukan_penerima_upah")
    assert formal.details["part_of"] == i == informal.details["part_of"]
    assert K.find(a, "participants", 135163).segment == "penerima_upah"
    assert K.find(a, "coverage_rate", 40.89).segment == "penerima_upah"
    assert K.find(a, "employers", 3466).period == "2021-11"
    target = K.find(a, "coverage_target", 60)  # the headline's 60 is the same target: read once, from the body
    assert target.period == "2022" and target.details["target_year"] == 2022
    first = [f for f in a.facts if f.type == "coverage_rate" and f.value == 21.54]
    assert first[0].period == "2021-11" and first[0].region is None  # "Kota dan Kabupaten Kediri": both


def test_seed004_budget_keeps_year_beneficiaries_duration_by_hand():
    a = K.run(K.seed004())
    t = K.find(a, "coverage_target", 89.29)
    assert t.period == "2025" and t.details["target_year"] == 2025 and t.region == "Kabupaten Trenggalek"
    assert K.find(a, "participants", 38595).segment == "penerima_upah"
    assert K.find(a, "participants", 17407).segment == "bukan_penerima_upah"
    b1, b2 = K.find(a, "budget", 365600000), K.find(a, "budget", 2092600000)
    assert (b1.period, b1.details["beneficiaries"], b1.details["duration"]) == ("2023", 5600, 3)
    assert (b2.period, b2.details["beneficiaries"]) == ("2024", 10000) and "duration" not in b2.details
    assert K.find(a, "beneficiaries", 5600).period == "2023"
    assert K.find(a, "beneficiaries", 10000).period == "2024"


def test_seed002_target_count_and_approx_rate_by_hand():
    a = K.run(K.seed002())
    assert [f.value for f in a.facts if f.type == "coverage_target" and f.unit == "%"] == [100]
    assert K.find(a, "coverage_target", 100).period == "2025"
    rate = K.find(a, "coverage_rate", 90)
    assert rate.qualifier == "approx" and rate.segment == "pekerja_rentan"
    assert K.find(a, "participants", 2046).segment == "pekerja_rentan"
    assert K.find(a, "coverage_target", 2300).unit == "orang"
    assert K.find(a, "beneficiaries", 2044).period == "2024"
    assert not [f for f in a.facts if f.value == 7]  # "tujuh pemda" counts governments, not workers


@pytest.mark.parametrize("text,quantities", [
    ("Acara dihadiri 150 orang dari 12 kecamatan.", [("150 orang", "count", 150, "orang"), ("12 kecamatan", "count", 12, "kecamatan")]),
    ("Santunan sebesar Rp 42.000.000 diserahkan kepada ahli waris.", [("Rp 42.000.000", "money", 42000000)]),
    ("Iuran yang dibayarkan Rp16.800 per orang per bulan.", [("Rp16.800", "money", 16800)]),
    ("Sebanyak 3 bulan terkaver.", [("3 bulan", "duration", 3, "bulan")]),
])
def test_a_number_whose_sentence_does_not_say_what_it_counts_is_no_fact(text, quantities):
    assert facts.extract(K.build(text, quantities=quantities)) == []


def test_present_time_ends_the_period_frame_and_sets_none():
    # "saat ini" is now, not a period (SPEC "Period" resolves "tahun ini", never "saat ini"): it ends the
    # paragraph's "tahun 2020" frame, and the figure it frames has no period even with an event date
    text = "Pada tahun 2020 potensi pekerja 5.000 orang. Saat ini peserta terdaftar 4.000 orang."
    ctx = K.build(text, quantities=[("5.000 orang", "count", 5000, "orang"), ("4.000 orang", "count", 4000, "orang")],
                  dates=[("tahun 2020", "2020")], event_date="2024-03-01")
    got = {(f.type, f.period) for f in facts.extract(ctx)}
    assert got == {("workforce", "2020"), ("participants", None)}


def test_office_name_is_not_the_region_of_a_number():
    text = ("Kepala Kantor Cabang BPJS Ketenagakerjaan Kediri mengatakan peserta di Kabupaten Nganjuk mencapai 20.000 orang. "
            "Realisasinya 18.000 orang.")
    ctx = K.build(text, quantities=[("20.000 orang", "count", 20000, "orang"), ("18.000 orang", "count", 18000, "orang")],
                  regions=[("Kota Kediri", "kota", "35.71", ["Kediri"]), ("Kabupaten Nganjuk", "kabupaten", "35.18", ["Kabupaten Nganjuk"])])
    assert [f.region for f in facts.extract(ctx)] == ["Kabupaten Nganjuk", "Kabupaten Nganjuk"]


# ---------------------------------------------------------------- the seeds, whole pipeline
def _rec(seed_records, prefix):
    return next(rec for stem, (src, rec) in seed_records.items() if stem.startswith(prefix))


def test_seed000(seed_records):
    a = _rec(seed_records, "000")
    _check_kediri(a)
    assert {f.value for f in a.facts if f.type == "beneficiaries"} == {9300, 9695}


def test_seed003(seed_records):
    a = _rec(seed_records, "003")
    assert K.find(a, "workforce", 667892).segment == "total"
    assert K.find(a, "workforce", 330493).segment == "penerima_upah"
    assert K.find(a, "workforce", 337399).segment == "bukan_penerima_upah"
    assert K.find(a, "participants", 135163).segment == "penerima_upah"
    assert K.find(a, "employers", 3466)
    assert {f.value for f in a.facts if f.type == "coverage_rate"} == {21.54, 40.89}
    assert K.find(a, "coverage_target", 60).period == "2022"


def test_seed004(seed_records):
    a = _rec(seed_records, "004")
    assert K.find(a, "coverage_target", 89.29).period == "2025"
    assert K.find(a, "participants", 38595).segment == "penerima_upah"
    assert K.find(a, "participants", 17407).segment == "bukan_penerima_upah"
    b = K.find(a, "budget", 365600000)
    assert (b.period, b.details.get("beneficiaries"), b.details.get("duration")) == ("2023", 5600, 3)
    b = K.find(a, "budget", 2092600000)
    assert (b.period, b.details.get("beneficiaries")) == ("2024", 10000)


def test_seed002(seed_records):
    a = _rec(seed_records, "002")
    assert K.find(a, "coverage_target", 100).period == "2025"
    assert K.find(a, "coverage_rate", 90).qualifier == "approx"
    assert K.find(a, "participants", 2046).segment == "pekerja_rentan"
    assert K.find(a, "coverage_target", 2300).segment == "pekerja_rentan"


def test_seed_fact_spans_hold(seed_records):
    for stem, (src, a) in seed_records.items():
        for f in a.facts:
            assert src[f.span[0]:f.span[1]] == f.sentence
            q = a.quantities[f.quantity]
            assert f.span[0] <= q.span[0] and q.span[1] <= f.span[1]
