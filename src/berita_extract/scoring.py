"""Compare records with hand-made gold files (tests/corpus/README.md) and score them.

The keys are the development set's (../shared/devset/score.py): a fact is found
when its type and value match, exact when its region, segment and period match
too; names fold case and punctuation, regions keep letters only.  The corpus
test uses `compare` (every gold entry present with its fields, nothing
unlisted, `xfail` strict); `make score` uses `score` for the P/R/F1 table.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

KINDS = ("quantities", "legal_refs", "people", "quote_speakers", "regions", "facts", "facts_exact")
SCORED_QUANTITIES = ("percent", "count", "money")  # durations and bare numbers are not scored


def norm_name(s) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def region_key(s) -> str:
    """Letters and digits only, casefolded: 'Kota Tanjung Pinang' and 'Kota Tanjungpinang' are one region."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", s or "").casefold() if ch.isalnum())


def segment_key(s):
    return None if s in (None, "", "total") else s


def fact_key(f: dict, full: bool) -> tuple:
    k = (f.get("type"), round(float(f["value"]), 2))
    if full:
        k += (region_key(f.get("region")) or None, segment_key(f.get("segment")), f.get("period") or None)
    return k


def quantity_key(q: dict) -> tuple:
    return (q.get("kind"), round(float(q["value"]), 2))


def legal_key(lr: dict) -> tuple:
    return (str(lr.get("kind", "")).casefold(), str(lr.get("number", "")), lr.get("year"))


def speaker_name(s):
    return s.get("name") if isinstance(s, dict) else s


def date_value(d):
    if isinstance(d, dict):
        d = d.get("value")
    return d if isinstance(d, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) else None


def gold_event_date(g: dict):
    d = g.get("event_date")
    return d.get("value") if isinstance(d, dict) else d


def _region_name(x):
    return x.get("name") if isinstance(x, dict) else x


def scored_quantities(rec: dict) -> set:
    return {quantity_key(q) for q in rec.get("quantities", [])
            if q.get("kind") in SCORED_QUANTITIES and q.get("value") is not None and re.search(r"\d", q.get("text", ""))}


def kind_sets(rec: dict, g: dict) -> dict:
    """{kind: (predicted, gold, optional)} key sets, as the development set's scorer builds them."""
    gq = {quantity_key(q) for q in g.get("quantities", []) if q["kind"] in SCORED_QUANTITIES}
    sets = {
        "quantities": (scored_quantities(rec), gq, {quantity_key(q) for q in g.get("optional_quantities", [])}),
        "legal_refs": ({legal_key(x) for x in rec.get("legal_refs", [])}, {legal_key(x) for x in g.get("legal_refs", [])}, set()),
        "people": ({norm_name(p.get("name")) for p in rec.get("people", [])}, {norm_name(p["name"]) for p in g.get("people", [])}, set()),
        "quote_speakers": ({norm_name(speaker_name(q.get("speaker"))) for q in rec.get("quotes", []) if speaker_name(q.get("speaker"))},
                           {norm_name(speaker_name(s)) for s in g.get("quote_speakers", [])}, set()),
        "regions": ({region_key(x.get("name")) for x in rec.get("regions", [])},
                    {region_key(_region_name(x)) for x in g.get("regions", [])},
                    {region_key(_region_name(x)) for x in g.get("optional_regions", [])}),
    }
    if "facts" in g:
        pf = [f for f in rec.get("facts", []) if f.get("value") is not None]
        of = g.get("optional_facts", [])
        loose_opt = {fact_key(o, False) for o in of}
        sets["facts"] = ({fact_key(f, False) for f in pf}, {fact_key(f, False) for f in g["facts"]}, loose_opt)
        sets["facts_exact"] = ({fact_key(f, True) for f in pf}, {fact_key(f, True) for f in g["facts"]},
                               {fact_key(f, True) for f in of} | {fact_key(f, True) for f in pf if fact_key(f, False) in loose_opt})
    return sets


def prf(pred: set, gold: set, optional=frozenset()) -> tuple:
    pred = {p for p in pred if p in gold or p not in optional}  # an optional reading never hides a required one
    tp = len(pred & gold)
    return tp, len(pred), len(gold)


# -- the corpus test's exact comparison ---------------------------------------------------------------

def _close(a, b, tol=1e-6) -> bool:
    try:
        return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return a == b


