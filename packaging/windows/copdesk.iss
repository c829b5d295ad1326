; Inno Setup script of copdesk for Windows (Inno Setup 6). Not built by hand: on
; Windows, `python packaging/build.py` freezes copdesk with the same PyInstaller spec as
; Linux, then runs iscc with the app id, name, version and icon of copdesk/appinfo.py
; (packaging/windows/iscc.py), so this file holds no version and no id of its own.
;
; Installs for the current user without administrator rights (or for all users if
; asked), a Start-menu entry, opens .copdesk bundle files with copdesk (the import
; preview). The workspace lives in %LOCALAPPDATA%\copdesk (copdesk/paths.py), outside
; the installation folder: the uninstaller removes only what it installed, so every
; workspace, key and backup stays.

#ifndef AppVersion
  #error Run packaging/build.py (or iscc.py): it defines AppId, AppVersion, SourceDir…
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoVersion={#WindowsVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppName}w.exe
WizardStyle=modern
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
; the PyInstaller folder: copdesk.exe (command line), copdeskw.exe (window), _internal\
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppName}w.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}w.exe"; Tasks: desktopicon

[Registry]
; .copdesk files (exchange bundles) open in copdesk: "copdeskw.exe" "%1"
Root: HKA; Subkey: "Software\Classes\{#BundleSuffix}"; ValueType: string; ValueName: ""; ValueData: "{#BundleProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#BundleSuffix}"; ValueType: string; ValueName: "Content Type"; ValueData: "{#BundleMime}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} exchange bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppName}w.exe,0"
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppName}w.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppName}w.exe\SupportedTypes"; ValueType: string; ValueName: "{#BundleSuffix}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppName}w.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
