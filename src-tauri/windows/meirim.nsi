; Meirim's Windows installer, built by scripts/package.sh with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the three files> -DOUTFILE=<setup.exe>
;            -DWIZARD_BMP=<164x314 picture from wizard-bitmap.py> meirim.nsi
; makensis works in this file's folder: relative paths below start there.
;
; Per user, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\Meirim; the registry, backups and documents live apart, in
; %APPDATA%\kz.meirim.app, so reinstalling, upgrading or uninstalling the program never
; touches them unless the user asks the uninstaller to delete them.
;
; Pages in Kazakh (Kazakh.nlf / Kazakh.nsh beside this file, translated from NSIS's
; Russian) and Russian. Silent: `/S` installs (and `/D=<folder>` picks the folder);
; `uninstall.exe /S` removes the program and keeps the data (`/S /DELETEDATA` deletes it too).

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
; A dictionary larger than both programs: meirim.exe and meirim-cli.exe share most of
; their code, and one solid stream then stores it about once.
SetCompressorDictSize 64
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=<x.y.z>"
!endif
!ifndef STAGE
  !error "pass -DSTAGE=<folder with meirim.exe, WebView2Loader.dll and meirim-cli.exe>"
!endif
!ifndef OUTFILE
  !define OUTFILE "Meirim-${VERSION}-setup.exe"
!endif

!define PRODUCT "Meirim"
!define PUBLISHER "Meirim developers"
; Matches `identifier` in tauri.conf.json and meirim-core's APP_IDENTIFIER: the data folder.
!define IDENTIFIER "kz.meirim.app"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define SETTINGS_KEY "Software\Meirim"
; WebView2 Runtime's client id (Microsoft's documented way to find an installed runtime).
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "Мейірім"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Meirim"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Мейірім / Meirim ${VERSION} — орнату бағдарламасы"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${PUBLISHER}, MIT"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

; The welcome and finish pages' picture: the icon on its teal (wizard-bitmap.py makes it).
!ifdef WIZARD_BMP
  !define MUI_WELCOMEFINISHPAGE_BITMAP "${WIZARD_BMP}"
  !define MUI_UNWELCOMEFINISHPAGE_BITMAP "${WIZARD_BMP}"
!endif
!define MUI_ICON "../icons/icon.ico"
!define MUI_UNICON "../icons/icon.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
; The uninstaller speaks the language the user chose when installing.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_WINDOWTITLE "Мейірім"
!define MUI_LANGDLL_INFO "Орнату тілін таңдаңыз.$\r$\nВыберите язык установки."

Var DataNote

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\meirim.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_UNFINISHPAGE_TEXT "$(UnFinished)$\r$\n$\r$\n$DataNote"
!insertmacro MUI_UNPAGE_FINISH

