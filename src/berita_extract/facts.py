"""Domain facts (SPEC "Facts"): what each stated number counts, and its frame.

A number (one of ``ctx.article.quantities``) becomes a fact when the text says
what it counts.  The decision, for a number in a sentence (cue words in
patterns/facts.toml):

1. a count of a non-person noun ("12 kecamatan", "tujuh pemda") is no fact; a
   count of employers ("3.466 PK") is ``employers``;
2. a count after "Rp ... untuk" is that budget's beneficiaries;
3. the cue closest before the number that fits its kind (percent, count,
   money) names its concept; a target cue turns it into ``coverage_target``;
4. a number that points back to a stated one ("Dari 667.892 ini") is no new
   fact: the numbers after it are its parts;
5. a number joined to the previous fact by "atau", "(" or "dan" shares its
   concept;
6. else the first fitting cue after the number, in its clause;
7. else a cue of the previous sentence of the paragraph (a frame sentence:
   "Saat ini perubahan SK penerima sedang diproses.").

Period: a date right after the number's noun phrase ("9.300 orang tahun ini",
"32,15% di tahun 2025": that number's own, over any date in its lead); else a
date in its lead (so a previous number's own date carries to the next number
of the clause); else a date closing the clause when no later number
owns it ("100 persen pada 2025"); else the frame carried from earlier in the
paragraph (a "saat ini" of a previous sentence is only such a carry: any date
of the number's own clause above wins over it); else the lede's one period when
it frames a coverage statement ("Cakupan ... hingga Juni 2024 belum merata"),
carried into later paragraphs until one states another period.

A date after "sejak" is no period ("sejak 2023": the count holds until now).

Region (SPEC order): the place right after the number's noun phrase ("4.187
nelayan di Kabupaten Natuna"; a list of regions there gives none); else one in
its own clause before it; for budgets and beneficiaries, the paying government
of the sentence (payers.py; a budget then the article's one government); else
the sentence (not a place in a quotation's attribution), the paragraph's frame,
and the article's one payer or main region.  National scope gives none.

Period, segment and region events come from frames.py (they carry forward in
the paragraph); drafts.py adds the article-wide passes (headline repeats, the
article's one worker group, restatements merged into one fact).
"""
from __future__ import annotations

import bisect

from typing import Optional

from . import cues as C
from . import frames as F
from .drafts import Draft
from . import drafts as D
from . import fields
from . import payers
from .model import Fact

_UNREAD = object()  # a cue not looked for yet (None: looked for, none found)


