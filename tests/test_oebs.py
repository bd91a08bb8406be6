"""The OeBS lookup client and the offline fallback, against a real HTTP server on 127.0.0.1.

The fake OeBS proxy answers like NAV's (``POST /utlanSerienrArtnr`` →
``{"utlån": {...}}`` / ``{"utlån": null}``) and misbehaves on request: slow
answers, 5xx, malformed JSON, a wrong content type, a connection reset in
the middle of the body.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import socket
import struct
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hms_desk.domain.errors import INGET_UTLAN_TEXT, NoLoan, ValidationError
from hms_desk.services.device_lookup import DeviceLookup, OfflineNoLoan, SyncState, offline_badge
from hms_desk.services.oebs import (
    OebsBadAnswer,
    OebsClient,
    OebsNotConfigured,
    OebsRejected,
    OebsServerError,
    OebsTimeout,
    OebsUnavailable,
    parse_answer,
)

TOKEN = "s3cr3t-oebs-token-xyz"
FNR = "01017012345"           # a made-up national id in the answer: must never surface
DEMO = ("250464", "123456")


def loan_json(artnr="250464", serienr="123456", **extra) -> dict:
    u = {"fnr": FNR, "artnr": artnr, "serienr": serienr, "utlånsDato": "2025-02-03",
         "opprettetDato": "2025-01-01", "isokode": "12230301"}
    u.update(extra)
    return {"utlån": u}


class FakeOebs:
    """A scripted OeBS proxy on a loopback port; unscripted requests get ``default``."""

    def __init__(self) -> None:
        self.script: deque = deque()
        self.default: tuple = ("json", 200, loan_json())
        self.requests: list[dict] = []
        self.release = threading.Event()     # lets "slow" handlers finish at teardown
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:   # keep the test output quiet
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                action = fake.script.popleft() if fake.script else fake.default
                getattr(self, "_" + action[0])(*action[1:])

            def _send(self, status: int, ctype: str | None, payload: bytes) -> None:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _json(self, status: int, obj) -> None:
                self._send(status, "application/json; charset=utf-8", json.dumps(obj).encode())

            def _raw(self, status: int, ctype: str | None, payload: bytes) -> None:
                self._send(status, ctype, payload)

            def _slow(self) -> None:
                fake.release.wait(10)            # far beyond the client's timeout
                try:
                    self._json(200, loan_json())
                except OSError:
                    pass

            def _reset(self) -> None:
                # headers promise 400 bytes, 20 arrive, then a TCP reset
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "400")
                self.end_headers()
                self.wfile.write(b'{"utl\\u00e5n": {"art')
                self.wfile.flush()
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:   # resets are the point
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def answer(self, *actions: tuple) -> None:
        self.script.extend(actions)

    def __enter__(self) -> "FakeOebs":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def oebs():
    with FakeOebs() as fake:
        yield fake


def fetch(client: OebsClient, artnr="250464", serienr="123456"):
    return asyncio.run(client.fetch_loan(artnr, serienr))


def client_for(oebs: FakeOebs, **kw) -> OebsClient:
    kw.setdefault("timeout_s", 2.0)
    kw.setdefault("backoff_s", 0.01)
    return OebsClient(oebs.url, token=TOKEN, **kw)


# --- the client ----------------------------------------------------------------------

def test_a_loan_is_fetched_like_navs_proxy_does_and_the_fnr_is_dropped(oebs):
    loan = fetch(client_for(oebs))
    assert (loan.artnr, loan.serienr) == DEMO
    assert loan.loan_date == dt.date(2025, 2, 3) and loan.created_date == dt.date(2025, 1, 1)
    assert loan.iso_code == "12230301"
    assert FNR not in repr(loan) and not hasattr(loan, "fnr")
    (req,) = oebs.requests
    assert req["path"] == "/utlanSerienrArtnr"
    assert json.loads(req["body"]) == {"artnr": "250464", "serienr": "123456"}
    assert req["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert req["headers"]["Content-Type"] == "application/json"
    assert req["headers"]["Accept"] == "application/json"


def test_utlan_null_is_navs_no_loan_text(oebs):
    oebs.answer(("json", 200, {"utlån": None}))
    with pytest.raises(NoLoan) as ei:
        fetch(client_for(oebs))
    assert ei.value.code == "INGET_UTLÅN" and ei.value.message == INGET_UTLAN_TEXT
    assert len(oebs.requests) == 1


def test_500_then_200_is_retried_and_succeeds(oebs):
    oebs.answer(("json", 500, {"feil": "intern"}), ("json", 503, {}))
    loan = fetch(client_for(oebs, retries=2))
    assert loan.serienr == "123456"
    assert len(oebs.requests) == 3


def test_persistent_500_gives_up_after_the_retries(oebs):
    oebs.default = ("json", 500, {"feil": "intern"})
    with pytest.raises(OebsServerError) as ei:
        fetch(client_for(oebs, retries=2))
    assert len(oebs.requests) == 3
    assert ei.value.message == "OeBS svarte med en feil på serveren (HTTP 500)."


@pytest.mark.parametrize("status,text", [
    (401, "OeBS avviste tilgangen (HTTP 401). Sjekk OeBS-tokenet i nøkkelringen."),
    (403, "OeBS avviste tilgangen (HTTP 403). Sjekk OeBS-tokenet i nøkkelringen."),
    (400, "OeBS avviste forespørselen (HTTP 400)."),
])
def test_4xx_is_not_retried(oebs, status, text):
    oebs.default = ("json", status, {"feil": "nei"})
    with pytest.raises(OebsRejected) as ei:
        fetch(client_for(oebs, retries=3))
    assert len(oebs.requests) == 1
    assert ei.value.message == text


def test_a_slow_answer_times_out_within_the_deadline(oebs):
    oebs.default = ("slow",)
    t0 = time.monotonic()
    with pytest.raises(OebsTimeout) as ei:
        fetch(client_for(oebs, timeout_s=0.3, retries=2, deadline_s=0.8))
    elapsed = time.monotonic() - t0
    # the per-attempt timeout, or the one overall deadline that cut the last attempt (issue 10)
    assert ei.value.message in ("OeBS svarte ikke innen 0,3 sekunder.", "OeBS svarte ikke ferdig innen 0,8 sekunder.")
    assert 0.3 <= elapsed < 2.0
    assert 2 <= len(oebs.requests) <= 3         # retried, but never past the deadline


def test_slow_once_then_fast_succeeds(oebs):
    oebs.answer(("slow",))
    loan = fetch(client_for(oebs, timeout_s=0.3, retries=1, deadline_s=2.0))
    assert loan.artnr == "250464" and len(oebs.requests) == 2


def test_malformed_json_is_refused_in_norwegian(oebs):
    oebs.default = ("raw", 200, "application/json", b'{"utl\xc3\xa5n": {"artnr": "250464", ')
    with pytest.raises(OebsBadAnswer) as ei:
        fetch(client_for(oebs))
    assert ei.value.message == "OeBS ga et svar som ikke kan brukes: svaret er ikke gyldig JSON."
    assert len(oebs.requests) == 1              # a broken answer is not retried


def test_wrong_content_type_is_refused(oebs):
    oebs.default = ("raw", 200, "text/html; charset=utf-8", b"<html>Logg inn</html>")
    with pytest.raises(OebsBadAnswer) as ei:
        fetch(client_for(oebs))
    assert "svaret er ikke JSON (innholdstype «text/html»)" in ei.value.message


def test_a_connection_reset_mid_answer_is_retried(oebs):
    oebs.answer(("reset",))
    loan = fetch(client_for(oebs, retries=1))
    assert loan.serienr == "123456" and len(oebs.requests) == 2


def test_persistent_resets_make_oebs_unavailable(oebs):
    oebs.default = ("reset",)
    with pytest.raises(OebsUnavailable) as ei:
        fetch(client_for(oebs, retries=1))
    assert len(oebs.requests) == 2
    assert ei.value.message.startswith("Får ikke kontakt med OeBS")


def test_connection_refused_is_unavailable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]            # nobody listens here once closed
    with pytest.raises(OebsUnavailable):
        fetch(OebsClient(f"http://127.0.0.1:{port}", timeout_s=1.0, retries=1, backoff_s=0.01))


@pytest.mark.parametrize("data,reason", [
    ([], "svaret er ikke et JSON-objekt"),
    ({"loan": None}, "feltet «utlån» mangler"),
    ({"utlån": "ja"}, "«utlån» er ikke et objekt"),
    (loan_json(artnr="25046"), "«artnr» skal være 6 siffer"),
    (loan_json(serienr=123456), "«serienr» skal være 6 siffer"),
    (loan_json(serienr="654321"), "utlånet gjelder et annet hjelpemiddel enn det som ble spurt etter"),
    (loan_json(utlånsDato=None), "«utlånsDato» mangler"),
    (loan_json(utlånsDato="03.02.2025"), "«utlånsDato» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)"),
    (loan_json(opprettetDato="2025-13-01"), "«opprettetDato» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)"),
    (loan_json(isokode="12AB"), "«isokode» skal være et ISO-nummer med siffer"),
    (loan_json(kommunenummer="30"), "«kommunenummer» skal være 4 siffer"),
    (loan_json(utlånsType="X"), "«utlånsType» er ukjent"),
])
def test_the_answer_schema_is_checked_strictly(data, reason):
    with pytest.raises(OebsBadAnswer) as ei:
        parse_answer(data, *DEMO)
    assert ei.value.message == f"OeBS ga et svar som ikke kan brukes: {reason}."


def test_an_answer_without_the_newer_fields_is_accepted():
    loan = parse_answer({"utlån": {"fnr": FNR, "artnr": "250464", "serienr": "123456",
                                   "utlånsDato": "2024-03-05T00:00:00"}}, *DEMO)
    assert loan.loan_date == dt.date(2024, 3, 5) and loan.created_date is None and loan.iso_code == ""


def test_schema_error_through_http(oebs):
    oebs.default = ("json", 200, loan_json(serienr="12345X"))
    with pytest.raises(OebsBadAnswer, match="«serienr» skal være 6 siffer"):
        fetch(client_for(oebs))


@pytest.mark.parametrize("url", ["", "   ", "ftp://oebs.nav.no", "oebs.nav.no/api"])
def test_a_bad_base_url_is_refused_before_any_request(url):
    with pytest.raises(OebsNotConfigured):
        OebsClient(url)


def test_input_is_validated_with_navs_texts_before_asking(oebs):
    with pytest.raises(ValidationError, match="Hmsnr skal kun bestå av tall"):
        fetch(client_for(oebs), artnr="25O464")
    assert oebs.requests == []


def test_the_token_and_the_fnr_never_reach_the_logs(oebs, caplog):
    caplog.set_level(logging.DEBUG)             # every logger, httpx and httpcore included
    oebs.answer(("json", 500, {}), ("reset",), ("json", 200, loan_json()))
    client = client_for(oebs, retries=3)
    fetch(client)
    oebs.default = ("json", 401, {})
    with pytest.raises(OebsRejected):
        fetch(client)
    assert oebs.requests[0]["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert caplog.records, "the client should log what it does"
    assert TOKEN not in caplog.text and FNR not in caplog.text
    assert TOKEN not in repr(client)


# --- the facade: remote first, local fallback, the badge ----------------------------------

class Clock:
    def __init__(self, when: dt.datetime):
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


SYNC_TIME = dt.datetime(2026, 11, 22, 10, 15).astimezone()    # local wall clock 10:15


@pytest.fixture
def facade(core, oebs):
    core.settings.oebs.base_url = oebs.url
    core.settings.oebs.timeout_s = 0.5
    core.settings.oebs.retries = 1
    core.secrets.set("oebs-token", TOKEN)
    return DeviceLookup(core.lookup, core.db, core.tasks, core.settings.oebs, core.secrets,
                        core.profile.data_dir / "oebs_sync.json", clock=Clock(SYNC_TIME))


def test_without_a_base_url_the_local_register_answers_without_a_badge(core):
    assert core.device_lookup is not None and not core.device_lookup.remote_configured
    result = asyncio.run(core.device_lookup.lookup(*DEMO))
    assert result.source == "lokal" and not result.offline and result.badge_text == ""
    assert result.card.product_name == core.lookup.lookup(*DEMO).product_name


def test_oebs_answer_wins_and_is_kept_for_offline_use(facade, core, oebs):
    serial = "654321"
    with pytest.raises(NoLoan):
        core.lookup.lookup("250464", serial)            # not in the local register yet
    oebs.default = ("json", 200, loan_json(serienr=serial, kommunenummer="0301", utlånsType="K"))
    result = asyncio.run(facade.lookup("250464", serial))
    assert result.source == "oebs" and not result.offline and result.badge_text == ""
    card = result.card
    assert card.serial == serial and card.loan_date == dt.date(2025, 2, 3)
    assert card.created_date == dt.date(2025, 1, 1) and card.iso_category == "12230301"
    assert card.municipality_name == "Oslo" and card.loan_type == "K"
    assert card.product_name == core.lookup.lookup(*DEMO).product_name
    # stored: the local register now knows it, and when OeBS is gone the badge says when we last synced
    assert core.lookup.lookup("250464", serial).loan_date == dt.date(2025, 2, 3)
    oebs.default = ("json", 500, {})
    offline = asyncio.run(facade.lookup("250464", serial))
    assert offline.offline and offline.source == "lokal" and offline.card.serial == serial
    assert offline.badge_text == "frakoblet — sist synkronisert 22.11.2026 kl. 10:15"
    assert offline.reason == "OeBS svarte med en feil på serveren (HTTP 500)."


def test_remote_answer_updates_what_the_register_had(facade, core, oebs):
    before = core.lookup.lookup(*DEMO)
    oebs.default = ("json", 200, loan_json(utlånsDato="2026-01-15", opprettetDato="2026-01-10"))
    card = asyncio.run(facade.lookup(*DEMO)).card
    assert card.loan_date == dt.date(2026, 1, 15) and card.created_date == dt.date(2026, 1, 10)
    assert card.municipality_number == before.municipality_number    # OeBS did not say: kept
    assert card.loan_type == before.loan_type


def test_remote_no_loan_wins_over_the_local_register(facade, core, oebs):
    oebs.default = ("json", 200, {"utlån": None})
    with pytest.raises(NoLoan) as ei:
        asyncio.run(facade.lookup(*DEMO))
    assert not isinstance(ei.value, OfflineNoLoan) and ei.value.message == INGET_UTLAN_TEXT
    assert facade.sync.last == SYNC_TIME             # OeBS did answer


@pytest.mark.parametrize("action", [("json", 500, {}), ("slow",), ("reset",),
                                    ("raw", 200, "application/json", b"{nope"),
                                    ("raw", 200, "text/plain", b"ok"), ("json", 401, {})])
def test_every_kind_of_failure_falls_back_to_the_local_register(facade, oebs, action):
    oebs.default = action
    result = asyncio.run(facade.lookup(*DEMO))
    assert result.offline and result.source == "lokal" and result.card.hmsnr == DEMO[0]
    assert result.badge_text == "frakoblet — aldri synkronisert"
    assert result.reason.startswith(("OeBS", "Får ikke kontakt"))


def test_last_sync_time_survives_a_restart(facade, core, oebs):
    asyncio.run(facade.lookup(*DEMO))
    path = core.profile.data_dir / "oebs_sync.json"
    assert path.exists()
    again = SyncState(path)
    assert again.last == SYNC_TIME
    assert offline_badge(again.last) == "frakoblet — sist synkronisert 22.11.2026 kl. 10:15"
    path.write_text("{not json", encoding="utf-8")
    assert SyncState(path).last is None                 # a broken file: never synced, no crash


def test_offline_and_unknown_locally_is_navs_text_with_the_badge(facade, oebs):
    oebs.default = ("json", 503, {})
    with pytest.raises(OfflineNoLoan) as ei:
        asyncio.run(facade.lookup("250464", "999998"))
    exc = ei.value
    assert exc.message == INGET_UTLAN_TEXT and exc.code == "INGET_UTLÅN"
    assert exc.badge_text == "frakoblet — aldri synkronisert"


def test_facade_logs_never_hold_the_token(facade, oebs, caplog):
    caplog.set_level(logging.DEBUG)
    oebs.answer(("json", 500, {}))
    asyncio.run(facade.lookup(*DEMO))
    oebs.default = ("slow",)
    asyncio.run(facade.lookup(*DEMO))
    assert oebs.requests[0]["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in caplog.text and FNR not in caplog.text


# --- the lookup panel on the qasync loop ------------------------------------------------

def test_panel_shows_the_offline_badge_and_stays_responsive(gui_core, ops, qtbot, oebs):
    from PySide6.QtCore import QTimer

    from hms_desk.ui.lookup_panel import LookupPanel

    gui_core.settings.oebs.base_url = oebs.url
    gui_core.settings.oebs.timeout_s = 0.4
    gui_core.settings.oebs.retries = 0
    panel = LookupPanel(ops, gui_core.device_lookup.lookup)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_values(*DEMO)

    # OeBS answers: the card, no badge
    with qtbot.waitSignal(panel.deviceFound, timeout=10000):
        panel.do_lookup()
    assert panel.result.source == "oebs" and not panel.badge.isVisible()

    # OeBS hangs: the GUI keeps ticking while we wait, then the local register answers with a badge
    oebs.default = ("slow",)
    ticks = []
    timer = QTimer(panel)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    with qtbot.waitSignal(panel.deviceFound, timeout=10000):
        panel.do_lookup()
    timer.stop()
    assert len(ticks) >= 5                       # the event loop ran during the 0.4 s wait
    assert panel.badge.isVisible()
    assert panel.badge.text().startswith("frakoblet — sist synkronisert ")
    assert panel.badge.toolTip() == "OeBS svarte ikke innen 0,4 sekunder."
    assert panel._card_labels["source"].text() == "lokalt register (OeBS svarer ikke)"

    # unknown device while offline: NAV's text and the badge stays
    panel.set_values("250464", "999998")
    with qtbot.waitSignal(panel.lookupFailed, timeout=10000) as failed:
        panel.do_lookup()
    assert failed.args[0] == INGET_UTLAN_TEXT and panel.badge.isVisible()

    # back online: the badge goes away
    oebs.default = ("json", 200, loan_json())
    panel.set_values(*DEMO)
    with qtbot.waitSignal(panel.deviceFound, timeout=10000):
        panel.do_lookup()
    assert not panel.badge.isVisible()


def test_a_broken_token_is_refused_without_echoing_it():
    with pytest.raises(OebsNotConfigured) as ei:
        OebsClient("https://oebs.example", token="abc\ndef")
    assert "abc" not in ei.value.message


def test_oebs_settings_are_typed_and_checked():
    from hms_desk.platform.settings import SettingsError, from_dict, to_dict, Settings

    s = from_dict({"schema_version": 2, "oebs": {"base_url": "https://oebs.example", "timeout_s": 3, "retries": 1}})
    assert (s.oebs.timeout_s, s.oebs.retries) == (3.0, 1)
    assert to_dict(Settings())["oebs"] == {"base_url": "", "timeout_s": 5.0, "retries": 2}
    with pytest.raises(SettingsError, match="oebs.retries"):
        from_dict({"schema_version": 2, "oebs": {"retries": 9}})
    with pytest.raises(SettingsError, match="oebs.timeout_s"):
        from_dict({"schema_version": 2, "oebs": {"timeout_s": 0}})
