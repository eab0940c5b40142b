# Dot-sourced by the live suites. The fake ARM runs as its own process (tests/AzBackupTroubleshoot.FakeArm.Server);
# the module talks to it from a child pwsh whose environment alone names the fake's certificate in SSL_CERT_FILE, so
# no certificate store of the user or the machine is touched and this session trusts nothing new.
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'TestModule.ps1')
$FakeSubscriptionId = '2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21'
# Every fake started in the scope that dot-sourced this file; Stop-FakeArm (in AfterAll) stops them all.
$StartedFakes = [System.Collections.Generic.List[object]]::new()

# How to start a .NET program and this same pwsh: through the dotnet host when pwsh runs as a .NET tool.
function Get-DotnetHost {
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { return [Environment]::ProcessPath }
    (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop)[0].Source
}

# A child pwsh: this same one.
function New-ChildProcessInfo([string[]] $Arguments) {
    $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start
}

function Get-FakeArmServerPath {
    if ($env:AZBT_FAKE_ARM_SERVER) { return $env:AZBT_FAKE_ARM_SERVER }
    $built = @(Get-ChildItem -Path (Join-Path $RepoRoot 'tests/AzBackupTroubleshoot.FakeArm.Server/bin/*/*/AzBackupTroubleshoot.FakeArm.Server.dll') -ErrorAction Ignore |
            Sort-Object LastWriteTimeUtc -Descending)
    if ($built.Count -eq 0) { throw 'Build tests/AzBackupTroubleshoot.FakeArm.Server first, or set AZBT_FAKE_ARM_SERVER.' }
    $built[0].FullName
}

# Starts one fake ARM per scenario (or one with a generated fleet), all at once; returns them once they all listen,
# each with its Name, Endpoint, VmUnderTest and CertificateFile.
function Start-FakeArm {
    [CmdletBinding(DefaultParameterSetName = 'Scenario')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Scenario')] [string[]] $Scenario,
        [Parameter(Mandatory, ParameterSetName = 'Fleet')] [int] $Fleet
    )
    $worlds = if ($PSCmdlet.ParameterSetName -eq 'Scenario') {
        $Scenario | ForEach-Object { [pscustomobject]@{ Name = $_; Arguments = '--scenario', $_ } }
    } else {
        [pscustomobject]@{ Name = "fleet-$Fleet"; Arguments = '--fleet', "$Fleet" }
    }
    $starting = foreach ($world in $worlds) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive ('fake-arm-' + [guid]::NewGuid().ToString('n')))
        $start = [System.Diagnostics.ProcessStartInfo]::new((Get-DotnetHost))
        $arguments = @((Get-FakeArmServerPath)) + $world.Arguments +
            @('--port-file', (Join-Path $folder 'port'), '--certificate-file', (Join-Path $folder 'certificate.pem'))
        foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $fake = [pscustomobject]@{ Name = $world.Name; Folder = $folder.FullName; Process = [System.Diagnostics.Process]::Start($start) }
        $StartedFakes.Add($fake)
        $fake
    }
    foreach ($fake in $starting) {
        $ready = $fake.Process.StandardOutput.ReadLine()
        if ($null -eq $ready -or -not $ready.StartsWith('listening ')) {
            $fake.Process.WaitForExit()
            throw "The fake ARM for $($fake.Name) did not start (exit code $($fake.Process.ExitCode))."
        }
        [pscustomobject]@{
            Name            = $fake.Name
            Process         = $fake.Process
            Endpoint        = 'https://127.0.0.1:{0}/' -f (Get-Content -LiteralPath (Join-Path $fake.Folder 'port') -Raw).Trim()
            CertificateFile = Join-Path $fake.Folder 'certificate.pem'
            VmUnderTest     = Send-FakeArmCommand $fake 'vm-under-test'
        }
    }
}

# Closes the standard input of every fake this suite started, which stops it.
function Stop-FakeArm {
    foreach ($fake in @($StartedFakes | Where-Object { -not $_.Process.HasExited })) {
        $fake.Process.StandardInput.Close()
        $fake.Process.WaitForExit()
    }
}

function Send-FakeArmCommand($Arm, [string] $Command) {
    $Arm.Process.StandardInput.WriteLine($Command)
    $Arm.Process.StandardInput.Flush()
    $Arm.Process.StandardOutput.ReadLine()
}

# Every request the fake answered, in order: method, path, query, status, errorCode.
function Get-FakeArmRequest($Arm) { @(Send-FakeArmCommand $Arm 'requests' | ConvertFrom-Json) }

function Clear-FakeArmRequest($Arm) { $null = Send-FakeArmCommand $Arm 'clear' }

# Requests that change Azure (the backup status query is a POST that only reads).
function Get-FakeArmWrite($Arm) {
    @(Get-FakeArmRequest $Arm | Where-Object { $_.method -in 'PUT', 'DELETE', 'PATCH' -or ($_.method -eq 'POST' -and $_.path -notlike '*/backupStatus') })
}

# Runs a script in a child pwsh with the module imported, signed in through the Az context stand-ins, trusting the
# given fakes (their certificates bundled in SSL_CERT_FILE). The script sees the first fake's address as $arm, and
# each fake's address and VM under test by name in $arms and $vms. Returns what each stream got: Output, Errors,
# Verbose, Warnings.
function Invoke-LiveScript($Arm, [string] $Script, [hashtable] $Environment = @{}) {
    $run = Join-Path $TestDrive ('live-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $run
    $bundle = Join-Path $run 'certificates.pem'
    Set-Content -LiteralPath $bundle -Value ($Arm | ForEach-Object { Get-Content -LiteralPath $_.CertificateFile -Raw })
    $resultPath = Join-Path $run 'result.json'
    $start = New-ChildProcessInfo @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'LiveChild.ps1'), '-Script', $Script, '-ResultPath', $resultPath)
    $start.WorkingDirectory = $run
    $start.Environment['SSL_CERT_FILE'] = $bundle
    $start.Environment['AZBT_FAKE_ARMS'] = ConvertTo-Json -Compress -InputObject @($Arm | Select-Object Name, Endpoint, VmUnderTest)
    $start.Environment['AZBT_MODULE_PATH'] = $ModuleManifest
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $child = [System.Diagnostics.Process]::Start($start)
    $errors = $child.StandardError.ReadToEndAsync()
    $output = $child.StandardOutput.ReadToEnd()
    $child.WaitForExit()
    if (-not (Test-Path -LiteralPath $resultPath)) {
        throw "The child pwsh wrote no result (exit code $($child.ExitCode)).`n$output`n$($errors.GetAwaiter().GetResult())"
    }
    Get-Content -LiteralPath $resultPath -Raw | ConvertFrom-Json
}
