"""The one label reader: codes, GS1 fields and the sticker's text → HMS-nr/serienr.

:func:`read_label` is a pure function of a BGR picture (plus an optional
region and a time budget) that returns a plain :class:`LabelRead`; the GUI
calls it on its CPU worker, the CLI and the tests call it directly.
:class:`LiveLabelVoter` takes successive per-frame reads from the live
picture and says when one HMS-nr/serienr pair has agreed across enough
frames to be trusted.

Presets:

* frozen frame / file (default): the fast barcode attempts; then OCR of the
  sticker unless the codes already gave a pair (the register knows, when a
  register is given); then, if no code was read at all, the rest of the
  barcode ladder (rotations, scales, contrast …) — all within ``budget_s``;
* live (``live=True``): the two fast barcode attempts only (direct read and
  1D crops), no OCR, within ``budget_s`` (≈ 35 ms on a 1920×1080 frame) —
  OCR on the live picture is the caller's choice, at most once a second.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from hms_desk.domain.errors import HmsError
from hms_desk.labels.barcodes import LADDER, BarcodeScan, CodeRead, scan_barcodes
from hms_desk.labels.candidates import (NAV_WORDS, Candidate, Known, Pair, _frame, best_pair, digit_runs,
                                        from_codes, from_lines, has_label, merge, number_at, numbers_in,
                                        replace_number)
from hms_desk.labels.ocr import (FIND_MAX_SIDE, ZOOM_MAX_PIXELS, OcrLine, OcrResult, OcrUnavailable, Read, _overlap,
                                 look_closer, read_rest, read_text, reread, unread_crops)

__all__ = ["LabelRead", "LiveLabelVoter", "Region", "read_label", "LIVE_LADDER"]

Region = tuple[int, int, int, int]       # x, y, width, height in image pixels

#: The barcode attempts cheap enough for every live frame …
LIVE_LADDER = ("direkte", "utsnitt (1D)")
#: … with the direct read of a live frame at no more than 1280×720.
LIVE_DIRECT_MAX_PIXELS = 1280 * 720

INVALID_IMAGE_TEXT = "Bildet er tomt eller ugyldig."
#: A number no other crop confirmed — but none contradicted either — is kept at this recogniser score.
UNCONFIRMED_MIN_SCORE = 0.9
#: Text whose detected box is lower than this (frame pixels; the box is about twice the letters' height) is at
#: the limit of legibility: a wavering reading drops its block.
SMALL_TEXT_PX = 28.0
INVALID_REGION_TEXT = "Det markerte området er utenfor bildet eller for lite."


class LabelInputError(HmsError):
    code = "UGYLDIG_BILDE"


@dataclass
class LabelRead:
    """Everything one read found; positions are in the full picture's pixels."""

    width: int
    height: int
    codes: list[CodeRead] = field(default_factory=list)
    hmsnr: list[Candidate] = field(default_factory=list)
    serienr: list[Candidate] = field(default_factory=list)
    best: Pair | None = None
    text: list[OcrLine] = field(default_factory=list)
    ocr: str = "ikke kjørt"              # "ok" | "ikke kjørt" | Norwegian reason it could not run
    region: Region | None = None
    elapsed_s: float = 0.0
    barcode_s: float = 0.0
    ocr_s: float = 0.0
    attempts: list[str] = field(default_factory=list)

    @property
    def pair(self) -> tuple[str, str] | None:
        return (self.best.hmsnr, self.best.serienr) if self.best else None

    def rescored(self, known: Known) -> "LabelRead":
        """A copy whose ``best`` pair is chosen with the register check ``known``.

        For the GUI: run :func:`read_label` on the CPU worker without a register,
        then score on the database worker (``await tasks.db(lambda: read.rescored(known))``)."""
        return replace(self, best=best_pair(self.hmsnr + self.serienr, known))

    def to_json(self) -> dict:
        return {
            "width": self.width,
            "height": self.height,
            "region": list(self.region) if self.region else None,
            "codes": [c.to_json() for c in self.codes],
            "hmsnr": [c.to_json() for c in self.hmsnr],
            "serienr": [c.to_json() for c in self.serienr],
            "best": self.best.to_json() if self.best else None,
            "text": [line.to_json() for line in self.text],
            "ocr": self.ocr,
            "elapsed_ms": round(self.elapsed_s * 1000, 1),
        }


