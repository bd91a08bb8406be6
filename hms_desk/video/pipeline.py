"""Capture and decode on a worker thread, hand the newest picture on.

:class:`FramePipeline` owns one :class:`~hms_desk.video.sources.FrameSource`
and one thread.  Every decoded picture is passed to ``on_frame`` at once; the
consumer keeps only the latest one, so nothing queues up (newest frame wins).
State changes go to ``on_state(state, message)`` with a Norwegian message.
Both callbacks run on the worker thread only and must be quick.

Privacy pause (:meth:`FramePipeline.pause`): from the moment ``pause()``
returns, ``on_frame`` is not called again until ``resume()``.  A file or the
demo is not read at all while paused; a live stream is only skipped
(``source.skip()``, no picture is produced) so the connection stays up.

Listeners (:meth:`FramePipeline.add_listener`, e.g. the picture-quality
advisor) get the same frames as ``on_frame``, after it and under the same
rule: nothing while paused.

Standby (:meth:`FramePipeline.set_standby`, when nobody looks: the window is
minimised or hidden): a file or the demo is not read at all; a live stream is
skipped for :data:`STANDBY_CLOSE_S` and then closed, and opened again when the
standby ends.  Nothing is decoded, processed or delivered meanwhile, so a
hidden window costs next to no CPU.

:meth:`FramePipeline.stop` never waits longer than asked: a thread stuck in a
network read that OpenCV cannot interrupt is left to finish on its own (it
delivers nothing more and closes its capture when the read returns); a
background reaper joins it and logs if it never ends.

A live stream that is lost or fails is reopened with back-off
(0,5 – 1 – 2 – 4 – 8 – 10 – 10 … s).  Unexpected errors are logged on
``hms_desk.video`` and reported as state ``feil``; they are never swallowed.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from hms_desk.domain.i18n import N_
from hms_desk.platform import workers
from hms_desk.video.frames import Frame, Processed
from hms_desk.video.sources import FrameSource, SourceError

log = logging.getLogger("hms_desk.video")

BACKOFF_START_S = 0.5
BACKOFF_MAX_S = 10.0
STANDBY_CLOSE_S = 5.0  # a live stream in standby keeps its connection this long


class PipelineState(StrEnum):
    STARTER = "starter"
    KJORER = "kjører"
    PAUSE = "pause"
    TILKOBLER = "tilkobler på nytt"
    STOPPET = "stoppet"
    FEIL = "feil"


@dataclass(frozen=True)
class PipelineStats:
    fps: float  # measured over the last ~2 seconds of decoded frames
    frames_decoded: int
    frames_dropped: int  # decoded but replaced before the consumer took them
    latency_ms: float | None  # decode → consumer took it (smoothed)
    last_consumed: int  # seq of the newest frame the consumer took, -1 = none yet


def backoff_delay(attempt: int) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (0-based)."""
    return min(BACKOFF_START_S * (2 ** max(attempt, 0)), BACKOFF_MAX_S)


def _seconds(s: float) -> str:
    return f"{s:g}".replace(".", ",")


