<#
.SYNOPSIS
    Reads, inside a Windows Azure VM, the facts that decide the in-guest causes of backup failures, and prints them as
    one compact JSON document.

.DESCRIPTION
    Read-only: it starts, stops and writes nothing. Runs in Windows PowerShell 5.1 and later, as an administrator (Run
    Command runs it as SYSTEM). A check whose tool is missing or not allowed reports the state Unknown with the reason;
    the script itself never fails. The output stays far below the 4,096 bytes Run Command returns: fact values and
    lists are capped.

    Every Windows-only command sits in a Read-/Test-Azbt* function so that tests can replace it. -NoRun defines the
    functions without running the checks (dot-source the script with it).

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Get-AzbtGuestEvidence.ps1 > C:\azbt-guest.json
#>
param(
    # Define the functions only (for tests); print nothing.
    [switch] $NoRun
)

$AzbtSchemaVersion = 1
# Caps that keep the worst case (every check failing, longest values) well inside Run Command's 4,096-byte tail.
$AzbtMaxValueLength = 40
$AzbtMaxListItems = 3
$AzbtSnapshotPlugin = 'Microsoft.Azure.RecoveryServices.VMSnapshot'
$AzbtExclusionPaths = @("C:\Packages\Plugins\$AzbtSnapshotPlugin", "C:\WindowsAzure\Logs\Plugins\$AzbtSnapshotPlugin")

# ---- Windows-only reads: one function each, replaced in tests ----

function Read-AzbtVssWriters { (& vssadmin.exe list writers 2>&1 | Out-String) }

function Read-AzbtService([string] $Name) {
    Get-CimInstance -ClassName Win32_Service -Filter "Name='$Name'" -ErrorAction Stop |
        Select-Object -First 1 Name, State, StartMode, StartName
}

function Read-AzbtServiceNames([string] $Like) {
    @(Get-CimInstance -ClassName Win32_Service -Filter "Name LIKE '$Like'" -ErrorAction Stop | ForEach-Object { $_.Name })
}

function Read-AzbtMachineKeysAcl {
    (& icacls.exe (Join-Path $env:SystemDrive 'ProgramData\Microsoft\Crypto\RSA\MachineKeys') 2>&1 | Out-String)
}

function Read-AzbtBitLockerStatus { (& manage-bde.exe -status 2>&1 | Out-String) }

# The value, or $null when the key or the value does not exist.
function Read-AzbtRegistryValue([string] $Path, [string] $Name) {
    $item = Get-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $item) { return $null }
    $item.$Name
}

function Test-AzbtRegistryKey([string] $Path) { Test-Path -LiteralPath $Path }

function Read-AzbtDefenderPreference { Get-MpPreference -ErrorAction Stop | Select-Object -First 1 ExclusionPath, ExclusionProcess, DisableRealtimeMonitoring }

# Messages of the events with this id in this log over the last days (provider optional).
function Read-AzbtEvents([string] $LogName, [int] $Id, [string] $ProviderName, [int] $Days) {
    $filter = @{ LogName = $LogName; Id = $Id; StartTime = (Get-Date).AddDays(-$Days) }
    if ($ProviderName) { $filter.ProviderName = $ProviderName }
    @(Get-WinEvent -FilterHashtable $filter -MaxEvents 50 -ErrorAction SilentlyContinue | ForEach-Object { $_.Message })
}

function Read-AzbtNetworkAdapters {
    @(Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = TRUE' -ErrorAction Stop |
        Select-Object Description, DHCPEnabled)
}

function Test-AzbtTcpPort([string] $Address, [int] $Port) {
    $client = New-Object System.Net.Sockets.TcpClient
    try {
        $connect = $client.BeginConnect($Address, $Port, $null, $null)
        if (-not $connect.AsyncWaitHandle.WaitOne(3000)) { return $false }
        $client.EndConnect($connect)
        $true
    }
    catch { $false }
    finally { $client.Close() }
}

function Read-AzbtOsVersion { [string] [Environment]::OSVersion.Version }

# ---- Parsing of the tools' output (unit-tested on captured output) ----

