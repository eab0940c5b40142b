@{
    RootModule           = 'AzBackupTroubleshoot.dll'
    ModuleVersion        = '0.0.0'  # the build writes Directory.Build.props' Version here
    GUID                 = '8a089495-cb13-4f23-8e25-1e97f33a2712'
    Author               = 'AzBackupTroubleshoot contributors'
    CompanyName          = 'AzBackupTroubleshoot contributors'
    Copyright            = '(c) AzBackupTroubleshoot contributors.'
    Description          = 'Finds out why an Azure VM backup fails, explains the documented error with its causes and ordered remedies (English, Simplified and Traditional Chinese), and applies the documented fix.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('AzBackupTroubleshoot.format.ps1xml')
    CmdletsToExport      = @(
        'Clear-AzRestorePointCollection'
        'Export-AzBackupEvidence'
        'Get-AzBackupFailureDiagnosis'
        'Get-AzBackupKnownIssue'
        'Repair-AzVmBackupExtension'
        'Restore-AzBackupLock'
        'Test-AzVmBackupReadiness'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Azure', 'Backup', 'RecoveryServices', 'VirtualMachine', 'Troubleshooting', 'Diagnostics', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'Get-AzBackupKnownIssue browses every documented Azure VM backup, agent and extension, restore, job cancellation and Azure Backup Server error; Get-AzBackupFailureDiagnosis explains failed jobs from error codes, az backup job JSON exports or Az.RecoveryServices job objects.'
        }
    }
}
