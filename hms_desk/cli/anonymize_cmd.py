"""`hms-desk anonymize IMAGE... --out DIR [--json]`: blur the faces in pictures.

The same code path as a snapshot (:func:`hms_desk.video.anonymise.anonymise_still`,
still mode): every picture is searched at several scales, faces are blurred
with a margin, and the result is written to ``DIR`` under the same file name
(metadata such as EXIF/GPS is not copied).  Per picture the face boxes found
are printed.  Pictures are read by the app's one loader
(:func:`hms_desk.video.images.read_image`: EXIF orientation applied, size
checked from the header first; a JPEG over 24 megapixels is decoded at 1/2,
1/4 or 1/8 of its size and written at that size).  A picture that cannot be
read, is too large or cannot be anonymised gets a Norwegian message and is not
written; the others go on, and the exit code is 1 if any failed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hms_desk.cli.common import print_json
from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import plural
from hms_desk.video.images import MAX_DECODED_PIXELS, ImageInputError

__all__ = ["ImageInputError", "anonymize_files", "register"]

_WRITABLE = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"}


def register(sub, common) -> None:
    an = sub.add_parser("anonymize", parents=[common],
                        help="sladd ansikter i bilder (samme metode som når bilder lagres i en sak)")
    an.add_argument("images", nargs="+", type=Path, metavar="BILDE")
    an.add_argument("--out", type=Path, required=True, metavar="MAPPE",
                    help="mappe for de sladdede bildene (samme filnavn)")
    an.add_argument("--json", action="store_true")
    an.set_defaults(handler=cmd_anonymize)


def _read(path: Path):
    """The picture as BGR through the app's one image loader (Norwegian errors, header checked first)."""
    from hms_desk.video.anonymise import MAX_PIXELS
    from hms_desk.video.images import read_image

    return read_image(path, max_pixels=min(MAX_PIXELS, MAX_DECODED_PIXELS))


def _write(path: Path, image) -> None:
    import cv2

    ext = path.suffix.lower()
    params = [cv2.IMWRITE_JPEG_QUALITY, 92] if ext in (".jpg", ".jpeg") else []
    ok, buf = cv2.imencode(ext, image, params)
    if not ok:
        raise ImageInputError(f"Kunne ikke kode «{path.name}».")
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(buf.tobytes())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ImageInputError(f"Kunne ikke skrive «{path}»: {exc.strerror or exc}") from exc


def anonymize_files(images: list[Path], out_dir: Path) -> list[dict]:
    """Anonymise every file; one result dict per file (``error`` is a Norwegian message or None)."""
    from hms_desk.video.anonymise import anonymise_still

    results: list[dict] = []
    for src in images:
        target = out_dir / src.name
        row: dict = {"file": str(src), "out": None, "width": None, "height": None, "faces": [], "error": None}
        try:
            if src.suffix.lower() not in _WRITABLE:
                raise ImageInputError(f"«{src.name}»: filtypen {src.suffix or '(ingen)'} støttes ikke "
                                      f"(bruk {', '.join(sorted(_WRITABLE))}).")
            if target.resolve() == src.resolve():
                raise ImageInputError(f"«{src.name}»: utmappen er den samme som originalens – "
                                      "originalen blir ikke overskrevet.")
            image = _read(src)
            result = anonymise_still(image)
            _write(target, result.image)
            row.update(out=str(target), width=int(result.image.shape[1]), height=int(result.image.shape[0]),
                       faces=[{"x1": b.x1, "y1": b.y1, "x2": b.x2, "y2": b.y2, "score": b.score}
                              for b in result.boxes])
        except HmsError as exc:
            row["error"] = exc.message
        results.append(row)
    return results


def cmd_anonymize(args) -> int:
    out_dir: Path = args.out
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HmsError(f"Kunne ikke lage utmappen «{out_dir}»: {exc.strerror or exc}") from exc
    results = anonymize_files(list(args.images), out_dir)
    failed = sum(1 for r in results if r["error"])
    if args.json:
        print_json({"images": results, "failed": failed})
    else:
        for r in results:
            if r["error"]:
                continue
            boxes = " ".join(f"({f['x1']},{f['y1']},{f['x2']},{f['y2']})" for f in r["faces"])
            print(f"{Path(r['file']).name}: {plural(len(r['faces']), '{n} ansikt', '{n} ansikter')} sladdet {boxes}".rstrip())
    for r in results:
        if r["error"]:
            sys.stderr.write(r["error"] + "\n")
    return 1 if failed else 0