def _fields_match(item: dict, entry: dict, fields) -> bool:
    for k in fields:
        if k not in entry:
            continue
        want, have = entry[k], item.get(k)
        if k == "details":
            if not isinstance(have, dict) or any(not _close(have.get(dk), dv) for dk, dv in want.items()):
                return False
        elif isinstance(want, (int, float)) and not isinstance(want, bool):
            if not _close(have, want):
                return False
        elif have != want:
            return False
    return True


def _people_match(p: dict, e: dict) -> bool:
    if "role" in e and e["role"] not in (p.get("roles") or []):
        return False
    if "roles" in e and list(e["roles"]) != list(p.get("roles") or []):
        return False
    return "organization" not in e or p.get("organization") == e["organization"]


def _entries(g: dict, rec: dict):
    """(kind, gold entry, key, satisfied) for every gold entry the record can be asked about."""
    by_q: dict = {}
    for q in rec.get("quantities", []):
        if q.get("value") is not None:
            by_q.setdefault(quantity_key(q), []).append(q)
    for e in g.get("quantities", []):
        k = quantity_key(e)
        yield "quantities", e, k, any(_fields_match(q, e, ("qualifier", "upper", "unit")) for q in by_q.get(k, []))
    for e in g.get("legal_refs", []):
        k = legal_key(e)
        yield "legal_refs", e, k, any(legal_key(x) == k and _fields_match(x, e, ("issuer",)) for x in rec.get("legal_refs", []))
    for e in g.get("people", []):
        k = norm_name(e["name"])
        yield "people", e, k, any(norm_name(p.get("name")) == k and _people_match(p, e) for p in rec.get("people", []))
    speakers = {norm_name(speaker_name(q.get("speaker"))) for q in rec.get("quotes", [])}
    for e in g.get("quote_speakers", []):
        name = e["name"] if isinstance(e, dict) else e
        yield "quote_speakers", e, norm_name(name), norm_name(name) in speakers
    for e in g.get("regions", []):
        k = region_key(_region_name(e))
        ok = any(region_key(r.get("name")) == k and (not isinstance(e, dict) or _fields_match(r, e, ("code", "level")))
                 for r in rec.get("regions", []))
        yield "regions", e, k, ok
    for e in g.get("facts", []):
        k = fact_key(e, True)
        ok = any(fact_key(f, True) == k and _fields_match(f, e, ("qualifier", "unit", "details"))
                 for f in rec.get("facts", []) if f.get("value") is not None)
        yield "facts", e, k, ok
    for e in g.get("dates", []):
        ok = any(d.get("text") == e["text"] and _fields_match(d, e, ("value", "end", "granularity")) for d in rec.get("dates", []))
        yield "dates", e, e["text"], ok
    for e in g.get("checks", []):
        k = _check_key(e)
        ok = any(_check_key(c) == k and ("computed" not in e or _close(c.get("computed"), e["computed"], 1e-4))
                 for c in rec.get("checks", []))
        yield "checks", e, k, ok
    for e in g.get("removed", []):
        k = (e["start"], e["reason"])
        yield "removed", e, k, any(r.get("text", "").startswith(e["start"]) and r.get("reason") == e["reason"] for r in rec.get("removed", []))
    for e in g.get("quotes", []):
        ok = any(q.get("text", "").startswith(e["start"]) and speaker_name(q.get("speaker")) == e.get("speaker")
                 and ("cue" not in e or (q.get("cue") or {}).get("text") == e["cue"]) for q in rec.get("quotes", []))
        yield "quotes", e, e["start"], ok


def _check_key(c: dict) -> tuple:
    return (c.get("kind"), bool(c.get("ok")), round(float(c.get("expected") or 0), 2))


def _extras(g: dict, rec: dict) -> dict:
    """{kind: {key: a readable item}} of what the record has and the gold neither lists nor excuses."""
    sets = kind_sets(rec, g)
    out = {}
    for kind in ("quantities", "legal_refs", "people", "quote_speakers", "regions", "facts_exact"):
        if kind not in sets:
            continue
        pred, gold, opt = sets[kind]
        out["facts" if kind == "facts_exact" else kind] = {k: k for k in pred - gold - opt}
    if "checks" in g:
        listed = {_check_key(e) for e in g["checks"]}
        out["checks"] = {_check_key(c): c.get("statement") for c in rec.get("checks", []) if _check_key(c) not in listed}
    if "removed" in g:
        out["removed"] = {(r.get("text", "")[:60], r.get("reason")): r.get("text", "")[:60] for r in rec.get("removed", [])
                          if not any(r.get("text", "").startswith(e["start"]) and r.get("reason") == e["reason"] for e in g["removed"])}
    return out