# vssadmin list writers: one object per writer with its name and state, e.g. "[1] Stable" and "No error".
function ConvertFrom-AzbtVssWriters([string] $Text) {
    $writers = @()
    $current = $null
    foreach ($line in ($Text -split "`r?`n")) {
        if ($line -match "^\s*Writer name:\s*'(?<name>[^']*)'") {
            $current = [pscustomobject]@{ Name = $Matches.name; State = ''; LastError = '' }
            $writers += $current
        }
        elseif ($null -ne $current -and $line -match '^\s*State:\s*(?<state>.+?)\s*$') { $current.State = $Matches.state }
        elseif ($null -ne $current -and $line -match '^\s*Last error:\s*(?<err>.+?)\s*$') { $current.LastError = $Matches.err }
    }
    $writers
}

# icacls on the MachineKeys folder: the access entries (principal and rights); the first line starts with the path.
function ConvertFrom-AzbtIcacls([string] $Text) {
    $entries = @()
    foreach ($line in ($Text -split "`r?`n")) {
        if ($line -match '^(?:.*\\MachineKeys\s+|\s+)(?<principal>[^:(]+):(?<rights>(\([^)]*\))+)\s*$') {
            $entries += [pscustomobject]@{ Principal = $Matches.principal.Trim(); Rights = $Matches.rights }
        }
    }
    $entries
}

# manage-bde -status: one object per volume with its letter, lock status and protection status.
function ConvertFrom-AzbtManageBde([string] $Text) {
    $volumes = @()
    $current = $null
    foreach ($line in ($Text -split "`r?`n")) {
        if ($line -match '^Volume (?<volume>\S+)') {
            $current = [pscustomobject]@{ Volume = $Matches.volume; LockStatus = ''; ProtectionStatus = ''; ConversionStatus = '' }
            $volumes += $current
        }
        elseif ($null -ne $current -and $line -match '^\s*Lock Status:\s*(?<v>.+?)\s*$') { $current.LockStatus = $Matches.v }
        elseif ($null -ne $current -and $line -match '^\s*Protection Status:\s*(?<v>.+?)\s*$') { $current.ProtectionStatus = $Matches.v }
        elseif ($null -ne $current -and $line -match '^\s*Conversion Status:\s*(?<v>.+?)\s*$') { $current.ConversionStatus = $Matches.v }
    }
    $volumes
}

# ---- Result building ----

function Limit-AzbtText([object] $Value) {
    $text = [string] $Value
    if ($text.Length -gt $AzbtMaxValueLength) { $text = $text.Substring(0, $AzbtMaxValueLength - 3) + '...' }
    $text
}

# A list as one capped string: at most AzbtMaxListItems names, then "+N" (room kept for it within the cap).
function Join-AzbtList([object[]] $Items) {
    $all = @($Items | Where-Object { $null -ne $_ } | ForEach-Object { [string] $_ })
    $shown = @($all | Select-Object -First $AzbtMaxListItems)
    $text = $shown -join ';'
    if ($all.Count -gt $shown.Count) {
        if ($text.Length -gt $AzbtMaxValueLength - 6) { $text = $text.Substring(0, $AzbtMaxValueLength - 9) + '...' }
        $text = "$text;+$($all.Count - $shown.Count)"
    }
    Limit-AzbtText $text
}

function New-AzbtCheck([string] $Id, [string] $State, [System.Collections.IDictionary] $Facts) {
    $capped = [ordered]@{}
    foreach ($key in $Facts.Keys) {
        $value = $Facts[$key]
        if ($value -is [bool] -or $value -is [int] -or $value -is [long]) { $capped[$key] = $value } else { $capped[$key] = Limit-AzbtText $value }
    }
    [ordered]@{ id = $Id; state = $State; facts = $capped }
}

function New-AzbtUnknown([string] $Id, [string] $Reason) { New-AzbtCheck $Id 'Unknown' ([ordered]@{ reason = $Reason }) }

# Runs one check; an exception makes it Unknown with the exception's message as the reason.
function Invoke-AzbtCheck([string] $Id, [scriptblock] $Check) {
    try { & $Check }
    catch { New-AzbtUnknown $Id $_.Exception.Message }
}

# ---- Checks ----

function Get-AzbtServiceCheck([string] $Id, [string[]] $Names) {
    $down = @()
    $facts = [ordered]@{}
    foreach ($name in $Names) {
        $service = Read-AzbtService $name
        if ($null -eq $service) { $facts[$name] = 'Missing'; $down += $name; continue }
        $facts[$name] = "$($service.State)/$($service.StartMode)"
        if ($service.State -ne 'Running') { $down += $name }
    }
    $state = 'Pass'
    if ($down.Count -gt 0) { $state = 'Fail' }
    New-AzbtCheck $Id $state $facts
}