def _checked(image) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.size == 0 or image.ndim not in (2, 3):
        raise LabelInputError(INVALID_IMAGE_TEXT)
    if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
        raise LabelInputError(INVALID_IMAGE_TEXT)
    if image.dtype != np.uint8:
        raise LabelInputError(INVALID_IMAGE_TEXT)
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    return image


def _crop(image: np.ndarray, region: Region | None) -> tuple[np.ndarray, Region | None]:
    if region is None:
        return image, None
    x, y, w, h = (int(round(v)) for v in region)
    H, W = image.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + w), min(H, y + h)
    if x1 - x0 < 8 or y1 - y0 < 8:
        raise LabelInputError(INVALID_REGION_TEXT)
    return np.ascontiguousarray(image[y0:y1, x0:x1]), (x0, y0, x1 - x0, y1 - y0)


def _shift_code(c: CodeRead, dx: int, dy: int) -> CodeRead:
    return replace(c, position=tuple((x + dx, y + dy) for x, y in c.position))


def _shift_line(line: OcrLine, dx: int, dy: int) -> OcrLine:
    return replace(line, box=tuple((x + dx, y + dy) for x, y in line.box))


def _second_opinion(frame: np.ndarray, lines: list[OcrLine]) -> list[OcrLine]:
    """Guard the numbers against misreads, and recover labels the detector cut off.

    * A line with a six-digit number but no label is read again with its crop
      stretched to the left; if that shows a label, the longer reading is used
      (only while the two numbers have not both been read with their labels).
    * A line with a label whose number did not come out as six digits is read
      from three other crops; a number two of them agree on is used.
    * Every line a candidate was taken from is read again from two other
      crops (a fourth, sharpened one when no two readings agree); a number
      counts if two readings agree on it and more readings agree with it than
      against it; a number the other crops neither confirm nor contradict (they
      give no six-digit number) is kept with a lower score if the recogniser was
      sure of it (≥ 0.9); anything else is dropped: no read is better than a
      wrong one.
    * A number is dropped too when the recogniser itself, over the line's
      readings, weighed one of its digits weakly or against another digit
      (:func:`_doubts`: a blurred "0" read as "8" in every crop); the numbers it
      could have been stay with the line (``readings``).
    """
    lines = list(lines)
    # (not when both numbers were read with their labels: another label found now could only compete)
    orphans = [] if _both(lines) else [i for i, ln in enumerate(lines) if numbers_in(ln.text) and not has_label(ln.text)]
    if orphans:
        longer = reread(frame, [lines[i] for i in orphans], "left")
        for i, r in zip(orphans, longer):
            if has_label(r.text) and numbers_in(r.text):
                lines[i] = replace(lines[i], text=r.text, odds=r.odds)
    # a label whose number did not come out as six digits ("Serie-nr 56.069"): two more readings
    # that agree on a number give it
    taken = {i for c in from_lines(lines) for i in c.lines}
    broken = [i for i, ln in enumerate(lines)
              if i not in taken and has_label(ln.text) and not numbers_in(ln.text) and any(ch.isdigit() for ch in ln.text)]
    if broken:
        tries = [reread(frame, [lines[i] for i in broken], v) for v in ("wide", "contrast", "sharp")]
        for k, i in enumerate(broken):
            votes = Counter(n for t in tries for n in numbers_in(t[k].text)[:1] if has_label(t[k].text))
            if votes:
                value, count = votes.most_common(1)[0]
                if count >= 2 and count > sum(votes.values()) - count:
                    best = next(t[k] for t in tries if value in numbers_in(t[k].text) and has_label(t[k].text))
                    # (its own digits kept among its readings: a number that had to be mended)
                    lines[i] = replace(lines[i], text=best.text, odds=best.odds, score=lines[i].score * 0.9,
                                       readings=lines[i].readings + tuple(digit_runs(lines[i].text) or ['?']))
    used = sorted({i for c in from_lines(lines) for i in c.lines if numbers_in(lines[i].text)})
    if not used:
        return lines
    opinions = [reread(frame, [lines[i] for i in used], v) for v in ("wide", "contrast")]

    def reads_of(k: int, i: int) -> list[Read]:
        return [Read(lines[i].text, lines[i].score, lines[i].odds)] + [op[k] for op in opinions]

    def votes_for(k: int, i: int) -> Counter:
        return Counter(n for r in reads_of(k, i) for n in numbers_in(r.text)[:1])

    undecided = [k for k, i in enumerate(used) if max(votes_for(k, i).values()) < 2]
    if undecided:                                   # a fourth reading where no two agree yet
        extra = reread(frame, [lines[used[k]] for k in undecided], "sharp")
        fourth = [Read("", 0.0)] * len(used)
        for k, r in zip(undecided, extra):
            fourth[k] = r
        opinions.append(fourth)
    # text at the limit of legibility (a few pixels high, blurred) can be misread the same way from every
    # crop: when one number of a block of such text wavers between readings, none of that block's numbers
    # is trusted
    shaky = {lines[i].block for k, i in enumerate(used)
             if _text_height(lines[i]) < SMALL_TEXT_PX and len(votes_for(k, i)) > 1}
    for k, i in enumerate(used):
        votes = votes_for(k, i)
        doubts: list[str] = []
        if lines[i].block in shaky and _text_height(lines[i]) < SMALL_TEXT_PX:
            value = "??????"
        else:
            first = numbers_in(lines[i].text)[0]
            total = sum(votes.values())
            agreed = [n for n, c in votes.most_common() if c >= 2 and c > total - c]
            # a digit the recogniser weighed weakly, or against another digit, over the readings: the
            # number could be another one
            doubts = _doubts(agreed[0] if agreed else first, reads_of(k, i))
            if doubts:
                value = "??????"
            elif first in agreed:
                continue
            elif not agreed and total == 1 and lines[i].score >= UNCONFIRMED_MIN_SCORE:
                # the other crops gave no six-digit number at all (nothing against it): keep, less sure
                lines[i] = replace(lines[i], score=lines[i].score * 0.8)
                continue
            else:
                # the other readings agree on another value, or on none
                value = agreed[0] if agreed else "??????"
        # the readings set aside stay with the line (see :func:`_wavered`)
        lines[i] = replace(lines[i], text=replace_number(lines[i].text, value), odds=(),
                           readings=lines[i].readings + tuple(votes) + tuple(doubts))
    return lines


