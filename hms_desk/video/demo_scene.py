"""A generated video scene so HMS Desk shows moving pictures without a camera.

The scene is a side view of a power wheelchair in a room, with NAV's product
label on the seat box (text plus a Code128 barcode of HMS-nr + serienr), and a
person standing in the foreground (the public-domain astronaut portrait shipped
in ``resources/demo``) so face blurring has something to find.  The camera
pans and shakes a little, the light breathes, and an on-screen clock and frame
counter make it obvious that the picture is live.

Nothing that does not change is redrawn: the room is drawn once in
:class:`DemoScene`'s constructor, and the camera moves by whole pixels, so a
frame is a copy of the room's view, the person pasted from a patch that is
blended again only when the person has moved by a pixel, one LUT for the
light and a line of text (about 1.5 ms for 1280×720, where the former
full-frame ``warpAffine`` with roll and a blend per frame took several).
Rendering is a pure function of the frame index, so tests are repeatable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from hms_desk.domain import i18n
from hms_desk.domain.i18n import N_
from hms_desk.domain.validation import validate_hmsnr, validate_serienr
from hms_desk.platform.resources import resource

DEMO_WIDTH = 1280
DEMO_HEIGHT = 720
DEMO_FPS = 25.0

_MARGIN = 48  # canvas margin around the view, room for the camera to move
_SS = 2  # supersampling factor for the drawn (anti-aliased) static layer
_FONT = cv2.FONT_HERSHEY_SIMPLEX
_FONT_BOLD = cv2.FONT_HERSHEY_DUPLEX

BGR = tuple[int, int, int]


@dataclass(frozen=True)
class _Sprite:
    """A pre-rendered picture with its own alpha, pasted per frame."""

    image: np.ndarray  # BGR uint8
    alpha: np.ndarray  # float32 0..1, same height/width
    inv_alpha: np.ndarray  # 1 - alpha


class _Painter:
    """Draws shaded shapes on a supersampled canvas, in canvas coordinates."""

    def __init__(self, width: int, height: int) -> None:
        self.k = _SS
        self.img = np.zeros((height * self.k, width * self.k, 3), np.uint8)

    def _p(self, pts: list[tuple[float, float]]) -> np.ndarray:
        return (np.asarray(pts, np.float64) * self.k).round().astype(np.int32)

    def _window(self, x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, np.ndarray]:
        """A blank mask for canvas area (x0, y0)–(x1, y1) plus an anti-aliasing rim: (left, top, mask).
        Masks are the size of their shape, not of the canvas."""
        k, (H, W) = self.k, self.img.shape[:2]
        left, top = max(int(x0 * k) - 3, 0), max(int(y0 * k) - 3, 0)
        right, bottom = min(int(math.ceil(x1 * k)) + 4, W), min(int(math.ceil(y1 * k)) + 4, H)
        return left, top, np.zeros((max(bottom - top, 0), max(right - left, 0)), np.uint8)

    def _mask_poly(self, pts: list[tuple[float, float]]) -> tuple[int, int, np.ndarray]:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        left, top, mask = self._window(min(xs), min(ys), max(xs), max(ys))
        cv2.fillPoly(mask, [self._p(pts) - np.array([left, top], np.int32)], 255, cv2.LINE_AA)
        return left, top, mask

    def _mask_round_rect(self, x0: float, y0: float, x1: float, y1: float, r: float) -> tuple[int, int, np.ndarray]:
        k = self.k
        left, top, mask = self._window(x0, y0, x1, y1)
        X0, Y0, X1, Y1, R = (int(round(v * k)) for v in (x0, y0, x1, y1, r))
        X0, X1, Y0, Y1 = X0 - left, X1 - left, Y0 - top, Y1 - top
        cv2.rectangle(mask, (X0 + R, Y0), (X1 - R, Y1), 255, -1)
        cv2.rectangle(mask, (X0, Y0 + R), (X1, Y1 - R), 255, -1)
        for cx, cy in ((X0 + R, Y0 + R), (X1 - R, Y0 + R), (X0 + R, Y1 - R), (X1 - R, Y1 - R)):
            cv2.circle(mask, (cx, cy), R, 255, -1, cv2.LINE_AA)
        return left, top, mask

    def _fill(self, placed: tuple[int, int, np.ndarray], top: BGR, bottom: BGR, y0: float, y1: float,
              rim: BGR | None = None) -> None:
        """Fill the mask (placed at its left/top on the canvas) with a vertical gradient from
        ``top`` (at y0) to ``bottom`` (at y1)."""
        bx, by, sub_mask = placed
        h, w = sub_mask.shape
        if h == 0 or w == 0:
            return
        sub = self.img[by:by + h, bx:bx + w]
        ys = np.clip((np.arange(by, by + h, dtype=np.float32) - y0 * self.k) / max((y1 - y0) * self.k, 1), 0, 1)
        grad = (np.asarray(top, np.float32)[None, :] * (1 - ys[:, None])
                + np.asarray(bottom, np.float32)[None, :] * ys[:, None])
        a = sub_mask.astype(np.float32) / 255.0
        fill = np.ascontiguousarray(np.broadcast_to(grad[:, None, :], sub.shape).astype(np.uint8))
        sub[:] = cv2.blendLinear(fill, sub, a, 1.0 - a)
        if rim is not None:
            edge = cv2.morphologyEx(sub_mask, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
            e = (edge.astype(np.float32) / 255.0 * 0.8)[:, :, None]
            sub[:] = (sub * (1 - e) + np.asarray(rim, np.float32) * e).astype(np.uint8)

    def poly(self, pts: list[tuple[float, float]], top: BGR, bottom: BGR, rim: BGR | None = None) -> None:
        ys = [p[1] for p in pts]
        self._fill(self._mask_poly(pts), top, bottom, min(ys), max(ys), rim)

    def round_rect(self, x0: float, y0: float, x1: float, y1: float, r: float,
                   top: BGR, bottom: BGR, rim: BGR | None = None) -> None:
        self._fill(self._mask_round_rect(x0, y0, x1, y1, r), top, bottom, y0, y1, rim)

    def disc(self, c: tuple[float, float], r: float, top: BGR, bottom: BGR) -> None:
        left, top_, mask = self._window(c[0] - r, c[1] - r, c[0] + r, c[1] + r)
        cv2.circle(mask, (int(c[0] * self.k) - left, int(c[1] * self.k) - top_), int(r * self.k), 255, -1,
                   cv2.LINE_AA)
        self._fill((left, top_, mask), top, bottom, c[1] - r, c[1] + r)

    def ring(self, c: tuple[float, float], r: float, color: BGR, width: float) -> None:
        cv2.circle(self.img, (int(c[0] * self.k), int(c[1] * self.k)), int(r * self.k), color,
                   max(1, int(width * self.k)), cv2.LINE_AA)

    def tube(self, a: tuple[float, float], b: tuple[float, float], width: float, color: BGR, light: BGR) -> None:
        """A round metal tube: dark body with a highlight stripe."""
        pa, pb = self._p([a])[0], self._p([b])[0]
        k = self.k
        cv2.line(self.img, tuple(pa), tuple(pb), color, int(width * k), cv2.LINE_AA)
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / n * width * 0.2 * k, dx / n * width * 0.2 * k
        if oy > 0:  # put the highlight on the upper side
            ox, oy = -ox, -oy
        cv2.line(self.img, (int(pa[0] + ox), int(pa[1] + oy)), (int(pb[0] + ox), int(pb[1] + oy)),
                 light, max(1, int(width * 0.25 * k)), cv2.LINE_AA)

    def result(self) -> np.ndarray:
        h, w = self.img.shape[:2]
        return cv2.resize(self.img, (w // self.k, h // self.k), interpolation=cv2.INTER_AREA)


def _text_width(text: str, font: int, scale: float, thickness: int) -> int:
    return cv2.getTextSize(text, font, scale, thickness)[0][0]


def render_label(hms_nr: str, serial: str) -> np.ndarray:
    """NAV's product label: header, HMS-nr, serienr and a Code128 barcode of both."""
    w, h = 330, 208
    label = np.full((h, w, 3), 250, np.uint8)
    # red header strip, NAV style
    cv2.rectangle(label, (0, 0), (w - 1, 34), (38, 39, 195), -1)
    header = "NAV Hjelpemiddelsentral"
    tw = _text_width(header, _FONT_BOLD, 0.62, 1)
    cv2.putText(label, header, ((w - tw) // 2, 24), _FONT_BOLD, 0.62, (255, 255, 255), 1, cv2.LINE_AA)
    cv2.putText(label, f"HMS-nr {hms_nr}", (14, 64), _FONT, 0.68, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.putText(label, f"Serienr {serial}", (14, 94), _FONT, 0.68, (20, 20, 20), 2, cv2.LINE_AA)

    code = zxingcpp.create_barcode(hms_nr + serial, zxingcpp.BarcodeFormat.Code128)
    bars = np.asarray(code.to_image(scale=2, add_hrt=False, add_quiet_zones=True))
    bars = cv2.resize(bars, (bars.shape[1], 72), interpolation=cv2.INTER_NEAREST)
    bx = (w - bars.shape[1]) // 2
    bars = np.where(bars > 127, 250, 16).astype(np.uint8)  # paper white, not screen white
    label[104:104 + bars.shape[0], bx:bx + bars.shape[1]] = bars[:, :, None]
    hrt = hms_nr + serial
    tw = _text_width(hrt, _FONT, 0.5, 1)
    cv2.putText(label, hrt, ((w - tw) // 2, 196), _FONT, 0.5, (30, 30, 30), 1, cv2.LINE_AA)
    cv2.rectangle(label, (0, 0), (w - 1, h - 1), (185, 185, 185), 1)
    return label


def _load_person(height: int) -> _Sprite:
    """Head and shoulders from the astronaut portrait, feathered into the room."""
    path = resource("demo", "astronaut.jpg")
    photo = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if photo is None:
        raise FileNotFoundError(f"Fant ikke demobildet {path}")
    crop = photo[0:400, 95:375]
    scale = height / crop.shape[0]
    crop = cv2.resize(crop, (int(round(crop.shape[1] * scale)), height), interpolation=cv2.INTER_AREA)
    h, w = crop.shape[:2]
    # soft silhouette: an ellipse for the head/hair, a wide trapezoid for the body,
    # open at the bottom (the person is cut by the bottom of the picture)
    mask = np.zeros((h, w), np.uint8)
    cv2.ellipse(mask, (int(w * 0.49), int(h * 0.25)), (int(w * 0.30), int(h * 0.25)), 0, 0, 360, 255, -1)
    body = np.array([[w * 0.24, h * 0.36], [w * 0.76, h * 0.36], [w * 0.93, h * 0.62],
                     [w * 0.95, h], [w * 0.05, h], [w * 0.07, h * 0.62]], np.int32)
    cv2.fillPoly(mask, [body], 255)
    alpha = cv2.GaussianBlur(mask, (0, 0), sigmaX=w * 0.035).astype(np.float32) / 255.0
    alpha[-4:, :] = np.maximum(alpha[-4:, :], alpha[-5:-4, :])
    return _Sprite(crop, alpha, (1.0 - alpha).astype(np.float32))


class DemoScene:
    """Renders frame ``index`` of the demo scene as a BGR ``uint8`` image."""

    def __init__(self, hms_nr: str = "250464", serial: str = "123456",
                 fps: float = DEMO_FPS) -> None:
        self.hms_nr = validate_hmsnr(hms_nr)
        self.serial = validate_serienr(serial)
        self.fps = float(fps)
        self.size = (DEMO_WIDTH, DEMO_HEIGHT)
        self._canvas_w = DEMO_WIDTH + 2 * _MARGIN
        self._canvas_h = DEMO_HEIGHT + 2 * _MARGIN
        self._static = self._render_static()
        self._person = _load_person(int(DEMO_HEIGHT * 0.66))
        self._patch: tuple[int, int, np.ndarray] | None = None  # person blended at (x, y) on the room
        self._lut_x = np.arange(256, dtype=np.float32)

    @property
    def barcode_text(self) -> str:
        return self.hms_nr + self.serial

    # -- static layer ---------------------------------------------------------

    def _render_static(self) -> np.ndarray:
        W, H = self._canvas_w, self._canvas_h
        p = _Painter(W, H)
        floor_y = 560
        # wall, a little warmer towards the top, and a floor
        p.poly([(0, 0), (W, 0), (W, floor_y), (0, floor_y)], (206, 212, 218), (176, 184, 192))
        p.poly([(0, floor_y), (W, floor_y), (W, H), (0, H)], (120, 134, 150), (78, 90, 104))
        p.poly([(0, floor_y - 14), (W, floor_y - 14), (W, floor_y), (0, floor_y)], (235, 238, 240), (200, 205, 210))
        # a door frame and a poster on the wall for depth
        p.round_rect(1210, 120, 1340, floor_y - 14, 4, (150, 160, 170), (140, 150, 160), rim=(110, 118, 126))
        p.round_rect(1222, 134, 1328, floor_y - 14, 3, (178, 190, 202), (160, 172, 184))
        p.round_rect(470, 110, 640, 240, 3, (160, 170, 120), (120, 140, 90), rim=(90, 90, 90))
        # soft shadow under the chair: so soft that it is drawn at a quarter of the size
        q = 4
        x0, y0, x1, y1 = 500, 600, 1280, 780  # around the ellipse and its blur
        shadow = np.zeros(((y1 - y0) * _SS // q, (x1 - x0) * _SS // q), np.uint8)
        cv2.ellipse(shadow, ((890 - x0) * _SS // q, (690 - y0) * _SS // q), (330 * _SS // q, 26 * _SS // q),
                    0, 0, 360, 255, -1)
        shadow = cv2.GaussianBlur(shadow, (0, 0), 14 * _SS / q)
        shadow = cv2.resize(shadow, ((x1 - x0) * _SS, (y1 - y0) * _SS), interpolation=cv2.INTER_LINEAR)
        s = (shadow.astype(np.float32) / 255.0 * 0.55)[:, :, None]
        area = p.img[y0 * _SS:y1 * _SS, x0 * _SS:x1 * _SS]
        area[:] = (area * (1 - s)).astype(np.uint8)

        self._draw_wheelchair(p)
        img = p.result()

        # fine texture so the picture is not flat
        rng = np.random.default_rng(7)
        noise = rng.normal(0, 2.2, img.shape[:2]).astype(np.float32)
        noise = cv2.GaussianBlur(noise, (0, 0), 0.8)[:, :, None]
        img = np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)

        # the label goes on after downsampling so text and bars stay sharp
        label = render_label(self.hms_nr, self.serial)
        lx, ly = 604, 374
        img[ly:ly + label.shape[0], lx:lx + label.shape[1]] = label
        # a faint drop shadow on the right/bottom edge of the sticker
        img[ly + label.shape[0]:ly + label.shape[0] + 2, lx + 3:lx + label.shape[1] + 2] //= 2
        img[ly + 3:ly + label.shape[0] + 2, lx + label.shape[1]:lx + label.shape[1] + 2] //= 2
        return img

    @staticmethod
    def _draw_wheelchair(p: _Painter) -> None:
        frame_dark, frame_light = (52, 52, 56), (150, 150, 158)
        fabric_top, fabric_bot = (92, 74, 62), (54, 42, 36)
        plastic_top, plastic_bot = (120, 122, 126), (70, 72, 76)
        floor = 688

        # rear anti-tip arm and wheel
        p.tube((1150, 610), (1225, 640), 12, frame_dark, frame_light)
        p.disc((1230, floor - 22), 22, (60, 60, 60), (25, 25, 25))
        p.disc((1230, floor - 22), 8, (190, 190, 195), (120, 120, 125))

        # backrest post, push handle, headrest
        p.tube((1080, 400), (1110, 150), 18, frame_dark, frame_light)
        p.round_rect(1040, 150, 1100, 390, 22, fabric_top, fabric_bot, rim=(40, 30, 26))
        p.round_rect(1035, 70, 1115, 140, 26, fabric_top, fabric_bot, rim=(40, 30, 26))
        p.tube((1075, 140), (1085, 160), 10, frame_dark, frame_light)

        # chassis (battery box) and seat box with side panel
        p.round_rect(570, 560, 1170, 650, 24, (64, 66, 70), (28, 28, 30), rim=(20, 20, 20))
        p.round_rect(585, 352, 1040, 600, 18, plastic_top, plastic_bot, rim=(48, 50, 54))
        p.round_rect(600, 366, 1025, 586, 12, (140, 142, 146), (98, 100, 104))

        # seat cushion
        p.round_rect(560, 318, 1075, 362, 20, fabric_top, fabric_bot, rim=(40, 30, 26))

        # armrest with joystick
        p.tube((700, 330), (700, 268), 14, frame_dark, frame_light)
        p.tube((960, 330), (960, 268), 14, frame_dark, frame_light)
        p.round_rect(640, 250, 1000, 276, 13, (60, 60, 64), (22, 22, 24))
        p.round_rect(600, 236, 680, 268, 8, (50, 50, 54), (20, 20, 22))
        p.tube((630, 238), (624, 196), 9, (30, 30, 32), (90, 90, 96))
        p.disc((623, 192), 13, (70, 70, 74), (15, 15, 18))
        p.disc((660, 250), 3, (60, 200, 60), (40, 160, 40))  # power LED

        # footrest hanger and footplate
        p.tube((600, 360), (505, 600), 18, frame_dark, frame_light)
        p.round_rect(440, 594, 560, 612, 6, (80, 80, 84), (36, 36, 40))

        # front caster with fork
        caster = (560, floor - 40)
        p.tube((585, 560), (565, 620), 14, frame_dark, frame_light)
        p.disc(caster, 40, (55, 55, 58), (18, 18, 20))
        p.disc(caster, 22, (165, 165, 170), (95, 95, 100))
        p.disc(caster, 7, (60, 60, 64), (30, 30, 32))

        # drive wheel: tyre with tread, rim, five spokes, hub
        c, r = (1068, floor - 118), 118
        p.disc(c, r, (48, 48, 50), (14, 14, 16))
        for i in range(36):
            a = 2 * math.pi * i / 36
            x0, y0 = c[0] + math.cos(a) * (r - 3), c[1] + math.sin(a) * (r - 3)
            x1, y1 = c[0] + math.cos(a) * (r - 13), c[1] + math.sin(a) * (r - 13)
            cv2.line(p.img, (int(x0 * _SS), int(y0 * _SS)), (int(x1 * _SS), int(y1 * _SS)), (8, 8, 8),
                     int(3 * _SS), cv2.LINE_AA)
        p.disc(c, r - 24, (200, 202, 206), (120, 122, 128))
        p.disc(c, r - 34, (84, 86, 90), (44, 46, 50))
        for i in range(5):
            a = 2 * math.pi * i / 5 - math.pi / 2
            tip = (c[0] + math.cos(a) * (r - 36), c[1] + math.sin(a) * (r - 36))
            p.tube(c, tip, 16, (150, 152, 158), (225, 226, 230))
        p.disc(c, 24, (215, 216, 220), (130, 132, 138))
        p.disc(c, 9, (70, 70, 74), (40, 40, 44))
        p.ring(c, r - 1, (30, 30, 32), 2)

    # -- per frame -------------------------------------------------------------

    def _person_patch(self, px: int, py: int) -> np.ndarray:
        """The person blended onto the room at canvas position (px, py); kept while it stays there."""
        if self._patch is None or self._patch[:2] != (px, py):
            person = self._person
            ph, pw = person.image.shape[:2]
            room = self._static[py:py + ph, px:px + pw]
            self._patch = (px, py, cv2.blendLinear(person.image, room, person.alpha, person.inv_alpha))
        return self._patch[2]

    def render(self, index: int) -> np.ndarray:
        """Frame ``index`` (0-based): a new BGR uint8 array of 1280x720."""
        t = index / self.fps
        tau = 2 * math.pi

        # hand-held camera: slow pan and a small shake, in whole pixels
        tx = round(_MARGIN + 30 * math.sin(tau * t / 15.0) + 2.0 * math.sin(tau * t * 1.3)
                   + 1.0 * math.sin(tau * t * 2.9))
        ty = round(_MARGIN + 16 * math.sin(tau * t / 11.0) + 1.5 * math.sin(tau * t * 1.7)
                   + 0.8 * math.sin(tau * t * 3.3))
        # breathing light (auto exposure), applied while copying the room's view
        gain = 1.0 + 0.07 * math.sin(tau * t / 9.0) + 0.015 * math.sin(tau * t * 0.9)
        lut = np.clip(self._lut_x * gain, 0, 255).astype(np.uint8)
        out = cv2.LUT(self._static[ty:ty + DEMO_HEIGHT, tx:tx + DEMO_WIDTH], lut)

        # person: slow sway in the foreground on the left
        ph, pw = self._person.image.shape[:2]
        px = int(round(70 + 45 * math.sin(tau * t / 12.0) + 6 * math.sin(tau * t / 3.1)))
        py = min(int(round(self._canvas_h - ph + 4 + 5 * math.sin(tau * t / 4.3))), self._canvas_h - ph)
        patch = self._person_patch(px, py)
        x0, y0 = px - tx, py - ty  # where the patch lands in the view
        vx0, vy0 = max(x0, 0), max(y0, 0)
        vx1, vy1 = min(x0 + pw, DEMO_WIDTH), min(y0 + ph, DEMO_HEIGHT)
        if vx1 > vx0 and vy1 > vy0:
            cv2.LUT(patch[vy0 - y0:vy1 - y0, vx0 - x0:vx1 - x0], lut, dst=out[vy0:vy1, vx0:vx1])

        # on-screen display: demo marker, clock and frame counter
        secs = index / self.fps
        clock = f"{int(secs // 3600):02d}:{int(secs // 60) % 60:02d}:{secs % 60:05.2f}".replace(".", ",")
        cv2.rectangle(out, (16, 16), (420, 50), (20, 20, 20), -1)
        if (index // int(max(self.fps / 2, 1))) % 2 == 0:
            cv2.circle(out, (34, 33), 8, (40, 40, 230), -1, cv2.LINE_AA)
        frame_word = i18n.t(N_("bilde"))
        cv2.putText(out, f"DEMO  {clock}  {frame_word} {index:06d}", (50, 41), _FONT, 0.62, (240, 240, 240), 1,
                    cv2.LINE_AA)
        return out