class FramePipeline:
    """Runs ``source`` on a thread and delivers :class:`Frame` objects."""

    def __init__(
        self,
        source: FrameSource,
        on_frame: Callable[[Frame], None],
        on_state: Callable[[str, str], None],
        *,
        max_reconnect_attempts: int | None = None,
        backoff: Callable[[int], float] = backoff_delay,
        standby_close_s: float = STANDBY_CLOSE_S,
    ) -> None:
        self.source = source
        self._standby_close_s = standby_close_s
        self._backoff = backoff
        self._on_frame = on_frame
        self._on_state = on_state
        self._max_reconnects = max_reconnect_attempts
        self._cond = threading.Condition()  # guards _paused/_stopping and wakes waits
        self._deliver_lock = threading.Lock()  # held while on_frame runs; pause() takes it
        self._paused = False
        self._standby = False
        self._stopping = False
        self._processor: Callable[[np.ndarray], np.ndarray] | None = None
        self._processor_failed = False
        self._listeners: list[Callable[[Frame], None]] = []
        self._thread: threading.Thread | None = None
        self._state = PipelineState.STOPPET
        self._message = ""
        # statistics
        self._stats_lock = threading.Lock()
        self._decoded = 0
        self._dropped = 0
        self._last_consumed = -1
        self._latency_ms: float | None = None
        self._recent: collections.deque[tuple[int, float]] = collections.deque(maxlen=64)

    # -- control (any thread) -------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._cond:
            self._stopping = False
        self._thread = threading.Thread(target=self._run, name=f"video-{self.source.name}", daemon=True)
        self._thread.start()
        workers.track(self)

    def stop(self, timeout: float = 15.0) -> bool:
        """Stop the thread and wait up to ``timeout`` s for it. True if it has ended.

        From the moment this returns nothing is delivered any more.  If the thread
        is stuck in a read that cannot be interrupted (a dead network stream, up to
        the read timeout) it is detached: it ends by itself when the read returns,
        and a background thread joins it so that a thread that never ends is logged.
        The GUI calls this with a short timeout so it never freezes.
        """
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self.source.close()  # wakes a paced or blocked read; never blocks on the decoder
        with self._deliver_lock:  # a delivery in progress finishes before we return
            pass
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(max(timeout, 0.0))
        if not thread.is_alive():
            return True
        log.info("Videotråden for %s venter på en lesing; den avsluttes i bakgrunnen", self.source.name)

        def reap() -> None:
            thread.join(60.0)
            if thread.is_alive():
                log.error("Videotråden for %s stoppet ikke innen 60 s", self.source.name)

        threading.Thread(target=reap, name=f"video-reaper-{self.source.name}", daemon=True).start()
        return False

    def pause(self) -> None:
        """Privacy pause: no ``on_frame`` call starts after this returns."""
        with self._cond:
            self._paused = True
            self._cond.notify_all()
        with self._deliver_lock:  # waits for a delivery in progress to finish
            pass

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    def set_standby(self, standby: bool) -> None:
        """Nobody looks (True) or somebody does again: stop or resume reading, see the module docstring."""
        with self._cond:
            if standby == self._standby:
                return
            self._standby = standby
            self._cond.notify_all()
        log.info("Video %s: %s", self.source.name, "hvilemodus" if standby else "vist igjen")

    @property
    def standby(self) -> bool:
        return self._standby

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def state(self) -> str:
        return self._state.value

    @property
    def message(self) -> str:
        return self._message

    # -- statistics ---------------------------------------------------------------

    def mark_consumed(self, seq: int) -> None:
        """The consumer took frame ``seq``; frames before it it never took count as dropped."""
        now = time.monotonic()
        with self._stats_lock:
            if seq <= self._last_consumed:
                return
            if self._last_consumed >= 0:
                self._dropped += seq - self._last_consumed - 1
            self._last_consumed = seq
            for s, t in reversed(self._recent):
                if s == seq:
                    ms = (now - t) * 1000.0
                    self._latency_ms = ms if self._latency_ms is None else 0.8 * self._latency_ms + 0.2 * ms
                    break

    def stats(self) -> PipelineStats:
        now = time.monotonic()
        with self._stats_lock:
            times = [t for _, t in self._recent if now - t <= 2.0]
            fps = (len(times) - 1) / (times[-1] - times[0]) if len(times) >= 2 and times[-1] > times[0] else 0.0
            return PipelineStats(fps, self._decoded, self._dropped, self._latency_ms, self._last_consumed)

    # -- worker -------------------------------------------------------------------

    def _set_state(self, state: PipelineState, message: str) -> None:
        self._state, self._message = state, message
        try:
            self._on_state(state.value, message)
        except Exception:  # a broken consumer must not kill capture, but it is not hidden
            log.exception("Feil i mottaker av videostatus")

    def _wait(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True if the pipeline is stopping."""
        deadline = time.monotonic() + seconds
        with self._cond:
            while not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return self._stopping

    def _running_state(self) -> None:
        """Report ``pause`` or ``kjører`` (worker thread only)."""
        if self._paused:
            self._set_state(PipelineState.PAUSE, "Personvernpause: kameraet er av. Ingen bilder tas imot.")
        else:
            self._set_state(PipelineState.KJORER, f"Viser bilder fra {self.source.name}.")

    def _reconnect(self, reason: str) -> bool:
        """Reopen a lost live source with back-off. False if stopping or giving up."""
        self.source.close()
        attempt = 0
        while True:
            if self._max_reconnects is not None and attempt >= self._max_reconnects:
                self._set_state(PipelineState.FEIL, f"{reason} Ga opp etter {attempt} forsøk.")
                return False
            delay = self._backoff(attempt)
            self._set_state(
                PipelineState.TILKOBLER,
                f"{reason} Prøver igjen om {_seconds(delay)} s (forsøk {attempt + 1}) …",
            )
            log.warning("Videostrøm %s: %s Nytt forsøk om %s s", self.source.name, reason, delay)
            if self._wait(delay):
                return False
            try:
                self.source.open()
            except SourceError as e:
                reason = e.message_nb
                attempt += 1
                continue
            if self._stopping:
                return False
            log.info("Videostrøm %s koblet til igjen", self.source.name)
            self._running_state()
            return True

    def add_listener(self, fn: Callable[[Frame], None]) -> None:
        """Another consumer of every delivered frame (worker thread; must be quick)."""
        self._listeners = [*self._listeners, fn]

    def remove_listener(self, fn: Callable[[Frame], None]) -> None:
        self._listeners = [f for f in self._listeners if f is not fn]

    def set_processor(self, fn: Callable[[np.ndarray], np.ndarray | Processed] | None) -> None:
        """Per-frame processing on the capture thread before any consumer sees the frame
        (live face blur).  It gets the freshly decoded picture, which nothing else
        holds, and may change it in place; it returns the picture, or a
        :class:`Processed` whose coverage the frame carries.  If it raises, that
        frame is *not* delivered (fail closed)."""
        self._processor = fn

    def _deliver(self, image: np.ndarray) -> None:
        processor = self._processor
        coverage = None
        if self._paused or self._stopping:
            return  # privacy pause: the picture is not processed, analysed or delivered
        if processor is not None:
            try:
                result = processor(image)
                if isinstance(result, Processed):
                    image, coverage = result
                else:
                    image = result
                if self._processor_failed:
                    self._processor_failed = False
                    self._running_state()
            except Exception as exc:  # fail closed: nothing unprocessed reaches a consumer
                if not self._processor_failed:
                    log.error("frame processor failed: %s", exc, exc_info=True)
                    self._set_state(PipelineState.FEIL, getattr(exc, "message", None)
                                    or "Ansiktssladding feilet – bildet vises ikke.")
                self._processor_failed = True
                return
        t = time.monotonic()
        with self._stats_lock:
            seq = self._decoded
            self._decoded += 1
            self._recent.append((seq, t))
        frame = Frame(image, seq, t, self.source.name, coverage)
        with self._deliver_lock:
            if self._paused or self._stopping:
                return
            self._on_frame(frame)
            for listener in self._listeners:
                try:
                    listener(frame)
                except Exception:  # a broken listener must not stop the picture; it is logged
                    log.exception("Feil i mottaker av videobilder")

    def _close_until_awake(self) -> bool:
        """A live stream in a long standby: close it, and open it again when the standby
        ends.  False if stopping or reconnecting gave up."""
        source = self.source
        source.close()
        log.info("Videostrøm %s lukket i hvilemodus", source.name)
        with self._cond:
            while self._standby and not self._stopping:
                self._cond.wait()
            if self._stopping:
                return False
        try:
            source.open()
        except SourceError as e:
            return self._reconnect(e.message)
        self._running_state()
        return True

    def _run(self) -> None:
        source = self.source
        lost = N_("Mistet forbindelsen til strømmen.")
        try:
            self._set_state(PipelineState.STARTER, f"Starter {source.name} …")
            try:
                source.open()
            except SourceError as e:
                log.warning("Kunne ikke åpne videokilde %s: %s", source.name, e.message)
                self._set_state(PipelineState.FEIL, e.message_nb)
                return
            self._running_state()
            standby_since: float | None = None
            while True:
                with self._cond:
                    if self._stopping:
                        break
                    paused, standby = self._paused, self._standby
                if paused != (self._state == PipelineState.PAUSE):
                    self._running_state()  # entering or leaving the privacy pause
                if (paused or standby) and not source.live:
                    with self._cond:
                        while (self._paused or self._standby) and not self._stopping:
                            self._cond.wait()
                    continue
                if standby:
                    standby_since = standby_since or time.monotonic()
                    if time.monotonic() - standby_since >= self._standby_close_s:
                        if not self._close_until_awake():
                            break
                        standby_since = None
                        continue
                else:
                    standby_since = None
                if paused or standby:
                    ok = source.skip()  # live stream: keep the connection, make no picture
                    if not ok and not self._stopping and \
                            not self._reconnect(getattr(source, "error", None) or lost):
                        break
                    continue
                try:
                    image = source.read()
                except Exception as e:
                    if not source.live:
                        raise
                    log.warning("Lesefeil fra %s", source.name, exc_info=True)
                    reason = e.message_nb if isinstance(e, SourceError) else N_(f"Lesefeil fra strømmen ({e}).")
                    image = None
                else:
                    reason = getattr(source, "error", None) or lost  # e.g. "Kameraet ble koblet fra."
                if image is None:
                    if self._stopping:
                        break
                    if not source.live:
                        self._set_state(PipelineState.STOPPET, "Videoen er slutt.")
                        return
                    if not self._reconnect(reason):
                        break
                    continue
                self._deliver(image)
        except SourceError as e:
            log.error("Videokilde %s feilet: %s", source.name, e.message)
            self._set_state(PipelineState.FEIL, e.message_nb)
        except Exception as e:
            log.exception("Uventet feil i videotråden for %s", source.name)
            self._set_state(PipelineState.FEIL, f"Uventet feil i videoen: {e}")
        finally:
            try:
                source.close()
            except Exception:
                log.exception("Klarte ikke å lukke videokilden %s", source.name)
            if self._state not in (PipelineState.FEIL, PipelineState.STOPPET):
                self._set_state(PipelineState.STOPPET, "Videoen er stoppet.")
