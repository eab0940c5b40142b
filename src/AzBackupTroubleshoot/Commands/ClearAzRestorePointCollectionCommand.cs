using System;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// The documented cleanup of a VM's full or locked restore point collection (B4, C6, C7): only the VM's own
    /// collections in AzureBackupRG_&lt;location&gt;_&lt;n&gt; groups are touched. Locks in the way are lifted only
    /// with -RemoveLock and are always put back exactly as they were, also after a failure or Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "AzRestorePointCollection", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RemediationResult))]
    public sealed class ClearAzRestorePointCollectionCommand : VmRemediationCmdlet
    {
        /// <summary>
        /// <para type="description">DeleteCollection (default) deletes the collections; OnDemandBackup triggers a backup after which the service cleans up within hours.</para>
        /// </summary>
        [Parameter]
        public CleanupMethod Method { get; set; } = CleanupMethod.DeleteCollection;

        /// <summary>
        /// <para type="description">Lift the locks in the way for the cleanup; each is put back exactly as it was.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter RemoveLock { get; set; }

        /// <summary>
        /// <para type="description">With -RemoveLock: also lift locks set on the whole subscription. Without it such a lock stops the cleanup, since lifting it unprotects every resource in the subscription for the duration.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter IncludeSubscriptionLock { get; set; }

        private const string ByCollectionSet = "ByRestorePointCollectionId";

        /// <summary>
        /// <para type="description">Clean this one restore point collection instead of naming a VM: the VM it was made from is read from the collection, and only this collection is deleted.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCollectionSet)]
        [ValidateNotNullOrEmpty]
        public string? RestorePointCollectionId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByCollectionSet && !TargetSourceVmOfCollection())
            {
                return;
            }

            Remediate(PlanAndConfirm, (executor, plan, evidence, ct) => executor.CleanUpAsync(plan, evidence, ct), ErrorIds.RestorePointCleanupFailed);
        }

        /// <summary>Makes the collection's source VM the target; false (with an error written) when there is none.</summary>
        private bool TargetSourceVmOfCollection()
        {
            var id = RestorePointCollectionId!;
            if (!AzureResourceId.TryParse(id, out var parsed, out var problem)
                || !string.Equals(parsed!.ResourceType, "Microsoft.Compute/restorePointCollections", StringComparison.OrdinalIgnoreCase))
            {
                WriteError(ErrorIds.InvalidRestorePointCollectionId.Record(
                    new ArgumentException(parsed == null ? problem : $"'{id}' is not a restore point collection (Microsoft.Compute/restorePointCollections)."), id));
                return false;
            }

            var settings = ReadConnectionOptions(parsed.SubscriptionId);
            string? source;
            try
            {
                source = Run(() => RemediationRunner.SourceVmOfAsync(settings, id, Cancellation));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OutOfMemoryException)
            {
                WriteError(ErrorRecords.OfFailure(ex, ErrorIds.RestorePointCollectionUnreadable, id));
                return false;
            }

            if (source == null)
            {
                WriteError(ErrorIds.RestorePointCollectionWithoutSource.Record(
                    new InvalidOperationException($"The restore point collection '{id}' names no source VM; it is left alone."), id));
                return false;
            }

            ResourceId = source;
            return true;
        }

        private RestorePointCleanupPlan? PlanAndConfirm(VmEvidence evidence)
        {
            var plan = RestorePointCleanupPlanner.Plan(evidence, Method, RemoveLock.IsPresent, RestorePointCollectionId, IncludeSubscriptionLock.IsPresent);
            foreach (var step in plan.Steps)
            {
                WriteVerbose(step);
            }

            if (plan.IsBlocked)
            {
                var locks = string.Join("; ", plan.Locks.Select(l => $"'{l.Name}' ({l.Level}) on {l.Scope}"));
                WriteError(ErrorIds.RestorePointLockPresent.Record(
                    new InvalidOperationException($"The restore points of {plan.Vm.Name} are locked by {locks}. Nothing was changed; run again with -RemoveLock to lift the locks for the cleanup and put them back afterwards."),
                    plan.Vm.ResourceId));
                return null;
            }

            if (plan.RefusesSubscriptionLocks)
            {
                var locks = string.Join("; ", plan.SubscriptionLocks.Select(l => $"'{l.Name}' ({l.Level}) on {l.Scope}"));
                WriteError(ErrorIds.SubscriptionLockRemovalRefused.Record(
                    new InvalidOperationException($"The restore points of {plan.Vm.Name} are also locked by the subscription lock {locks}. Lifting it unprotects every resource in the subscription, not only the backup's resource group, so it is not lifted with -RemoveLock alone. Nothing was changed; add -IncludeSubscriptionLock to lift it for the cleanup and put it back afterwards."),
                    plan.Vm.ResourceId));
                return null;
            }

            if (plan.IsEmpty)
            {
                WriteWarning($"{plan.Vm.Name} has no restore point collection in an AzureBackupRG_<location>_<n> resource group; nothing to clean up.");
                return null;
            }

            var description = $"Clean up the restore points of {plan.Vm.Name} ({plan.Method}):{System.Environment.NewLine}  "
                + string.Join(System.Environment.NewLine + "  ", plan.Steps);
            return ShouldProcess(description, description + System.Environment.NewLine + "Continue?", "Clear-AzRestorePointCollection") ? plan : null;
        }
    }
}