function Get-AzbtVssServiceCheck {
    $service = Read-AzbtService 'VSS'
    if ($null -eq $service) { return New-AzbtCheck 'VssService' 'Fail' ([ordered]@{ service = 'Missing' }) }
    # VSS starts on demand (Manual); disabled it cannot take a snapshot.
    $state = 'Pass'
    if ($service.StartMode -eq 'Disabled') { $state = 'Fail' }
    New-AzbtCheck 'VssService' $state ([ordered]@{ status = $service.State; startMode = $service.StartMode })
}

function Get-AzbtVssWritersCheck {
    $writers = @(ConvertFrom-AzbtVssWriters (Read-AzbtVssWriters))
    if ($writers.Count -eq 0) { return New-AzbtUnknown 'VssWriters' 'vssadmin listed no writers' }
    $bad = @($writers | Where-Object { $_.State -notmatch '^\[1\]' -or ($_.LastError -and $_.LastError -ne 'No error') })
    $state = 'Pass'
    if ($bad.Count -gt 0) { $state = 'Fail' }
    New-AzbtCheck 'VssWriters' $state ([ordered]@{
        writers = $writers.Count
        unstable = Join-AzbtList @($bad | ForEach-Object { $_.Name })
        firstState = Join-AzbtList @($bad | Select-Object -First 1 | ForEach-Object { "$($_.State) $($_.LastError)" })
    })
}

function Get-AzbtComPlusCheck {
    $service = Read-AzbtService 'COMSysApp'
    if ($null -eq $service) { return New-AzbtCheck 'ComPlus' 'Fail' ([ordered]@{ service = 'Missing' }) }
    $state = 'Pass'
    if ($service.StartMode -eq 'Disabled') { $state = 'Fail' } elseif ($service.State -ne 'Running') { $state = 'Warning' }
    New-AzbtCheck 'ComPlus' $state ([ordered]@{ status = $service.State; startMode = $service.StartMode })
}

function Get-AzbtMsdtcCheck {
    $service = Read-AzbtService 'MSDTC'
    if ($null -eq $service) { return New-AzbtCheck 'Msdtc' 'Fail' ([ordered]@{ service = 'Missing' }) }
    $state = 'Pass'
    if ($service.StartName -notmatch '^(NT AUTHORITY\\)?NetworkService$|^NT AUTHORITY\\Network Service$' -or $service.StartMode -eq 'Disabled') { $state = 'Fail' }
    New-AzbtCheck 'Msdtc' $state ([ordered]@{ status = $service.State; startMode = $service.StartMode; account = $service.StartName })
}

function Get-AzbtMachineKeysCheck {
    $entries = @(ConvertFrom-AzbtIcacls (Read-AzbtMachineKeysAcl))
    if ($entries.Count -eq 0) { return New-AzbtUnknown 'MachineKeysAcl' 'icacls listed no entries' }
    $everyone = @($entries | Where-Object { $_.Principal -eq 'Everyone' } | ForEach-Object { $_.Rights })
    $admins = @($entries | Where-Object { $_.Principal -eq 'BUILTIN\Administrators' } | ForEach-Object { $_.Rights })
    $everyoneOk = @($everyone | Where-Object { $_ -match '\(R,W\)' }).Count -gt 0
    $adminsOk = @($admins | Where-Object { $_ -match '\(F\)' }).Count -gt 0
    $state = 'Pass'
    if (-not ($everyoneOk -and $adminsOk)) { $state = 'Fail' }
    New-AzbtCheck 'MachineKeysAcl' $state ([ordered]@{ everyone = Join-AzbtList $everyone; administrators = Join-AzbtList $admins })
}

function Get-AzbtAntivirusCheck {
    $crashes = @(Read-AzbtEvents 'Application' 1000 '' 7 | Where-Object { $_ -match 'IaaSBcdrExtension\.exe' })
    $facts = [ordered]@{ extensionCrashes7d = $crashes.Count }
    $state = 'Pass'
    if ($crashes.Count -gt 0) { $state = 'Fail' }
    try {
        $defender = Read-AzbtDefenderPreference
        $paths = @($defender.ExclusionPath)
        $missing = @($AzbtExclusionPaths | Where-Object { $paths -notcontains $_ })
        $facts.defenderRealtime = -not [bool] $defender.DisableRealtimeMonitoring
        $facts.missingExclusions = $missing.Count
        if ($state -eq 'Pass' -and $missing.Count -gt 0 -and $facts.defenderRealtime) { $state = 'Warning' }
    }
    catch { $facts.defender = 'Unreadable' }
    New-AzbtCheck 'Antivirus' $state $facts
}

