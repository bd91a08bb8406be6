<#
.SYNOPSIS
  Builds the HMS Desk installer for Windows: the frozen one-folder app (PyInstaller), its smoke test,
  then the per-user installer (NSIS).

.DESCRIPTION
  Needs on the build machine, once:
    * Python 3.11, 64-bit, from python.org (with the "py" launcher) — the version
      installer/deps.py names as WINDOWS_PYTHON, which CI proves every dependency has wheels for;
    * NSIS 3 (makensis.exe), e.g.  winget install NSIS.NSIS
    * network access to PyPI the first time (later builds reuse .venv).
  No administrator rights are needed, neither here nor for the installer this makes.

  From a PowerShell prompt in the checkout:
      powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1

  Steps: .venv with the package and its "postgres" and "build" extras -> PyInstaller
  (installer\hms_desk.spec; hms-desk.exe for the command line, hms-deskw.exe for the start menu)
  -> installer\smoke_frozen.py (--version, lookup, anonymize, the GUI's first demo snapshot, start
  time; fails above the 450 MB size budget) -> makensis installer\hms_desk.nsi.

  Output:  build\dist\hms-desk\                      the one-folder app
           build\hms-desk-<version>-setup.exe         the installer (silent: /S)
  Sign the setup.exe with your organisation's certificate (signtool) before handing it out.

.PARAMETER Python
  The Python launcher arguments to build with (default: "py -3.11").

.PARAMETER SkipSmoke
  Build the installer without running the smoke test (not for releases).
#>
param(
  [string]$Python = "py -3.11",
  [switch]$SkipSmoke
)
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

function Invoke-Checked([string]$what, [scriptblock]$block) {
  Write-Host "== $what"
  & $block
  if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" }
}

$venvPython = Join-Path $root ".venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
  $launcher, $launcherArgs = $Python -split " "
  Invoke-Checked "Lager .venv med $Python" { & $launcher @launcherArgs -m venv .venv }
  Invoke-Checked "Oppgraderer pip" { & $venvPython -m pip install -q --upgrade pip }
}
Invoke-Checked "Installerer HMS Desk med avhengigheter (.[postgres,build])" {
  & $venvPython -m pip install -q -e ".[postgres,build]"
}

$version = & $venvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
$dist = Join-Path $root "build\dist\hms-desk"
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
Invoke-Checked "PyInstaller: build\dist\hms-desk" {
  & $venvPython -m PyInstaller --noconfirm --clean --log-level WARN --distpath build\dist --workpath build\work installer\hms_desk.spec
}

if (-not $SkipSmoke) {
  Invoke-Checked "Røyktest av den frosne appen" {
    & $venvPython installer\smoke_frozen.py $dist --max-size-mb 450
  }
}

$makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
  foreach ($dir in @("${env:ProgramFiles(x86)}\NSIS", "$env:ProgramFiles\NSIS", "$env:LOCALAPPDATA\Programs\NSIS")) {
    if (Test-Path "$dir\makensis.exe") { $makensis = "$dir\makensis.exe"; break }
  }
}
if (-not $makensis) { throw "Fant ikke makensis.exe: installer NSIS 3 (winget install NSIS.NSIS)" }

$setup = Join-Path $root "build\hms-desk-$version-setup.exe"
Invoke-Checked "NSIS: $setup" {
  & $makensis /V2 /WX "/DVERSION=$version" "/DPAYLOAD=$dist" "/DOUTFILE=$setup" installer\hms_desk.nsi
}
$mb = [math]::Round((Get-Item $setup).Length / 1MB, 1)
Write-Host "Ferdig: $setup ($mb MB). Stille installasjon: `"$setup`" /S"
