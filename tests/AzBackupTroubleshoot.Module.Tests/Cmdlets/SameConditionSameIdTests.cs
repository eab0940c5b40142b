using System.Management.Automation;

namespace AzBackupTroubleshoot.Module.Tests.Cmdlets
{
    /// <summary>One condition has one error id in every cmdlet (ErrorIds).</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class SameConditionSameIdTests
    {
        private readonly ModuleSession _session;

        public SameConditionSameIdTests(ModuleSession session)
        {
            _session = session;
        }

        // -Identity keeps any Az context of the machine out: no subscription comes from anywhere, and nothing is sent.
        [Theory]
        [InlineData("Test-AzVmBackupReadiness -ResourceGroupName rg-app -Name vm-app -Identity")]
        [InlineData("Get-AzBackupFailureDiagnosis -ResourceGroupName rg-app -VMName vm-app -Identity")]
        [InlineData("Repair-AzVmBackupExtension -ResourceGroupName rg-app -VMName vm-app -Identity -Confirm:$false")]
        [InlineData("Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app -Identity -Confirm:$false")]
        public void A_vm_named_without_a_subscription_is_SubscriptionNotGiven(string command)
        {
            var result = _session.Run(command);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("SubscriptionNotGiven,", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
        }
    }
}
