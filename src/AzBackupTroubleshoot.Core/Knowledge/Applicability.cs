using System;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>The operations an entry applies to.</summary>
    [Flags]
    public enum Applicability
    {
        None = 0,
        VmBackup = 1,
        Restore = 2,
        Job = 4,
        AgentExtension = 8,
        BackupServer = 16,
    }
}
