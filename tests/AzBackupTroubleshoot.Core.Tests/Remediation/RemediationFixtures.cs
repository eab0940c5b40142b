using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    internal static class RemediationFixtures
    {
        public const string Sub = "00000000-0000-0000-0000-000000000001";
        public static readonly string VmId = $"/subscriptions/{Sub}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1";
        public static readonly string OtherVmId = $"/subscriptions/{Sub}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm2";

        public static string CollectionId(string group, string name) => $"/subscriptions/{Sub}/resourceGroups/{group}/providers/Microsoft.Compute/restorePointCollections/{name}";

        public static RestorePointCollectionEvidence Collection(string group, string name, string source, int count = 18) =>
            new(CollectionId(group, name), name, group, source, count);

        public static LockEvidence Lock(string name, string group, string level = "CanNotDelete", bool inherited = false) => new()
        {
            ResourceId = inherited
                ? $"/subscriptions/{Sub}/providers/Microsoft.Authorization/locks/{name}"
                : $"/subscriptions/{Sub}/resourceGroups/{group}/providers/Microsoft.Authorization/locks/{name}",
            Name = name,
            Level = level,
            Notes = "do not delete",
            Scope = inherited ? $"/subscriptions/{Sub}" : $"/subscriptions/{Sub}/resourceGroups/{group}",
            ResourceGroupName = group,
            Inherited = inherited,
        };

        public static VmEvidence Vm(params LockEvidence[] locks) => new()
        {
            Vm = new VmIdentity(VmId, Sub, "rg-app", "vm1"),
            Location = "eastus",
            RestorePointCollections =
            [
                Collection("AzureBackupRG_eastus_1", "AzureBackupRG_eastus_1_vm1", VmId),
                Collection("AzureBackupRG_eastus_1", "AzureBackupRG_eastus_1_vm2", OtherVmId),
                Collection("rg-app", "vm1-manual", VmId), // not the backup service's group: never touched
            ],
            Locks = locks,
        };
    }
}
