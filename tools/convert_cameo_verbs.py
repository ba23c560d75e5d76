#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into eventwire's verbs.tsv.

Run by hand from the repository root (standard library only; it does not import eventwire):

    python tools/convert_cameo_verbs.py
    python tools/convert_cameo_verbs.py --src ../shared/reference/CAMEO.2.0.txt \
        --out eventwire/events/data/verbs.tsv --cameo eventwire/events/data/cameo.tsv

Source: CAMEO.2.0.txt, the PETRARCH2 CAMEO verb dictionary, (c) 2015 Open Event Data Alliance,
MIT licence. Output format: docs/data-formats.md (`code verb after before notes`).

How the source is read (see PETRARCH2 PETRreader.read_verb_dictionary for the original):

* Synonym sets (`&NAME` followed by `+MEMBER` lines) come before `####### VERB PATTERNS`.
  Members are lower-cased, `_` joins words of a multi-word unit (turned into spaces) and a
  trailing `_` (PETRARCH's "no plural" / open-match marker) is dropped. PETRARCH also adds
  plurals of members; we don't, because eventwire matches lemmas.
* A verb block starts with `--- LABEL [code] ---`. The label is only a name; the verbs are
  the lines that follow (`VERB`, `VERB {irregular forms}`, optionally `[code]`, which
  overrides the block code for that verb). `+PULL_OUT` is a multi-word verb: lemma `pull`,
  and `out` is put at the start of `after` (of its default row and of its pattern rows).
  `+KILLED_AND`-style entries (verb + bare conjunction, a TABARI coordination device) are
  dropped: `and` anywhere in the clause would trigger them.
* Patterns `- pre * post [code] # comment`. `$` `+` `%` `^` (source, target, compound, skip
  markers) are dropped, as are parentheses (prepositional phrase) and braces (noun phrase);
  the remaining words keep their order. `&SYNSET` is expanded into one row per member;
  `A/B` alternatives (which PETRARCH2 never matched) are expanded the same way. A pattern
  using an undefined synset is skipped, as PETRARCH does.
* Which verbs get a pattern: the comment names the verb(s) the pattern was written for in
  the older CAMEO file (`# RUSH`, `# PULLED_OUT`, `# SEND , DEPLOY`). A pattern goes to those
  verbs when they are in the block, else to every verb of the block. PETRARCH2 gives every
  pattern to every verb of the block; that both inflates the file (about 700,000 rows, most
  of them synonym-set expansions) and attaches patterns to the wrong verbs (`take part` ->
  030 becomes `arrest part`, `seize minister` -> 181 becomes `arrest minister`).
  --all-block-verbs restores PETRARCH2's behaviour.
* Codes: `[A:B]` keeps A (B is noted as the paired code); `[---]`, and `[:B]` (no code for
  the source-to-target event, only for the reversed one, which verbs.tsv cannot express),
  are skipped. `[080!]` is read as 080. A block whose code is `---` or `:B` gives no
  default rows.
* Words are written as they are in the source, lower case (the source is not lemmatised:
  `sanctions`, `talks`), except that the handful of verb lines given as inflected forms
  (`WORRIED`, `TOURING`, `+KIDNAPPED_AND_KILLED`) are mapped to their lemma.
* Rows with the same (verb, after, before) are merged. If their codes differ, the row whose
  pattern names this verb (and only it), and has no synonym set, wins; then the first in
  file order. The losing codes are listed in notes as `alt`.
* With --cameo (default: the package's cameo.tsv when it exists), rows whose code is not in
  cameo.tsv are dropped and reported.
* --max-expansion N skips patterns whose synonym-set expansion exceeds N word sequences. The
  default (no limit) keeps them: a dozen patterns combining two sets (`&AIRCRAFT FIRING
  &WEAPON *`, `{&CAR &WEAPON} *`) give about half of the rows; N=1000 halves the file.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "eventwire" / "events" / "data" / "verbs.tsv"
DEFAULT_CAMEO = ROOT / "eventwire" / "events" / "data" / "cameo.tsv"

# Verb lines that the source gives as an inflected form rather than a lemma.
INFLECTED = {
    "angered": "anger",
    "attacked": "attack",
    "deterring": "deter",
    "dispelling": "dispel",
    "kidnapped": "kidnap",
    "killed": "kill",
    "losing": "lose",
    "lost": "lose",
    "shot": "shoot",
    "touring": "tour",
    "worried": "worry",
}

DROP_TOKENS = {"$", "+", "%", "^", ""}
CONJ = {"and", "or"}
CODE_RE = re.compile(r"\[([^\]]*)\]")

HEADER = """\
# eventwire verb patterns: CAMEO event code for a verb lemma, optionally with words that must
# follow it (`after`) or precede it (`before`) inside its clause. Longest match wins.
# Source: CAMEO.2.0.txt, the PETRARCH2 CAMEO verb dictionary ((c) 2015 Open Event Data
#   Alliance, MIT licence; derived from the TABARI/CAMEO verb dictionaries and WordNet synonym
#   sets), converted by tools/convert_cameo_verbs.py. Running the converter again overwrites
#   this file: keep hand-made rows elsewhere or add them again afterwards.
# Conversion: a pattern goes to the verb(s) its source comment says it was written for (all
#   verbs of the PETRARCH block when the comment names none of them); multi-word verbs
#   (PULL_OUT) are the verb `pull` with `out` first in `after`; synonym sets (&MILITARY,
#   &WEAPON, ...) and A/B alternatives are expanded into one row per member; source/target
#   markers ($ + % ^), parentheses and braces are dropped; [A:B] keeps A; [---] patterns
#   (PETRARCH's "do not code") and [:B] patterns (reversed event only) are left out.
#   Words are lower-case source words, not lemmatised (`sanctions`, `talks`): match them
#   against a token's text or its lemma.
# notes: block=<PETRARCH block label>; pat=<pattern as in the source>; src=<verb(s) the
#   source comment names>; pair=<second code of [A:B]>; alt=<other codes the same words
#   had elsewhere in the source, not used>.
"""


def clean_word(tok: str) -> str:
    tok = tok.strip()
    while tok.endswith("_"):
        tok = tok[:-1]
    return " ".join(part for part in tok.replace("_", " ").split()).lower()


def regular_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb (generous: only used to read source comments)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def source_verbs(comment: str, block: dict) -> list:
    """Verbs of the block named in a pattern's comment (`# RUSH`, `# PULLED_OUT , PULL`)."""
    text = re.sub(r"<[^>]*>", " ", comment)
    found = []
    forms = block.get("forms", {})
    for word in re.split(r"[\s,;]+", text):
        key = clean_word(word)
        if key in forms and forms[key] not in found:
            found.append(forms[key])
    return found


def read_source(path: Path):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks = []  # list of dicts
    stats = {"patterns": 0}
    in_verbs = False
    current_syn = None
    block = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_syn = line.split("#")[0].strip()
                synsets.setdefault(current_syn, [])
            elif line.startswith("+") and current_syn:
                member = clean_word(line.split("#")[0].strip()[1:])
                if member and member not in synsets[current_syn]:
                    synsets[current_syn].append(member)
            continue
        if line.startswith("~"):
            continue  # verb transformations: not converted
        if line.startswith("---"):
            parts = line.split()
            label = parts[1] if len(parts) > 1 else "?"
            m = CODE_RE.search(line)
            block = {
                "label": label,
                "code": m.group(1).strip() if m else "---",
                "verbs": [],
                "patterns": [],
                "line": lineno,
            }
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            stats["patterns"] += 1
            body, _, comment = line[1:].partition("#")
            block["patterns"].append((body, comment.strip(), lineno))
            continue
        # a verb line
        text = line.split("#")[0]
        m = None
        for m in CODE_RE.finditer(text):
            pass
        code = m.group(1).strip() if m else None
        if m:
            text = text[: m.start()] + text[m.end() :]
        irregular = []
        for group in re.findall(r"\{([^}]*)\}", text):
            irregular += group.split()
        text = re.sub(r"\{[^}]*\}", " ", text).strip()
        if not text:
            continue
        form = text.split()[0]
        if form.startswith("+"):
            words = [w for w in form[1:].split("_") if w]
            lemma, particles = words[0].lower(), [w.lower() for w in words[1:]]
        elif "+" in form:  # e.g. WIRE_+TAP (verb last): words before go to `before`
            front, _, back = form.partition("+")
            words = [w for w in back.split("_") if w]
            lemma, particles = words[0].lower(), [w.lower() for w in words[1:]]
            block.setdefault("front", {})[lemma] = [w.lower() for w in front.split("_") if w]
        else:
            lemma, particles = form.lower(), []
        lemma = INFLECTED.get(lemma, lemma)
        entry = (lemma, tuple(particles), code, form)
        if entry not in block["verbs"]:
            block["verbs"].append(entry)
        # surface forms, used to find which verb of the block a pattern's comment names
        forms = block.setdefault("forms", {})
        for f in regular_forms(lemma) | regular_forms(form.lstrip("+").split("_")[0].lower()):
            forms.setdefault(" ".join([f, *particles]), entry)
        for f in irregular:
            forms.setdefault(clean_word(f.replace("+", "")), entry)
    return synsets, blocks, stats


def parse_code(code: str | None):
    """Return (primary, paired) or (None, reason)."""
    if code is None:
        return None, "none"
    code = code.strip()
    if code in ("---", ""):
        return None, "null"
    first, _, second = code.partition(":")
    first = first.strip().rstrip("!").strip()
    second = second.strip()
    if not first:
        return None, "reverse-only"
    if first == "---":
        return None, "null"
    if not first.isdigit():
        return None, "bad"
    return first, (second if second and second != first else "")


def expand_side(tokens, synsets, missing):
    """Each token becomes a list of alternatives; returns list of word sequences."""
    options = []
    split = []
    for tok in tokens:  # FIGHTER_&AIRCRAFT: a word joined to a synset
        parts = tok.split("_")
        split.extend(parts if any(p.lstrip("({").startswith("&") for p in parts[1:]) else [tok])
    for tok in split:
        tok = tok.replace("(", "").replace(")", "").replace("{", "").replace("}", "")
        if tok in DROP_TOKENS:
            continue
        if tok.startswith("&"):
            name = tok
            if name not in synsets and name.rstrip("_") in synsets:
                name = name.rstrip("_")
            if name not in synsets:
                missing.add(tok)
                return None
            options.append(synsets[name])
            continue
        alts = [clean_word(a) for a in tok.split("/")] if "/" in tok else [clean_word(tok)]
        alts = [a for a in alts if a and a not in DROP_TOKENS]
        if alts:
            options.append(alts)
    return [" ".join(seq) for seq in itertools.product(*options)] if options else [""]


def compact(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def convert(src: Path, cameo_codes: set[str] | None, all_block_verbs: bool = False, max_expansion: int = 0):
    synsets, blocks, stats = read_source(src)
    rows: dict[tuple[str, str, str], dict] = {}
    order: list[tuple[str, str, str]] = []
    counts = {
        "blocks": len(blocks),
        "synsets": len(synsets),
        "patterns": stats["patterns"],
        "skipped_null": 0,
        "skipped_reverse_only": 0,
        "skipped_bad_code": 0,
        "skipped_no_star": 0,
        "skipped_undefined_synset": 0,
        "verb_lines": 0,
        "default_rows_from_blocks": 0,
        "candidate_rows": 0,
        "merged_same_code": 0,
        "conflicts": 0,
        "dropped_unknown_code": 0,
        "patterns_to_named_verbs": 0,
        "patterns_to_all_block_verbs": 0,
        "conjunction_verbs_dropped": 0,
        "skipped_over_max_expansion": 0,
    }
    missing_syn: set[str] = set()
    unknown_codes: dict[str, int] = {}
    bad_codes: list[str] = []

    def add(code, verb, after, before, notes, rank):
        """rank: (named for this verb, named for it alone, no synset); higher wins a clash."""
        counts["candidate_rows"] += 1
        if cameo_codes is not None and code not in cameo_codes:
            counts["dropped_unknown_code"] += 1
            unknown_codes[code] = unknown_codes.get(code, 0) + 1
            return
        key = (verb, after, before)
        if key not in rows:
            rows[key] = {"code": code, "notes": notes, "alt": [], "rank": rank}
            order.append(key)
            return
        row = rows[key]
        if row["code"] == code:
            counts["merged_same_code"] += 1
            if rank > row["rank"]:
                row["notes"], row["rank"] = notes, rank
            return
        counts["conflicts"] += 1
        if rank > row["rank"]:  # a better-attested reading replaces the earlier one
            alt = [c for c in row["alt"] + [row["code"]] if c != code]
            rows[key] = {"code": code, "notes": notes, "alt": alt, "rank": rank}
        elif code not in row["alt"]:
            row["alt"].append(code)

    for block in blocks:
        counts["verb_lines"] += len(block["verbs"])
        label = block["label"]
        fronts = block.get("front", {})
        # default rows
        for lemma, particles, vcode, form in block["verbs"]:
            if particles and set(particles) <= CONJ:
                counts["conjunction_verbs_dropped"] += 1
                continue
            code_src = vcode if vcode is not None else block["code"]
            code, pair = parse_code(code_src)
            if code is None:
                continue
            counts["default_rows_from_blocks"] += 1
            notes = f"block={label}; verb line {form} [{code_src}]"
            if pair:
                notes += f"; pair={pair}"
            add(code, lemma, " ".join(particles), " ".join(fronts.get(lemma, [])), notes, (1, 1, 1))
        # pattern rows
        for body, comment, lineno in block["patterns"]:
            cm = None
            for cm in CODE_RE.finditer(body):
                pass
            if cm is None:
                counts["skipped_bad_code"] += 1
                bad_codes.append(f"line {lineno}: no code")
                continue
            code, pair = parse_code(cm.group(1))
            if code is None:
                if pair == "null":
                    counts["skipped_null"] += 1
                elif pair == "reverse-only":
                    counts["skipped_reverse_only"] += 1
                else:
                    counts["skipped_bad_code"] += 1
                    bad_codes.append(f"line {lineno}: [{cm.group(1)}]")
                continue
            pat = body[: cm.start()]
            if pat.count("*") != 1:
                counts["skipped_no_star"] += 1
                continue
            pre, post = pat.split("*")
            befores = expand_side(pre.split(), synsets, missing_syn)
            afters = expand_side(post.split(), synsets, missing_syn)
            if befores is None or afters is None:
                counts["skipped_undefined_synset"] += 1
                continue
            if max_expansion and len(befores) * len(afters) > max_expansion:
                counts["skipped_over_max_expansion"] += 1
                continue
            notes = f"block={label}; pat={compact(pat)}"
            src_verb = compact(comment)
            if src_verb:
                notes += f"; src={src_verb}"
            if pair:
                notes += f"; pair={pair}"
            # A pattern goes to the verb(s) of the block that its source comment names (the
            # verb it was written for in the older CAMEO file); when the comment names none
            # of them it goes to every verb of the block, as in PETRARCH2. Multi-word "verbs"
            # that are two coordinated verbs (+KILLED_AND, +ATTACKED_AND_STABBED) only keep
            # their own default row.
            named = []
            for v in source_verbs(comment, block):
                if v[1] and set(v[1]) <= CONJ:  # `# KILLED_AND` means the verb KILL
                    v = next((w for w in block["verbs"] if w[0] == v[0] and not w[1]), None)
                if v is not None and v not in named:
                    named.append(v)
            explicit = "&" not in pat
            if named and not all_block_verbs:
                targets = named
                counts["patterns_to_named_verbs"] += 1
            else:
                targets = [v for v in block["verbs"] if not CONJ.intersection(v[1])]
                counts["patterns_to_all_block_verbs"] += 1
            for entry in targets:
                lemma, particles, _vcode, _form = entry
                rank = (int(entry in named), int(named == [entry]), int(explicit))
                front = " ".join(fronts.get(lemma, []))
                for b in befores:
                    for a in afters:
                        after = " ".join(x for x in (" ".join(particles), a) if x)
                        before = " ".join(x for x in (b, front) if x)
                        add(code, lemma, after, before, notes, rank)

    out_rows = []
    for key in order:
        row = rows[key]
        notes = row["notes"]
        if row["alt"]:
            notes += "; alt=" + "|".join(row["alt"])
        verb, after, before = key
        out_rows.append((row["code"], verb, after, before, compact(notes)))
    out_rows.sort(key=lambda r: (r[1], r[3], r[2], r[0]))
    return out_rows, counts, sorted(missing_syn), unknown_codes, bad_codes


def load_cameo_codes(path: Path) -> set[str]:
    codes = set()
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        codes.add(line.split("\t")[0].strip())
    return codes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--cameo",
        type=Path,
        default=DEFAULT_CAMEO,
        help="cameo.tsv to check codes against (skipped if missing)",
    )
    ap.add_argument(
        "--all-block-verbs",
        action="store_true",
        help="give every pattern to every verb of its block, as PETRARCH2 does "
        "(about 700,000 rows instead of about 55,000)",
    )
    ap.add_argument(
        "--max-expansion",
        type=int,
        default=0,
        metavar="N",
        help="skip patterns whose synonym-set expansion gives more than N word "
        "sequences (0 = no limit, the default; 12 patterns that combine two "
        "synonym sets give about half of the rows)",
    )
    args = ap.parse_args(argv)
    cameo_codes = load_cameo_codes(args.cameo) if args.cameo and args.cameo.exists() else None
    if cameo_codes is None:
        print(f"note: {args.cameo} not found, codes not checked", file=sys.stderr)
    rows, counts, missing, unknown, bad = convert(
        args.src, cameo_codes, args.all_block_verbs, args.max_expansion
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        fh.write("code\tverb\tafter\tbefore\tnotes\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    for k, v in counts.items():
        print(f"{k}: {v}", file=sys.stderr)
    print(f"rows written: {len(rows)}", file=sys.stderr)
    if missing:
        print("undefined synsets (patterns skipped): " + " ".join(missing), file=sys.stderr)
    if unknown:
        print(
            "codes not in cameo.tsv (rows dropped): "
            + ", ".join(f"{c}x{n}" for c, n in sorted(unknown.items())),
            file=sys.stderr,
        )
    for b in bad:
        print("bad code: " + b, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
