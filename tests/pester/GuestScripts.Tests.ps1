#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The guest evidence scripts as the built module ships them: the Linux one run for real in sh, on this machine and on
# prepared root trees with fake tools on PATH; the Windows one parsed as Windows PowerShell 5.1 code, its parsers fed
# captured tool output, and its checks run here with every Windows-only read replaced.
BeforeAll {
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $GuestScripts = Join-Path (Split-Path -Parent $ModuleManifest) 'GuestScripts'
    $Samples = Join-Path $PSScriptRoot 'GuestSamples'
    # Run Command returns the last 4,096 bytes of stdout; the worst case must fit with room to spare.
    $SizeBound = 3072

    function Get-Check($Document, [string] $Id) {
        $found = @($Document.checks | Where-Object id -EQ $Id)
        $found.Count | Should -Be 1 -Because "the output has exactly one $Id check"
        $found[0]
    }
}

Describe 'Linux guest script' -Skip:(-not $IsLinux) {
    BeforeAll {
        $LinuxScript = Join-Path $GuestScripts 'azbt-guest-evidence.sh'
        $work = Join-Path ([IO.Path]::GetTempPath()) ('azbt-guest-' + [guid]::NewGuid().ToString('N'))
        # The system's tools without those the tests fake or take away.
        $faked = '^(python.*|waagent|systemctl|tune2fs|blkid|curl|wget|ip|ps)$'
        $baseBin = New-Item -ItemType Directory -Path (Join-Path $work 'base-bin')
        foreach ($dir in '/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin') {
            if (-not (Test-Path -LiteralPath $dir)) { continue }
            foreach ($tool in Get-ChildItem -LiteralPath $dir -File -ErrorAction Ignore) {
                $link = Join-Path $baseBin $tool.Name
                if ($tool.Name -notmatch $faked -and -not (Test-Path -LiteralPath $link)) { $null = New-Item -ItemType SymbolicLink -Path $link -Target $tool.FullName }
            }
        }

        # A healthy VM: every check passes.
        $script:HealthyFiles = [ordered]@{
            'etc/waagent.conf'                 = "Provisioning.Agent=auto`nExtensions.Enable=y`n# HttpProxy.Host=None`nAutoUpdate.Enabled=y`n"
            'proc/mounts'                      = "proc /proc proc rw,relatime 0 0`n/dev/sda1 / ext4 rw,relatime 0 0`n/dev/sdb1 /mnt ext4 rw,relatime 0 0`n/dev/loop0 /snap/core/1 squashfs ro,nodev 0 0`n"
            'etc/azure/vmbackup.conf'          = "[SnapshotThread]`nfsfreeze: True`nisanysnapshotfailed = False`n"
            'var/lib/dhcp/dhclient.eth0.leases' = "lease {`n}`n"
            'sys/fs/selinux/enforce'           = '0'
            'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log' = "2026-01-01 freeze succeeded`n"
            'etc/os-release'                   = "NAME=`"Ubuntu`"`nPRETTY_NAME=`"Ubuntu 22.04.4 LTS`"`n"
        }
        $script:HealthyTools = [ordered]@{
            systemctl = 'if [ "$1" = is-active ] && [ "$2" = walinuxagent ]; then echo active; exit 0; fi; echo inactive; exit 3'
            waagent   = 'echo "WALinuxAgent-2.2.45 running on ubuntu 22.04"; echo "Python: 3.10.12"; echo "Goal state agent: 2.10.0.8"'
            python3   = 'echo 3.10'
            tune2fs   = 'echo "tune2fs 1.46.5 (30-Dec-2021)"; echo "Filesystem volume name:   cloudimg-rootfs"; echo "Filesystem state:         clean"'
            blkid     = 'printf "%s\n" 1111-aaaa 2222-bbbb'
            curl      = 'printf 200'
            ip        = 'echo "168.63.129.16 via 10.0.0.1 dev eth0 src 10.0.0.4 uid 0"'
        }

        # Runs the script on a root tree made of the healthy files with $Files over them ($null removes one), and with the
        # healthy fake tools with $Tools over them ($null takes one away). Returns the raw output and the parsed document.
        function Invoke-LinuxScript([hashtable] $Files = @{}, [hashtable] $Tools = @{}) {
            $case = Join-Path $work ([guid]::NewGuid().ToString('N'))
            $root = New-Item -ItemType Directory -Path (Join-Path $case 'root')
            $bin = New-Item -ItemType Directory -Path (Join-Path $case 'bin')
            $allFiles = [ordered]@{}
            foreach ($key in $HealthyFiles.Keys) { $allFiles[$key] = $HealthyFiles[$key] }
            foreach ($key in $Files.Keys) { $allFiles[$key] = $Files[$key] }
            foreach ($key in $allFiles.Keys) {
                if ($null -eq $allFiles[$key]) { continue }
                $path = Join-Path $root $key
                $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $path)
                [IO.File]::WriteAllText($path, $allFiles[$key])
            }
            $allTools = [ordered]@{}
            foreach ($key in $HealthyTools.Keys) { $allTools[$key] = $HealthyTools[$key] }
            foreach ($key in $Tools.Keys) { $allTools[$key] = $Tools[$key] }
            foreach ($key in $allTools.Keys) {
                if ($null -eq $allTools[$key]) { continue }
                $path = Join-Path $bin $key
                [IO.File]::WriteAllText($path, "#!/bin/sh`n$($allTools[$key])`n")
                & chmod +x $path
            }
            $text = (& /usr/bin/env "PATH=$($bin):$baseBin" "AZBT_GUEST_ROOT=$root" /bin/sh $LinuxScript) -join "`n"
            $LASTEXITCODE | Should -Be 0
            [pscustomobject]@{ Text = $text; Root = $root; Document = ($text | ConvertFrom-Json) }
        }
    }
    AfterAll { Remove-Item -Recurse -Force -LiteralPath $work -ErrorAction Ignore }

    It 'ships in the built module' {
        $LinuxScript | Should -Exist
    }

    It 'runs as-is on this machine: one valid JSON document under the bound' {
        $text = (& /bin/sh $LinuxScript) -join "`n"
        $LASTEXITCODE | Should -Be 0
        [Text.Encoding]::UTF8.GetByteCount($text) | Should -BeLessThan $SizeBound
        $document = $text | ConvertFrom-Json
        $document.schemaVersion | Should -Be 1
        $document.os | Should -Be 'Linux'
        $document.checks.Count | Should -Be 11
        foreach ($check in $document.checks) { $check.state | Should -BeIn 'Pass', 'Fail', 'Warning', 'Unknown' }
    }

    It 'passes every check on a healthy tree' {
        $run = Invoke-LinuxScript
        foreach ($check in $run.Document.checks) { "$($check.id)=$($check.state)" | Should -Be "$($check.id)=Pass" }
        (Get-Check $run.Document 'Agent').facts.version | Should -Be 'WALinuxAgent-2.2.45'
        (Get-Check $run.Document 'Agent').facts.goalState | Should -Be '2.10.0.8'
        (Get-Check $run.Document 'Mounts').facts.mounts | Should -Be 2
        (Get-Check $run.Document 'FsState').facts.checked | Should -Be 2
        (Get-Check $run.Document 'WireServer').facts.route | Should -BeLike '168.63.129.16 via 10.0.0.1*'
        $run.Document.osVersion | Should -Be 'Ubuntu 22.04.4 LTS'
    }

    It 'changes nothing in the tree it reads' {
        $run = Invoke-LinuxScript
        $before = Get-ChildItem -Recurse -File -LiteralPath $run.Root | ForEach-Object { "$($_.FullName) $((Get-FileHash -LiteralPath $_.FullName).Hash)" }
        $null = & /usr/bin/env "PATH=$baseBin" "AZBT_GUEST_ROOT=$($run.Root)" /bin/sh $LinuxScript
        Get-ChildItem -Recurse -File -LiteralPath $run.Root | ForEach-Object { "$($_.FullName) $((Get-FileHash -LiteralPath $_.FullName).Hash)" } | Should -Be $before
    }

    It '<Id> is <State> when <Case>' -ForEach @(
        @{ Id = 'Agent'; State = 'Fail'; Case = 'the agent service is inactive'; Tools = @{ systemctl = 'echo inactive; exit 3' }; Fact = 'status'; Value = 'inactive' }
        @{ Id = 'Agent'; State = 'Pass'; Case = 'only ps shows the agent'; Tools = @{ systemctl = $null; ps = 'echo "/usr/bin/python3 -u /usr/sbin/waagent -run-exthandlers"' }; Fact = 'status'; Value = 'active' }
        @{ Id = 'Agent'; State = 'Fail'; Case = 'ps shows no agent'; Tools = @{ systemctl = $null; ps = 'echo "/sbin/init"' }; Fact = 'status'; Value = 'absent' }
        @{ Id = 'Agent'; State = 'Unknown'; Case = 'neither systemctl nor ps exists'; Tools = @{ systemctl = $null }; Fact = 'reason'; Value = 'neither systemctl nor ps found' }
        @{ Id = 'WaagentConf'; State = 'Fail'; Case = 'Extensions.Enable=n'; Files = @{ 'etc/waagent.conf' = "Extensions.Enable=n`nProvisioning.Agent=auto`n" }; Fact = 'extensionsEnable'; Value = 'n' }
        @{ Id = 'WaagentConf'; State = 'Fail'; Case = 'Provisioning.Agent is not auto'; Files = @{ 'etc/waagent.conf' = "Extensions.Enable=y`nProvisioning.Agent=disabled`n" }; Fact = 'provisioningAgent'; Value = 'disabled' }
        @{ Id = 'WaagentConf'; State = 'Fail'; Case = 'waagent.conf is missing'; Files = @{ 'etc/waagent.conf' = $null }; Fact = 'present'; Value = $false }
        @{ Id = 'WaagentConf'; State = 'Pass'; Case = 'a proxy is set'; Files = @{ 'etc/waagent.conf' = "Extensions.Enable=y`nHttpProxy.Host=proxy.contoso.com`n" }; Fact = 'proxy'; Value = 'proxy.contoso.com' }
        @{ Id = 'Python'; State = 'Fail'; Case = 'no Python is installed'; Tools = @{ python3 = $null }; Fact = 'interpreter'; Value = 'none found' }
        @{ Id = 'Python'; State = 'Fail'; Case = 'Python is 2.4'; Tools = @{ python3 = $null; python = 'echo 2.4' }; Fact = 'version'; Value = '2.4' }
        @{ Id = 'Mounts'; State = 'Fail'; Case = 'an NFS share is mounted'; Files = @{ 'proc/mounts' = "/dev/sda1 / ext4 rw 0 0`nfiler:/export /data nfs4 rw,relatime 0 0`n" }; Fact = 'unfreezable'; Value = '/data' }
        @{ Id = 'Mounts'; State = 'Pass'; Case = 'the NFS share is in MountsToSkip'; Files = @{ 'proc/mounts' = "/dev/sda1 / ext4 rw 0 0`nfiler:/export /data nfs4 rw 0 0`n"; 'etc/azure/vmbackup.conf' = "[SnapshotThread]`nMountsToSkip = /data,/mnt/resource`n" }; Fact = 'unfreezable'; Value = '' }
        @{ Id = 'Mounts'; State = 'Warning'; Case = 'a device is bind-mounted twice'; Files = @{ 'proc/mounts' = "/dev/sda1 / ext4 rw 0 0`n/dev/sda1 /var/lib/docker ext4 rw 0 0`n" }; Fact = 'bindMounts'; Value = '/var/lib/docker' }
        @{ Id = 'Mounts'; State = 'Unknown'; Case = 'the mounts table is unreadable'; Files = @{ 'proc/mounts' = $null }; Fact = 'reason'; Value = 'mounts table not readable' }
        @{ Id = 'FsState'; State = 'Fail'; Case = 'tune2fs reports a file system not clean'; Tools = @{ tune2fs = 'if [ "$2" = /dev/sdb1 ]; then echo "Filesystem state:         not clean with errors"; else echo "Filesystem state:         clean"; fi' }; Fact = 'notClean'; Value = '/dev/sdb1:not clean with errors' }
        @{ Id = 'FsState'; State = 'Unknown'; Case = 'tune2fs is missing'; Tools = @{ tune2fs = $null }; Fact = 'reason'; Value = 'tune2fs not found' }
        @{ Id = 'DuplicateUuid'; State = 'Fail'; Case = 'two devices share a UUID'; Tools = @{ blkid = 'printf "%s\n" 1111-aaaa 1111-aaaa 2222-bbbb' }; Fact = 'duplicates'; Value = '1111-aaaa' }
        @{ Id = 'DuplicateUuid'; State = 'Unknown'; Case = 'blkid is missing'; Tools = @{ blkid = $null }; Fact = 'reason'; Value = 'blkid not found' }
        @{ Id = 'VmBackupConf'; State = 'Fail'; Case = 'isanysnapshotfailed is True'; Files = @{ 'etc/azure/vmbackup.conf' = "[SnapshotThread]`nisanysnapshotfailed = True`n" }; Fact = 'isanysnapshotfailed'; Value = 'True' }
        @{ Id = 'VmBackupConf'; State = 'Pass'; Case = 'vmbackup.conf is absent'; Files = @{ 'etc/azure/vmbackup.conf' = $null }; Fact = 'present'; Value = $false }
        @{ Id = 'Dhcp'; State = 'Fail'; Case = 'netplan turns DHCP off'; Files = @{ 'etc/netplan/50-cloud-init.yaml' = "network:`n  ethernets:`n    eth0:`n      dhcp4: false`n" }; Fact = 'staticConfig'; Value = '/etc/netplan/50-cloud-init.yaml' }
        @{ Id = 'Dhcp'; State = 'Fail'; Case = 'ifcfg-eth0 is static'; Files = @{ 'etc/sysconfig/network-scripts/ifcfg-eth0' = "DEVICE=eth0`nBOOTPROTO=static`n" }; Fact = 'staticConfig'; Value = '/etc/sysconfig/network-scripts/ifcfg-eth0' }
        @{ Id = 'Dhcp'; State = 'Unknown'; Case = 'neither a lease nor a configuration exists'; Files = @{ 'var/lib/dhcp/dhclient.eth0.leases' = $null }; Fact = 'reason'; Value = 'no DHCP lease or network configuration found' }
        @{ Id = 'WireServer'; State = 'Fail'; Case = '168.63.129.16 does not answer'; Tools = @{ curl = 'printf 000; exit 28' }; Fact = 'port80'; Value = $false }
        @{ Id = 'WireServer'; State = 'Fail'; Case = 'only port 32526 is blocked'; Tools = @{ curl = 'case "$*" in *32526*) printf 000; exit 28;; esac; printf 200' }; Fact = 'port32526'; Value = $false }
        @{ Id = 'WireServer'; State = 'Pass'; Case = 'wget gets an error status'; Tools = @{ curl = $null; wget = 'exit 8' }; Fact = 'port80'; Value = $true }
        @{ Id = 'WireServer'; State = 'Unknown'; Case = 'neither curl nor wget exists'; Tools = @{ curl = $null }; Fact = 'reason'; Value = 'neither curl nor wget found' }
        @{ Id = 'SELinux'; State = 'Warning'; Case = 'SELinux enforces'; Files = @{ 'sys/fs/selinux/enforce' = '1' }; Fact = 'mode'; Value = 'enforcing' }
        @{ Id = 'SnapshotLog'; State = 'Warning'; Case = 'the extension log shows a freeze failure'; Files = @{ 'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log' = "2026-01-01 freeze succeeded`n2026-01-02 FsFreeze failed: error 16`n" }; Fact = 'lastFreezeError'; Value = '2026-01-02 FsFreeze failed: error 16' }
    ) {
        $files = @{}
        if ($_.ContainsKey('Files')) { $files = $_.Files }
        $tools = @{}
        if ($_.ContainsKey('Tools')) { $tools = $_.Tools }
        $check = Get-Check (Invoke-LinuxScript -Files $files -Tools $tools).Document $Id
        $check.state | Should -Be $State
        $check.facts.$Fact | Should -Be $Value
    }

    It 'stays under the bound in the worst case: every check failing with the longest values' {
        $long = 'x' * 400
        $mounts = (1..40 | ForEach-Object { "filer:/export/$long$_ /mnt/$long$_ nfs4 rw 0 0`n/dev/sd$_ /data/$long$_ ext4 rw 0 0`n/dev/sd$_ /bind/$long$_ ext4 rw 0 0" }) -join "`n"
        $run = Invoke-LinuxScript -Files @{
            'etc/waagent.conf' = "Extensions.Enable=n$long`nProvisioning.Agent=$long`nHttpProxy.Host=`"\$long`"`nAutoUpdate.Enabled=$long`n"
            'proc/mounts' = $mounts
            'etc/azure/vmbackup.conf' = "MountsToSkip = $long`nfsfreeze: $long`nisanysnapshotfailed = True`n"
            'etc/netplan/a.yaml' = "dhcp4: false"; "etc/netplan/$('n' * 200)1.yaml" = 'dhcp4: no'; "etc/netplan/$('n' * 200)2.yaml" = 'dhcp4: no'; "etc/netplan/$('n' * 200)3.yaml" = 'dhcp4: no'
            'sys/fs/selinux/enforce' = '1'
            'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log' = "freeze error \`"$long`"`n"
            'etc/os-release' = "PRETTY_NAME=`"$('\"' * 300)`"`n"
        } -Tools @{
            systemctl = "echo `"$long`"; exit 3"
            waagent = "echo WALinuxAgent-$long; echo `"Goal state agent: $long`""
            python3 = 'echo 2.4'
            tune2fs = "echo `"Filesystem state: not clean $long`""
            blkid = "for i in 1 2 3 4 5 6 7 8; do echo $long`$i; echo $long`$i; done"
            curl = 'printf 000'
            ip = "echo `"$long`""
        }
        $bytes = [Text.Encoding]::UTF8.GetByteCount($run.Text)
        Write-Host "Linux guest script, worst case: $bytes bytes"
        $bytes | Should -BeLessThan $SizeBound
        foreach ($check in $run.Document.checks) { $check.state | Should -BeIn 'Fail', 'Warning' }
        (Get-Check $run.Document 'Mounts').facts.unfreezable | Should -Match ';\+\d+$'
    }
}