def _extra_key(kind: str, e: dict):
    if kind == "facts":
        return fact_key(e, True)
    if kind == "quantities":
        return quantity_key(e)
    if kind == "legal_refs":
        return legal_key(e)
    if kind in ("people", "quote_speakers"):
        return norm_name(e["name"] if isinstance(e, dict) else e)
    if kind == "regions":
        return region_key(_region_name(e))
    if kind == "checks":
        return _check_key(e)
    return None


def compare(rec: dict, g: dict, article: str = "") -> list[str]:
    """Every way the record departs from the gold, as readable lines; [] when it agrees exactly."""
    problems = []
    ed = g.get("event_date")
    want_date, xf = (ed.get("value"), ed.get("xfail")) if isinstance(ed, dict) else (ed, None)
    got_date = date_value(rec.get("event_date"))
    if (got_date == want_date) == bool(xf):
        problems.append(f"event_date: record {got_date!r}, gold {want_date!r}" + (f" (xfail fixed? {xf})" if xf else ""))
    for kind, e, key, ok in _entries(g, rec):
        why = e.get("xfail") if isinstance(e, dict) else None
        if not ok and not why:
            problems.append(f"{kind}: missing or different {_show(e)}")
        elif ok and why:
            problems.append(f"{kind}: now found, promote it (xfail: {why}) {_show(e)}")
        text = e.get("text") if isinstance(e, dict) else None
        if text and article and text not in article:
            problems.append(f"{kind}: gold text {text!r} is not in the article")
    extras = _extras(g, rec)
    known = {kind: {_extra_key(kind, e): e for e in entries} for kind, entries in (g.get("xfail_extra") or {}).items()}
    for kind, items in extras.items():
        for k, shown in sorted(items.items(), key=lambda kv: str(kv[0])):
            if k not in known.get(kind, {}):
                problems.append(f"{kind}: unlisted {shown}")
    for kind, entries in known.items():
        for k, e in entries.items():
            if k not in extras.get(kind, {}):
                problems.append(f"{kind}: no longer emitted, drop it from xfail_extra ({e.get('xfail')}) {_show(e)}")
    problems += _compare_layout(rec, g)
    if "organizations" in g:
        got = sorted(o.get("name") for o in rec.get("organizations", []))
        if got != sorted(g["organizations"]):
            problems.append(f"organizations: record {got}, gold {sorted(g['organizations'])}")
    if "programs" in g:
        got = [p.get("code") for p in rec.get("programs", [])]
        if got != list(g["programs"]):
            problems.append(f"programs: record {got}, gold {g['programs']}")
    return problems


def _compare_layout(rec: dict, g: dict) -> list[str]:
    lay = g.get("layout") or {}
    xf = lay.get("xfail") or {}
    out = []
    parts = {"title": (rec.get("title") or {}).get("text"), "advertorial": rec.get("advertorial")}
    for group in ("dateline", "byline"):
        for k, v in (lay.get(group) or {}).items():
            parts[f"{group}.{k}"] = (rec.get(group) or {}).get(k)
    for field, have in parts.items():
        group, _, sub = field.partition(".")
        if sub:
            want_present, want = sub in (lay.get(group) or {}), (lay.get(group) or {}).get(sub)
        else:
            want_present, want = field in lay, lay.get(field)
        if not want_present:
            continue
        if (have == want) == bool(xf.get(field)):
            out.append(f"layout {field}: record {have!r}, gold {want!r}" + (f" (xfail fixed? {xf[field]})" if xf.get(field) else ""))
    return out


def _show(e) -> str:
    if not isinstance(e, dict):
        return repr(e)
    return json.dumps({k: v for k, v in e.items() if k != "xfail"}, ensure_ascii=False)


# -- the P/R/F1 table ---------------------------------------------------------------------------------

