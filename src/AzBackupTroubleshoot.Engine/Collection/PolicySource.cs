using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using AzBackupTroubleshoot.Engine.Policy;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Policy assignments that apply at the VM (SDK, $filter=atScope()), then their definitions (REST), keeping those
    /// whose effect is deny or denyAction. An initiative's members cost one more round.
    /// </summary>
    internal sealed class PolicySource(ArmClient arm, PolicyDefinitionClient definitions)
    {
        private readonly ConcurrentDictionary<string, Task<Rest.ArmResource<PolicyDefinitionProperties>>> _definitions = new(StringComparer.OrdinalIgnoreCase);

        public Task<IReadOnlyList<PolicyAssignmentData>> ListAssignmentsAsync(VmIdentity vm, CancellationToken cancellationToken) =>
            ListAsync(vm.ResourceId, arm.GetVirtualMachineResource(new ResourceIdentifier(vm.ResourceId)).GetPolicyAssignments(), "atScope()", cancellationToken);

        /// <summary>
        /// Every assignment at, above or below a subscription or resource group, in one list: a bulk reader picks each
        /// VM's share (the assignments at the VM or one of its parents) instead of listing at every VM.
        /// </summary>
        public Task<IReadOnlyList<PolicyAssignmentData>> ListAssignmentsAsync(string subscriptionId, string? resourceGroupName, CancellationToken cancellationToken) =>
            ListAsync(
                (resourceGroupName == null ? SubscriptionResource.CreateResourceIdentifier(subscriptionId) : ResourceGroupResource.CreateResourceIdentifier(subscriptionId, resourceGroupName)).ToString(),
                resourceGroupName == null
                    ? arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId)).GetPolicyAssignments()
                    : arm.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(subscriptionId, resourceGroupName)).GetPolicyAssignments(),
                filter: null,
                cancellationToken);

        public async Task<IReadOnlyList<PolicyEvidence>> DenyPoliciesAsync(IEnumerable<PolicyAssignmentData> assignments, CancellationToken cancellationToken)
        {
            var enforced = assignments.Where(a => a.EnforcementMode != EnforcementMode.DoNotEnforce && a.PolicyDefinitionId != null);
            var perAssignment = await Task.WhenAll(enforced.Select(a => EvaluateAsync(a, cancellationToken))).ConfigureAwait(false);
            return perAssignment.SelectMany(found => found).ToArray();
        }

        private async Task<IEnumerable<PolicyEvidence>> EvaluateAsync(PolicyAssignmentData assignment, CancellationToken cancellationToken)
        {
            var values = ValuesOf(assignment.Parameters);
            if (assignment.PolicyDefinitionId.IndexOf("/policySetDefinitions/", StringComparison.OrdinalIgnoreCase) < 0)
            {
                var definition = await GetDefinitionAsync(assignment.PolicyDefinitionId, cancellationToken).ConfigureAwait(false);
                return Deny(assignment, assignment.PolicyDefinitionId, definition.Properties, values);
            }

            var set = await definitions.GetSetDefinitionAsync(assignment.PolicyDefinitionId, cancellationToken).ConfigureAwait(false);
            var members = (set.Properties?.PolicyDefinitions ?? []).Where(m => m.PolicyDefinitionId != null).ToArray();
            var memberDefinitions = await Task.WhenAll(members.Select(m => GetDefinitionAsync(m.PolicyDefinitionId!, cancellationToken))).ConfigureAwait(false);
            return members.Zip(memberDefinitions, (member, definition) =>
            {
                var memberValues = (member.Parameters ?? []).ToDictionary(
                    pair => pair.Key,
                    pair => PolicyRuleReader.Resolve(pair.Value.Value, values, set.Properties?.Parameters),
                    StringComparer.OrdinalIgnoreCase);
                return Deny(assignment, member.PolicyDefinitionId!, definition.Properties, memberValues);
            }).SelectMany(found => found).ToArray();
        }

        private static async Task<IReadOnlyList<PolicyAssignmentData>> ListAsync(string scope, PolicyAssignmentCollection collection, string? filter, CancellationToken cancellationToken)
        {
            var assignments = new List<PolicyAssignmentData>();
            var all = collection.GetAllAsync(filter: filter, cancellationToken: cancellationToken);
            await foreach (var assignment in ListGuard.ItemsOf(all, scope + "/providers/Microsoft.Authorization/policyAssignments", cancellationToken).ConfigureAwait(false))
            {
                assignments.Add(assignment.Data);
            }

            return assignments;
        }

        private Task<Rest.ArmResource<PolicyDefinitionProperties>> GetDefinitionAsync(string id, CancellationToken cancellationToken) =>
            _definitions.GetOrAdd(id, key => definitions.GetDefinitionAsync(key, cancellationToken));

        private static IEnumerable<PolicyEvidence> Deny(
            PolicyAssignmentData assignment,
            string definitionId,
            PolicyDefinitionProperties? definition,
            IReadOnlyDictionary<string, JsonElement> values)
        {
            if (definition == null)
            {
                yield break;
            }

            var effect = PolicyRuleReader.EffectOf(definition.PolicyRule, values, definition.Parameters);
            if (string.Equals(effect, "deny", StringComparison.OrdinalIgnoreCase)
                || string.Equals(effect, "denyAction", StringComparison.OrdinalIgnoreCase))
            {
                yield return new PolicyEvidence
                {
                    AssignmentId = assignment.Id.ToString(),
                    DisplayName = assignment.DisplayName ?? definition.DisplayName,
                    Scope = assignment.Scope,
                    PolicyDefinitionId = definitionId,
                    Effect = effect!,
                    TargetsResourceGroupsOrTags = PolicyRuleReader.TargetsResourceGroupsOrTags(definition.PolicyRule),
                };
            }
        }

        private static Dictionary<string, JsonElement> ValuesOf(IDictionary<string, ArmPolicyParameterValue> parameters) =>
            parameters.Where(pair => pair.Value?.Value != null).ToDictionary(
                pair => pair.Key,
                pair => JsonOf(pair.Value.Value),
                StringComparer.OrdinalIgnoreCase);

        private static JsonElement JsonOf(BinaryData data)
        {
            using var document = JsonDocument.Parse(data.ToMemory());
            return document.RootElement.Clone();
        }
    }
}
