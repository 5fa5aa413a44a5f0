"""Hand-built Articles for the facts, checks and tables tests.

The facts step reads what earlier steps found (quantities, dates, regions);
these helpers fill them by hand from the text, so the tests pin the facts
logic whatever the state of the upstream steps.  Items are given in text
order as (surface text, ...) and located by searching forward.
"""
from __future__ import annotations

import re

from berita_extract import checks, facts
from berita_extract.context import Context
from berita_extract.model import Article, DateItem, Mention, Quantity, Region, Source
from berita_extract.text import normalize

_SENT = re.compile(r"[.!?]+[\"')]*(?=\s+[\"'(]?[A-Z0-9])")


def _spans(text: str, items, start_key=0):
    pos = 0
    for it in items:
        s = text.find(it[0], pos)
        assert s >= 0, f"{it[0]!r} not found after {pos}"
        yield s, s + len(it[0]), it
        pos = s + 1


def build(text: str, quantities=(), dates=(), regions=(), event_date=None, title=False) -> Context:
    """quantities: (text, kind, value[, unit[, qualifier]]); dates: (text, value[, granularity[, end]]);
    regions: (name, level, code, [mention texts]) with every occurrence of a mention text counted."""
    art = Article(id="t", source=Source(sha256="0", chars=len(text)))
    for s, e, it in _spans(text, quantities):
        kind, value = it[1], it[2]
        unit = it[3] if len(it) > 3 else ("IDR" if kind == "money" else None)
        qual = it[4] if len(it) > 4 else None
        art.quantities.append(Quantity(kind=kind, value=value, unit=unit, qualifier=qual, text=text[s:e], span=(s, e)))
    for s, e, it in _spans(text, dates):
        value = it[1]
        gran = it[2] if len(it) > 2 else {4: "year", 7: "month"}.get(len(value), "day")
        art.dates.append(DateItem(value=value, end=it[3] if len(it) > 3 else None, granularity=gran, text=text[s:e], span=(s, e)))
    for name, level, code, mentions in regions:
        ms = []
        for mt in mentions:  # "text", or ("context before", "text")
            before, mt = mt if isinstance(mt, tuple) else ("", mt)
            for m in re.finditer(re.escape(before + mt), text):
                s = m.start() + len(before)
                ms.append(Mention(text=mt, span=(s, s + len(mt))))
        ms.sort(key=lambda m: m.span)
        art.regions.append(Region(name=name, level=level, code=code, mentions=ms))
    if event_date:
        art.event_date = DateItem(value=event_date, granularity="day", text=event_date, span=(0, 0))
    ctx = Context(id="t", source=text, norm=normalize(text), article=art)
    zones = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    ctx.zones = zones
    if title and zones:
        art.title = Mention(text=text[zones[0][0]:zones[0][1]], span=zones[0])
    sents = []
    for zs, ze in zones:
        seg = text[zs:ze]
        start = 0
        for m in _SENT.finditer(seg):
            sents.append((zs + start, zs + m.end()))
            start = m.end()
            while start < len(seg) and seg[start].isspace():
                start += 1
        if start < len(seg):
            sents.append((zs + start, ze))
    ctx.sentences = sents
    return ctx


def run(ctx) -> Article:
    ctx.article.facts = facts.extract(ctx)
    ctx.article.checks = checks.extract(ctx)
    return ctx.article


def find(article, type, value):
    got = [f for f in article.facts if f.type == type and abs(f.value - value) < 1e-6]
    assert len(got) == 1, f"{type} {value}: {got}\nall: {[(f.type, f.value) for f in article.facts]}"
    return got[0]


# ---------------------------------------------------------------- the seeds, by hand
KEDIRI = ("Kota Kediri", "kota", "35.71", ["Kota Kediri", "Kediri"])

SEED000_P = (
    "Pj Wali Kota Kediri menjelaskan secara keseluruhan coverage kepesertaan Kota Kediri masih mencapai 41,7 persen. "
    "Ditambah, data coverage growth dari tahun 2021 hingga per Mei 2024 masih mengalami peningkatan namun pertumbuhannya melambat. "
    "Salah satu kendala yang dihadapi adalah data kepesertaan BPJS Ketenagakerjaan pekerja rentan sedang non aktif. "
    "Saat ini perubahan SK penerima sedang diproses. "
    "Dimana awalnya sejumlah 9.300 orang tahun ini ditambah totalnya menjadi 9.695 orang.\n"
    "Sementara itu, Kepala Kantor Cabang BPJS Ketenagakerjaan Kediri Imam Haryono mengatakan berdasar data BPS potensi "
    "pekerja penerima upah pada tahun 2023 sebesar 68.078 pekerja realisasinya 33.801 pekerja sehingga coveragenya 49,65 persen. "
    "Untuk pekerja bukan penerima upah pada tahun 2023 potensinya 40.346 pekerja dan realisasinya 17.443 pekerja sehingga "
    "coveragenya 43,23 persen. Total coveragenya di Kota Kediri tahun 2023 47,26 persen. Sementara untuk Bulan Mei 2024, "
    "potensi pekerja penerima upah sebanyak 70.802 pekerja, realisasinya 35.083 pekerja sehingga coveragenya 49,55 persen. "
    "Untuk pekerja bukan penerima upah potensinya 41.099 pekerja dan realisasinya 11.585 pekerja sehingga coveragenya "
    "28,19 persen. Coverage total Mei 2024 41,70 persen."
)