#: A number's digit is doubtful when the recogniser's readings of it together gave it less than this mean
#: probability (a blurred "0" read as a "1" at 0.5) …
DOUBT_MIN_P = 2 / 3
#: … or gave another digit at least this share of its weight (a "0" weighed against an "8").
DOUBT_SHARE = 0.3


def _doubts(value: str, reads: list[Read]) -> list[str]:
    """The other numbers ``value`` could be, as the recogniser weighed its digits in ``reads`` (readings of
    one printed line; those without a six-digit number or without odds count for nothing).  At each digit
    the readings' probabilities are added up; where the digit is doubtful (:data:`DOUBT_MIN_P`,
    :data:`DOUBT_SHARE`), ``value`` with the rival digit there is one of the answers ("?" when no other
    digit got any weight).  Empty: no doubt."""
    weight = np.zeros((6, 10))
    n = 0
    for r in reads:
        found = number_at(r.text) if r.odds else None
        if found is None:
            continue
        n += 1
        for j, (digit, pos) in enumerate(zip(*found)):
            p = np.asarray(r.odds[pos][:10], np.float64)
            if not r.text[pos].isdigit():           # a letter read for a digit ("O" for 0): its own weight
                p[int(digit)] += r.odds[pos][10]
            weight[j] += p
    out = []
    for j, digit in enumerate(int(c) for c in value):
        mine = weight[j, digit]
        others = weight[j].copy()
        others[digit] = 0.0
        rivals = {str(d) for d in np.flatnonzero(others >= max(DOUBT_SHARE * mine, 1e-9))}
        if n and mine < DOUBT_MIN_P * n:
            rivals.add(str(int(others.argmax())) if others.max() > 0 else "?")
        out += [value[:j] + d + value[j + 1:] for d in sorted(rivals)]
    return out


def _labelled(lines: list[OcrLine]):
    """The candidates with their own label read: what decides whether to look further (a number taken
    by exclusion is a last resort, never a reason to stop looking for its label)."""
    return from_lines(lines, exclusion=False)


def _both(lines: list[OcrLine], exclusion: bool = False) -> bool:
    """Both numbers read with their own labels (with ``exclusion``, one perhaps taken by exclusion)."""
    kinds = {c.kind for c in from_lines(lines, exclusion=exclusion)}
    return {"hmsnr", "serienr"} <= kinds


