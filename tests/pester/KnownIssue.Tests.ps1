#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'Get-AzBackupKnownIssue' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
    }

    It 'finds <Code> as <Id>' -ForEach @(
        @{ Code = '320001'; Id = 'A12' }
        @{ Code = 'resourcenotfound'; Id = 'A12' }
        @{ Code = 'UserErrorRpCollectionLimitReached'; Id = 'B4' }
        @{ Code = '0x29834'; Id = 'F12' }
    ) {
        $issue = Get-AzBackupKnownIssue -Code $Code -Culture en-US
        $issue.Id | Should -Be $Id
        $issue.Remedies[0].Step | Should -Be 1
    }

    It 'answers the known codes and writes KnownIssueNotFound for the unknown one' {
        $issues = '320001', 'NoSuchCode' | Get-AzBackupKnownIssue -ErrorVariable problems -ErrorAction SilentlyContinue
        @($issues).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'KnownIssueNotFound,AzBackupTroubleshoot.Commands.GetAzBackupKnownIssueCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'NoSuchCode'
    }

    It 'finds by id, words and category' {
        (Get-AzBackupKnownIssue -Id B4).Id | Should -Be 'B4'
        (Get-AzBackupKnownIssue -Search 'restore point collection').Id | Should -Contain 'B4'
        Get-AzBackupKnownIssue -Category BackupServer | ForEach-Object { $_.Category | Should -Be 'BackupServer' }
    }

    It 'writes <Culture> text' -ForEach @(@{ Culture = 'zh-CN' }, @{ Culture = 'zh-TW' }) {
        $issue = Get-AzBackupKnownIssue -Code 320001 -Culture $Culture
        $issue.Culture | Should -Be $Culture
        $issue.Title | Should -Match '\p{IsCJKUnifiedIdeographs}'
    }
}
