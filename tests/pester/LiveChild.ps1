# One script of a live suite, in its own pwsh (see FakeArm.ps1): what each stream got goes to -ResultPath as JSON
# (enums as their names).
param(
    [Parameter(Mandatory)] [string] $Script,
    [Parameter(Mandatory)] [string] $ResultPath
)
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'TestModule.ps1')
. (Join-Path $PSScriptRoot 'AzContextStandIns.ps1')
$fakes = @(ConvertFrom-Json -InputObject $env:AZBT_FAKE_ARMS)
$arm = $fakes[0].Endpoint
$arms = @{}; $vms = @{}
foreach ($fake in $fakes) { $arms[$fake.Name] = $fake.Endpoint; $vms[$fake.Name] = $fake.VmUnderTest }
$records = [System.Collections.Generic.List[object]]::new()
try {
    & ([scriptblock]::Create($Script)) *>&1 | ForEach-Object { $records.Add($_) }
} catch {
    $records.Add($_) # a terminating error, e.g. -Assert's
}
$streams = [System.Management.Automation.ErrorRecord], [System.Management.Automation.VerboseRecord], [System.Management.Automation.WarningRecord],
    [System.Management.Automation.InformationRecord], [System.Management.Automation.DebugRecord]
[pscustomobject]@{
    Output   = @($records | Where-Object { $record = $_; -not ($streams | Where-Object { $record -is $_ }) })
    Errors   = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object {
            [pscustomobject]@{
                FullyQualifiedErrorId = $_.FullyQualifiedErrorId
                Category              = $_.CategoryInfo.Category.ToString()
                Message               = $_.Exception.Message
                TargetObject          = "$($_.TargetObject)"
                RecommendedAction     = if ($_.ErrorDetails) { $_.ErrorDetails.RecommendedAction } else { $null }
            }
        })
    Verbose  = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
    Warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
} | ConvertTo-Json -Depth 8 -EnumsAsStrings -WarningAction SilentlyContinue | Set-Content -LiteralPath $ResultPath -Encoding utf8NoBOM
