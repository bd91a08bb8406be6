; HMS Desk — Windows installer (NSIS 3, Unicode).  Per user: no administrator rights needed.
;
; Build (installer\build-windows.ps1 does all of it on Windows):
;   makensis /DVERSION=0.1.0 /DPAYLOAD=<one-folder build> /DOUTFILE=<setup.exe> installer\hms_desk.nsi
; CI compiles it on Linux against the Linux build's file list (scripts/build-frozen --nsis).
;
; Install:    hms-desk-0.1.0-setup.exe [/S] [/D=C:\annen\mappe]      (/S: silent; /D last, no quotes)
;             An upgrade is the same command; a running HMS Desk is refused (exit code 2).
; Uninstall:  "%LOCALAPPDATA%\Programs\HMS Desk\uninstall.exe" [/S] [/DELETEPROFILE]
;             Asks whether to keep the profile (%LOCALAPPDATA%\hms-desk: settings, database, logs);
;             silent keeps it unless /DELETEPROFILE.  Captured pictures are deleted either way.
Unicode true

!ifndef VERSION
  !error "VERSION mangler: makensis /DVERSION=x.y.z"
!endif
!ifndef VERSION4                ; the four numbers Windows' version resource wants
  !searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
  !define VERSION4 "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\build\dist\hms-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\build\hms-desk-${VERSION}-setup.exe"
!endif

!define APP "HMS Desk"
!define APP_ID "hms-desk"
!define PUBLISHER "NAV Hjelpemiddelsentral"
!define EXE "hms-deskw.exe"          ; windowed; hms-desk.exe is the console program
!define CONSOLE_EXE "hms-desk.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define MUTEX "Local\hms-desk-running"   ; held by a running HMS Desk (hms_desk/platform/windows.py)
!define PROFILE "$LOCALAPPDATA\${APP_ID}"   ; hms_desk/platform/paths.py Profile.default()

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ManifestDPIAware true
BrandingText "${PUBLISHER}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

; Version information of setup.exe (the executables get theirs from installer/hms_desk.spec)
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1044 "ProductName" "${APP}"
VIAddVersionKey /LANG=1044 "CompanyName" "NAV"
VIAddVersionKey /LANG=1044 "FileDescription" "${APP} ${VERSION} installasjon"
VIAddVersionKey /LANG=1044 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1044 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1044 "LegalCopyright" "MIT"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP} nå"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Norwegian"

; --- a running HMS Desk ----------------------------------------------------------------------
; Two checks: the named mutex a running HMS Desk holds (wherever it was started from), and the
; executables in the target folder, which Windows will not open for writing while they run.
!macro REFUSE_IF_RUNNING UN
Function ${UN}RefuseIfRunning
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${MUTEX}") i .r0'
  ${If} $0 <> 0
    System::Call 'kernel32::CloseHandle(i r0)'
    Goto running
  ${EndIf}
  ${ForEach} $1 1 2 + 1
    ${If} $1 = 1
      StrCpy $2 "$INSTDIR\${EXE}"
    ${Else}
      StrCpy $2 "$INSTDIR\${CONSOLE_EXE}"
    ${EndIf}
    ${If} ${FileExists} "$2"
      ClearErrors
      FileOpen $3 "$2" a
      ${If} ${Errors}
        Goto running
      ${EndIf}
      FileClose $3
    ${EndIf}
  ${Next}
  Return
running:
  MessageBox MB_OK|MB_ICONSTOP "${APP} kjører. Lukk ${APP} (alle vinduer) og prøv igjen." /SD IDOK
  SetErrorLevel 2
  Quit
FunctionEnd
!macroend
!insertmacro REFUSE_IF_RUNNING ""
!insertmacro REFUSE_IF_RUNNING "un."

Function .onInit
  SetShellVarContext current
  Call RefuseIfRunning
FunctionEnd

Function un.onInit
  SetShellVarContext current
  Call un.RefuseIfRunning
FunctionEnd

; --- install -----------------------------------------------------------------------------------
Section "${APP}" SecApp
  SectionIn RO
  Call RefuseIfRunning          ; again: the folder may have been changed on the directory page
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"   ; an upgrade leaves no files of the old version behind
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" \
      "Videostøtte, oppslag og delbestilling"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

; --- uninstall ---------------------------------------------------------------------------------
Section "Uninstall"
  ; Captured pictures go whatever the answer: they are personal data with a retention limit.
  RMDir /r "${PROFILE}\data\captures"

  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEPROFILE" $R1
  ${IfNot} ${Errors}
    StrCpy $R2 "delete"
  ${Else}
    MessageBox MB_YESNO|MB_ICONQUESTION "Vil du beholde profilen til ${APP}?$\r$\n$\r$\n\
        Profilen ligger i ${PROFILE} og har innstillinger, den lokale databasen (saker og \
        bestillinger) og logger. Behold den hvis du skal installere ${APP} igjen.$\r$\n$\r$\n\
        Bilder tatt under samtaler slettes uansett." /SD IDYES IDYES keep
    StrCpy $R2 "delete"
    Goto decided
  keep:
    StrCpy $R2 "keep"
  decided:
  ${EndIf}
  ${If} $R2 == "delete"
    RMDir /r "${PROFILE}"
  ${EndIf}

  Delete "$SMPROGRAMS\${APP}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CONSOLE_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"              ; only if empty: never remove what someone else put there
SectionEnd
