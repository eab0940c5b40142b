#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The readiness gate users copy into their pipelines (docs/examples/BackupReadiness.Tests.ps1), run as the pipeline
# runs it: Invoke-Pester in its own pwsh, the module imported by name, signed in through the Az context, here against
# the fake ARM (the one difference: -ArmEndpoint comes from $PSDefaultParameterValues).
Describe 'The readiness gate example' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $fakes = Start-FakeArm -Scenario 'healthy-windows', 'B4-restore-point-limit'
        $modules = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $ModuleManifest))
        $environment = @{
            GATE_EXAMPLE = Join-Path $RepoRoot 'docs/examples/BackupReadiness.Tests.ps1'
            GATE_PESTER  = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
            PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
        }
        $run = Invoke-LiveScript $fakes @'
Import-Module $env:GATE_PESTER
function Invoke-Gate([string] $Name, [string] $Fake, [hashtable] $Data) {
    $global:PSDefaultParameterValues['Test-AzVmBackupReadiness:ArmEndpoint'] = $arms[$Fake]
    $folder = New-Item -ItemType Directory -Path (Join-Path $PWD $Name)
    Push-Location $folder
    try {
        $configuration = New-PesterConfiguration
        $configuration.Run.Container = New-PesterContainer -Path $env:GATE_EXAMPLE -Data $Data
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'None'
        $result = Invoke-Pester -Configuration $configuration
        [pscustomobject]@{
            Name    = $Name
            Result  = $result.Result
            Passed  = $result.PassedCount
            Failed  = $result.FailedCount
            Message = @($result.Failed | ForEach-Object { $_.ErrorRecord | ForEach-Object { $_.Exception.Message } }) -join "`n"
            Report  = Join-Path $folder 'reports/backup-readiness.xml'
        }
    } finally {
        Pop-Location
    }
}
$ready = $vms['healthy-windows'] -split '/'
Invoke-Gate 'ready' 'healthy-windows' @{ SubscriptionId = $ready[2]; ResourceGroupName = $ready[4] }
$failing = $vms['B4-restore-point-limit'] -split '/'
Invoke-Gate 'not ready' 'B4-restore-point-limit' @{ SubscriptionId = $failing[2]; ResourceGroupName = $failing[4]; VMName = $failing[8] }
# One result per rule of the catalog, counted by the cmdlet itself.
[pscustomobject]@{ Name = 'rules'; Count = @(Test-AzVmBackupReadiness -ResourceId $vms['B4-restore-point-limit'] -ArmEndpoint $arms['B4-restore-point-limit']).Count }
'@ -Environment $environment
        function Gate([string] $Name) { $run.Output | Where-Object Name -EQ $Name }
    }
    AfterAll { Stop-FakeArm }

    It 'runs without errors' {
        $run.Errors | Should -BeNullOrEmpty
        @($run.Output).Count | Should -Be 3
    }

    It 'passes for a resource group whose VMs are all ready, and writes the JUnit report' {
        (Gate 'ready').Result | Should -Be 'Passed'
        (Gate 'ready').Passed | Should -Be 1
        [xml] $junit = Get-Content -LiteralPath (Gate 'ready').Report -Raw
        @($junit.SelectNodes('//testcase')).Count | Should -BeGreaterOrEqual (Gate 'rules').Count
        $junit.SelectNodes('//failure').Count | Should -Be 0
    }

    It 'fails for a listed VM that is not ready, naming the rule, and the report has the failure' {
        (Gate 'not ready').Result | Should -Be 'Failed'
        (Gate 'not ready').Failed | Should -Be 1
        (Gate 'not ready').Message | Should -Match 'RestorePoint\.Limit'
        [xml] $junit = Get-Content -LiteralPath (Gate 'not ready').Report -Raw
        (Gate 'rules').Count | Should -BeGreaterThan 0
        @($junit.SelectNodes('//testcase')).Count | Should -Be (Gate 'rules').Count
        $junit.SelectNodes('//failure').Count | Should -Be 1
    }

    It 'signed in through the Az context on every request' {
        foreach ($fake in $fakes) {
            Get-FakeArmRequest $fake | Where-Object path -Like '/subscriptions/*' | Should -Not -BeNullOrEmpty
            Get-FakeArmRequest $fake | Where-Object errorCode -EQ 'AuthenticationFailed' | Should -BeNullOrEmpty
        }
    }
}