def _paired(lines: list[OcrLine]) -> bool:
    """Both numbers, one of them perhaps taken by exclusion: the sticker is found — what ends the search
    for it (its own block is still looked at in every way, for the missing label)."""
    return _both(lines, exclusion=True)


#: Blocks looked at again, at most, when the first reading gave no pair.
CLOSER_BLOCKS = 3


def _text_height(line: OcrLine) -> float:
    """The height of the text in ``line``'s box: the box's height, unless its text cannot explain its
    shape (a few characters read in a box far wider than they are) — then the box holds several lines
    the detector ran together (small text), and a quarter of its height is the guess."""
    p = np.asarray(line.box, np.float64)
    length = float(np.linalg.norm(p[1] - p[0]))
    aspect = length / max(line.height, 1.0)
    if aspect > 2.0 * max(0.55 * len(line.text.strip()), 0.5):
        return line.height / 4.0
    return line.height


def _bare_number(text: str) -> bool:
    t = text.strip(" :.,;")
    return len(t) <= 8 and bool(numbers_in(t))


def _closer_look(frame: np.ndarray, lines: list[OcrLine], deadline: float, only=None,
                 replaced: list[OcrLine] | None = None) -> list[OcrLine]:
    """Look again, level and enlarged, at the blocks that look like the sticker: those with a label,
    then those with a six-digit number.  A block's new lines replace its old ones (kept in ``replaced``
    for :func:`_wavered`); the numbers get the same second opinion.  A label the look read at its edge
    without its number is followed: the look is grown to where the number is printed.  Stops at the first
    block that gives both numbers, or at ``deadline``."""
    blocks: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        blocks.setdefault(line.block, []).append(i)

    def promise(idx: list[int]) -> tuple:
        """Labels or a NAV header first, then bare six-digit numbers (two of them, as a sticker whose
        labels were not read shows, before one), then the finder's order; blocks whose numbers all carry
        another label ("Ordre 482913") are not looked at again."""
        texts = [lines[i].text for i in idx]
        if any(has_label(t) or NAV_WORDS.search(t) for t in texts):
            return (0, 0, min(idx))
        bare = sum(_bare_number(t) for t in texts)
        if bare:
            return (1, -min(bare, 2), min(idx))
        if any(numbers_in(t) for t in texts):
            return (3, 0, min(idx))
        return (2, 0, min(idx))

    chosen = [b for b, idx in sorted(blocks.items(), key=lambda kv: promise(kv[1]))
              if not 3000 <= b < 4000 and (only is None or only(b)) and promise(idx)[0] < 3][:CLOSER_BLOCKS]
    for k, b in enumerate(chosen):
        if time.perf_counter() > deadline:
            break
        idx = blocks[b]
        boxes = [np.asarray(lines[i].box, np.float64) for i in idx]
        angles = [np.arctan2(*(p[1] - p[0])[::-1]) for p in boxes]
        # a block of boxes read as one or two signs only: a small sticker seen as one blob
        real = [i for i in idx if len(lines[i].text.strip()) >= 3]
        heights = [_text_height(lines[i]) for i in real] if real else [lines[i].height / 4.0 for i in idx]
        block, angle, text_h = np.vstack(boxes), float(np.median(angles)), float(np.median(heights))
        along, down = np.array([np.cos(angle), np.sin(angle)]), np.array([-np.sin(angle), np.cos(angle)])
        quad = block
        if not any(numbers_in(lines[i].text) or has_label(lines[i].text) for i in idx):
            # the header alone ("NAV Hjelpemiddelsentral"): the numbers are printed under it
            quad = np.vstack([block, block + down * 5.0 * text_h])
        new = look_closer(frame, quad, angle, text_h, margin=(4.0, 3.5), block_no=3000 + k, enough=_both,
                         deadline=deadline)
        found_h = [_text_height(ln) for ln in new if len(ln.text.strip()) >= 3]
        if (found_h and not _both(new) and float(np.median(found_h)) < 0.7 * text_h
                and time.perf_counter() < deadline):
            # the text found is smaller than the first boxes said (they ran lines together): once more,
            # enlarged for the height now measured — around the block and the lines of that height found,
            # with the space under them when no number was among them (a region sized for the larger
            # text would hold the view's enlargement down)
            text_h = float(np.median(found_h))
            region = np.vstack([block] + [np.asarray(ln.box, np.float64) for ln in new if len(ln.text.strip()) >= 3
                                          and 0.6 * text_h <= _text_height(ln) <= 1.6 * text_h])
            if not any(numbers_in(ln.text) for ln in new) and not any(numbers_in(lines[i].text) for i in idx):
                region = np.vstack([region, region + down * 5.0 * text_h])
            again = look_closer(frame, region, angle, text_h, margin=(2.0, 2.0), block_no=3000 + k, enough=_both,
                                deadline=deadline)
            if _both(again) or len(_labelled(again)) > len(_labelled(new)):
                new = again
        bare_labels = [ln for ln in new if has_label(ln.text) and not any(ch.isdigit() for ch in ln.text)
                       and not _number_near(ln, new)]
        if bare_labels and not _both(new) and time.perf_counter() < deadline:
            # a label read without its number ("Serienr:" the last line of the look): the number is printed
            # under it or after it, beyond the edge of the look — once more, the region grown to take it in
            grown = [quad] + [np.asarray(ln.box, np.float64) for ln in new]
            for ln in bare_labels:
                box, lh = np.asarray(ln.box, np.float64), _text_height(ln)
                grown += [box + down * 2.0 * lh, box + along * float(np.linalg.norm(box[1] - box[0]))]
            th = float(np.median(found_h)) if found_h else text_h
            wider = look_closer(frame, np.vstack(grown), angle, th, margin=(4.0, 3.5), block_no=3000 + k,
                                enough=_both, deadline=deadline)
            if _both(wider) or len(_labelled(wider)) > len(_labelled(new)):
                new = wider
        bare = sum(_bare_number(lines[i].text) for i in idx)
        if not _both(new) and (promise(idx)[0] == 0 or bare >= 2):
            # the sticker (or two bare six-digit numbers in one block, as a sticker prints them, whose
            # labels were not read), but not both numbers: harder looks, most promising first, while time
            # is left — labels much smaller than their numbers (under ~10 px: enlarged 3–5× and
            # sharpened), then glare (local contrast)
            tries = []
            taken = {c.value for c in _labelled(new)}
            if any(_bare_number(ln.text) and not set(numbers_in(ln.text)) <= taken for ln in new):
                # a number whose label was not read (none at all, or the other one's only): its label
                # may be printed much smaller or fainter than the number
                tries.append(("small", 0.4 * text_h))
            elif text_h < 10:
                tries.append(("small", text_h))
            tries.append(("contrast", text_h))
            for variant, th in tries:
                if time.perf_counter() > deadline:
                    break
                more = look_closer(frame, quad, angle, th, margin=(4.0, 3.5), block_no=3000 + k, variant=variant,
                                  enough=_both, deadline=deadline)
                if _both(more) or len(_labelled(more)) > len(_labelled(new)):
                    new = more
                if _both(new):
                    break
        if not new:
            continue
        trial = [ln for ln in lines if ln.block != b] + new
        trial = _second_opinion(frame, trial)
        if len(_labelled(trial)) > len(_labelled(lines)) or _both(trial):
            if replaced is not None:
                replaced += [ln for ln in lines if ln.block == b]
            lines = trial
        if _paired(lines):
            break                           # the sticker: the other blocks are something else
    return lines


