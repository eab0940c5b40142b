#Requires -Version 7.2
<#
.SYNOPSIS
    Builds AzBackupTroubleshoot, lays out the module, runs the tests and optionally packs it for a PowerShell gallery.

.DESCRIPTION
    1. dotnet build of the solution (warnings are errors); the cmdlet project's LayOutModule target writes the
       ready-to-import module to out/AzBackupTroubleshoot/<version>/.
    2. dotnet test of the solution; TRX results in out/reports/.
    3. Pester 5, when installed, against the built module in a child pwsh; NUnit XML in out/reports/pester.xml.
    4. With -Package: out/package/AzBackupTroubleshoot.<version>.nupkg, laid out as PowerShell galleries expect
       (module files at the package root, the manifest's metadata in the nuspec). It is made by dotnet pack from a
       nuspec generated from the manifest, so the version, description and tags have one source: the .psd1.
       Publish with: Publish-PSResource -NupkgPath out/package/<file>.nupkg -Repository <gallery> -ApiKey <key>

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Configuration Debug -SkipTests -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Build and lay out only.
    [switch] $SkipTests,

    # Also make the gallery package.
    [switch] $Package
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$solution = Join-Path $root 'AzBackupTroubleshoot.sln'
$manifestPath = Join-Path $root 'module/AzBackupTroubleshoot.psd1'
$manifest = Import-PowerShellDataFile -Path $manifestPath
$moduleDir = Join-Path $root "out/AzBackupTroubleshoot/$($manifest.ModuleVersion)"
$reports = Join-Path $root 'out/reports'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

Invoke-Native 'build' { dotnet build $solution --configuration $Configuration -warnaserror }
if (-not (Test-Path -LiteralPath (Join-Path $moduleDir 'AzBackupTroubleshoot.psd1'))) {
    throw "The build did not lay out the module in $moduleDir."
}

if (-not $SkipTests) {
    $null = New-Item -ItemType Directory -Path $reports -Force
    Invoke-Native 'dotnet test' {
        dotnet test $solution --configuration $Configuration --no-build --results-directory $reports --logger 'trx' --logger 'console;verbosity=normal'
    }

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version]'5.0.0') | Sort-Object Version -Descending | Select-Object -First 1
    if ($pester) {
        # A child process, so the module under test is not locked into this session.
        $script = {
            param($pesterPath, $testPath, $reportPath, $modulePath)
            Import-Module $pesterPath
            $env:AZBT_MODULE_PATH = $modulePath
            $config = New-PesterConfiguration
            $config.Run.Path = $testPath
            $config.Run.Exit = $true
            $config.TestResult.Enabled = $true
            $config.TestResult.OutputFormat = 'NUnitXml'
            $config.TestResult.OutputPath = $reportPath
            $config.Output.Verbosity = 'Detailed'
            Invoke-Pester -Configuration $config
        }
        Invoke-Native "Pester $($pester.Version)" {
            pwsh -NoProfile -NonInteractive -Command $script -args $pester.Path, (Join-Path $root 'tests/pester'), (Join-Path $reports 'pester.xml'), $moduleDir
        }
    }
    else {
        Write-Warning 'Pester 5 is not installed: the Pester suites in tests/pester were not run (Install-Module Pester -MinimumVersion 5.0).'
    }
}

if ($Package) {
    $packageDir = Join-Path $root 'out/package'
    $null = New-Item -ItemType Directory -Path $packageDir -Force
    $psData = $manifest.PrivateData.PSData
    $tags = @($psData.Tags) + 'PSModule' + 'PSIncludes_Cmdlet' + ($manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_" })
    $escape = { param($text) [System.Security.SecurityElement]::Escape([string]$text) }
    $nuspecPath = Join-Path $packageDir 'AzBackupTroubleshoot.nuspec'
    @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>AzBackupTroubleshoot</id>
    <version>$($manifest.ModuleVersion)</version>
    <authors>$(& $escape $manifest.Author)</authors>
    <owners>$(& $escape $manifest.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <description>$(& $escape $manifest.Description)</description>
    <releaseNotes>$(& $escape $psData.ReleaseNotes)</releaseNotes>
    <copyright>$(& $escape $manifest.Copyright)</copyright>
    <tags>$(& $escape ($tags -join ' '))</tags>
  </metadata>
  <files>
    <file src="**" target="" />
  </files>
</package>
"@ | Set-Content -LiteralPath $nuspecPath -Encoding utf8NoBOM

    # dotnet pack needs a project to run; the cmdlet project is only the vehicle, the nuspec says what goes in.
    # NU5100: a module's assemblies belong outside lib/, which NuGet would only want for a library package.
    Invoke-Native 'pack' {
        dotnet pack (Join-Path $root 'src/AzBackupTroubleshoot/AzBackupTroubleshoot.csproj') --configuration $Configuration --no-build `
            --output $packageDir "-p:NuspecFile=$nuspecPath" "-p:NuspecBasePath=$moduleDir" '-p:NoDefaultExcludes=true' '-p:NoWarn=NU5100'
    }
    Get-ChildItem -LiteralPath $packageDir -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}
