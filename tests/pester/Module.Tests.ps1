#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $cmdlets = (Import-PowerShellDataFile -Path $ModuleManifest).CmdletsToExport
    $helpCases = foreach ($culture in 'en-US', 'zh-CN', 'zh-TW') { foreach ($name in $cmdlets) { @{ Name = $name; Culture = $culture } } }
}

Describe 'AzBackupTroubleshoot module' {
    BeforeAll {
        Set-StrictMode -Version Latest
        . (Join-Path $PSScriptRoot 'TestModule.ps1')
        $manifest = Import-PowerShellDataFile -Path $ModuleManifest

        # Help is cached per session once read, so each culture reads it in a runspace of its own, opened under it.
        function Get-HelpIn([string] $Culture, [string] $Name) {
            $previous = [cultureinfo]::CurrentUICulture
            [cultureinfo]::CurrentUICulture = $Culture
            try {
                $shell = [powershell]::Create()
                $null = $shell.AddScript('param($manifest, $name) Import-Module $manifest; Get-Help -Name $name -Full').AddArgument($ModuleManifest).AddArgument($Name)
                $shell.Invoke() | Select-Object -First 1
            } finally {
                $shell.Dispose()
                [cultureinfo]::CurrentUICulture = $previous
            }
        }
    }

    It 'is the version the manifest declares, from the built folder of that version' {
        $module = Get-Module AzBackupTroubleshoot
        $module.Version | Should -Be ([version] $manifest.ModuleVersion)
        Split-Path -Leaf $module.ModuleBase | Should -Be $manifest.ModuleVersion
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

    It 'keeps the engine and the Azure SDK out of the default load context' {
        $null = Get-AzBackupFailureDiagnosis -Path $Sample
        $fromDependencies = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
            Where-Object { $_.Location -like (Join-Path (Get-Module AzBackupTroubleshoot).ModuleBase 'Dependencies*') }
        $fromDependencies.GetName().Name | Should -Be 'AzBackupTroubleshoot.LoadContext'
    }

    It 'help for <Name> in <Culture> has a synopsis, examples and every parameter described' -ForEach $helpCases {
        $help = Get-HelpIn $Culture $Name
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '\[' -Because 'PowerShell shows the syntax when a cmdlet has no help'
        if ($Culture -ne 'en-US') { $help.Synopsis | Should -Match '\p{IsCJKUnifiedIdeographs}' }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $described = $help.parameters.parameter | Where-Object Name -EQ $parameter
            ($described.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description in $Culture"
        }
    }

    It 'the Simplified and Traditional Chinese help differ' {
        (Get-HelpIn zh-CN Test-AzVmBackupReadiness).Synopsis | Should -Not -Be (Get-HelpIn zh-TW Test-AzVmBackupReadiness).Synopsis
    }

    It 'about_AzBackupTroubleshoot is there in <_>' -ForEach 'en-US', 'zh-CN', 'zh-TW' {
        $previous = [cultureinfo]::CurrentUICulture
        [cultureinfo]::CurrentUICulture = $_
        try { $text = Get-Help about_AzBackupTroubleshoot | Out-String } finally { [cultureinfo]::CurrentUICulture = $previous }
        $text | Should -Match 'about_AzBackupTroubleshoot'
        if ($_ -ne 'en-US') { $text | Should -Match '\p{IsCJKUnifiedIdeographs}' }
    }
}
