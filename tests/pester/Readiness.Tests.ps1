#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Test-AzVmBackupReadiness in a child pwsh against the fake ARM, one fake per scenario, all judged in one child run.
BeforeDiscovery {
    $scenarios = @(
        @{ Scenario = 'healthy-windows'; Verdict = 'Ready'; Rule = $null }
        @{ Scenario = 'healthy-linux'; Verdict = 'Ready'; Rule = $null }
        @{ Scenario = 'A3-transitional-state'; Verdict = 'NotReady'; Rule = 'VM.PowerState' }
        @{ Scenario = 'A9-extension-deleting'; Verdict = 'NotReady'; Rule = 'Extension.BackupHealthy' }
        @{ Scenario = 'A12-vm-deleted'; Verdict = 'NotReady'; Rule = 'VM.Exists' }
        @{ Scenario = 'A14-no-agent'; Verdict = 'NotReady'; Rule = 'Agent.Installed' }
        @{ Scenario = 'A18-deny-policy'; Verdict = 'NotReady'; Rule = 'Policy.NoDeny' }
        @{ Scenario = 'B1-agent-not-ready'; Verdict = 'NotReady'; Rule = 'Agent.Ready' }
        @{ Scenario = 'B3-provisioning-failed'; Verdict = 'NotReady'; Rule = 'VM.ProvisioningState' }
        @{ Scenario = 'B4-locked-restore-point-group'; Verdict = 'NotReady'; Rule = 'RestorePoint.GroupUnlocked' }
        @{ Scenario = 'B4-restore-point-limit'; Verdict = 'NotReady'; Rule = 'RestorePoint.Limit' }
        @{ Scenario = 'B5-keyvault-no-access'; Verdict = 'NotReady'; Rule = 'Encryption.KeyVaultAccess' }
        @{ Scenario = 'B9-disk-too-large'; Verdict = 'NotReady'; Rule = 'Disk.SizeSupported' }
        @{ Scenario = 'B10-backup-in-progress'; Verdict = 'ReadyWithWarnings'; Rule = $null }
        @{ Scenario = 'B12-protection-stopped'; Verdict = 'NotReady'; Rule = 'Protection.Active' }
        @{ Scenario = 'C12-old-windows-agent'; Verdict = 'NotReady'; Rule = 'Agent.WindowsVersion' }
    )
}

Describe 'Test-AzVmBackupReadiness -Summary on every scenario' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $shipped = @(Get-ChildItem -Path (Join-Path $RepoRoot 'tests/AzBackupTroubleshoot.FakeArm/Scenarios/*.json') | ForEach-Object BaseName)
        $fakes = Start-FakeArm -Scenario $shipped
        $run = Invoke-LiveScript $fakes 'foreach ($name in $arms.Keys) { Test-AzVmBackupReadiness -ResourceId $vms[$name] -ArmEndpoint $arms[$name] -Summary }'
    }
    AfterAll { Stop-FakeArm }

    It 'covers every scenario the fake ARM ships' -ForEach @(@{ Covered = $scenarios.Scenario }) {
        $shipped | Sort-Object | Should -Be ($Covered | Sort-Object)
    }

    It '<Scenario> is <Verdict>' -ForEach $scenarios {
        $vm = ($fakes | Where-Object Name -EQ $Scenario).VmUnderTest
        $summary = @($run.Output | Where-Object VmId -EQ $vm)
        $summary.Count | Should -Be 1
        $summary[0].Verdict | Should -Be $Verdict
        if ($Rule) { $summary[0].FailedRuleIds | Should -Contain $Rule } else { $summary[0].FailedRuleIds | Should -BeNullOrEmpty }
        if ($Verdict -eq 'ReadyWithWarnings') { $summary[0].Warnings | Should -BeGreaterThan 0 }
    }

    It 'writes VmNotFound (ObjectNotFound) for the deleted VM, and only for it' {
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'VmNotFound,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand'
        $run.Errors[0].Category | Should -Be 'ObjectNotFound'
        $run.Errors[0].TargetObject | Should -Be ($fakes | Where-Object Name -EQ 'A12-vm-deleted').VmUnderTest
    }

    It 'signed in through the Az context: every resource request carried its token' {
        foreach ($fake in $fakes) {
            $requests = Get-FakeArmRequest $fake
            $requests | Where-Object path -Like '/subscriptions/*' | Should -Not -BeNullOrEmpty
            $requests | Where-Object errorCode -EQ 'AuthenticationFailed' | Should -BeNullOrEmpty
        }
    }
}

Describe 'Test-AzVmBackupReadiness reports, -Assert and inputs' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $fakes = Start-FakeArm -Scenario 'B4-restore-point-limit', 'healthy-linux'
        $reports = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'reports')).FullName
        $run = Invoke-LiveScript $fakes @'
