"""`hms-desk order create|show|export|status` in a real subprocess on the seeded demo profile."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from pypdf import PdfReader


def run(profile, *args):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), "order", *args],
                          capture_output=True, text=True, timeout=300)


def demo_part(profile) -> str:
    res = subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), "parts", "250464", "--json"],
                         capture_output=True, text=True, timeout=300, check=True)
    return next(p["hmsnr"] for p in json.loads(res.stdout)["parts"] if p["category"] == "Hjul")


def test_create_show_export_status(profile_dir, tmp_path):
    part = demo_part(profile_dir)
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456", "--line", f"{part}:2",
              "--unknown", "1503-1003:1:Bremsewire venstre", "--unknown", "123456:1:Bolt M8 til fotplate",
              "--delivery", "servicejobb", "--orderer", "T200002", "--json")
    assert res.returncode == 0, res.stderr
    made = json.loads(res.stdout)
    number = made["bestillingsnummer"]
    assert made["bestiller"] == "T200002" and made["levering"] == "servicejobb"
    assert [(ln["hmsnr"], ln["lev_art_nr"], ln["antall"], ln["ukjent_del"]) for ln in made["linjer"]] == [
        (part, "", 2, False), (None, "1503-1003", 1, True), ("123456", "", 1, True)]

    shown = run(profile_dir, "show", number)
    assert shown.returncode == 0, shown.stderr
    for fact in (number, "Innsendt", "250464 / 123456", "Bremsewire venstre", "(ukjent del)", "T200002"):
        assert fact in shown.stdout, fact
    assert json.loads(run(profile_dir, "show", number, "--json").stdout) == made

    moved = run(profile_dir, "status", number, "registrert")
    assert moved.returncode == 0 and "Registrert" in moved.stdout
    back = run(profile_dir, "status", number, "INNSENDT")
    assert back.returncode == 1 and "kan ikke endres" in back.stderr
    unknown = run(profile_dir, "status", number, "FERDIG")
    assert unknown.returncode == 1 and "Ukjent status" in unknown.stderr

    outputs = {fmt: tmp_path / f"o.{fmt}" for fmt in ("json", "csv", "pdf", "repair-pdf")}
    for fmt, out in outputs.items():
        res = run(profile_dir, "export", number, "--format", fmt, "--out", str(out))
        assert res.returncode == 0, res.stderr
    assert json.loads(outputs["json"].read_text(encoding="utf-8"))["status"] == "REGISTRERT"
    rows = list(csv.DictReader(io.StringIO(outputs["csv"].read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 3 and {r["bestillingsnummer"] for r in rows} == {number}
    text = "\n".join(p.extract_text() for p in PdfReader(outputs["pdf"]).pages)
    for fact in ("Bestilling av deler til reparasjon av hjelpemidler", number, "250464", part, "Bremsewire venstre"):
        assert fact in text, fact
    assert "Reparasjonsordre" in "\n".join(p.extract_text() for p in PdfReader(outputs["repair-pdf"]).pages)


def test_refusal_lists_every_violation_with_code_and_exit_1(profile_dir):
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456", "--line", "328154:2",
              "--unknown", ":1: ", "--delivery", "hjem")
    assert res.returncode == 1
    err = res.stderr
    for code in ("UGYLDIG_LEVERING: Du må velge levering.", "UKJENT_DEL_MANGLER_NUMMER",
                 "UKJENT_DEL_MANGLER_BESKRIVELSE",
                 "BATTERI_OPPLÆRING_MANGLER: Tekniker må bekrefte opplæring i bytting av batteriene",
                 "GARANTI: Hjelpemiddelet er innenfor garantitid. Det er derfor ikke mulig"):
        assert code in err, code
    assert res.stdout == ""
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456", "--line", "328154:2", "--json")
    assert res.returncode == 1
    codes = [v["code"] for v in json.loads(res.stdout)["error"]["violations"]]
    assert codes == ["BATTERI_OPPLÆRING_MANGLER", "GARANTI"]


def test_bad_arguments(profile_dir):
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456", "--line", "291356:to")
    assert res.returncode == 1 and "antall må være et heltall" in res.stderr
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456", "--unknown", "bare-tekst")
    assert res.returncode == 1 and "REF:ANTALL:BESKRIVELSE" in res.stderr
    res = run(profile_dir, "create", "--hmsnr", "250464", "--serienr", "123456")
    assert res.returncode == 1 and "INGEN_DELER" in res.stderr
    assert run(profile_dir, "show", "D-1999-000001").returncode == 3
    assert run(profile_dir, "export", "D-1999-000001", "--format", "xml", "--out", "x").returncode == 2
    assert run(profile_dir).returncode == 2