def _number_near(label: OcrLine, lines: list[OcrLine]) -> bool:
    """A line with digits where ``label``'s number would be printed: after it on its line, or on the line
    under it."""
    corner, u, down, length, _h = _frame(label.box)
    h = max(_text_height(label), 1.0)
    for ln in lines:
        if ln is label or not any(ch.isdigit() for ch in ln.text):
            continue
        c = np.asarray(ln.box, np.float64).mean(axis=0) - corner
        along, across = float(c @ u), float(c @ down)
        if (-2.0 * h < along < length + 8.0 * h and 0.6 * h < across < 3.0 * h) or (
                along > 0.5 * length and abs(across - 0.5 * h) < 0.6 * h):
            return True
    return False


def _wavered(lines: list[OcrLine], replaced: list[OcrLine]) -> list[OcrLine]:
    """Small text (under :data:`SMALL_TEXT_PX`) whose number a closer look gave, where the reading it
    replaced of the same printed line had digits that cannot be the same number ("Ser.nr 661132" →
    "Ser.nr 663132"; a reading that only lost digits, "Ser.ar 66132", can) — in its text, or, when the new
    number is itself doubtful (mended by the second opinion, or with readings set aside), among the
    readings of the old line the second opinion set aside (``OcrLine.readings``: a line already found
    read two ways, now "??????"): text at the limit of legibility, read two ways — neither reading is
    trusted, the number becomes "??????"."""
    out = []
    for line in lines:
        nums = numbers_in(line.text)
        if line.block >= 3000 and nums and _text_height(line) < SMALL_TEXT_PX:
            for old in replaced:
                if not _same_printed_line(line, old):
                    continue
                # the readings the old line's second opinion set aside count when this number is doubtful
                # too: it had readings set aside, or had to be mended, itself
                evidence = digit_runs(old.text) + ([r for r in old.readings if r.isdigit()] if line.readings else [])
                if any(not _subsequence(r, nums[0]) and not _subsequence(nums[0], r) for r in evidence):
                    line = replace(line, text=replace_number(line.text, "??????"))
                    break
        out.append(line)
    return out


