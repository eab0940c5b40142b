using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>The VM's model with its instance view in one GET (extensions come in the model's resources[]).</summary>
    internal sealed class VmModelSource(ArmClient arm)
    {
        /// <summary>The VM, or null when ARM says it does not exist. Any other refusal is an <see cref="ArmRequestException"/>.</summary>
        public async Task<VirtualMachineData?> GetWithInstanceViewAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            try
            {
                var response = await arm.GetVirtualMachineResource(new ResourceIdentifier(vm.ResourceId))
                    .GetAsync(InstanceViewType.InstanceView, cancellationToken)
                    .ConfigureAwait(false);
                return response.Value.Data;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException exception)
            {
                throw ArmErrors.FromSdk(exception, "GET", vm.ResourceId);
            }
        }

        /// <summary>The extension list, for a model that came without resources[].</summary>
        public async Task<IReadOnlyList<VirtualMachineExtensionData>> ListExtensionsAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            var extensions = new List<VirtualMachineExtensionData>();
            var all = arm.GetVirtualMachineResource(new ResourceIdentifier(vm.ResourceId))
                .GetVirtualMachineExtensions()
                .GetAllAsync(cancellationToken: cancellationToken);
            await foreach (var extension in ListGuard.ItemsOf(all, vm.ResourceId + "/extensions", cancellationToken).ConfigureAwait(false))
            {
                extensions.Add(extension.Data);
            }

            return extensions;
        }

        /// <summary>
        /// The subscription's VMs with statusOnly=true, page by page: each carries only the VM-level statuses
        /// (provisioning and power state); no vmAgent, no extension statuses, no model.
        /// </summary>
        public IAsyncEnumerable<Page<VirtualMachineResource>> ListStatusPagesAsync(string subscriptionId, CancellationToken cancellationToken) =>
            ListGuard.PagesOf(
                arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId)).GetVirtualMachinesAsync(statusOnly: "true", cancellationToken: cancellationToken),
                SubscriptionResource.CreateResourceIdentifier(subscriptionId) + "/providers/Microsoft.Compute/virtualMachines",
                cancellationToken);

        /// <summary>The models (no instance view, no extensions) of a subscription's VMs, or of one resource group's.</summary>
        public async IAsyncEnumerable<VirtualMachineData> ListModelsAsync(
            string subscriptionId,
            string? resourceGroupName,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var scope = resourceGroupName == null
                ? SubscriptionResource.CreateResourceIdentifier(subscriptionId)
                : ResourceGroupResource.CreateResourceIdentifier(subscriptionId, resourceGroupName);
            var list = resourceGroupName == null
                ? arm.GetSubscriptionResource(scope).GetVirtualMachinesAsync(cancellationToken: cancellationToken)
                : arm.GetResourceGroupResource(scope).GetVirtualMachines().GetAllAsync(cancellationToken: cancellationToken);
            await foreach (var vm in ListGuard.ItemsOf(list, scope + "/providers/Microsoft.Compute/virtualMachines", cancellationToken).ConfigureAwait(false))
            {
                yield return vm.Data;
            }
        }

        /// <summary>Whether the model lacks resources[] although the agent reports extensions.</summary>
        public static bool NeedsExtensionList(VirtualMachineData vm) =>
            vm.Resources.Count == 0 && (vm.InstanceView?.Extensions.Any() ?? false);
    }
}