$failing = $vms['B4-restore-point-limit']
foreach ($format in 'JUnit', 'NUnit', 'Json', 'Markdown') {
    $null = Test-AzVmBackupReadiness -ResourceId $failing -ArmEndpoint $arm -OutputFormat $format -OutputPath (Join-Path $env:REPORTS "readiness.$format")
}
[pscustomobject]@{ Step = 'piped'; Summary = [pscustomobject]@{ Id = $failing; Name = 'vm-app25'; ResourceGroupName = 'rg-app' } | Test-AzVmBackupReadiness -ArmEndpoint $arm -Summary }
[pscustomobject]@{ Step = 'resource group'; Summary = @(Test-AzVmBackupReadiness -ResourceGroupName rg-app -ArmEndpoint $arm -Summary) }
[pscustomobject]@{ Step = 'healthy with -Assert'; Summary = Test-AzVmBackupReadiness -ResourceId $vms['healthy-linux'] -ArmEndpoint $arms['healthy-linux'] -Summary -Assert }
Test-AzVmBackupReadiness -ResourceId $failing -ArmEndpoint $arm -Summary -Assert | Out-Null
[pscustomobject]@{ Step = 'after the failing -Assert' }
'@ -Environment @{ REPORTS = $reports }
        function Step([string] $Name) { $run.Output | Where-Object Step -EQ $Name }
        # One result per rule of the catalog: the piped run's summary of the same VM counts them.
        $piped = (Step 'piped').Summary
        $ruleCount = $piped.Passed + $piped.Warnings + $piped.Failed + $piped.NotApplicable + $piped.Unknown
    }
    AfterAll { Stop-FakeArm }

    It 'writes a JUnit report with one test case per rule and the failure' {
        [xml] $junit = Get-Content -LiteralPath (Join-Path $reports 'readiness.JUnit') -Raw
        $junit.DocumentElement.LocalName | Should -Be 'testsuites'
        $cases = @($junit.SelectNodes('//testcase'))
        $ruleCount | Should -BeGreaterThan 0
        $cases.Count | Should -Be $ruleCount
        $failed = @($cases | Where-Object { $_.SelectSingleNode('failure') })
        $failed.Count | Should -Be 1
        $failed[0].OuterXml | Should -Match 'RestorePoint\.Limit'
    }

    It 'writes an NUnit report with the failed rule' {
        [xml] $nunit = Get-Content -LiteralPath (Join-Path $reports 'readiness.NUnit') -Raw
        $cases = @($nunit.SelectNodes('//test-case'))
        $cases.Count | Should -Be $ruleCount
        $failed = @($cases | Where-Object { $_.result -in 'Failure', 'Failed' })
        $failed.Count | Should -Be 1
        $failed[0].OuterXml | Should -Match 'RestorePoint\.Limit'
    }

    It 'writes a JSON report with the verdict' {
        $json = Get-Content -LiteralPath (Join-Path $reports 'readiness.Json') -Raw | ConvertFrom-Json
        $json.vms[0].verdict | Should -Be 'NotReady'
    }

    It 'writes a Markdown report naming the failed rule' {
        $markdown = Get-Content -LiteralPath (Join-Path $reports 'readiness.Markdown') -Raw
        $markdown | Should -Match '(?m)^\|'
        $markdown | Should -Match 'RestorePoint\.Limit'
    }

    It 'binds Get-AzVM objects from the pipeline' {
        (Step 'piped').Summary.Verdict | Should -Be 'NotReady'
        (Step 'piped').Summary.FailedRuleIds | Should -Contain 'RestorePoint.Limit'
    }

    It 'judges every VM of a resource group' {
        $summaries = (Step 'resource group').Summary
        @($summaries).Count | Should -BeGreaterOrEqual 2
        $summaries.VmId | Should -Contain ($fakes[0].VmUnderTest)
    }

    It '-Assert passes a ready VM and ends the run with ReadinessAssertionFailed for a failing one' {
        (Step 'healthy with -Assert').Summary.Verdict | Should -Be 'Ready'
        Step 'after the failing -Assert' | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ReadinessAssertionFailed,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand'
        $run.Errors[0].Message | Should -Match 'RestorePoint\.Limit'
    }

    It 'refuses a malformed id with InvalidVmResourceId before any request' {
        Clear-FakeArmRequest $fakes[0]
        $refused = Invoke-LiveScript $fakes[0] "Test-AzVmBackupReadiness -ResourceId 'vm1' -ArmEndpoint `$arm"
        $refused.Errors.FullyQualifiedErrorId | Should -Be 'InvalidVmResourceId,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand'
        $refused.Errors.Category | Should -Be 'InvalidArgument'
        Get-FakeArmRequest $fakes[0] | Where-Object path -Like '*Microsoft.*' | Should -BeNullOrEmpty
    }
}
