#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    A backup readiness gate for a pipeline: fails when any of your VMs cannot be backed up, and writes a JUnit report
    (one test case per rule per VM) for the pipeline's test results. Copy it into your repository and run it after
    signing in to Azure (azure/login with enable-AzPSSession, the AzurePowerShell task, or Connect-AzAccount -Identity):

        $data = @{ SubscriptionId = '<subscription id>'; ResourceGroupName = 'rg-app'; VMName = 'vm-web01', 'vm-web02' }
        Invoke-Pester -Container (New-PesterContainer -Path ./BackupReadiness.Tests.ps1 -Data $data) -Output Detailed
#>
param(
    [Parameter(Mandatory)] [string] $SubscriptionId,
    [Parameter(Mandatory)] [string] $ResourceGroupName,
    # Only these VMs of the resource group; every VM in it when empty.
    [string[]] $VMName = @(),
    # The JUnit report, relative to the current directory; publish this path.
    [string] $ReportPath = 'reports/backup-readiness.xml'
)

BeforeAll {
    Import-Module AzBackupTroubleshoot -ErrorAction Stop
    $reportFolder = Split-Path -Parent $ReportPath
    if ($reportFolder) { $null = New-Item -ItemType Directory -Force -Path $reportFolder }
    $vms = if ($VMName) {
        @{ ResourceId = $VMName | ForEach-Object { "/subscriptions/$SubscriptionId/resourceGroups/$ResourceGroupName/providers/Microsoft.Compute/virtualMachines/$_" } }
    } else {
        @{ ResourceGroupName = $ResourceGroupName }
    }
}

Describe 'Azure VM backup readiness' {
    It 'every VM can be backed up' {
        # -Assert ends the command with an error naming each failed rule; the JUnit report has the details.
        { Test-AzVmBackupReadiness @vms -SubscriptionId $SubscriptionId -OutputFormat JUnit -OutputPath $ReportPath -Assert -ErrorAction Stop | Out-Null } |
            Should -Not -Throw
    }
}
