#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'Get-AzBackupFailureDiagnosis' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $commandType = 'AzBackupTroubleshoot.Commands.GetAzBackupFailureDiagnosisCommand'

        function New-AzJob([string] $Id, [string] $Workload, [object[]] $Errors) {
            [pscustomobject]@{
                JobId = $Id; Operation = 'Backup'; Status = 'Failed'; WorkloadName = $Workload
                StartTime = [datetime]::UtcNow; EndTime = [datetime]::UtcNow; Duration = [timespan]::FromMinutes(2)
                ErrorDetails = $Errors
            }
        }
    }

    It 'diagnoses codes and writes ErrorCodeNotFound for an unknown one' {
        $diagnoses = Get-AzBackupFailureDiagnosis -ErrorCode 320001, Bogus42 -ErrorVariable problems -ErrorAction SilentlyContinue
        $diagnoses.KnowledgeId | Should -Be 'A12'
        $problems[0].FullyQualifiedErrorId | Should -Be "ErrorCodeNotFound,$commandType"
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'diagnoses a code in any of its spellings: <Code>' -ForEach @(
        @{ Code = 'UserErrorRpCollectionLimitReached'; Id = 'B4' }
        @{ Code = '320001'; Id = 'A12' }
        @{ Code = '0x29834'; Id = 'F12' }
    ) {
        $diagnosis = Get-AzBackupFailureDiagnosis -ErrorCode $Code
        $diagnosis.KnowledgeId | Should -Be $Id
        $diagnosis.Status | Should -Be 'Diagnosed'
    }

    It 'diagnoses the bundled az export' {
        $diagnoses = Get-AzBackupFailureDiagnosis -Path $Sample -IncludeAllJobs
        $diagnoses.Status | Should -Contain 'Diagnosed'
        $diagnoses.Status | Should -Contain 'NothingToDiagnose'
    }

    It 'writes ExportFileNotFound for a missing file' {
        $missing = Join-Path $TestDrive 'missing.json'
        Get-AzBackupFailureDiagnosis -Path $missing -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be "ExportFileNotFound,$commandType"
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be $missing
    }

    It 'writes ExportFileInvalid with the line for malformed JSON' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $broken -Value "[`n  {`n    `"name`": `"job-1`",,`n  }`n]"
        Get-AzBackupFailureDiagnosis -Path $broken -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be "ExportFileInvalid,$commandType"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -Match 'line 3'
    }

    It 'folds repeated failures of Az-shaped job objects' {
        $detail = [pscustomobject]@{ ErrorCode = 320001; ErrorMessage = 'Could not perform the operation as VM no longer exists'; Recommendations = @('Stop protection') }
        $diagnoses = @(New-AzJob 'j1' 'vm-a' @($detail); New-AzJob 'j2' 'vm-a' @($detail)) | Get-AzBackupFailureDiagnosis
        @($diagnoses).Count | Should -Be 1
        $diagnoses.Count | Should -Be 2
    }

    It 'gives NothingToDiagnose for a job without error details' {
        (New-AzJob 'j3' 'vm-b' @() | Get-AzBackupFailureDiagnosis).Status | Should -Be 'NothingToDiagnose'
    }
}