def _subsequence(a: str, b: str) -> bool:
    """``a``'s characters appear in ``b`` in order (``b`` with characters a misreading lost)."""
    it = iter(b)
    return all(ch in it for ch in a)


def _same_printed_line(a: OcrLine, b: OcrLine) -> bool:
    """Two readings of one printed line: boxes of like height, overlapping, their centres on one line."""
    pa, pb = np.asarray(a.box, np.float64), np.asarray(b.box, np.float64)
    ha, hb = max(a.height, 1.0), max(b.height, 1.0)
    if not 0.5 < hb / ha < 2.0 or not _overlap(pa.astype(np.float32), pb.astype(np.float32)):
        return False
    u = pa[1] - pa[0]
    u = u / (np.linalg.norm(u) or 1.0)
    across = abs(float((pb.mean(axis=0) - pa.mean(axis=0)) @ np.array([-u[1], u[0]])))
    return across < 0.5 * min(ha, hb)


def _disagree(lines: list[OcrLine]) -> list[OcrLine]:
    """The same printed line read twice (two closer looks, or a look and the first reading) with two
    different numbers: neither reading is trusted — both numbers become "??????"."""
    boxes = [np.asarray(ln.box, np.float32) for ln in lines]
    nums = [numbers_in(ln.text)[:1] for ln in lines]
    bad: set[int] = set()
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            if not nums[i] or not nums[j] or nums[i] == nums[j]:
                continue
            hi, hj = lines[i].height, lines[j].height
            if max(hi, hj) > 2.0 * max(min(hi, hj), 1.0) or not _overlap(boxes[i], boxes[j]):
                continue
            bad |= {i, j}
    return [replace(ln, text=replace_number(ln.text, "??????")) if i in bad else ln for i, ln in enumerate(lines)]


#: What the reader may spend on a frame whose first reading gave no pair — closer looks, the full-resolution
#: detection, a turned copy — in units of the frame-wide detection's own time (so the bound holds on a
#: slow or busy machine alike).  At 3 the benchmark's 160 frames give the same reads as at 6 (each came from
#: the guided look or the first closer look at the sticker's block); a larger bound mostly buys time spent
#: on frames that cannot be read: with the first reading, a miss now costs about one plain OCR call.
EXTRA_EFFORT = 3.0


def _effort_unit(found: OcrResult) -> float:
    """The unit :data:`EXTRA_EFFORT` counts in: the first detection's time — or, when it saw fewer pixels
    than a closer look's picture holds (:data:`ZOOM_MAX_PIXELS`: a small marked region, whose detection
    is quick while a closer look at it is not), what a detection of that size costs at the same rate."""
    return found.detect_s * max(1.0, ZOOM_MAX_PIXELS / max(found.detect_px, 1))


#: The full-resolution look at unread text only is worth it below this share of the frame's pixels.
GUIDED_MAX_SHARE = 0.5


def _sticker_like(lines: list[OcrLine]) -> bool:
    return any(has_label(ln.text) or NAV_WORDS.search(ln.text) for ln in lines)


