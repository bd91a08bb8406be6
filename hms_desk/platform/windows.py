"""What HMS Desk does differently on Windows, in one place (no Qt; a no-op elsewhere).

* The installed folder has two executables (installer/hms_desk.spec): ``hms-desk.exe`` is a console
  program (command line, ``--version``, exit codes for scripts) and ``hms-deskw.exe`` a windowed one
  (start menu; no console window flashes up).  A windowed program has no stdout, so when it is
  started from a console anyway it attaches to that console and prints there.
* ``Local\\hms-desk-running`` is a named mutex held while HMS Desk runs: the installer refuses to
  install over a running instance by looking for it.
* An explicit AppUserModelID groups the windows under one taskbar button and lets Windows pin the
  start-menu shortcut (which the installer gives the same ID).

The profile (``%LOCALAPPDATA%\\hms-desk``) is in ``platform.paths``; secrets go to the Windows
Credential Locker through ``keyring`` (``platform.secrets``).  High-DPI scaling and native file
dialogs, print dialogs and widget style are Qt 6's defaults on Windows; the frozen build bundles the
``styles`` and ``printsupport`` plugins they need.
"""

from __future__ import annotations

import io
import os
import sys

APP_USER_MODEL_ID = "NAV.HMSDesk"
RUNNING_MUTEX = "Local\\hms-desk-running"
ATTACH_PARENT_PROCESS = -1

_mutex_handle = None   # kept for the life of the process


def _kernel32():
    import ctypes

    return ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]


def attach_parent_console(kernel32=None) -> bool:
    """A windowed executable started from a console: print into that console.

    Returns True when stdout/stderr were connected.  Does nothing when stdout already works (the
    console executable, a redirected stream) or when there is no parent console.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return False
    kernel32 = kernel32 or _kernel32()
    if not kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return False
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            try:
                stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
            except OSError:
                stream = io.StringIO()
            setattr(sys, name, stream)
    if sys.stdout is not None:
        sys.stdout.write("\n")   # the shell has already printed its next prompt
    return True


def hold_running_mutex(kernel32=None) -> bool:
    """Create the named mutex the installer looks for; True when it is held."""
    global _mutex_handle
    if _mutex_handle is not None:
        return True
    kernel32 = kernel32 or _kernel32()
    handle = kernel32.CreateMutexW(None, False, RUNNING_MUTEX)
    if handle:
        _mutex_handle = handle
    return bool(handle)


def set_app_user_model_id(shell32=None) -> bool:
    if shell32 is None:
        import ctypes

        shell32 = ctypes.WinDLL("shell32")  # type: ignore[attr-defined]
    return shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID) == 0


def prepare_process(platform: str | None = None) -> None:
    """Called first by the command line: console, running-instance mutex, taskbar identity."""
    if (platform or sys.platform) != "win32" or os.environ.get("HMS_DESK_NO_WIN32"):
        return
    for step in (attach_parent_console, hold_running_mutex, set_app_user_model_id):
        try:
            step()
        except (OSError, AttributeError, ValueError):   # never stop the program over these niceties
            pass
