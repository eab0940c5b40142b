using System;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>Where the proof of an error's cause can be read.</summary>
    [Flags]
    public enum EvidenceClass
    {
        None = 0,
        /// <summary>Azure Resource Manager: VM, instance view, extensions, disks, locks, restore points, policy.</summary>
        Arm = 1,
        /// <summary>Recovery Services jobs and protected items.</summary>
        Job = 2,
        /// <summary>Only from inside the VM.</summary>
        Guest = 4,
        /// <summary>Only on the Azure Backup Server itself.</summary>
        Mabs = 8,
        /// <summary>Guidance only.</summary>
        Doc = 16,
    }
}
