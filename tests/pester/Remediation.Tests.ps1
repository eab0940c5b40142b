#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Clear-AzRestorePointCollection and Repair-AzVmBackupExtension changing the fake ARM, checked in its request log
# and by reading the resources back. B4: vm-app24's 18 restore points sit in AzureBackupRG_eastus_1 under a
# CanNotDelete lock.
Describe 'Clear-AzRestorePointCollection' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $group = "/subscriptions/$FakeSubscriptionId/resourceGroups/AzureBackupRG_eastus_1"
        $lockId = "$group/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete"
        $collectionId = "$group/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app24_3932916627"
        $readBack = @{ LOCK_ID = $lockId; COLLECTION_ID = $collectionId }
        # Reads the lock and the collection back, as the fake serves them.
        $readBackScript = @'
function Read-Back([string] $Id) {
    $response = Invoke-WebRequest -Uri ($arm + $Id.TrimStart('/') + '?api-version=2023-07-01') -Headers @{ Authorization = 'Bearer fake-token' } -SkipHttpErrorCheck
    [pscustomobject]@{ Status = [int] $response.StatusCode; Body = if ($response.StatusCode -eq 200) { $response.Content | ConvertFrom-Json } else { $null } }
}
'@
        $fakes = Start-FakeArm -Scenario 'B4-locked-restore-point-group'
    }
    AfterAll { Stop-FakeArm }

    It 'without -RemoveLock writes RestorePointLockPresent naming the lock, and -WhatIf plans lock, delete and re-lock; nothing is written' {
        Clear-FakeArmRequest $fakes
        $run = Invoke-LiveScript $fakes @'
Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm -Confirm:$false
Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm -RemoveLock -WhatIf -Verbose
'@
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'RestorePointLockPresent,*'
        $run.Errors[0].Category | Should -Be 'ResourceBusy'
        $run.Errors[0].Message | Should -BeLike "*'backup-rg-do-not-delete' (CanNotDelete)*"
        $remove = [array]::FindIndex([string[]] $run.Verbose, [Predicate[string]] { param($v) $v -like "Record and remove lock 'backup-rg-do-not-delete'*" })
        $delete = [array]::FindIndex([string[]] $run.Verbose, [Predicate[string]] { param($v) $v -like "Delete restore point collection 'AzureBackup_vm-app24_3932916627'*(18 restore points)*" })
        $restore = [array]::FindIndex([string[]] $run.Verbose, [Predicate[string]] { param($v) $v -like "Re-create lock 'backup-rg-do-not-delete'*" })
        $remove | Should -BeGreaterOrEqual 0
        $delete | Should -BeGreaterThan $remove
        $restore | Should -BeGreaterThan $delete
        Get-FakeArmWrite $fakes | Should -BeNullOrEmpty
    }

    It 'with -RemoveLock lifts the lock, deletes the VM''s collection and puts the lock back as it was' {
        Clear-FakeArmRequest $fakes
        $run = Invoke-LiveScript $fakes ($readBackScript + @'
[pscustomobject]@{ Step = 'before'; Lock = Read-Back $env:LOCK_ID; Collection = Read-Back $env:COLLECTION_ID }
[pscustomobject]@{ Step = 'cleanup'; Result = @(Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm -RemoveLock -Confirm:$false -PassThru) }
[pscustomobject]@{ Step = 'after'; Lock = Read-Back $env:LOCK_ID; Collection = Read-Back $env:COLLECTION_ID }
'@) -Environment $readBack
        $before = $run.Output | Where-Object Step -EQ 'before'
        $after = $run.Output | Where-Object Step -EQ 'after'
        $cleanup = ($run.Output | Where-Object Step -EQ 'cleanup').Result

        $run.Errors | Should -BeNullOrEmpty
        $cleanup.Succeeded | Should -Be $true
        $cleanup.Action | Should -Be 'DeleteCollection'
        $before.Collection.Status | Should -Be 200
        $after.Collection.Status | Should -Be 404
        $after.Lock.Status | Should -Be 200
        $after.Lock.Body.properties.level | Should -Be 'CanNotDelete'
        ConvertTo-Json -Depth 8 -InputObject $after.Lock.Body | Should -Be (ConvertTo-Json -Depth 8 -InputObject $before.Lock.Body)
        $writes = Get-FakeArmWrite $fakes | ForEach-Object { "$($_.method) $($_.path)" }
        $writes | Should -Be @("DELETE $lockId", "DELETE $collectionId", "PUT $lockId")
    }
}

Describe 'Repair-AzVmBackupExtension' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $fakes = Start-FakeArm -Scenario 'A9-extension-deleting', 'B1-agent-not-ready'
        $run = Invoke-LiveScript $fakes @'