; Kazakh first: it is what the language dialog offers when Windows is neither.
!insertmacro MUI_LANGUAGEEX "." "Kazakh"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString WebView2Missing ${LANG_KAZAKH} "Бұл компьютерде Microsoft Edge WebView2 жоқ, ал Мейірім онсыз ашылмайды.$\r$\n$\r$\nНе істеу керек: Windows жаңартуларын орнатыңыз (WebView2 Windows 11-де және жаңартылған Windows 10-да бар) немесе IT маманынан Microsoft сайтындағы «WebView2 Runtime» (Evergreen Standalone Installer) бағдарламасын орнатуды сұраңыз.$\r$\n$\r$\nМейірім қазір орнатылады және WebView2 пайда болған соң ашылады."
LangString WebView2Missing ${LANG_RUSSIAN} "На этом компьютере нет Microsoft Edge WebView2, а без него Мейирим не откроется.$\r$\n$\r$\nЧто делать: установите обновления Windows (WebView2 есть в Windows 11 и в обновлённой Windows 10) или попросите IT-специалиста установить «WebView2 Runtime» (Evergreen Standalone Installer) с сайта Microsoft.$\r$\n$\r$\nМейирим сейчас будет установлен и откроется, как только появится WebView2."
LangString WebView2MissingShort ${LANG_KAZAKH} "Microsoft Edge WebView2 жоқ: Мейірім ол орнатылғанша ашылмайды."
LangString WebView2MissingShort ${LANG_RUSSIAN} "Нет Microsoft Edge WebView2: Мейирим не откроется, пока он не установлен."
LangString AppRunning ${LANG_KAZAKH} "Мейірім ашық тұр. Оны жауып, «Қайталау» батырмасын басыңыз."
LangString AppRunning ${LANG_RUSSIAN} "Мейирим сейчас открыт. Закройте его и нажмите «Повтор»."
LangString SecProgram ${LANG_KAZAKH} "Бағдарлама"
LangString SecProgram ${LANG_RUSSIAN} "Программа"
LangString SecProgramDesc ${LANG_KAZAKH} "Мейірім бағдарламасы мен оның таңбашалары."
LangString SecProgramDesc ${LANG_RUSSIAN} "Программа Мейирим и её ярлыки."
LangString SecData ${LANG_KAZAKH} "Тізілім, сақтық көшірмелер мен құжаттар"
LangString SecData ${LANG_RUSSIAN} "Реестр, резервные копии и документы"
LangString SecDataDesc ${LANG_KAZAKH} "Белгі қойсаңыз, барлық отбасылар, көмек, еріктілер, сақтық көшірмелер мен құжаттар біржола жойылады. Олар мына қалтада: $APPDATA\${IDENTIFIER}"
LangString SecDataDesc ${LANG_RUSSIAN} "Если отметить, все семьи, помощь, волонтёры, резервные копии и документы будут удалены безвозвратно. Они находятся в папке: $APPDATA\${IDENTIFIER}"
LangString DataKept ${LANG_KAZAKH} "Тізілім, сақтық көшірмелер мен құжаттар сақталды, олар мына қалтада: $APPDATA\${IDENTIFIER}. Мейірімді қайта орнатсаңыз, олар орнында болады."
LangString DataKept ${LANG_RUSSIAN} "Реестр, резервные копии и документы сохранены, они находятся в папке: $APPDATA\${IDENTIFIER}. Если установить Мейирим снова, они будут на месте."
LangString DataDeleted ${LANG_KAZAKH} "Тізілім, сақтық көшірмелер мен құжаттар жойылды (қалта: $APPDATA\${IDENTIFIER}). Флешкадағы көшірмелер өз орнында қалды."
LangString DataDeleted ${LANG_RUSSIAN} "Реестр, резервные копии и документы удалены (папка: $APPDATA\${IDENTIFIER}). Копии на флешках остались на месте."
LangString UnFinished ${LANG_KAZAKH} "Мейірім компьютерден жойылды."
LangString UnFinished ${LANG_RUSSIAN} "Мейирим удалён с компьютера."

; A running meirim.exe cannot be replaced or deleted: ask the user to close it.
!macro WaitUntilClosed un
  Function ${un}WaitUntilClosed
    ${If} ${FileExists} "$INSTDIR\meirim.exe"
      retry:
      ClearErrors
      FileOpen $0 "$INSTDIR\meirim.exe" a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
        SetErrorLevel 2
        Quit
      ${EndIf}
      FileClose $0
    ${EndIf}
  FunctionEnd
!macroend
!insertmacro WaitUntilClosed ""
!insertmacro WaitUntilClosed "un."

Function WarnIfNoWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    DetailPrint "$(WebView2MissingShort)"
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(WebView2Missing)" /SD IDOK
  ${EndIf}
FunctionEnd

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "-Program" SecProgram
  SetShellVarContext current
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  File "${STAGE}\meirim.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\meirim-cli.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Мейірім.lnk" "$INSTDIR\meirim.exe" "" "$INSTDIR\meirim.exe" 0
  CreateShortCut "$DESKTOP\Мейірім.lnk" "$INSTDIR\meirim.exe" "" "$INSTDIR\meirim.exe" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Мейірім (Meirim)"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\meirim.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  Call WarnIfNoWebView2
SectionEnd


Section "un.$(SecProgram)" UnSecProgram
  SectionIn RO
  SetShellVarContext current
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\Мейірім.lnk"
  Delete "$DESKTOP\Мейірім.lnk"
  Delete "$INSTDIR\meirim.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\meirim-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; WebView2's cache for the app (Tauri keeps it under LOCALAPPDATA): not the user's data.
  RMDir /r "$LOCALAPPDATA\${IDENTIFIER}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  StrCpy $DataNote "$(DataKept)"
SectionEnd

; Off unless ticked: a silent uninstall (`/S`) keeps the data.
Section /o "un.$(SecData)" UnSecData
  SetShellVarContext current
  RMDir /r "$APPDATA\${IDENTIFIER}"
  StrCpy $DataNote "$(DataDeleted)"
SectionEnd

Section "-un.Report"
  DetailPrint "$DataNote"
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
  ; For an administrator's script: `uninstall.exe /S /DELETEDATA` deletes the data too.
  ${GetOptions} $CMDLINE "/DELETEDATA" $0
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "$(SecProgramDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(SecDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