function Get-AzbtBitLockerCheck {
    $volumes = @(ConvertFrom-AzbtManageBde (Read-AzbtBitLockerStatus))
    if ($volumes.Count -eq 0) { return New-AzbtUnknown 'BitLocker' 'manage-bde listed no volumes' }
    $locked = @($volumes | Where-Object { $_.LockStatus -eq 'Locked' } | ForEach-Object { $_.Volume })
    $encrypted = @($volumes | Where-Object { $_.ConversionStatus -and $_.ConversionStatus -ne 'Fully Decrypted' } | ForEach-Object { $_.Volume })
    $state = 'Pass'
    if ($locked.Count -gt 0) { $state = 'Fail' } elseif ($encrypted.Count -gt 0) { $state = 'Warning' }
    New-AzbtCheck 'BitLocker' $state ([ordered]@{ locked = Join-AzbtList $locked; encrypted = Join-AzbtList $encrypted })
}

function Get-AzbtStrongCryptoCheck {
    $keys = @(
        'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319'
        'HKLM:\SOFTWARE\Microsoft\.NETFramework\v2.0.50727'
        'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319'
        'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727'
    )
    $missing = @()
    foreach ($key in $keys) {
        if (-not (Test-AzbtRegistryKey $key)) { continue }
        if ([string] (Read-AzbtRegistryValue $key 'SchUseStrongCrypto') -ne '1') { $missing += ($key -replace '^HKLM:\\SOFTWARE\\', '' -replace 'Microsoft\\\.NETFramework\\', '') }
    }
    $state = 'Pass'
    if ($missing.Count -gt 0) { $state = 'Fail' }
    New-AzbtCheck 'StrongCrypto' $state ([ordered]@{ missing = Join-AzbtList $missing })
}

function Get-AzbtMsiServerCheck {
    $start = Read-AzbtRegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Services\Msiserver' 'Start'
    if ($null -eq $start) { return New-AzbtUnknown 'MsiServer' 'Start value not found' }
    $state = 'Pass'
    if ([int] $start -eq 4) { $state = 'Fail' }
    New-AzbtCheck 'MsiServer' $state ([ordered]@{ start = [int] $start })
}

function Get-AzbtSqlCopyBackupCheck {
    $instances = @(Read-AzbtServiceNames 'MSSQL%' | Where-Object { $_ -match '^MSSQL(SERVER|\$.+)$' })
    $value = [string] (Read-AzbtRegistryValue 'HKLM:\SOFTWARE\Microsoft\BcdrAgent' 'USEVSSCOPYBACKUP')
    $state = 'Pass'
    if ($instances.Count -gt 0 -and $value -ne 'TRUE') { $state = 'Fail' }
    New-AzbtCheck 'SqlVssCopyBackup' $state ([ordered]@{ sqlInstances = Join-AzbtList $instances; useVssCopyBackup = $value })
}

function Get-AzbtDhcpCheck {
    $adapters = @(Read-AzbtNetworkAdapters)
    if ($adapters.Count -eq 0) { return New-AzbtUnknown 'Dhcp' 'no IP-enabled adapter found' }
    $static = @($adapters | Where-Object { -not $_.DHCPEnabled } | ForEach-Object { $_.Description })
    $state = 'Pass'
    if ($static.Count -gt 0) { $state = 'Fail' }
    New-AzbtCheck 'Dhcp' $state ([ordered]@{ adapters = $adapters.Count; staticAdapters = Join-AzbtList $static })
}

function Get-AzbtWireServerCheck {
    $port80 = [bool] (Test-AzbtTcpPort '168.63.129.16' 80)
    $port32526 = [bool] (Test-AzbtTcpPort '168.63.129.16' 32526)
    $state = 'Pass'
    if (-not ($port80 -and $port32526)) { $state = 'Fail' }
    New-AzbtCheck 'WireServer' $state ([ordered]@{ port80 = $port80; port32526 = $port32526 })
}

