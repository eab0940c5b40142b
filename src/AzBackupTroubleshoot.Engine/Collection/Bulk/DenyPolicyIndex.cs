using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// Deny policies per VM from assignments listed once per scope: each assignment's definitions are read and judged
    /// once for the whole scan, and a VM gets the verdicts of the assignments at its own scope or above it.
    /// </summary>
    internal sealed class DenyPolicyIndex(PolicySource policies, CancellationToken cancellationToken)
    {
        private readonly ConcurrentDictionary<string, Task<FetchResult<IReadOnlyList<PolicyEvidence>>>> _verdicts = new(StringComparer.OrdinalIgnoreCase);

        public async Task<FetchResult<IReadOnlyList<PolicyEvidence>>> ForVmAsync(VmIdentity vm, Task<FetchResult<IReadOnlyList<PolicyAssignmentData>>> listTask)
        {
            var listed = await listTask.ConfigureAwait(false);
            if (listed.Value == null)
            {
                return FetchResult<IReadOnlyList<PolicyEvidence>>.Missing(listed.Gap!);
            }

            var verdicts = await Task.WhenAll(listed.Value
                .Where(assignment => AppliesAt(assignment.Scope, vm.ResourceId))
                .Select(assignment => _verdicts.GetOrAdd(assignment.Id.ToString(), _ => GapOnFailure.FetchAsync(
                    EvidencePart.Policy,
                    "GET",
                    assignment.PolicyDefinitionId ?? "policyDefinitions",
                    () => policies.DenyPoliciesAsync([assignment], cancellationToken))))).ConfigureAwait(false);
            var gap = verdicts.Select(v => v.Gap).FirstOrDefault(g => g != null);
            return gap != null
                ? FetchResult<IReadOnlyList<PolicyEvidence>>.Missing(gap)
                : FetchResult<IReadOnlyList<PolicyEvidence>>.Of(verdicts.SelectMany(v => v.Value!).ToArray());
        }

        /// <summary>
        /// Whether an assignment at <paramref name="scope"/> applies to the resource, as atScope() answers for it: the
        /// scope is the resource or one of its parents. A management group's assignment was listed because it contains
        /// the subscription.
        /// </summary>
        internal static bool AppliesAt(string? scope, string resourceId)
        {
            if (string.IsNullOrEmpty(scope))
            {
                return false;
            }

            var parent = scope!.TrimEnd('/');
            if (!parent.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return resourceId.Equals(parent, StringComparison.OrdinalIgnoreCase)
                || resourceId.StartsWith(parent + "/", StringComparison.OrdinalIgnoreCase);
        }
    }
}