$stuck = 'A9-extension-deleting'
[pscustomobject]@{ Step = 'repair'; Result = Repair-AzVmBackupExtension -ResourceId $vms[$stuck] -ArmEndpoint $arms[$stuck] -Confirm:$false -PassThru }
$extensions = Invoke-RestMethod -Uri ($arms[$stuck] + $vms[$stuck].TrimStart('/') + '/extensions?api-version=2024-07-01') -Headers @{ Authorization = 'Bearer fake-token' }
[pscustomobject]@{ Step = 'extensions after'; Names = @($extensions.value | ForEach-Object name) }
Repair-AzVmBackupExtension -ResourceId $vms['B1-agent-not-ready'] -ArmEndpoint $arms['B1-agent-not-ready'] -Confirm:$false
'@
    }
    AfterAll { Stop-FakeArm }

    It 'removes the VMSnapshot extension stuck in deletion (A9), with one DELETE' {
        ($run.Output | Where-Object Step -EQ 'repair').Result.RemovedExtensions | Should -Be 'VMSnapshot'
        ($run.Output | Where-Object Step -EQ 'extensions after').Names | Should -Not -Contain 'VMSnapshot'
        (Get-FakeArmWrite $fakes[0] | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be "DELETE $($fakes[0].VmUnderTest)/extensions/VMSnapshot"
    }

    It 'refuses while the VM agent is not Ready (B1), writing nothing' {
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'BackupExtensionRepairRefused,*'
        $run.Errors[0].Category | Should -Be 'InvalidOperation'
        Get-FakeArmWrite $fakes[1] | Should -BeNullOrEmpty
    }
}

# What a run killed after lifting a lock leaves behind: its journal, and the lock gone. B4's lock has notes and an owner.
Describe 'Restore-AzBackupLock' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'FakeArm.ps1')
        $fakes = Start-FakeArm -Scenario 'B4-locked-restore-point-group'
        $lockId = "/subscriptions/$FakeSubscriptionId/resourceGroups/AzureBackupRG_eastus_1/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete"
        $run = Invoke-LiveScript $fakes @'
$lockUri = $arm + $env:LOCK_ID.TrimStart('/') + '?api-version=2020-05-01'
$headers = @{ Authorization = 'Bearer fake-token' }
$before = Invoke-RestMethod -Uri $lockUri -Headers $headers
$journal = Join-Path $PWD 'killed-run.json'
ConvertTo-Json -Depth 5 -InputObject ([ordered]@{
    version = 1; recordedAt = '2025-03-01T02:00:00+00:00'; vmId = [string] @($vms.Values)[0]; action = 'DeleteCollection'; deleting = @()
    locks = @([ordered]@{ id = $before.id; scope = $before.id -replace '/providers/Microsoft.Authorization/locks/.*$'; name = $before.name
        level = $before.properties.level; notes = $before.properties.notes; owners = @($before.properties.owners | ForEach-Object applicationId) })
}) | Set-Content -LiteralPath $journal
$null = Invoke-WebRequest -Method Delete -Uri $lockUri -Headers $headers
[pscustomobject]@{ Step = 'whatif'; Result = @(Restore-AzBackupLock -Path $journal -ArmEndpoint $arm -WhatIf); Gone = (Invoke-WebRequest -Uri $lockUri -Headers $headers -SkipHttpErrorCheck).StatusCode }
[pscustomobject]@{ Step = 'restore'; Result = @(Restore-AzBackupLock -Path $journal -ArmEndpoint $arm -Confirm:$false) }
[pscustomobject]@{ Step = 'after'; Before = $before; After = Invoke-RestMethod -Uri $lockUri -Headers $headers; JournalLeft = Test-Path -LiteralPath $journal }
'@ -Environment @{ LOCK_ID = $lockId }
    }
    AfterAll { Stop-FakeArm }

    It 'sends nothing with -WhatIf, then puts the lock back exactly as the journal recorded it and closes the journal' {
        $run.Errors | Should -BeNullOrEmpty
        ($run.Output | Where-Object Step -EQ 'whatif').Gone | Should -Be 404
        $after = $run.Output | Where-Object Step -EQ 'after'
        ConvertTo-Json -Depth 8 -InputObject $after.After | Should -Be (ConvertTo-Json -Depth 8 -InputObject $after.Before)
        $after.JournalLeft | Should -Be $false
        $writes = Get-FakeArmWrite $fakes | ForEach-Object { "$($_.method) $($_.path)" }
        $writes | Should -Be @("DELETE $lockId", "PUT $lockId")
    }
}
