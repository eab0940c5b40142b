#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'AzBackupTroubleshoot module' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $manifest = Import-PowerShellDataFile -Path $ModuleManifest
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $exported = Get-Command -Module AzBackupTroubleshoot | ForEach-Object Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        $manifest.FunctionsToExport | Should -BeNullOrEmpty
        $manifest.AliasesToExport | Should -BeNullOrEmpty
        $manifest.VariablesToExport | Should -BeNullOrEmpty
    }

    It 'keeps the engine and the Azure SDK out of the default load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $null = Get-AzBackupFailureDiagnosis -Path $Sample
        $fromDependencies = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
            Where-Object { $_.Location -like (Join-Path (Get-Module AzBackupTroubleshoot).ModuleBase 'Dependencies*') }
        $fromDependencies.GetName().Name | Should -Be 'AzBackupTroubleshoot.LoadContext'
    }

    Context 'help for <_>' -ForEach @('Get-AzBackupFailureDiagnosis', 'Get-AzBackupKnownIssue') {
        BeforeAll { $help = Get-Help -Name $_ -Full }

        It 'has a synopsis and a description' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -Match '\['
            ($help.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty
        }

        It 'has at least two examples' {
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        }

        It 'describes every parameter' {
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters
            foreach ($name in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
                $parameter = $help.parameters.parameter | Where-Object Name -EQ $name
                ($parameter.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
            }
        }
    }
}