function Get-AzbtOtherBackupCheck {
    $failures = @(Read-AzbtEvents 'Application' 517 'Microsoft-Windows-Backup' 7)
    $wbengine = Read-AzbtService 'wbengine'
    $facts = [ordered]@{ windowsServerBackupErrors7d = $failures.Count; wbengine = 'Missing' }
    if ($null -ne $wbengine) { $facts.wbengine = $wbengine.State }
    $state = 'Pass'
    if ($failures.Count -gt 0 -or $facts.wbengine -eq 'Running') { $state = 'Warning' }
    New-AzbtCheck 'OtherBackup' $state $facts
}

function Get-AzbtPendingRebootCheck {
    $pending = @()
    if (Test-AzbtRegistryKey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') { $pending += 'CBS' }
    if (Test-AzbtRegistryKey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') { $pending += 'WindowsUpdate' }
    if ($null -ne (Read-AzbtRegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' 'PendingFileRenameOperations')) { $pending += 'FileRename' }
    $state = 'Pass'
    if ($pending.Count -gt 0) { $state = 'Fail' }
    New-AzbtCheck 'PendingReboot' $state ([ordered]@{ pending = Join-AzbtList $pending })
}

function Get-AzbtDotNetCheck {
    $release = Read-AzbtRegistryValue 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' 'Release'
    $state = 'Pass'
    # 378389 is .NET Framework 4.5.
    if ($null -eq $release -or [int] $release -lt 378389) { $state = 'Fail' }
    New-AzbtCheck 'DotNet45' $state ([ordered]@{ release = [string] $release })
}

function Get-AzbtSnapshotSettingsCheck {
    $key = 'HKLM:\SOFTWARE\Microsoft\BcdrAgentPersistentKeys'
    New-AzbtCheck 'SnapshotSettings' 'Pass' ([ordered]@{
        snapshotWithoutThreads = [string] (Read-AzbtRegistryValue $key 'SnapshotWithoutThreads')
        snapshotMethod = [string] (Read-AzbtRegistryValue $key 'SnapshotMethod')
    })
}

function Get-AzbtGuestEvidence {
    $checks = @(
        Invoke-AzbtCheck 'GuestAgent' { Get-AzbtServiceCheck 'GuestAgent' @('WindowsAzureGuestAgent', 'RdAgent') }
        Invoke-AzbtCheck 'VssService' { Get-AzbtVssServiceCheck }
        Invoke-AzbtCheck 'VssWriters' { Get-AzbtVssWritersCheck }
        Invoke-AzbtCheck 'ComPlus' { Get-AzbtComPlusCheck }
        Invoke-AzbtCheck 'Msdtc' { Get-AzbtMsdtcCheck }
        Invoke-AzbtCheck 'MachineKeysAcl' { Get-AzbtMachineKeysCheck }
        Invoke-AzbtCheck 'Antivirus' { Get-AzbtAntivirusCheck }
        Invoke-AzbtCheck 'BitLocker' { Get-AzbtBitLockerCheck }
        Invoke-AzbtCheck 'StrongCrypto' { Get-AzbtStrongCryptoCheck }
        Invoke-AzbtCheck 'MsiServer' { Get-AzbtMsiServerCheck }
        Invoke-AzbtCheck 'SqlVssCopyBackup' { Get-AzbtSqlCopyBackupCheck }
        Invoke-AzbtCheck 'Dhcp' { Get-AzbtDhcpCheck }
        Invoke-AzbtCheck 'WireServer' { Get-AzbtWireServerCheck }
        Invoke-AzbtCheck 'OtherBackup' { Get-AzbtOtherBackupCheck }
        Invoke-AzbtCheck 'PendingReboot' { Get-AzbtPendingRebootCheck }
        Invoke-AzbtCheck 'DotNet45' { Get-AzbtDotNetCheck }
        Invoke-AzbtCheck 'SnapshotSettings' { Get-AzbtSnapshotSettingsCheck }
    )
    $osVersion = ''
    try { $osVersion = Limit-AzbtText (Read-AzbtOsVersion) } catch { $osVersion = 'Unknown' }
    [ordered]@{ schemaVersion = $AzbtSchemaVersion; os = 'Windows'; osVersion = $osVersion; checks = $checks }
}

function Get-AzbtGuestEvidenceJson { ConvertTo-Json -InputObject (Get-AzbtGuestEvidence) -Depth 5 -Compress }

if (-not $NoRun) {
    $ErrorActionPreference = 'Continue'
    Get-AzbtGuestEvidenceJson
}
