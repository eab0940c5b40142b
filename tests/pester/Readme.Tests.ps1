#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The README's lines that read only the knowledge base or the bundled sample run in real pwsh exactly as written, from
# a folder laid out like the repository (so the files they write stay out of it). azbt-host runs the same lines in the
# module tests (ReadmeExampleTests), with the same selection.
BeforeDiscovery {
    $readme = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot '../../README.md')
    $script:Lines = @(
        [regex]::Matches($readme, '```powershell\n(?<code>.*?)```', 'Singleline') |
            ForEach-Object { $_.Groups['code'].Value -split "`n" } |
            ForEach-Object { $_.Trim() } |
            Where-Object { $_ -match '^(Get-AzBackupKnownIssue|Get-AzBackupFailureDiagnosis -ErrorCode|Get-AzBackupFailureDiagnosis -Path docs/samples/)' } |
            ForEach-Object { @{ Line = $_ } })
}

Describe 'README examples in pwsh' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
    }

    It 'the README shows offline lines to run' {
        $Lines.Count | Should -BeGreaterThan 5
    }

    It 'runs <Line>' -ForEach $Lines {
        $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ("azbt-readme-" + [guid]::NewGuid().ToString('N')))
        try {
            $samples = New-Item -ItemType Directory -Path (Join-Path $folder 'docs/samples')
            Copy-Item -Path (Join-Path $RepoRoot 'docs/samples/*') -Destination $samples
            Push-Location -LiteralPath $folder
            try {
                $output = Invoke-Expression $Line -ErrorVariable problems 3>&1 | Out-String
            } finally {
                Pop-Location
            }

            $problems | Should -BeNullOrEmpty
            if ($Line -match 'Export-Csv (?<path>\S+)') {
                $rows = Import-Csv -LiteralPath (Join-Path $folder $Matches.path)
                $rows.KnowledgeId | Should -Contain 'B4'
            } elseif ($Line -match 'ConvertTo-Json') {
                ($output | ConvertFrom-Json).KnowledgeId | Should -Be 'A12'
            } elseif ($Line -match 'Format-Table -View Summary') {
                $output | Should -Match '(?m)^.*\bId\b.*\bTitle\s*$'
            } else {
                $output.Trim() | Should -Not -BeNullOrEmpty
            }
        } finally {
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }
}