def _look_further(colour: np.ndarray, lines: list[OcrLine], found: OcrResult, deadline: float) -> list[OcrLine]:
    """After a first reading without a pair: the further steps, most promising first, until a pair or
    ``deadline``.  A block that looks like the sticker (a label, the NAV header) is looked at closer first;
    then small text the reduced frame lost, detected again at full resolution — first only where the
    reduced frame's detector saw text that no line read well explains (:func:`unread_crops`, a fraction of
    the frame), or, when there is no such look (no map, or the unread text covers half the frame), the
    whole frame when its cost (the first detection's time, scaled by the pixels) fits in the time left —
    each followed by closer looks at what it found; last, when no text looked like a sticker at all, a copy
    turned by 90° (the detector misses text turned more than about 55°).  A pair ends the search, even one
    whose second number was taken by exclusion (:func:`_paired`): the sticker is found."""
    detect_s = found.detect_s
    looked = _sticker_like(lines)
    replaced: list[OcrLine] = []
    if looked:
        lines = _closer_look(colour, lines, deadline, replaced=replaced)
    if _paired(lines):
        return _wavered(lines, replaced)
    H, W = colour.shape[:2]
    reduced = min(1.0, FIND_MAX_SIDE / max(H, W)) ** 2
    guided = False
    if reduced < 1.0:
        # the unread text, enlarged to twice the reduced frame's scale (at least the frame's own)
        zoom = max(1.0, 2.0 * float(np.sqrt(reduced)))
        crops = unread_crops(found.unread, W, H)
        pixels = zoom * zoom * sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in crops)
        if crops and pixels < GUIDED_MAX_SHARE * W * H:
            cost = detect_s * pixels / (reduced * W * H)
            if time.perf_counter() + cost < deadline:
                guided = True
                more = read_rest(colour, lines, budget_s=max(0.0, deadline - time.perf_counter()), enough=_both,
                                 crops=crops, zoom=zoom)
                if more:
                    lines = _second_opinion(colour, lines + more)
                if not _paired(lines) and time.perf_counter() < deadline:
                    lines = _closer_look(colour, lines, deadline, only=(lambda b: 1000 <= b < 1500) if looked
                                         else (lambda b: b < 1500), replaced=replaced)
                looked = looked or _sticker_like(lines)
    cost = detect_s / max(reduced, 1e-6)
    if (reduced < 1.0 and not _paired(lines) and not guided
            and time.perf_counter() + cost < deadline):
        more = read_rest(colour, lines, budget_s=max(0.0, deadline - time.perf_counter()), enough=_both,
                         first_block=1500)
        if more:
            lines = _second_opinion(colour, lines + more)
        if not _paired(lines) and time.perf_counter() < deadline:
            lines = _closer_look(colour, lines, deadline, only=(lambda b: b >= 1500) if looked else None,
                                 replaced=replaced)
    elif not _paired(lines) and not guided and time.perf_counter() < deadline:
        # blocks looked at already are not looked at again
        lines = _closer_look(colour, lines, deadline, only=(lambda b: b >= 1000) if looked else None,
                             replaced=replaced)
    if (not _paired(lines) and not _sticker_like(lines) and not any(numbers_in(ln.text) for ln in lines)
            and time.perf_counter() + detect_s < deadline):
        turned = read_text(np.ascontiguousarray(np.rot90(colour)), budget_s=max(0.0, deadline - time.perf_counter()),
                           enough=_both, fallback=False)
        back = [replace(ln, box=tuple((W - 1 - y, x) for x, y in ln.box), block=4000 + max(ln.block, 0))
                for ln in turned.lines]
        if back:
            lines = _second_opinion(colour, lines + back)
            if not _paired(lines) and time.perf_counter() < deadline:
                lines = _closer_look(colour, lines, deadline, only=lambda b: b >= 4000, replaced=replaced)
    return _wavered(lines, replaced)


