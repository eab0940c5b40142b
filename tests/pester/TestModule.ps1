# Dot-sourced by every Pester suite: imports the built module (AZBT_MODULE_PATH, or the build output) into this session.
Set-StrictMode -Version Latest
$ModuleManifest = if ($env:AZBT_MODULE_PATH) {
    if (Test-Path -LiteralPath $env:AZBT_MODULE_PATH -PathType Container) { Join-Path $env:AZBT_MODULE_PATH 'AzBackupTroubleshoot.psd1' } else { $env:AZBT_MODULE_PATH }
} else {
    Join-Path $PSScriptRoot '../../out/AzBackupTroubleshoot/0.1.0/AzBackupTroubleshoot.psd1'
}
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$Sample = Join-Path $RepoRoot 'docs/samples/az-backup-job-list.json'
Import-Module -Name $ModuleManifest -Force -ErrorAction Stop
