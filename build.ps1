#Requires -Version 7.2
<#
.SYNOPSIS
    Builds AzBackupTroubleshoot, lays out the module, runs the tests and optionally packs it for a PowerShell gallery.

.DESCRIPTION
    1. dotnet build of the solution (warnings are errors); the cmdlet project's LayOutModule target writes the
       ready-to-import module to out/<configuration>/AzBackupTroubleshoot/<version>/ (the version: Directory.Build.props).
    2. dotnet test of the solution; TRX results in out/reports/.
    3. Pester 5 (installed, or restored from NuGet by the test projects) against the built module in a child pwsh;
       NUnit XML in out/reports/pester.xml. Without Pester the step is skipped with a warning.
    4. With -Package: out/package/AzBackupTroubleshoot.<version>.nupkg, laid out as PowerShell galleries expect
       (module files at the package root, the manifest's metadata in the nuspec). It is made by dotnet pack from a
       nuspec generated from the built manifest, so the version, description and tags have one source each.
       Install it with PSResourceGet from a folder: Register-PSResourceRepository -Name local -Uri out/package -Trusted;
       Install-PSResource AzBackupTroubleshoot -Repository local. Publish it with:
       Publish-PSResource -NupkgPath out/package/<file>.nupkg -Repository <gallery> -ApiKey <key>

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Configuration Debug -SkipTests -Package

.EXAMPLE
    ./build.ps1 -TestFilter KnownIssue
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Build and lay out only.
    [switch] $SkipTests,

    # Run only the tests, xunit and Pester, whose full name contains this text.
    [string] $TestFilter,

    # Also make the gallery package.
    [switch] $Package
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$solution = Join-Path $root 'AzBackupTroubleshoot.sln'
$cmdletProject = Join-Path $root 'src/AzBackupTroubleshoot/AzBackupTroubleshoot.csproj'
$reports = Join-Path $root 'out/reports'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

# The newest Pester 5 among the installed modules and the NuGet packages folder (the test projects restore it there).
function Find-Pester {
    $nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $candidates = @(Get-Module -ListAvailable -Name Pester | ForEach-Object { [pscustomobject]@{ Version = $_.Version; Path = $_.Path } })
    $candidates += @(Get-ChildItem -Path (Join-Path $nugetRoot 'pester/*/tools/Pester.psd1') -ErrorAction Ignore | ForEach-Object {
        [pscustomobject]@{ Version = [version](Import-PowerShellDataFile -LiteralPath $_.FullName).ModuleVersion; Path = $_.FullName }
    })
    $candidates | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
}

# This PowerShell again, in a new process: pwsh itself, or pwsh.dll under dotnet when run as a .NET tool.
function Invoke-ChildPwsh {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        & $process (Join-Path $PSHOME 'pwsh.dll') @args
    }
    else {
        & $process @args
    }
}

# Where the build lays out the module: asked of MSBuild, which owns the path and the version.
$moduleDir = (dotnet msbuild $cmdletProject -nologo -getProperty:ModuleOutputDir "-p:Configuration=$Configuration").Trim()
if ($LASTEXITCODE -ne 0 -or -not $moduleDir) { throw 'MSBuild did not say where the module is laid out.' }

Invoke-Native 'build' { dotnet build $solution --configuration $Configuration -warnaserror }
$manifestPath = Join-Path $moduleDir 'AzBackupTroubleshoot.psd1'
if (-not (Test-Path -LiteralPath $manifestPath)) {
    throw "The build did not lay out the module in $moduleDir."
}
$manifest = Import-PowerShellDataFile -Path $manifestPath
Write-Host "Module $($manifest.ModuleVersion): $moduleDir"

if (-not $SkipTests) {
    $null = New-Item -ItemType Directory -Path $reports -Force
    $filter = if ($TestFilter) { @('--filter', "FullyQualifiedName~$TestFilter") } else { @() }
    Invoke-Native 'dotnet test' {
        dotnet test $solution --configuration $Configuration --no-build --results-directory $reports --logger 'trx' --logger 'console;verbosity=normal' @filter
    }

    $pester = Find-Pester
    if ($pester) {
        # A child process, so the module under test is not locked into this session; TestModule.ps1 finds the module
        # through AZBT_MODULE_PATH. pester.xml, not the xunit runner's pester-suites.xml: both may run at once.
        $suites = @('-File', (Join-Path $root 'tests/pester/Invoke-PesterSuites.ps1'), '-PesterModule', $pester.Path, '-ResultPath', (Join-Path $reports 'pester.xml'))
        if ($TestFilter) { $suites += @('-Filter', $TestFilter) }
        $userModulePath = $env:AZBT_MODULE_PATH
        $env:AZBT_MODULE_PATH = $moduleDir
        try {
            Invoke-Native "Pester $($pester.Version) ($($pester.Path))" { Invoke-ChildPwsh -NoProfile -NonInteractive @suites }
        }
        finally {
            $env:AZBT_MODULE_PATH = $userModulePath
        }
    }
    else {
        Write-Warning ('Pester 5 was not found, so the Pester suites in tests/pester were NOT run. It is looked for among the installed ' +
            'modules and in the NuGet packages folder: run dotnet restore (the test projects download Pester) or Install-PSResource Pester.')
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
    # NU5110/NU5111: the guest scripts are files the module ships, not NuGet install hooks.
    Invoke-Native 'pack' {
        dotnet pack $cmdletProject --configuration $Configuration --no-build `
            --output $packageDir "-p:NuspecFile=$nuspecPath" "-p:NuspecBasePath=$moduleDir" '-p:NoDefaultExcludes=true' '-p:NoWarn=NU5100%3BNU5110%3BNU5111'
    }
    Write-Host "Package: $(Join-Path $packageDir "AzBackupTroubleshoot.$($manifest.ModuleVersion).nupkg")"
}