def read_label(image: np.ndarray, *, region: Region | None = None, budget_s: float = 4.0,
               ocr: bool = True, known: Known | None = None, live: bool = False) -> LabelRead:
    """Read codes and the sticker's text in ``image`` (BGR or gray uint8).

    ``region`` (x, y, w, h) limits the read to part of the picture; positions
    in the result are still in the whole picture's pixels.  ``budget_s`` bounds
    the time (the first barcode attempt always runs).  ``known(hmsnr, serienr)``
    is the register check; a known pair wins.  Raises :class:`LabelInputError`
    for an empty/invalid picture or region; OCR that cannot run is reported in
    ``ocr``, never raised.
    """
    t0 = time.perf_counter()
    image = _checked(image)
    H, W = image.shape[:2]
    part, used = _crop(image, region)
    dx, dy = (used[0], used[1]) if used else (0, 0)

    # 1. the fast barcode attempts; 2. the sticker's text; 3. the rest of the barcode ladder.
    deadline = t0 + budget_s
    scan: BarcodeScan = scan_barcodes(part, budget_s=budget_s, ladder=LIVE_LADDER,
                                      direct_max_pixels=LIVE_DIRECT_MAX_PIXELS if live else 2_500_000)
    result = LabelRead(W, H, region=used, attempts=list(scan.attempts))
    result.codes = [_shift_code(c, dx, dy) for c in scan.codes]
    result.barcode_s = scan.elapsed_s
    cands = from_codes(result.codes)

    def settled() -> bool:
        pair = best_pair(merge(cands), known)
        return pair is not None and (known is None or bool(pair.known))

    if ocr and not live and not settled():
        t1 = time.perf_counter()
        try:
            colour = part if part.ndim == 3 else np.dstack([part] * 3)
            found = read_text(colour, budget_s=max(0.0, deadline - t1), enough=_both, fallback=False)
            lines = _second_opinion(colour, found.lines)
            if not _both(lines):
                lines = _look_further(colour, lines, found, min(deadline, time.perf_counter()
                                                                + EXTRA_EFFORT * _effort_unit(found)))
            result.text = [_shift_line(line, dx, dy) for line in _disagree(lines)]
            result.ocr = "ok"
        except OcrUnavailable as exc:
            result.ocr = exc.message
        result.ocr_s = time.perf_counter() - t1
        cands += from_lines(result.text)
    if not live and not scan.codes and not settled() and time.perf_counter() < deadline:
        rest = tuple(name for name in LADDER if name not in LIVE_LADDER)
        more = scan_barcodes(part, budget_s=max(0.01, deadline - time.perf_counter()), ladder=rest,
                             unconfirmed=scan.unconfirmed)
        result.attempts += more.attempts
        result.barcode_s += more.elapsed_s
        new = [_shift_code(c, dx, dy) for c in more.codes]
        result.codes += new
        cands += from_codes(new)
    merged = merge(cands)
    result.hmsnr = [c for c in merged if c.kind == "hmsnr"]
    result.serienr = [c for c in merged if c.kind == "serienr"]
    result.best = best_pair(merged, known)
    result.elapsed_s = time.perf_counter() - t0
    return result


class LiveLabelVoter:
    """Trust a live read only when the same HMS-nr/serienr pair agrees across frames.

    ``add(read)`` takes each frame's :class:`LabelRead` (or a pair, or None for
    a frame that read nothing) and returns the confirmed :class:`Pair` or
    None.  A pair is confirmed when it was read in ``needed`` of the last
    ``window`` frames (a pair the register knows needs ``needed_known``), and
    no other pair was read more often in that window.  Once confirmed it stays
    the answer until another pair is confirmed or ``reset()`` is called.
    """

    def __init__(self, needed: int = 3, window: int = 6, needed_known: int = 2):
        if not 1 <= needed <= window or not 1 <= needed_known <= window:
            raise ValueError("needed must be between 1 and window")
        self.needed = needed
        self.window = window
        self.needed_known = needed_known
        self._recent: deque[tuple[str, str] | None] = deque(maxlen=window)
        self._known: dict[tuple[str, str], Pair] = {}
        self.confirmed: Pair | None = None

    def reset(self) -> None:
        self._recent.clear()
        self._known.clear()
        self.confirmed = None

    def add(self, read: LabelRead | Pair | None) -> Pair | None:
        pair = read.best if isinstance(read, LabelRead) else read
        key = (pair.hmsnr, pair.serienr) if pair else None
        self._recent.append(key)
        if pair is not None:
            self._known[key] = pair
        self._known = {k: v for k, v in self._known.items() if k in self._recent}
        counts = Counter(k for k in self._recent if k is not None)
        if counts:
            top, n = counts.most_common(1)[0]
            ties = [k for k, v in counts.items() if v == n]
            need = self.needed_known if self._known[top].known else self.needed
            if len(ties) == 1 and n >= need:
                self.confirmed = self._known[top]
        return self.confirmed