def score(records: dict, golds: list[dict], verbose: bool = False, out=sys.stdout) -> dict:
    tot = {k: [0, 0, 0] for k in KINDS}
    dates_ok = 0
    detail, gaps, missing = [], [], []
    for g in golds:
        rec = records.get(g["id"])
        if rec is None:
            missing.append(g["id"])
            rec = {}
        for kind, (p, gg, o) in kind_sets(rec, g).items():
            tp, npred, ngold = prf(p, gg, o)
            tot[kind][0] += tp
            tot[kind][1] += npred
            tot[kind][2] += ngold
            if kind in ("quantities", "facts_exact", "people", "quote_speakers", "legal_refs", "regions"):
                fn, fp = sorted(map(str, gg - p)), sorted(map(str, (p - o) - gg))
                if fn or fp:
                    detail.append(f"{g['id']} {kind} missed {fn} extra {fp}")
        dates_ok += date_value(rec.get("event_date")) == gold_event_date(g)
        for kind, items in g.items():
            if isinstance(items, list):
                gaps += [f"{g['id']} {kind}: {_show(e)} -- {e['xfail']}" for e in items if isinstance(e, dict) and e.get("xfail")]
        for kind, items in (g.get("xfail_extra") or {}).items():
            gaps += [f"{g['id']} {kind} (extra): {_show(e)} -- {e.get('xfail')}" for e in items]
    print(f"{'kind':16} {'P':>6} {'R':>6} {'F1':>6}  (tp/pred/gold)", file=out)
    figures = _rows(tot, out)
    figures["event_date_acc"] = dates_ok / len(golds) if golds else 0.0
    print(f"{'event_date':16} accuracy {figures['event_date_acc']:.3f} ({dates_ok}/{len(golds)})", file=out)
    if gaps:
        _table(records, golds, out)
    if verbose and detail:
        print("\n".join(detail), file=out)
    if gaps:
        print(f"known gaps ({len(gaps)}):", file=out)
        print("\n".join("  " + x for x in gaps), file=out)
    if missing:
        print(f"no record for {len(missing)} articles: {missing[:5]}", file=out)
    return figures


def _without_gaps(g: dict) -> dict:
    """The gold with its known gaps (entries marked xfail) left out."""
    return {k: ([e for e in v if not (isinstance(e, dict) and e.get("xfail"))] if isinstance(v, list) else v)
            for k, v in g.items()}


def _table(records: dict, golds: list[dict], out) -> None:
    """The same table with the known gaps excepted: xfail entries not required, xfail_extra items not counted."""
    tot = {k: [0, 0, 0] for k in KINDS}
    for g in golds:
        rec = records.get(g["id"]) or {}
        extra = g.get("xfail_extra") or {}
        excused = {kind: {_extra_key(kind, e) for e in extra.get(kind, [])} for kind in KINDS if kind != "facts"}
        excused["facts"] = {fact_key(e, False) for e in extra.get("facts", [])}
        excused["facts_exact"] = {fact_key(e, True) for e in extra.get("facts", [])}
        for kind, (p, gg, o) in kind_sets(rec, _without_gaps(g)).items():
            tp, npred, ngold = prf(p - (excused[kind] - gg), gg, o)
            for i, v in enumerate((tp, npred, ngold)):
                tot[kind][i] += v
    print("known gaps excepted:", file=out)
    _rows(tot, out)


def _rows(tot: dict, out) -> dict:
    """Print a P/R/F1 row per kind of {kind: [tp, pred, gold]}; the F1 figures."""
    figures = {}
    for kind, (tp, npred, ngold) in tot.items():
        if kind.startswith("facts") and not ngold:
            continue  # no gold file here has facts
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        figures[kind + "_f1"] = f
        print(f"{kind:16} {p:6.3f} {r:6.3f} {f:6.3f}  ({tp}/{npred}/{ngold})", file=out)
    return figures


def load_golds(gold_dir: Path) -> list[dict]:
    """Gold files: `<id>.json` (the development set) or `<id>.gold.json` (tests/corpus)."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def extract_dir(text_dir: Path, ids) -> dict:
    from .pipeline import extract_file

    out = {}
    for i in ids:
        p = text_dir / f"{i}.txt"
        if p.exists():
            out[i] = json.loads(extract_file(p).model_dump_json())
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m berita_extract.scoring",
                                 description="Score the extractor on a folder of texts against hand-made gold files "
                                             "(precision, recall and F1 per kind, as ../shared/devset/score.py).")
    ap.add_argument("texts", type=Path, help="folder of <id>.txt articles")
    ap.add_argument("gold", type=Path, nargs="?", help="folder of gold files (<id>.json or <id>.gold.json); default: the texts folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra per article")
    a = ap.parse_args(argv)
    gold_dir = a.gold or a.texts
    if not a.texts.is_dir() or not gold_dir.is_dir():
        print(f"{a.texts if not a.texts.is_dir() else gold_dir}: not a folder", file=sys.stderr)
        return 2
    golds = load_golds(gold_dir)
    if not golds:
        print(f"{gold_dir}: no gold files (*.json)", file=sys.stderr)
        return 2
    records = extract_dir(a.texts, [g["id"] for g in golds])
    score(records, golds, verbose=a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
