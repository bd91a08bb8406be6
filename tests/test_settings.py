import json

import pytest

from hms_desk.platform.settings import (DB_URL_ENV, SCHEMA_VERSION, Settings, SettingsError, SettingsStore,
                                        effective_db_url, from_dict)


def test_defaults_when_no_file(tmp_path):
    res = SettingsStore(tmp_path / "settings.json").load()
    assert res.settings == Settings()
    assert res.warnings == []


def test_roundtrip_is_typed_and_versioned(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    s = Settings()
    s.retention_days = 3
    s.video.live_face_blur = False
    s.ui.language = "en"
    store.save(s)
    data = json.loads((tmp_path / "settings.json").read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    assert store.load().settings == s


def test_corrupt_file_gives_defaults_and_norwegian_warning(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ this is not json", encoding="utf-8")
    res = SettingsStore(path).load()
    assert res.settings == Settings()
    assert "Innstillingsfilen var ødelagt" in res.warnings[0]
    assert not path.exists()
    assert list(tmp_path.glob("settings.json.corrupt-*"))   # kept aside, not lost


def test_wrong_type_is_reported_in_norwegian(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "retention_days": "sju"}))
    res = SettingsStore(path).load()
    assert "retention_days" in res.warnings[0] and "tall" in res.warnings[0]


def test_out_of_range_value_rejected():
    with pytest.raises(SettingsError, match="mellom 1 og 365"):
        from_dict({"schema_version": SCHEMA_VERSION, "retention_days": 0})


def test_migrates_version_1():
    s = from_dict({"schema_version": 1, "language": "en", "technician": "Z991234"})
    assert s.ui.language == "en" and s.technician == "Z991234" and s.schema_version == SCHEMA_VERSION


def test_newer_settings_refused():
    with pytest.raises(SettingsError, match="nyere versjon"):
        from_dict({"schema_version": SCHEMA_VERSION + 1})


def test_db_url_precedence(tmp_path, monkeypatch):
    s = Settings()
    default = tmp_path / "x.sqlite3"
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    assert effective_db_url(s, None, default) == f"sqlite:///{default}"
    s.db_url = "sqlite:///from-settings.db"
    assert effective_db_url(s, None, default) == "sqlite:///from-settings.db"
    monkeypatch.setenv(DB_URL_ENV, "sqlite:///from-env.db")
    assert effective_db_url(s, None, default) == "sqlite:///from-env.db"
    assert effective_db_url(s, "sqlite:///from-cli.db", default) == "sqlite:///from-cli.db"
