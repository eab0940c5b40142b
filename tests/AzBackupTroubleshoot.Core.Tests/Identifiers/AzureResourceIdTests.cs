using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Core.Tests.Identifiers
{
    public class AzureResourceIdTests
    {
        private const string Vm = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1";

        [Fact]
        public void A_vm_id_parses_into_its_parts()
        {
            var id = AzureResourceId.Parse(Vm);
            Assert.Equal("00000000-0000-0000-0000-000000000001", id.SubscriptionId);
            Assert.Equal("rg1", id.ResourceGroupName);
            Assert.Equal("vm1", id.Name);
            Assert.Equal("Microsoft.Compute/virtualMachines", id.ResourceType);
            Assert.True(id.IsVirtualMachine);
        }

        [Fact]
        public void Child_resources_keep_every_segment()
        {
            var id = AzureResourceId.Parse(Vm + "/extensions/VMSnapshot");
            Assert.Equal("Microsoft.Compute/virtualMachines/extensions", id.ResourceType);
            Assert.Equal("VMSnapshot", id.Name);
            Assert.False(id.IsVirtualMachine);
        }

        [Theory]
        [InlineData("")]
        [InlineData("vm1")]
        [InlineData("/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm")]
        [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/")]
        [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines")]
        [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/Microsoft.Compute/virtualMachines/vm")]
        public void Malformed_ids_are_refused_with_a_reason(string text)
        {
            Assert.False(AzureResourceId.TryParse(text, out var parsed, out var problem));
            Assert.Null(parsed);
            Assert.NotEmpty(problem);
        }

        [Fact]
        public void A_resource_group_id_has_no_type() => Assert.Null(AzureResourceId.Parse("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg").ResourceType);
    }
}