def seed000():
    c = lambda t, v: (t, "count", v, "pekerja")  # noqa: E731
    p = lambda t, v: (t, "percent", v)  # noqa: E731
    return build(
        SEED000_P,
        quantities=[
            p("41,7 persen", 41.7), ("9.300 orang", "count", 9300, "orang"), ("9.695 orang", "count", 9695, "orang"),
            c("68.078 pekerja", 68078), c("33.801 pekerja", 33801), p("49,65 persen", 49.65),
            c("40.346 pekerja", 40346), c("17.443 pekerja", 17443), p("43,23 persen", 43.23), p("47,26 persen", 47.26),
            c("70.802 pekerja", 70802), c("35.083 pekerja", 35083), p("49,55 persen", 49.55),
            c("41.099 pekerja", 41099), c("11.585 pekerja", 11585), p("28,19 persen", 28.19), p("41,70 persen", 41.70),
        ],
        dates=[
            ("tahun 2021", "2021"), ("per Mei 2024", "2024-05"), ("tahun ini", "2024"), ("tahun 2023", "2023"),
            ("tahun 2023", "2023"), ("tahun 2023", "2023"), ("Bulan Mei 2024", "2024-05"), ("Mei 2024", "2024-05"),
        ],
        regions=[KEDIRI],
        event_date="2024-05-28",
    )


SEED003 = (
    "BPJamsostek Kediri Mengejar Target Kepesertaan 60 Persen\n"
    "KBRN, Kediri: Untuk memperluas layanan publik, BPJamsostek Cabang Kediri mengejar target kepesertaan di wilayah "
    "kerjanya. Penyebabnya, hingga November 2021 jumlah pekerja di Kota dan Kabupaten Kediri yang terlindungi BPJS "
    "ketenagakerjaan baru 21,54 persen.\n"
    "Menurut Kepala Cabang BPJamsostek Kediri, Suharno Abidin, saat ini ada sebanyak 667.892 tenaga kerja. Namun, yang "
    "terdaftar menjadi peserta mencapai 135.163 tenaga kerja formal atau 40,89 persen angkatan kerja formal sudah "
    "terdaftar BP Jamsostek.\n"
    "\"Dari 667.892 ini sebanyak 330.493 pekerja formal dan 337.399 pekerja informal,\" kata Kepala Cabang BPJamsostek "
    "Kediri, Suharno Abidin, saat menggelar Media Gathering BPJamsostek Kediri, di Kediri, Senin (6/12/2021).\n"
    "Sementara itu, jelas Suharno, per November 2021 juga tercatat jumlah pemberi kerja (PK) mencapai 3.466 PK atau "
    "badan usaha.\n"
    "Ke depan, lanjut Suharno, dalam menghadapi tahun 2022, pihaknya siap mewujudkan komitmennya dalam memperluas "
    "pelayanan kepada publik. Bahkan termasuk, menambah jangkauan kepesertaan jika pada saat ini masih 21,54 persen, "
    "maka pada tahun mendatang diharapkan meningkat menjadi 60 persen."
)


def seed003():
    return build(
        SEED003,
        quantities=[
            ("60 Persen", "percent", 60), ("21,54 persen", "percent", 21.54),
            ("667.892 tenaga kerja", "count", 667892, "tenaga kerja"),
            ("135.163 tenaga kerja", "count", 135163, "tenaga kerja"), ("40,89 persen", "percent", 40.89),
            ("667.892", "number", 667892), ("330.493 pekerja", "count", 330493, "pekerja"),
            ("337.399 pekerja", "count", 337399, "pekerja"), ("3.466 PK", "count", 3466, "PK"),
            ("21,54 persen", "percent", 21.54), ("60 persen", "percent", 60),
        ],
        dates=[
            ("November 2021", "2021-11"), ("Senin (6/12/2021)", "2021-12-06"), ("per November 2021", "2021-11"),
            ("tahun 2022", "2022"),
        ],
        regions=[("Kota Kediri", "kota", "35.71", [("Cabang ", "Kediri"), ("BPJamsostek ", "Kediri"), ("di ", "Kediri")]),
                 ("Kabupaten Kediri", "kabupaten", "35.06", ["Kabupaten Kediri"])],
        event_date="2021-12-06",
        title=True,
    )


