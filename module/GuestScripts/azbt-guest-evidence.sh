#!/bin/sh
# Reads, inside a Linux Azure VM, the facts that decide the in-guest causes of backup failures and prints them as one
# compact JSON document: {"schemaVersion":1,"os":"Linux","osVersion":...,"checks":[{"id","state","facts"}]}.
#
# Read-only: it starts, stops and writes nothing. POSIX sh; tools are taken from PATH, and a check whose tool is missing
# reports the state Unknown with the reason. Every file it reads is under $AZBT_GUEST_ROOT (empty: the real root), so
# that tests can point it at prepared trees. Values and lists are capped so the output stays far below the 4,096 bytes
# Run Command returns.
#
#   sudo sh azbt-guest-evidence.sh > azbt-guest.json

R="${AZBT_GUEST_ROOT:-}"
MAX_VALUE=48
MAX_ITEMS=3
WIRESERVER=168.63.129.16
LC_ALL=C
export LC_ALL

have() { command -v "$1" >/dev/null 2>&1; }

# A JSON string body: control characters dropped, capped at MAX_VALUE bytes, then escaped.
json_text() {
    printf '%s' "$1" | tr -d '\000-\037' | cut -c1-"$MAX_VALUE" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

# Newline-separated items as one capped value: the first MAX_ITEMS joined by ';', then ';+N' for the rest (room kept
# for it within MAX_VALUE).
join_list() {
    _items=$(printf '%s\n' "$1" | sed '/^$/d')
    if [ -z "$_items" ]; then printf ''; return; fi
    _count=$(printf '%s\n' "$_items" | wc -l | tr -d ' ')
    _shown=$(printf '%s\n' "$_items" | head -n "$MAX_ITEMS" | tr '\n' ';' | sed 's/;$//')
    if [ "$_count" -gt "$MAX_ITEMS" ]; then
        _shown="$(printf '%s' "$_shown" | cut -c1-$((MAX_VALUE - 6)));+$((_count - MAX_ITEMS))"
    fi
    printf '%s' "$_shown"
}

FACTS=''
CHECKS=''
fact() {
    [ -n "$FACTS" ] && FACTS="$FACTS,"
    FACTS="$FACTS\"$1\":\"$(json_text "$2")\""
}
# A number or true/false, as is.
fact_raw() {
    [ -n "$FACTS" ] && FACTS="$FACTS,"
    FACTS="$FACTS\"$1\":$2"
}
check() {
    [ -n "$CHECKS" ] && CHECKS="$CHECKS,"
    CHECKS="$CHECKS{\"id\":\"$1\",\"state\":\"$2\",\"facts\":{$FACTS}}"
    FACTS=''
}
unknown() { FACTS=''; fact reason "$2"; check "$1" Unknown; }

# The last value of KEY in a "KEY=value" or "KEY = value" or "KEY: value" file, comments and quotes removed.
conf_value() {
    [ -r "$1" ] || return 0
    sed -n "s/^[[:space:]]*$2[[:space:]]*[=:][[:space:]]*//p" "$1" | sed 's/[[:space:]]*#.*$//; s/[[:space:]]*$//; s/^["'\'']//; s/["'\'']$//' | tail -n 1
}

# ---- checks ----

check_agent() {
    _status=''
    _service=''
    if have systemctl; then
        for _name in walinuxagent waagent; do
            _state=$(systemctl is-active "$_name" 2>/dev/null | head -n 1)
            if [ -z "$_service" ] || [ "$_state" = active ]; then _service=$_name; _status=${_state:-unknown}; fi
            [ "$_state" = active ] && break
        done
    elif have ps; then
        _service=process
        if ps -e -o args 2>/dev/null | grep -v grep | grep -q -i -e 'waagent' -e 'WALinuxAgent'; then _status=active; else _status=absent; fi
    else
        unknown Agent 'neither systemctl nor ps found'; return
    fi
    fact service "$_service"
    fact status "$_status"
    if have waagent; then
        _versions=$(waagent --version 2>/dev/null)
        fact version "$(printf '%s\n' "$_versions" | sed -n 's/^\(WALinuxAgent-[^ ]*\).*/\1/p' | head -n 1)"
        fact goalState "$(printf '%s\n' "$_versions" | sed -n 's/^Goal state agent: *//p' | head -n 1)"
    else
        fact version 'waagent not found'
    fi
    if [ "$_status" = active ]; then check Agent Pass; else check Agent Fail; fi
}

