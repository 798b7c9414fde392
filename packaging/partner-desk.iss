; Inno Setup script: a per-user Windows installer for Partner Desk (伙伴工作台).
;
;   1. Build the app on Windows:  .venv\Scripts\python packaging\build.py
;      (or `make package`), which makes dist\partner-desk\ and self-tests it.
;   2. Compile:                   iscc packaging\partner-desk.iss
;      -> dist\partner-desk-<version>-setup.exe
;
; Needs Inno Setup 6.3 or later. The version is read from pyproject.toml
; ([project] version); `iscc /DAppVersion=1.2.3 ...` overrides it.
;
; Languages: English always; Simplified Chinese as well when ChineseSimplified.isl
; is found, either in the compiler's Languages folder (Inno Setup 6 ships it only
; among its unofficial translations: copy it there) or as
; packaging\inno\ChineseSimplified.isl. Without it the wizard is in English, while
; the program's name, Start menu entry and shortcuts are still "伙伴工作台 Partner Desk".
;
; Installs for the current user only (no administrator rights needed) into
; %LOCALAPPDATA%\Programs\PartnerDesk. Uninstalling removes the program, never the
; data: databases and backups live in %LOCALAPPDATA%\PartnerDesk.
;
; This file is UTF-8 with a byte-order mark: Inno Setup needs the mark to read the
; Chinese text correctly.

#define AppName "Partner Desk"
#define AppNameZh "伙伴工作台"
#define AppDisplayName AppNameZh + " " + AppName
#define AppExe "partner-desk.exe"
#define DistDir "..\dist\partner-desk"

#ifndef AppVersion
  ; pyproject.toml reads as an INI file here; Windows drops the quotes around the value.
  #define AppVersion ReadIni(SourcePath + "..\pyproject.toml", "project", "version", "0.0.0")
#endif

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(SourcePath + "inno\ChineseSimplified.isl")
  #define ChineseMessages "inno\ChineseSimplified.isl"
#endif

#if !FileExists(SourcePath + DistDir + "\" + AppExe)
  #error dist\partner-desk\partner-desk.exe is missing: build the app first (packaging\build.py)
#endif

[Setup]
; AppId identifies the program for upgrades and uninstalling: never change it.
AppId={{483FD741-C3F0-4A7E-9CBB-F88533AF6210}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
DefaultDirName={autopf}\PartnerDesk
DefaultGroupName={#AppDisplayName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=partner-desk-{#AppVersion}-setup
SetupIconFile=icons\partner-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppDisplayName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#ifdef ChineseMessages
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
#endif

[CustomMessages]
english.AppComment=Donation intake, volunteer check-in, service hours and sync, offline
#ifdef ChineseMessages
chinesesimplified.AppComment=捐赠登记、志愿者签到、服务时长与数据同步（离线使用）
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: partner-desk.exe (the window), partner-desk-cli.exe
; (the same program with a console, for the command line) and _internal\.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppDisplayName}}"; Flags: nowait postinstall skipifsilent