Describe 'Windows guest script' {
    BeforeAll {
        $WindowsScript = Join-Path $GuestScripts 'Get-AzbtGuestEvidence.ps1'

        $script:Registry = @{
            'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319|SchUseStrongCrypto' = 1
            'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319|SchUseStrongCrypto' = 1
            'HKLM:\SYSTEM\CurrentControlSet\Services\Msiserver|Start' = 3
            'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full|Release' = 528449
        }
        $script:RegistryKeys = @('HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319', 'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319')
        function New-Service([string] $Name, [string] $State = 'Running', [string] $StartMode = 'Auto', [string] $StartName = 'LocalSystem') {
            [pscustomobject]@{ Name = $Name; State = $State; StartMode = $StartMode; StartName = $StartName }
        }
        # A healthy VM: the replacements of every Windows-only read.
        $script:HealthyReads = @{
            'Read-AzbtVssWriters'         = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'vssadmin-writers-stable.txt') }
            'Read-AzbtService'            = {
                param($Name)
                switch ($Name) {
                    'VSS' { New-Service VSS 'Stopped' 'Manual' }
                    'COMSysApp' { New-Service COMSysApp 'Running' 'Manual' }
                    'MSDTC' { New-Service MSDTC 'Running' 'Manual' 'NT AUTHORITY\NetworkService' }
                    'wbengine' { New-Service wbengine 'Stopped' 'Manual' }
                    default { New-Service $Name }
                }
            }
            'Read-AzbtServiceNames'       = { param($Like) @() }
            'Read-AzbtMachineKeysAcl'     = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'icacls-machinekeys-default.txt') }
            'Read-AzbtBitLockerStatus'    = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'manage-bde-unlocked.txt') }
            'Read-AzbtRegistryValue'      = { param($Path, $Name) $Registry["$Path|$Name"] }
            'Test-AzbtRegistryKey'        = { param($Path) $RegistryKeys -contains $Path }
            'Read-AzbtDefenderPreference' = { [pscustomobject]@{ ExclusionPath = @('C:\Packages\Plugins\Microsoft.Azure.RecoveryServices.VMSnapshot', 'C:\WindowsAzure\Logs\Plugins\Microsoft.Azure.RecoveryServices.VMSnapshot'); ExclusionProcess = @(); DisableRealtimeMonitoring = $false } }
            'Read-AzbtEvents'             = { param($LogName, $Id, $ProviderName, $Days) @() }
            'Read-AzbtNetworkAdapters'    = { @([pscustomobject]@{ Description = 'Microsoft Hyper-V Network Adapter'; DHCPEnabled = $true }) }
            'Test-AzbtTcpPort'            = { param($Address, $Port) $true }
            'Read-AzbtOsVersion'          = { '10.0.20348.0' }
        }

        # Dot-sources the script without its run, replaces the Windows-only reads (the healthy ones with $Reads over
        # them), and returns the JSON text and the parsed document.
        function Invoke-WindowsScript([hashtable] $Reads = @{}) {
            . $WindowsScript -NoRun
            foreach ($name in $HealthyReads.Keys) { Set-Item -Path "function:$name" -Value $HealthyReads[$name] }
            foreach ($name in $Reads.Keys) { Set-Item -Path "function:$name" -Value $Reads[$name] }
            $text = Get-AzbtGuestEvidenceJson
            [pscustomobject]@{ Text = $text; Document = ($text | ConvertFrom-Json) }
        }
        # The script's parsers, for the unit tests.
        . $WindowsScript -NoRun
    }

    It 'ships in the built module' {
        $WindowsScript | Should -Exist
    }

    Context 'Windows PowerShell 5.1 language only' {
        BeforeAll {
            $tokens = $null
            $errors = $null
            $script:Ast = [System.Management.Automation.Language.Parser]::ParseFile($WindowsScript, [ref] $tokens, [ref] $errors)
            $script:ParseErrors = $errors
            function Find-Ast([scriptblock] $Predicate) { @($Ast.FindAll($Predicate, $true)) }
        }

        It 'parses without errors' {
            $ParseErrors | Should -BeNullOrEmpty
        }

        It 'has no ternary, pipeline chain (&& ||), null-coalescing (?? ??=) or null-conditional (?. ?[]) operators' {
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.TernaryExpressionAst] } | Should -BeNullOrEmpty
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.PipelineChainAst] } | Should -BeNullOrEmpty
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.BinaryExpressionAst] -and $a.Operator -eq 'QuestionQuestion' } | Should -BeNullOrEmpty
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.AssignmentStatementAst] -and $a.Operator -eq 'QuestionQuestionEquals' } | Should -BeNullOrEmpty
            Find-Ast { param($a) ($a -is [System.Management.Automation.Language.MemberExpressionAst] -or $a -is [System.Management.Automation.Language.IndexExpressionAst]) -and $a.NullConditional } | Should -BeNullOrEmpty
        }

        It 'uses no PowerShell 6+ parameters (-Parallel, -AsHashtable, -AsByteStream, ...)' {
            $newer = 'Parallel', 'AsHashtable', 'AsByteStream', 'SkipHeaderValidation', 'ThrottleLimit', 'NoEnumerate', 'EscapeHandling', 'DateKind'
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.CommandParameterAst] -and $newer -contains $a.ParameterName } | Should -BeNullOrEmpty
        }

        It 'calls no cmdlet that Windows PowerShell 5.1 lacks' {
            $newer = 'ConvertFrom-Markdown', 'Get-Error', 'Join-String', 'Test-Json', 'Get-Uptime', 'Remove-Alias', 'Remove-Service', 'Clear-RecycleBin'
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.CommandAst] -and $newer -contains $a.GetCommandName() } | Should -BeNullOrEmpty
        }

        It 'uses no automatic variable that Windows PowerShell 5.1 lacks' {
            $newer = 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle'
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.VariableExpressionAst] -and $newer -contains $a.VariablePath.UserPath } | Should -BeNullOrEmpty
        }

        It 'runs nothing that changes the guest' {
            $changing = 'Start-Service', 'Stop-Service', 'Restart-Service', 'Set-Service', 'Set-ItemProperty', 'New-ItemProperty', 'New-Item', 'Remove-Item', 'Set-Content', 'Add-Content', 'Out-File', 'Set-Acl', 'reg', 'reg.exe', 'net', 'net.exe', 'sc', 'sc.exe', 'Set-MpPreference', 'Add-MpPreference'
            Find-Ast { param($a) $a -is [System.Management.Automation.Language.CommandAst] -and $changing -contains $a.GetCommandName() } | Should -BeNullOrEmpty
        }
    }

    Context 'parsers on captured tool output' {
        It 'reads every writer of vssadmin list writers with its state' {
            $writers = @(ConvertFrom-AzbtVssWriters (Get-Content -Raw -LiteralPath (Join-Path $Samples 'vssadmin-writers-failed.txt')))
            $writers.Name | Should -Be 'Task Scheduler Writer', 'SqlServerWriter', 'System Writer'
            $writers.State | Should -Be '[1] Stable', '[8] Failed', '[1] Stable'
            $writers.LastError | Should -Be 'No error', 'Non-retryable error', 'Timed out'
        }

        It 'reads Windows line endings the same' {
            $text = (Get-Content -Raw -LiteralPath (Join-Path $Samples 'vssadmin-writers-failed.txt')) -replace "`r?`n", "`r`n"
            @(ConvertFrom-AzbtVssWriters $text).State | Should -Be '[1] Stable', '[8] Failed', '[1] Stable'
        }

        It 'reads the MachineKeys ACL entries of icacls, the first one after the path' {
            $entries = @(ConvertFrom-AzbtIcacls (Get-Content -Raw -LiteralPath (Join-Path $Samples 'icacls-machinekeys-changed.txt')))
            $entries.Principal | Should -Be 'NT AUTHORITY\SYSTEM', 'Everyone', 'BUILTIN\Administrators'
            $entries.Rights | Should -Be '(OI)(CI)(F)', '(R)', '(OI)(CI)(RX)'
        }

        It 'reads each volume of manage-bde -status with its lock and conversion status' {
            $volumes = @(ConvertFrom-AzbtManageBde (Get-Content -Raw -LiteralPath (Join-Path $Samples 'manage-bde-locked.txt')))
            $volumes.Volume | Should -Be 'C:', 'F:'
            $volumes.LockStatus | Should -Be 'Unlocked', 'Locked'
            $volumes.ConversionStatus | Should -Be 'Used Space Only Encrypted', 'Unknown'
            $volumes.ProtectionStatus | Should -Be 'Protection On', 'Unknown'
        }

        It 'caps a list at three items and says how many more' {
            Join-AzbtList @('a', 'b', 'c', 'd', 'e') | Should -Be 'a;b;c;+2'
        }
    }

    Context 'the whole script with the Windows-only reads replaced' {
        It 'prints one document with every check passing on a healthy VM' {
            $run = Invoke-WindowsScript
            $run.Document.schemaVersion | Should -Be 1
            $run.Document.os | Should -Be 'Windows'
            $run.Document.osVersion | Should -Be '10.0.20348.0'
            $run.Document.checks.Count | Should -Be 17
            foreach ($check in $run.Document.checks) { "$($check.id)=$($check.state)" | Should -Be "$($check.id)=Pass" }
            (Get-Check $run.Document 'VssWriters').facts.writers | Should -Be 3
        }

        It 'prints nothing with -NoRun' {
            @(& $WindowsScript -NoRun) | Should -BeNullOrEmpty
        }

        It 'never fails as a whole: run as-is where no Windows tool exists, it prints one document under the bound' {
            $text = (& $WindowsScript) -join "`n"
            [Text.Encoding]::UTF8.GetByteCount($text) | Should -BeLessThan $SizeBound
            $document = $text | ConvertFrom-Json
            $document.checks.Count | Should -Be 17
            foreach ($check in $document.checks) { $check.state | Should -BeIn 'Pass', 'Fail', 'Warning', 'Unknown' }
        }

        It '<Id> is <State> when <Case>' -ForEach @(
            @{ Id = 'GuestAgent'; State = 'Fail'; Case = 'the guest agent service is stopped'; Reads = @{ 'Read-AzbtService' = { param($Name) if ($Name -eq 'WindowsAzureGuestAgent') { New-Service $Name 'Stopped' } else { New-Service $Name } } }; Fact = 'WindowsAzureGuestAgent'; Value = 'Stopped/Auto' }
            @{ Id = 'GuestAgent'; State = 'Fail'; Case = 'RdAgent is missing'; Reads = @{ 'Read-AzbtService' = { param($Name) if ($Name -ne 'RdAgent') { New-Service $Name } } }; Fact = 'RdAgent'; Value = 'Missing' }
            @{ Id = 'VssService'; State = 'Fail'; Case = 'VSS is disabled'; Reads = @{ 'Read-AzbtService' = { param($Name) New-Service $Name 'Stopped' 'Disabled' 'NT AUTHORITY\NetworkService' } }; Fact = 'startMode'; Value = 'Disabled' }
            @{ Id = 'VssWriters'; State = 'Fail'; Case = 'a writer failed and another timed out'; Reads = @{ 'Read-AzbtVssWriters' = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'vssadmin-writers-failed.txt') } }; Fact = 'unstable'; Value = 'SqlServerWriter;System Writer' }
            @{ Id = 'VssWriters'; State = 'Unknown'; Case = 'vssadmin is refused'; Reads = @{ 'Read-AzbtVssWriters' = { throw 'Access is denied.' } }; Fact = 'reason'; Value = 'Access is denied.' }
            @{ Id = 'ComPlus'; State = 'Fail'; Case = 'COM+ System Application is disabled'; Reads = @{ 'Read-AzbtService' = { param($Name) New-Service $Name 'Stopped' 'Disabled' 'NT AUTHORITY\NetworkService' } }; Fact = 'startMode'; Value = 'Disabled' }
            @{ Id = 'ComPlus'; State = 'Warning'; Case = 'COM+ System Application is stopped'; Reads = @{ 'Read-AzbtService' = { param($Name) New-Service $Name 'Stopped' 'Manual' 'NT AUTHORITY\NetworkService' } }; Fact = 'status'; Value = 'Stopped' }
            @{ Id = 'Msdtc'; State = 'Fail'; Case = 'MSDTC logs on as LocalSystem'; Reads = @{ 'Read-AzbtService' = { param($Name) New-Service $Name 'Running' 'Manual' 'LocalSystem' } }; Fact = 'account'; Value = 'LocalSystem' }
            @{ Id = 'MachineKeysAcl'; State = 'Fail'; Case = 'the MachineKeys ACL was changed'; Reads = @{ 'Read-AzbtMachineKeysAcl' = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'icacls-machinekeys-changed.txt') } }; Fact = 'administrators'; Value = '(OI)(CI)(RX)' }
            @{ Id = 'Antivirus'; State = 'Fail'; Case = 'IaaSBcdrExtension.exe crashed'; Reads = @{ 'Read-AzbtEvents' = { param($LogName, $Id) if ($Id -eq 1000) { 'Faulting application name: IaaSBcdrExtension.exe, version: 1.0.0.0' } } }; Fact = 'extensionCrashes7d'; Value = 1 }
            @{ Id = 'Antivirus'; State = 'Warning'; Case = 'Defender scans without the exclusions'; Reads = @{ 'Read-AzbtDefenderPreference' = { [pscustomobject]@{ ExclusionPath = $null; ExclusionProcess = $null; DisableRealtimeMonitoring = $false } } }; Fact = 'missingExclusions'; Value = 2 }
            @{ Id = 'BitLocker'; State = 'Fail'; Case = 'a BitLocker volume is locked'; Reads = @{ 'Read-AzbtBitLockerStatus' = { Get-Content -Raw -LiteralPath (Join-Path $Samples 'manage-bde-locked.txt') } }; Fact = 'locked'; Value = 'F:' }
            @{ Id = 'BitLocker'; State = 'Unknown'; Case = 'manage-bde is missing'; Reads = @{ 'Read-AzbtBitLockerStatus' = { throw 'manage-bde.exe not found' } }; Fact = 'reason'; Value = 'manage-bde.exe not found' }
            @{ Id = 'StrongCrypto'; State = 'Fail'; Case = 'the 32-bit .NET 4 key lacks SchUseStrongCrypto'; Reads = @{ 'Read-AzbtRegistryValue' = { param($Path, $Name) if ($Path -notlike '*Wow6432Node*') { $Registry["$Path|$Name"] } } }; Fact = 'missing'; Value = 'Wow6432Node\v4.0.30319' }
            @{ Id = 'MsiServer'; State = 'Fail'; Case = 'Windows Installer is disabled (Start 4)'; Reads = @{ 'Read-AzbtRegistryValue' = { param($Path, $Name) if ($Name -eq 'Start') { 4 } else { $Registry["$Path|$Name"] } } }; Fact = 'start'; Value = 4 }
            @{ Id = 'SqlVssCopyBackup'; State = 'Fail'; Case = 'SQL Server runs without USEVSSCOPYBACKUP'; Reads = @{ 'Read-AzbtServiceNames' = { param($Like) 'MSSQLSERVER', 'MSSQLFDLauncher' } }; Fact = 'sqlInstances'; Value = 'MSSQLSERVER' }
            @{ Id = 'SqlVssCopyBackup'; State = 'Pass'; Case = 'SQL Server runs with USEVSSCOPYBACKUP TRUE'; Reads = @{ 'Read-AzbtServiceNames' = { param($Like) 'MSSQL$SQLEXPRESS' }; 'Read-AzbtRegistryValue' = { param($Path, $Name) if ($Name -eq 'USEVSSCOPYBACKUP') { 'TRUE' } else { $Registry["$Path|$Name"] } } }; Fact = 'useVssCopyBackup'; Value = 'TRUE' }
            @{ Id = 'Dhcp'; State = 'Fail'; Case = 'an adapter has a static address'; Reads = @{ 'Read-AzbtNetworkAdapters' = { [pscustomobject]@{ Description = 'Microsoft Hyper-V Network Adapter #2'; DHCPEnabled = $false } } }; Fact = 'staticAdapters'; Value = 'Microsoft Hyper-V Network Adapter #2' }
            @{ Id = 'WireServer'; State = 'Fail'; Case = 'port 32526 of 168.63.129.16 is blocked'; Reads = @{ 'Test-AzbtTcpPort' = { param($Address, $Port) $Port -ne 32526 } }; Fact = 'port32526'; Value = $false }
            @{ Id = 'OtherBackup'; State = 'Warning'; Case = 'Windows Server Backup logged event 517'; Reads = @{ 'Read-AzbtEvents' = { param($LogName, $Id) if ($Id -eq 517) { 'The backup operation that started at ... has failed.' } } }; Fact = 'windowsServerBackupErrors7d'; Value = 1 }
            @{ Id = 'PendingReboot'; State = 'Fail'; Case = 'Windows Update waits for a reboot'; Reads = @{ 'Test-AzbtRegistryKey' = { param($Path) $Path -like '*RebootRequired' -or $RegistryKeys -contains $Path } }; Fact = 'pending'; Value = 'WindowsUpdate' }
            @{ Id = 'DotNet45'; State = 'Fail'; Case = '.NET Framework 4.5 is missing'; Reads = @{ 'Read-AzbtRegistryValue' = { param($Path, $Name) if ($Name -ne 'Release') { $Registry["$Path|$Name"] } } }; Fact = 'release'; Value = '' }
        ) {
            $check = Get-Check (Invoke-WindowsScript -Reads $Reads).Document $Id
            $check.state | Should -Be $State
            $check.facts.$Fact | Should -Be $Value
        }

        It 'stays under the bound in the worst case: every check failing or unknown with the longest values' {
            $long = '"\' * 300
            $writers = (1..60 | ForEach-Object { "Writer name: '$long$_'`n   State: [8] Failed $long`n   Last error: $long`n" }) -join "`n"
            $failing = Invoke-WindowsScript -Reads @{
                'Read-AzbtVssWriters'         = { $writers }
                'Read-AzbtService'            = { param($Name) New-Service $Name ('Stopped' + $long) 'Disabled' ('LocalSystem' + $long) }
                'Read-AzbtServiceNames'       = { param($Like) 1..50 | ForEach-Object { "MSSQL`$$long$_" } }
                'Read-AzbtMachineKeysAcl'     = { "C:\ProgramData\Microsoft\Crypto\RSA\MachineKeys Everyone:($long)`n" + ((1..50 | ForEach-Object { "    BUILTIN\Administrators:($long$_)" }) -join "`n") }
                'Read-AzbtBitLockerStatus'    = { (1..26 | ForEach-Object { "Volume $long$_`n    Lock Status: Locked`n    Conversion Status: $long" }) -join "`n" }
                'Read-AzbtRegistryValue'      = { param($Path, $Name) if ($Name -eq 'Start') { 4 } elseif ($Name -eq 'Release') { 1 } else { $long } }
                'Test-AzbtRegistryKey'        = { param($Path) $true }
                'Read-AzbtDefenderPreference' = { throw $long }
                'Read-AzbtEvents'             = { param($LogName, $Id) 1..50 | ForEach-Object { "IaaSBcdrExtension.exe $long" } }
                'Read-AzbtNetworkAdapters'    = { 1..20 | ForEach-Object { [pscustomobject]@{ Description = "$long$_"; DHCPEnabled = $false } } }
                'Test-AzbtTcpPort'            = { param($Address, $Port) $false }
                'Read-AzbtOsVersion'          = { $long }
            }
            $throwing = Invoke-WindowsScript -Reads @{
                'Read-AzbtVssWriters' = { throw $long }; 'Read-AzbtService' = { throw $long }; 'Read-AzbtServiceNames' = { throw $long }
                'Read-AzbtMachineKeysAcl' = { throw $long }; 'Read-AzbtBitLockerStatus' = { throw $long }; 'Read-AzbtRegistryValue' = { throw $long }
                'Test-AzbtRegistryKey' = { throw $long }; 'Read-AzbtDefenderPreference' = { throw $long }; 'Read-AzbtEvents' = { throw $long }
                'Read-AzbtNetworkAdapters' = { throw $long }; 'Test-AzbtTcpPort' = { throw $long }; 'Read-AzbtOsVersion' = { throw $long }
            }
            foreach ($run in $failing, $throwing) {
                $bytes = [Text.Encoding]::UTF8.GetByteCount($run.Text)
                Write-Host "Windows guest script, worst case: $bytes bytes"
                $bytes | Should -BeLessThan $SizeBound
                $run.Document.checks.Count | Should -Be 17
            }
            foreach ($check in $failing.Document.checks | Where-Object id -NE 'SnapshotSettings') { "$($check.id)=$($check.state)" | Should -Match '=(Fail|Warning)$' }
            foreach ($check in $throwing.Document.checks) { "$($check.id)=$($check.state)" | Should -Be "$($check.id)=Unknown" }
            (Get-Check $failing.Document 'VssWriters').facts.unstable | Should -Match ';\+57$'
        }
    }
}