SEED002 = (
    "Pemkot upayakan cakupan BPJS Ketenagakerjaan 100 persen pada 2025\n"
    "Magelang (ANTARA) - Pemerintah Kota Magelang berupaya memenuhi cakupan BPJS Ketenagakerjaan (BPJAMSOSTEK) 100 persen "
    "atau 12 bulan pada 2025, sedangkan tahun ini terkaver enam bulan.\n"
    "Kota Magelang mendapat apresiasi atas Inovasi Pelaksanaan Perlindungan Jaminan Sosial Ketenagakerjaan melalui "
    "Mekanisme Anggaran Pemerintah Daerah TA 2024 sebanyak 2.044 tenaga kerja informal.\n"
    "Penghargaan yang sama juga diberikan kepada Pemerintah Kabupaten Pati, Banyumas, Kudus, Cilacap, Semarang, dan Temanggung.\n"
    "Dia menyebutkan pekerja rentan di Kota Magelang yang sudah terkaver BPJS Ketenagakerjaan mencapai sekitar 90 persen "
    "atau 2.046 orang dari target 2.300 orang.\n"
    "Kepala BPJAMSOSTEK Kanwil Jawa Tengah dan DIY Isnavodiar Jatmiko mengatakan tujuh pemda penerima penghargaan telah "
    "menunjukkan komitmen.\n"
    "Kota Magelang menjadi salah satu daerah dengan tingkat kepatuhan badan usaha yang baik atau sekitar 58 persen "
    "pekerja telah terdaftar dalam program Jamsostek."
)


def seed002():
    return build(
        SEED002,
        quantities=[
            ("100 persen", "percent", 100), ("100 persen", "percent", 100), ("12 bulan", "duration", 12, "bulan"),
            ("enam bulan", "duration", 6, "bulan"), ("2.044 tenaga kerja", "count", 2044, "tenaga kerja"),
            ("sekitar 90 persen", "percent", 90, None, "approx"), ("2.046 orang", "count", 2046, "orang"),
            ("2.300 orang", "count", 2300, "orang"), ("tujuh pemda", "count", 7, "pemda"),
            ("sekitar 58 persen", "percent", 58, None, "approx"),
        ],
        dates=[("pada 2025", "2025"), ("pada 2025", "2025"), ("tahun ini", "2024"), ("TA 2024", "2024")],
        regions=[
            ("Kota Magelang", "kota", "33.71", ["Kota Magelang"]),
            ("Kabupaten Pati", "kabupaten", "33.18", ["Kabupaten Pati"]),
            ("Provinsi Jawa Tengah", "provinsi", "33", ["Jawa Tengah"]),
        ],
        event_date="2024-10-10",
        title=True,
    )


SEED004 = (
    "Trenggalek, kabarpas.com - Pemkab Trenggalek menggelar sosialisasi.\n"
    "\"Untuk itu, RPJPD, Pemerintah Pusat menargetkan cakupan kepesertaan jaminan sosial ketenagakerjaan di Kabupaten "
    "Trenggalek Tahun 2025 sebesar 89,29 persen dengan baseline Tahun 2045 sebesar 26,30 persen. Sedangkan target untuk "
    "RPJMD nantinya akan disusun berdasarkan Data Universal Convirage Jamsostek Jatim Tahun 13 November 2024, \"imbuhnya.\n"
    "Ditambahakan dia, cakupan tersebut berasal dari kepesertaan Penerima Upah (PU) sebesar 43,2 persen (38.595 orang). "
    "Sedangkan peserta Bukan Penerima Upah (BPU) sebesar 81,7 persen (17.407 orang).\n"
    "\"Jumlah penerima bantian semakin meningkat. Tahun 2023 Pemkab telah mengalokasikan sebesar Rp 365.600.000,00 untuk "
    "5.600 peserta selama 3 bulan. Tahun 2024 Rp 2.092.600.000 untuk 10.000 peserta, yakni petani tembakau dan pekerja "
    "rentan,\"ungkapnya."
)


def seed004():
    return build(
        SEED004,
        quantities=[
            ("89,29 persen", "percent", 89.29), ("26,30 persen", "percent", 26.30), ("43,2 persen", "percent", 43.2),
            ("38.595 orang", "count", 38595, "orang"), ("81,7 persen", "percent", 81.7),
            ("17.407 orang", "count", 17407, "orang"), ("Rp 365.600.000,00", "money", 365600000),
            ("5.600 peserta", "count", 5600, "peserta"), ("3 bulan", "duration", 3, "bulan"),
            ("Rp 2.092.600.000", "money", 2092600000), ("10.000 peserta", "count", 10000, "peserta"),
        ],
        dates=[("Tahun 2025", "2025"), ("Tahun 2045", "2045"), ("13 November 2024", "2024-11-13"),
               ("Tahun 2023", "2023"), ("Tahun 2024", "2024")],
        regions=[("Kabupaten Trenggalek", "kabupaten", "35.03", ["Kabupaten Trenggalek", "Trenggalek"])],
        event_date="2024-11-14",
    )
