#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'Tab completion' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        function Complete([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText) }
    }

    It '<Line> offers <Expected>' -ForEach @(
        @{ Line = 'Get-AzBackupKnownIssue -Code UserErrorRp'; Expected = 'UserErrorRpCollectionLimitReached' }
        @{ Line = 'Get-AzBackupKnownIssue -Code 3200'; Expected = '320001' }
        @{ Line = 'Get-AzBackupKnownIssue -Id b'; Expected = 'B4' }
        @{ Line = 'Get-AzBackupKnownIssue -Category Back'; Expected = 'BackupServer' }
        @{ Line = 'Get-AzBackupKnownIssue -Culture zh-'; Expected = 'zh-TW' }
        @{ Line = 'Get-AzBackupFailureDiagnosis -ErrorCode UserErrorRp'; Expected = 'UserErrorRpCollectionLimitReached' }
        @{ Line = 'Test-AzVmBackupReadiness -OutputFormat J'; Expected = 'JUnit' }
        @{ Line = 'Clear-AzRestorePointCollection -Method On'; Expected = 'OnDemandBackup' }
    ) {
        Complete $Line | Should -Contain $Expected
    }

    It 'offers only what starts with the typed text' {
        $offered = Complete 'Get-AzBackupKnownIssue -Id B'
        $offered | Should -Not -BeNullOrEmpty
        $offered | ForEach-Object { $_ | Should -BeLike 'B*' }
    }
}