check_waagent_conf() {
    _conf="$R/etc/waagent.conf"
    if [ ! -r "$_conf" ]; then fact_raw present false; check WaagentConf Fail; return; fi
    _extensions=$(conf_value "$_conf" 'Extensions\.Enable')
    _provisioning=$(conf_value "$_conf" 'Provisioning\.Agent')
    fact extensionsEnable "${_extensions:-default}"
    fact provisioningAgent "${_provisioning:-default}"
    fact proxy "$(conf_value "$_conf" 'HttpProxy\.Host')"
    fact autoUpdate "$(conf_value "$_conf" 'AutoUpdate\.Enabled')"
    case "$_extensions" in n|N|no|false) check WaagentConf Fail; return ;; esac
    if [ -n "$_provisioning" ] && [ "$_provisioning" != auto ]; then check WaagentConf Fail; return; fi
    check WaagentConf Pass
}

check_python() {
    for _python in python3 python python2; do
        have "$_python" || continue
        _version=$("$_python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null | head -n 1)
        [ -n "$_version" ] || continue
        fact interpreter "$_python"
        fact version "$_version"
        _major=${_version%%.*}
        _minor=${_version#*.}
        if [ "$_major" -gt 2 ] || { [ "$_major" -eq 2 ] && [ "$_minor" -ge 6 ]; }; then check Python Pass; else check Python Fail; fi
        return
    done
    fact interpreter 'none found'
    check Python Fail
}

# Mounts the snapshot freezes: writable, not pseudo, not skipped by MountsToSkip. Prints "device mountpoint fstype".
frozen_mounts() {
    _skip=$(conf_value "$R/etc/azure/vmbackup.conf" MountsToSkip | tr ',' ' ')
    [ -r "$R/proc/mounts" ] || return 0
    while read -r _dev _mp _type _opts _rest; do
        case "$_type" in
            proc|sysfs|tmpfs|devtmpfs|devpts|cgroup|cgroup2|mqueue|securityfs|debugfs|tracefs|pstore|bpf|hugetlbfs|autofs|configfs|fusectl|binfmt_misc|rpc_pipefs|nsfs|squashfs|iso9660|efivarfs|ramfs|selinuxfs|overlay|fuse.lxcfs) continue ;;
        esac
        case ",$_opts," in *,ro,*) continue ;; esac
        _skipped=no
        for _s in $_skip; do [ "$_s" = "$_mp" ] && _skipped=yes; done
        [ "$_skipped" = yes ] && continue
        printf '%s %s %s\n' "$_dev" "$_mp" "$_type"
    done < "$R/proc/mounts"
}

check_mounts() {
    if [ ! -r "$R/proc/mounts" ]; then unknown Mounts 'mounts table not readable'; return; fi
    _mounts=$(frozen_mounts)
    _network=$(printf '%s\n' "$_mounts" | awk '$3 ~ /^(nfs|nfs4|cifs|smb3|smbfs|glusterfs|ceph|9p)$/ || $3 ~ /^fuse/ { print $2 }')
    _bind=$(printf '%s\n' "$_mounts" | awk '$1 ~ /^\/dev\// { n[$1]++; if (n[$1] > 1) print $2 }')
    fact_raw mounts "$(printf '%s\n' "$_mounts" | sed '/^$/d' | wc -l | tr -d ' ')"
    fact unfreezable "$(join_list "$_network")"
    fact bindMounts "$(join_list "$_bind")"
    if [ -n "$_network" ]; then check Mounts Fail; elif [ -n "$_bind" ]; then check Mounts Warning; else check Mounts Pass; fi
}

check_fs_state() {
    if ! have tune2fs; then unknown FsState 'tune2fs not found'; return; fi
    _devices=$(frozen_mounts | awk '$3 ~ /^ext[234]$/ && $1 ~ /^\// { print $1 }' | sort -u)
    _unclean=''
    _checked=0
    for _dev in $_devices; do
        _state=$(tune2fs -l "$_dev" 2>/dev/null | sed -n 's/^Filesystem state:[[:space:]]*//p' | head -n 1)
        [ -n "$_state" ] || continue
        _checked=$((_checked + 1))
        [ "$_state" = clean ] || _unclean="$_unclean$_dev:$_state
"
    done
    fact_raw checked "$_checked"
    fact notClean "$(join_list "$_unclean")"
    if [ -n "$_unclean" ]; then check FsState Fail; else check FsState Pass; fi
}

check_uuids() {
    if ! have blkid; then unknown DuplicateUuid 'blkid not found'; return; fi
    _uuids=$(blkid -s UUID -o value 2>/dev/null | sed '/^$/d')
    _dups=$(printf '%s\n' "$_uuids" | sed '/^$/d' | sort | uniq -d)
    fact_raw devices "$(printf '%s\n' "$_uuids" | sed '/^$/d' | wc -l | tr -d ' ')"
    fact duplicates "$(join_list "$_dups")"
    if [ -n "$_dups" ]; then check DuplicateUuid Fail; else check DuplicateUuid Pass; fi
}

