"""`hms-desk export CASE --pdf FILE | --text | --json` in a real subprocess, and the demo call."""

from __future__ import annotations

import json
import subprocess
import sys

from pypdf import PdfReader

from hms_desk.documents.pdfa_check import check_pdf


def run(profile, *args, timeout=600):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), *args],
                          capture_output=True, text=True, timeout=timeout)


def test_export_demo_on_a_fresh_profile(tmp_path):
    """Nothing in the profile yet: the catalogue is imported, the demo call made, its note exported."""
    profile = tmp_path / "fresh"
    pdf = tmp_path / "demo.pdf"
    res = run(profile, "export", "demo", "--pdf", str(pdf))
    assert res.returncode == 0, res.stderr
    report = check_pdf(pdf, expect_type="notat", expect_lang="nb-NO")
    assert report.ok, report.describe()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    for fact in ("Journalnotat", "Saksnr. demo", "250464", "123456", "Minicrosser X1 4W", "Deler må bestilles",
                 "Kommunen melder fra når hjulet er montert", "Venstre bakhjul, slitt dekk (pil)",
                 "Tekniker", "Oslo kommune", "Innsendt"):
        assert fact in text, fact
    assert len([i for p in PdfReader(pdf).pages for i in p.images]) == 1      # the anonymised picture

    again = run(profile, "export", "demo", "--json")                          # the same case, not a new one
    data = json.loads(again.stdout)
    assert data["saksnummer"] == "demo" and data["beslutning"] == "Deler må bestilles"
    assert data["hjelpemidler"][0]["bestillinger"][0]["status"] == "Innsendt"


def test_text_json_and_english(profile_dir, tmp_path):
    text = run(profile_dir, "export", "DEMO", "--text")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Journalnotat – Teknisk support (videosamtale)" and lines[1] == "Saksnr. demo"
    assert "Beslutning: Deler må bestilles" in lines and "DELER_TRENGS" not in text.stdout
    en = run(profile_dir, "export", "demo", "--text", "--lang", "en")
    assert en.stdout.startswith("Journal note – Technical support (video call)\nCase no. demo\n")
    out = tmp_path / "notat.json"
    res = run(profile_dir, "export", "demo", "--json", "--out", str(out))
    assert res.returncode == 0 and res.stdout == "" and f"Skrev {out}" in res.stderr
    assert json.loads(out.read_text("utf-8"))["språk"] == "nb"


def test_refused_unknown_and_wrong_arguments(profile_dir, tmp_path):
    missing = run(profile_dir, "export", "S-1999-000001", "--text")
    assert missing.returncode == 3 and "Fant ingen sak «S-1999-000001»." in missing.stderr
    both = run(profile_dir, "export", "demo", "--text", "--json")
    assert both.returncode == 2
    none = run(profile_dir, "export", "demo")
    assert none.returncode == 2
    bad_dir = tmp_path / "finnes-ikke.pdf"
    bad_dir.mkdir()                                   # a folder where the file should go
    res = run(profile_dir, "export", "demo", "--pdf", str(bad_dir))
    assert res.returncode == 1 and "Kunne ikke lagre journalnotatet" in res.stderr and "Traceback" not in res.stderr
