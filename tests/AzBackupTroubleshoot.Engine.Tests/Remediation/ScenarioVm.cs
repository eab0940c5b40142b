using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>The VM a fake ARM scenario is about, as the collector names it.</summary>
internal static class ScenarioVm
{
    public static VmIdentity Of(ArmWorld world) => Of(world.VmUnderTest!);

    public static VmIdentity Of(string vmId)
    {
        var id = AzureResourceId.Parse(vmId);
        return new VmIdentity(id.Id, id.SubscriptionId, id.ResourceGroupName!, id.Name!);
    }
}
