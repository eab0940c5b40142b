#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Get-AzBackupFailureDiagnosis reading failed jobs from the fake ARM and judging causes on the VM's state.
BeforeDiscovery {
    $cases = @(
        @{ Scenario = 'B4-locked-restore-point-group'; KnowledgeId = 'B4'; Cause = 'lock-blocks-cleanup'; Evidence = "lock 'backup-rg-do-not-delete' (CanNotDelete)" }
        @{ Scenario = 'A12-vm-deleted'; KnowledgeId = 'A12'; Cause = 'vm-deleted'; Evidence = "ARM answered 404 for VM 'vm-gone12'" }
        @{ Scenario = 'B10-backup-in-progress'; KnowledgeId = 'B10'; Cause = 'job-in-progress'; Evidence = 'is InProgress' }
        @{ Scenario = 'B12-protection-stopped'; KnowledgeId = 'B12'; Cause = 'protection-not-active'; Evidence = 'ProtectionStopped' }
    )
}

Describe 'Get-AzBackupFailureDiagnosis against Azure' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $fakes = Start-FakeArm -Scenario 'B4-locked-restore-point-group', 'A12-vm-deleted', 'B10-backup-in-progress', 'B12-protection-stopped'
        $run = Invoke-LiveScript $fakes @'
foreach ($name in $arms.Keys) {
    [pscustomobject]@{ Step = $name; Diagnoses = @(Get-AzBackupFailureDiagnosis -ResourceId $vms[$name] -ArmEndpoint $arms[$name]) }
}
$b4 = 'B4-locked-restore-point-group'
[pscustomobject]@{ Step = 'by name'; Diagnoses = @(Get-AzBackupFailureDiagnosis -VMName vm-app24 -ResourceGroupName rg-app -ArmEndpoint $arms[$b4]) }
$all = @(Get-AzBackupFailureDiagnosis -All -ArmEndpoint $arms[$b4])
[pscustomobject]@{ Step = 'all'; Diagnoses = $all }
[pscustomobject]@{ Step = 'vault piped'; Diagnoses = @([pscustomobject]@{ ID = $all[0].VaultId; Name = 'vault'; ResourceGroupName = 'rg' } | Get-AzBackupFailureDiagnosis -ArmEndpoint $arms[$b4]) }
[pscustomobject]@{ Step = 'since later'; Diagnoses = @(Get-AzBackupFailureDiagnosis -ResourceId $vms[$b4] -Since ([DateTime]::UtcNow.AddMinutes(1)) -ArmEndpoint $arms[$b4]) }
'@
        function Step([string] $Name) { ($run.Output | Where-Object Step -EQ $Name).Diagnoses }
    }
    AfterAll { Stop-FakeArm }

    It 'writes no error' {
        $run.Errors | Should -BeNullOrEmpty
    }

    It '<Scenario>: <KnowledgeId> with <Cause> confirmed by its evidence' -ForEach $cases {
        $vm = ($fakes | Where-Object Name -EQ $Scenario).VmUnderTest
        $diagnosis = @(Step $Scenario | Where-Object KnowledgeId -EQ $KnowledgeId)
        $diagnosis.Count | Should -Be 1
        $diagnosis[0].VmId | Should -Be $vm
        $diagnosis[0].Count | Should -BeGreaterThan 0
        $confirmed = $diagnosis[0].Causes | Where-Object Id -EQ $Cause
        $confirmed.Status | Should -Be 'Confirmed'
        ($confirmed.Evidence -join "`n") | Should -BeLike "*$Evidence*"
    }

    It 'finds the same diagnosis by VM name, for the whole subscription and from a vault on the pipeline' {
        (Step 'by name').KnowledgeId | Should -Contain 'B4'
        (Step 'all').KnowledgeId | Should -Be 'B4'
        (Step 'vault piped').KnowledgeId | Should -Be 'B4'
        (Step 'vault piped').JobIds | Should -Be (Step 'all').JobIds
    }

    It 'finds nothing with -Since later than every job' {
        Step 'since later' | Where-Object KnowledgeId -EQ 'B4' | Should -BeNullOrEmpty
    }

    It 'only read: no request changed Azure' {
        foreach ($fake in $fakes) { Get-FakeArmWrite $fake | Should -BeNullOrEmpty }
    }
}
