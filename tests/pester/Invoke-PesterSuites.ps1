# Runs every Pester suite in this folder against the built module (TestModule.ps1 says which) and writes the NUnit XML
# report. Prints each failed test, block and file with its error, and exits 1 when anything failed. The one Pester
# configuration: the xunit runner and build.ps1's test step both call this script.
param(
    # Pester.psd1 of Pester 5 (the xunit runner passes the one restored from NuGet).
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Only the tests whose full name contains this text (build.ps1 -TestFilter).
    [string] $Filter
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterModule -ErrorAction Stop
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $ResultPath)
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
if ($Filter) { $configuration.Filter.FullName = "*$Filter*" }
$result = Invoke-Pester -Configuration $configuration

function Format-Failure([string] $Name, $ErrorRecords) {
    "FAILED: $Name"
    foreach ($record in @($ErrorRecords)) { '    ' + ($record.Exception.Message -replace "`n", "`n    ") }
}
$failures = @(
    foreach ($test in $result.Failed) { Format-Failure $test.ExpandedPath $test.ErrorRecord }
    foreach ($block in $result.FailedBlocks) { Format-Failure $block.ExpandedPath $block.ErrorRecord }
    foreach ($container in $result.FailedContainers) { Format-Failure $container.Item $container.ErrorRecord }
)
$failures
"Pester suites: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped; report: $ResultPath"
exit $(if ($failures.Count -gt 0 -or $result.Result -ne 'Passed') { 1 } else { 0 })