check_vmbackup_conf() {
    _conf="$R/etc/azure/vmbackup.conf"
    if [ ! -r "$_conf" ]; then fact_raw present false; check VmBackupConf Pass; return; fi
    _failed=$(conf_value "$_conf" isanysnapshotfailed)
    fact_raw present true
    fact mountsToSkip "$(conf_value "$_conf" MountsToSkip)"
    fact fsfreeze "$(conf_value "$_conf" fsfreeze)"
    fact isanysnapshotfailed "$_failed"
    case "$_failed" in [Tt]rue) check VmBackupConf Fail ;; *) check VmBackupConf Pass ;; esac
}

check_dhcp() {
    _static=''
    for _file in "$R"/etc/netplan/*.yaml; do
        [ -r "$_file" ] && grep -q -E 'dhcp4:[[:space:]]*(false|no)' "$_file" && _static="$_static${_file#"$R"}
"
    done
    for _file in "$R"/etc/sysconfig/network-scripts/ifcfg-eth* "$R"/etc/sysconfig/network/ifcfg-eth*; do
        [ -r "$_file" ] && grep -q -i -E "^BOOTPROTO=[\"']?(static|none)" "$_file" && _static="$_static${_file#"$R"}
"
    done
    [ -r "$R/etc/network/interfaces" ] && grep -q -E '^[[:space:]]*iface[[:space:]]+eth[0-9]+[[:space:]]+inet[[:space:]]+static' "$R/etc/network/interfaces" && _static="$_static/etc/network/interfaces
"
    _leases=$(ls "$R"/var/lib/dhcp/*.lease* "$R"/var/lib/dhclient/* "$R"/run/systemd/netif/leases/* "$R"/var/lib/NetworkManager/*.lease "$R"/var/lib/wicked/lease-* 2>/dev/null | wc -l | tr -d ' ')
    fact staticConfig "$(join_list "$_static")"
    fact_raw leases "$_leases"
    if [ -n "$_static" ]; then check Dhcp Fail
    elif [ "$_leases" -gt 0 ]; then check Dhcp Pass
    else FACTS=''; unknown Dhcp 'no DHCP lease or network configuration found'
    fi
}

# Whether an HTTP request to the URL got any answer: 0 yes, 1 no, 2 no tool.
http_answers() {
    if have curl; then
        _code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)
        [ -n "$_code" ] && [ "$_code" != 000 ] && return 0
        return 1
    elif have wget; then
        wget -q -T 5 -t 1 -O /dev/null "$1" >/dev/null 2>&1
        # 0: success; 8: the server answered with an error status.
        case $? in 0|8) return 0 ;; *) return 1 ;; esac
    fi
    return 2
}

check_wireserver() {
    http_answers "http://$WIRESERVER/?comp=versions"; _port80=$?
    if [ "$_port80" -eq 2 ]; then unknown WireServer 'neither curl nor wget found'; return; fi
    http_answers "http://$WIRESERVER:32526/vmSettings"; _port32526=$?
    if [ "$_port80" -eq 0 ]; then fact_raw port80 true; else fact_raw port80 false; fi
    if [ "$_port32526" -eq 0 ]; then fact_raw port32526 true; else fact_raw port32526 false; fi
    if have ip; then fact route "$(ip route get "$WIRESERVER" 2>/dev/null | head -n 1)"; fi
    if [ "$_port80" -eq 0 ] && [ "$_port32526" -eq 0 ]; then check WireServer Pass; else check WireServer Fail; fi
}

check_selinux() {
    _enforce="$R/sys/fs/selinux/enforce"
    if [ -r "$_enforce" ] && [ "$(head -c 1 "$_enforce")" = 1 ]; then fact mode enforcing; check SELinux Warning; return; fi
    if [ -r "$_enforce" ]; then fact mode permissive; else fact mode absent; fi
    check SELinux Pass
}

check_snapshot_log() {
    _log="$R/var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log"
    if [ ! -r "$_log" ]; then fact_raw present false; check SnapshotLog Pass; return; fi
    _errors=$(grep -i -E 'freeze' "$_log" | grep -i -E 'error|fail' | tail -n 1)
    fact_raw present true
    fact lastFreezeError "$_errors"
    if [ -n "$_errors" ]; then check SnapshotLog Warning; else check SnapshotLog Pass; fi
}

os_version() {
    _pretty=$(conf_value "$R/etc/os-release" PRETTY_NAME)
    json_text "${_pretty:-unknown}"
}

check_agent
check_waagent_conf
check_python
check_mounts
check_fs_state
check_uuids
check_vmbackup_conf
check_dhcp
check_wireserver
check_selinux
check_snapshot_log

printf '{"schemaVersion":1,"os":"Linux","osVersion":"%s","checks":[%s]}\n' "$(os_version)" "$CHECKS"
