# Dot-sourced by every Pester suite: imports the built module into this session. AZBT_MODULE_PATH names it (a .psd1
# or its folder; the xunit runner passes the one the build laid out); otherwise the one module the build laid out
# under out/<configuration>/AzBackupTroubleshoot/<version>/.
Set-StrictMode -Version Latest
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$ModuleManifest = if ($env:AZBT_MODULE_PATH) {
    if (Test-Path -LiteralPath $env:AZBT_MODULE_PATH -PathType Container) { Join-Path $env:AZBT_MODULE_PATH 'AzBackupTroubleshoot.psd1' } else { $env:AZBT_MODULE_PATH }
} else {
    $built = @(Get-ChildItem -Path (Join-Path $RepoRoot 'out/*/AzBackupTroubleshoot/*/AzBackupTroubleshoot.psd1'))
    if ($built.Count -ne 1) { throw "Expected one built module under out/<configuration>/AzBackupTroubleshoot/, found $($built.Count): build one, or set AZBT_MODULE_PATH." }
    $built[0].FullName
}
$Sample = Join-Path $RepoRoot 'docs/samples/az-backup-job-list.json'
Import-Module -Name $ModuleManifest -Force -ErrorAction Stop