class _Reader:
    def __init__(self, ctx):
        self.ctx = ctx
        self.norm = ctx.norm
        self.qs = list(ctx.article.quantities or [])
        self._starts = [q.span[0] for q in self.qs]  # quantities are ordered by span: bisect, not scan
        self.main = F.main_region(ctx)
        self.drafts: list[Draft] = []
        self.schemes = self._schemes()
        self._scheme_pos = [p for p, _ in self.schemes]  # sorted: a sentence's schemes by bisect
        self.health_only = bool(self.schemes) and all(h for _, h in self.schemes)
        self.carry: Optional[str] = None  # the lede's period, carried into paragraphs that state none
        self._cues: tuple = (None, [])  # (sentence, its cues): the last sentence whose cues were read
        self._told = D.Told()  # the facts a later number may point back at, by value
        self._item: Optional[tuple] = None  # (concept, end of its zone): the last list item's first figure

    def _schemes(self) -> list[tuple[int, bool]]:
        """(position, is_health) of every named insurance scheme in the kept text."""
        out = []
        for zs, ze, _ in self.ctx.iter_zones():
            for key, health in (("health_scheme", True), ("labour_scheme", False)):
                out += [(m.start(), health) for m in F.search_all(key, self.norm, zs, ze)]
        for prog in self.ctx.article.programs or []:
            out += [(m.span[0], False) for m in prog.mentions]
        return sorted(out)

    def _numbers_in(self, zs: int, ze: int) -> bool:
        """A quantity starts in [zs, ze)."""
        i = bisect.bisect_left(self._starts, zs)
        return i < len(self._starts) and self._starts[i] < ze

    def _health(self, ss: int, se: int, zs: int) -> bool:
        """The sentence is about health insurance (JKN / BPJS Kesehatan), not worker social security:
        it names only a health scheme; or names none and the last scheme named before it in its
        paragraph is a health one; or the article names no scheme but health ones."""
        lo = bisect.bisect_left(self._scheme_pos, ss)
        hi = bisect.bisect_left(self._scheme_pos, se)
        inside = {h for _, h in self.schemes[lo:hi]}
        if inside:
            return inside == {True}
        if lo and self._scheme_pos[lo - 1] >= zs:  # the last scheme named in [zs, ss)
            return self.schemes[lo - 1][1]
        return self.health_only

    # -- one sentence ------------------------------------------------------
    def sentence(self, ss, se, zone, walker, prev_sent=None):
        norm, qs = self.norm, self.qs
        if self._health(ss, se, zone[0]):
            return  # another body's members and budgets (SPEC: facts are about worker social security)
        lo, hi = bisect.bisect_left(self._starts, ss), bisect.bisect_left(self._starts, se)
        idx = [i for i in range(lo, hi) if qs[i].span[1] <= se]
        if not idx:
            return  # no number, no fact: its cues are read only if a later sentence needs them
        sent_cues = C.cues(norm, ss, se)  # found once per sentence; a prefix of it is C.cues(norm, ss, e)
        by_q: dict[int, Draft] = {}
        whole: Optional[Draft] = None
        bases: list[int] = []
        paid: Optional[int] = None
        premium: Optional[int] = None
        # a supposed case or an example in the sentence, found once (a sentence of 20,000 numbers stays linear)
        hyp = F.rx("hypothetical").search(norm, ss, se, timeout=F.P.TIMEOUT) if idx else None
        for n, i in enumerate(idx):
            q = qs[i]
            if q.kind not in C.FACT_KINDS or self._word_count_of_things(q):
                continue  # "gubernur dua periode itu", "dua kategorisasi": a number in words counting no workers
            kind = C.kind(q)
            prev_i = idx[n - 1] if n else None
            lead_s = qs[prev_i].span[1] if prev_i is not None else ss
            prev_lead_s = qs[idx[n - 2]].span[1] if n > 1 else ss
            lead_e = q.span[0]
            nxt = next((j for j in idx[n + 1:] if qs[j].kind in C.FACT_KINDS and not self._counts_things(qs[j])), None)
            trail_e = qs[nxt].span[0] if nxt is not None else se
            brk = F.rx("clause_break").search(norm, q.span[1], trail_e, timeout=F.P.TIMEOUT)
            clause_e = brk.start() if brk else trail_e
            prev = by_q.get(prev_i) if prev_i is not None else None
            told_here = False

            # 4. a number pointing back at a stated fact: no new fact, the next ones are its parts
            ref = self._reference(q, lead_s, lead_e)
            if ref is not None:
                whole = ref
                continue
            if F.search_all("reference_phrase", norm, lead_s, lead_e):
                whole = self._last_fact(lead_s) or whole

            person = q.kind == "count" and C.units(q, "person_units")
            unit_ok = lambda c, person=person: not (person and c == "employers")  # noqa: E731
            concept, target, how = None, False, None
            if q.kind == "count" and C.units(q, "employer_units"):
                concept, how = "employers", "unit"
            elif self._counts_things(q):
                continue  # "12 kecamatan", "tujuh pemda": not counts of workers
            if kind == "money" and (F.rx("per_unit_after").match(norm, q.span[1], se) or
                                    (q.value < 1_000_000 and F.rx("per_year_after").match(norm, q.span[1], se))):
                continue  # a price per person, not a budget
            if kind == "money" and F.search_all("whole_budget", norm, lead_s, lead_e):
                continue  # "belanja daerah ... Rp 1,2 triliun": the whole regional budget, not what pays contributions
            if kind == "money" and F.search_all("collected", norm, lead_s, lead_e):
                continue  # "iuran yang terhimpun ... Rp 8 miliar": collected from members, not a budget
            if kind == "money" and q.value < 1_000_000 and (
                    F.rx("premium_word_before").search(norm, lead_s, lead_e, timeout=F.P.TIMEOUT)
                    or (premium is not None and premium == prev_i and F.rx("premium_sibling").match(norm, lead_s, lead_e))) \
                    and not self._counts_in(idx, n, se):
                premium = i
                continue  # "total premi Rp 193.300 untuk kepala desa": one worker's premium, not a budget
            if kind == "money" and self._benefit(lead_s, lead_e):
                paid = i  # "membayarkan klaim JHT sebesar Rp 12,5 miliar": a benefit paid out, not a budget
                continue
            if kind == "count" and paid is not None and paid == prev_i and \
                    F.rx("benefit_recipient").match(norm, lead_s, lead_e):
                continue  # "... kepada 1.230 peserta": the claimants, not beneficiaries of paid contributions
            if F.rx("change_before").search(norm, lead_s, lead_e, timeout=F.P.TIMEOUT) or \
                    F.rx("change_noun_before").search(norm, max(ss, lead_e - 80), lead_e, timeout=F.P.TIMEOUT):
                continue  # a change ("naik 10 persen", "pertumbuhan kepesertaan sebesar 31 persen"), not a level
            if hyp is not None and hyp.start() < lead_e:
                continue  # "Apabila ... dibutuhkan Rp2,5 miliar", "Misalnya ada 100 orang": a supposed case
            if kind in ("count", "percent") and self._uncovered(q, lead_s, lead_e, trail_e):
                continue  # "30.000 pekerja yang belum terdaftar", "1.500 perusahaan ... PDS": the gap
            if kind == "percent" and F.rx("composition_after").match(norm, q.span[1], se):
                continue  # "62% peserta didominasi pekerja formal": how the members divide, not coverage
            if how is None and prev is not None and prev.type == "coverage_rate" and kind == "count" and \
                    F.rx("denominator_link").match(norm, lead_s, lead_e):
                concept, how = "workforce", "denominator"
            if how is None and prev is not None and prev.type == "participants" and kind == "count" and \
                    q.value > qs[prev.q].value and F.rx("denominator_link").match(norm, lead_s, lead_e) and \
                    not F.rx("level_change_before").search(norm, prev_lead_s, qs[prev.q].span[0], timeout=F.P.TIMEOUT):
                concept, how = "workforce", "denominator"  # "26.400 orang dari 146.000 pekerja": its whole
            if how is None and prev is not None and prev.type == "budget" and kind == "count" and \
                    F.rx("budget_link").match(norm, lead_s, lead_e):
                concept, how = "beneficiaries", "budget_link"
            if how is None and kind == "count" and F.rx("budget_reference_link").search(
                    norm, lead_s, lead_e, timeout=F.P.TIMEOUT):
                told = next((b for b in reversed(self.drafts) if b.type == "budget" and not b.baseline), None)
                if told is not None:
                    prev, concept, how = told, "beneficiaries", "budget_link"  # "Anggaran tersebut untuk ..."
                    told_here = walker.after(lead_s, clause_e, "period") is None  # no date of its own
            if how is None and kind == "count" and (F.rx("beneficiaries_after").match(norm, self._noun_start(q), trail_e)
                                                    or F.rx("gov_paid_relative").search(norm, q.span[1], clause_e)):
                concept, how = "beneficiaries", "defined"  # "3.250 pekerja rentan yang iurannya dibayarkan ..."
            if how is None and kind == "count" and F.rx("restated_share").search(norm, lead_s, lead_e, timeout=F.P.TIMEOUT):
                told = self._last_fact(lead_s)  # "Angka itu baru sebagian kecil dari sekitar 20 juta pekerja rentan"
                if told is not None and told.type in ("participants", "beneficiaries") and q.value > qs[told.q].value:
                    concept, how = "workforce", "restated"
            if how is None and kind == "count" and not told_here and \
                    F.rx("whole_reference_before").search(norm, max(lead_s, lead_e - 40), lead_e, timeout=F.P.TIMEOUT):
                bases.append(i)  # "dari total 140.940 tenaga kerja ..., baru 49.397 orang yang telah menjadi peserta":
                continue         # the whole of the rate, whatever cue stood earlier in the lead
            if how is None:
                concept, target = C.lead(norm, lead_s, lead_e, kind, unit_ok, (self._noun_start(q), trail_e))
                target = target or (n > 0 and C.continues_target(norm, prev_lead_s, qs[prev_i].span[0], lead_s, lead_e))
                if concept or target:
                    how = "lead"
                    if whole is not None and concept == whole.concept and not target and kind != "percent":
                        how = "part"  # "Dari jumlah tersebut, peserta PU sebanyak ...": the whole's own cue
            if how is None and kind == "count" and F.search_all("reference_before", norm, lead_s, lead_e):
                bases.append(i)  # "dari 1,2 juta pekerja, baru 600 ribu yang terlindungi": the base of a rate
                continue
            if how is None and whole is not None and kind != "percent":
                if whole.concept == "workforce" and \
                        self._cue_after(q, nxt, clause_e, se, kind, unit_ok) == "participation":
                    concept, how = "participation", "covered_part"  # "Dari angka tersebut, baru 3.302.762 pekerja
                    # yang tercatat sebagai peserta": the covered part of the workforce stated before
                else:
                    concept, target, how = whole.concept, whole.target, "part"
            if how is None and kind == "count" and F.rx("part_of_whole_after").match(norm, q.span[1], se):
                concept, how = "participation", "of_whole"  # "baru 26.061 pekerja dari potensi 1,3 juta pekerja informal",
                # "518.632 pekerja atau 40 persen dari total angkatan kerja telah terdaftar": a part of the workforce
            after = _UNREAD  # the fitting cue of the number's own clause after it, found on first need
            if how is None and prev is not None and (
                F.rx("apposition").match(norm, lead_s, lead_e) or F.rx("coordination").match(norm, lead_s, lead_e)
            ):
                after = self._cue_after(q, nxt, clause_e, se, kind, unit_ok)
                if unit_ok(prev.concept) and not (after is not None and after != prev.concept and
                                                  F.rx("comma_restart").match(norm, lead_s, lead_e)):
                    concept, target, how = prev.concept, prev.target, "joined"
                # (", sebanyak 15.200 orang sudah terdaftar": a new clause after a comma says what it counts)
            if how is None:
                if after is _UNREAD:
                    after = self._cue_after(q, nxt, clause_e, se, kind, unit_ok)
                if after is not None:
                    concept, how = after, "after"
            if how is None and lead_s > ss:
                concept = C.closest_before(sent_cues, lead_s, kind, unit_ok)
                how = "sentence" if concept else None
            if how is None and q.kind in ("count", "money") and (q.kind == "money" or q.unit):
                concept = C.closest(self._cues_of(prev_sent), kind, unit_ok)
                how = "topic" if concept else None
            if how is None and kind == "count" and (person or not q.unit) and \
                    F.rx("programme_segment").search(norm, max(lead_s, lead_e - 60), min(trail_e, q.span[1] + 40)):
                concept, how = "participation", "segment"  # "Untuk Pekerja Penerima Upah totalnya 116.945 orang"
            if how is None and kind == "percent" and \
                    F.rx("programme_segment").search(norm, max(lead_s, lead_e - 30), lead_e, timeout=F.P.TIMEOUT):
                concept, how = "participation", "segment"  # "di sisi lain BPU 10,02%": that segment's coverage
            if how is None and C.units(q, "member_units") and F.segment_after(norm, self._noun_start(q), trail_e) \
                    and not F.search_all("attendance", norm, lead_s, lead_e):
                concept, how = "participation", "unit"  # "Sementara 526.000 peserta adalah pekerja sektor informal"
            item = n == 0 and lead_s == zone[0] and F.rx("list_item_lead").match(norm, lead_s, lead_e)
            if how is None and item and self._item is not None and not norm[self._item[1]:zone[0]].strip() and \
                    C.fits(self._item[0], kind) and unit_ok(self._item[0]):
                concept, how = self._item[0], "list"  # "• Guru dan tenaga kependidikan: 13.245 dari 56.435" after
                # "• Kepesertaan ekosistem gampong: 81.622 dari 253.305": an item of the same list counts the same
            if kind == "count" and person and not target and concept in (None, "participation") and \
                    payers.pays_for(norm, ss, q.span[0], self._noun_start(q), clause_e, prev_sent):
                concept, how = "beneficiaries", how or "payer"  # a government pays for them (SPEC "Type")
            if concept == "employers" and F.rx("employers_universe").search(norm, lead_s, lead_e, timeout=F.P.TIMEOUT) \
                    and not F.search_all("participation", norm, lead_s, clause_e):
                continue  # "berdasarkan data Dirjen Pajak jumlah perusahaan ada sebanyak 7.758": all there are
            ftype = C.fact_type(concept, kind, target)
            if ftype is None:
                continue
            d = Draft(q=i, type=ftype, concept=concept, target=target, sent=(ss, se), zone=zone)
            if how == "part":
                d.part_of = whole
            if how in ("part", "covered_part") and whole.segment is None:
                whole.segment = "total"  # a whole that parts are read from ("Dari jumlah itu ...")
            if how == "budget_link":
                d.budget = prev
                prev.details["beneficiaries"] = q.value
            self._frame(d, q, walker, lead_s, trail_e, clause_e, nxt is not None and trail_e <= clause_e)
            if how == "budget_link" and prev.period is None:
                prev.period = d.period  # "Rp 2,5 miliar untuk ... 12.000 pekerja pada 2024": one statement
            elif how == "budget_link" and (d.period is None or told_here):
                d.period = prev.period  # the budget referred to holds for its own year, not the carried frame
            if d.type == "budget" and F.rx("baseline_before").search(norm, lead_s, lead_e, timeout=F.P.TIMEOUT):
                d.baseline = True  # "naik dari Rp 1,8 miliar": the old value a change is measured from
            if d.part_of is not None and d.period is None:
                d.period = d.part_of.period  # the parts of a whole hold when the whole holds
            by_q[i] = d
            self._add(d)
            if item and not target:
                self._item = (concept, zone[1])  # the next list item (the next zone) may count the same
            if bases and d.type in ("participants", "coverage_rate"):
                for b in bases:
                    base = Draft(q=b, type="workforce", concept="workforce", target=False, sent=(ss, se), zone=zone)
                    bq = qs[b]
                    self._frame(base, bq, walker, ss, bq.span[1], bq.span[1], True)
                    self._add(base)
                bases = []
        self._cues = ((ss, se), sent_cues)
        D.budget_details(self.qs, idx, by_q)

    def _cues_of(self, sent) -> list:
        """The cues of the previous sentence (none at a paragraph's start), found once."""
        if sent is None:
            return []
        if self._cues[0] != sent:
            self._cues = (sent, C.cues(self.norm, *sent))
        return self._cues[1]

    def _uncovered(self, q, lead_s: int, lead_e: int, trail_e: int) -> bool:
        """The count is of the uncovered: said right after it, or as the lead's last cue."""
        ns = self._noun_start(q)
        # the gap word the rule ends in, searched first: the rule itself backtracks through every split of
        # up to fifteen words before it fails, and it fails for nearly every number
        if F.rx("uncovered").search(self.norm, ns, trail_e, timeout=F.P.TIMEOUT) and \
                F.rx("uncovered_after").match(self.norm, ns, trail_e):
            return True
        gap = F.search_all("uncovered", self.norm, lead_s, lead_e)
        if not gap:
            return False
        return not [c for c in C.cues(self.norm, gap[-1].end(), lead_e)]

    def _counts_things(self, q) -> bool:
        """C.counts_things, unless the noun opens a name of the workforce ("1.873.899 penduduk bekerja")."""
        return C.counts_things(q) and not F.rx("workforce").match(self.norm, self._noun_start(q))

    def _cue_after(self, q, nxt, clause_e: int, se: int, kind: str, unit_ok) -> Optional[str]:
        """The first cue after the number, in the clause that says what it counts, that fits it; a relative
        clause after a comma that leads to the next number is that number's ("70 ribu orang, yang telah
        terlindungi sebanyak 40 ribu orang")."""
        end = self._apposed_end(q, nxt, clause_e, se)
        if nxt is not None:
            rel = F.rx("relative_to_next").search(self.norm, q.span[1], self.qs[nxt].span[0], timeout=F.P.TIMEOUT)
            if rel is not None:
                end = min(end, rel.start())
        for cs, ce, c in C.cues(self.norm, q.span[1], end):
            if C.fits(c, kind) and unit_ok(c):
                return c
        return None

    def _word_count_of_things(self, q) -> bool:
        """A number in words with no noun, or a noun of no known worker group ("dua periode", "dua kategorisasi",
        "roda tiga pengangkut"): in words, only a count of workers by name is a figure."""
        return q.kind in ("count", "number") and not any(ch.isdigit() for ch in q.text) and \
            not C.units(q, "person_units")

    def _apposed_end(self, q, nxt, clause_e: int, se: int) -> int:
        """Where the clause that says what q counts ends: past the next number when that one restates q in
        apposition ("3,24 juta pekerja rentan atau 10,69 persen yang dapat perlindungan")."""
        if nxt is None or not F.rx("apposition").match(self.norm, q.span[1], self.qs[nxt].span[0]):
            return clause_e
        brk = F.rx("clause_break").search(self.norm, self.qs[nxt].span[1], se, timeout=F.P.TIMEOUT)
        return brk.start() if brk else se

    def _counts_in(self, idx, n, se) -> bool:
        """A count of people follows the number in its clause ("Rp 806.400 untuk 4 pekerja")."""
        q = self.qs[idx[n]]
        brk = F.rx("clause_break").search(self.norm, q.span[1], se, timeout=F.P.TIMEOUT)
        end = brk.start() if brk else se
        for j in idx[n + 1:]:
            if self.qs[j].span[0] >= end:
                return False
            if self.qs[j].kind == "count" and C.units(self.qs[j], "person_units"):
                return True
        return False

    def _benefit(self, s: int, e: int) -> bool:
        """A benefit word ("klaim", "santunan") is the money's closest cue, after any budget cue."""
        ben = F.search_all("benefit", self.norm, s, e)
        if not ben:
            return False
        bud = F.search_all("budget", self.norm, s, e)
        return not bud or bud[-1].start() < ben[-1].start()

    def _add(self, d: Draft) -> None:
        self.drafts.append(d)
        if d.type != "coverage_target":  # what _reference may point back at
            self._told.add(self.qs[d.q].kind == "percent", self.qs[d.q].value, len(self.drafts) - 1)

    def _reference(self, q, lead_s, lead_e) -> Optional[Draft]:
        """The last stated fact (no target) of the same value and kind this number points back at
        ("Dari 667.892 ini ..."), looked up by value: a scan of every fact so far was quadratic."""
        norm = self.norm
        if not (F.rx("reference_after").match(norm, q.span[1]) or F.search_all("reference_before", norm, lead_s, lead_e)):
            return None
        last = self._told.last(q.kind == "percent", q.value)
        return self.drafts[last] if last is not None else None

    def _last_fact(self, pos) -> Optional[Draft]:
        for d in reversed(self.drafts):
            if self.qs[d.q].span[1] <= pos and self.qs[d.q].kind != "percent":
                return d
        return None

    def _frame(self, d: Draft, q, walker, lead_s, trail_e, clause_e, next_owns):
        fields.frame(self, d, q, walker, lead_s, trail_e, clause_e, next_owns)

    def _noun_start(self, q) -> int:
        return fields.noun_start(self.norm, q)

    # -- the article -------------------------------------------------------
    def run(self) -> list[Fact]:
        ctx = self.ctx
        sentences = list(ctx.sentences)
        starts = [s[0] for s in sentences]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        title = ctx.article.title
        lede = None  # the first body paragraph: its period framing a coverage statement carries on
        for zs, ze, _ in ctx.iter_zones():
            body = title is None or zs >= title.span[1]
            if not self._numbers_in(zs, ze) and not (body and (lede is None or self.carry is not None)):
                continue  # no number to read here, and no lede to find or carried period to end: no frame needed
            events = F.zone_events(ctx, zs, ze)
            walker = F.FrameWalker(events)
            if body and lede is not None and any(e.kind == "period" for e in events):
                self.carry = None  # another period stated: the lede's stops here
            if ordered:  # the zone's sentences by bisect over their starts, not a scan per zone
                near = sentences[bisect.bisect_left(starts, zs):bisect.bisect_right(starts, ze)]
            else:
                near = sentences
            sents = [s for s in near if zs <= s[0] and s[1] <= ze] or [(zs, ze)]
            prev_sent = None
            for ss, se in sents:
                self.sentence(ss, se, (zs, ze), walker, prev_sent)
                prev_sent = (ss, se)
            if body and lede is None:
                lede = (zs, ze)
                self.carry = C.frame_period(self.norm, events, sents)
                told = [d for d in self.drafts if zs <= d.sent[0] < ze]
                if told and all(d.region is None for d in told) and any(d.no_region == "several" for d in told):
                    self.main = None  # "melindungi 2,2 juta peserta di wilayah Sumbar, Riau, dan Kepri": the story
                    # is about that area, so a later figure that names no region is the area's, not the main one's
        return self.finish()

    def finish(self) -> list[Fact]:
        drafts = D.drop_title_repeats(self.ctx, self.qs, self.drafts)
        D.article_group(self.ctx, self.qs, drafts)
        drafts = D.merge_restatements(self.qs, drafts)
        drafts.sort(key=lambda d: (d.sent[0], self.qs[d.q].span[0]))
        pos = {id(d): n for n, d in enumerate(drafts)}
        out = []
        for d in drafts:
            q = self.qs[d.q]
            details = dict(d.details)
            if d.part_of is not None and id(d.part_of) in pos:
                details["part_of"] = pos[id(d.part_of)]
            ss, se = d.sent
            out.append(Fact(
                type=d.type, value=q.value, unit=q.unit or ("%" if q.kind == "percent" else None),
                region=d.region, segment=d.segment, period=d.period, qualifier=q.qualifier,
                quantity=d.q, details=details, sentence=self.ctx.source[ss:se], span=(ss, se),
            ))
        return out


def extract(ctx) -> list[Fact]:
    if not ctx.article.quantities:
        return []
    return _Reader(ctx).run()
