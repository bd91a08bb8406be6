; NSIS installer for HMS Desk (Windows).  Build after PyInstaller:
;   makensis /DVERSION=0.1.0 installer\hms_desk.nsi
!include "MUI2.nsh"
Name "HMS Desk"
OutFile "hms-desk-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\NAV\HMS Desk"
RequestExecutionLevel admin
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Norwegian"

Section "HMS Desk"
  SetOutPath "$INSTDIR"
  File /r "..\dist\hms-desk-${VERSION}\*.*"
  CreateShortcut "$SMPROGRAMS\HMS Desk.lnk" "$INSTDIR\hms-desk.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\HMS Desk.lnk"
  RMDir /r "$INSTDIR"
SectionEnd
