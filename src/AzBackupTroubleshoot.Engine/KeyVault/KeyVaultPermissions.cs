using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>The permissions of an access policy entry, per kind of object.</summary>
    public sealed class KeyVaultPermissions
    {
        public List<string>? Keys { get; set; }

        public List<string>? Secrets { get; set; }
    }
}
