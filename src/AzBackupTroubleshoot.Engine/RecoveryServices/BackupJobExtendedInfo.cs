using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>extendedInfo of a job's details: the property bag names the VM ("VM Name") and more.</summary>
    public sealed class BackupJobExtendedInfo
    {
        public Dictionary<string, string>? PropertyBag { get; set; }

        public string? DynamicErrorMessage { get; set; }
    }
}
