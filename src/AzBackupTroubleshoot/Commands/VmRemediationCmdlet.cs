using AzBackupTroubleshoot.Termination;
using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// A cmdlet that changes one VM's backup resources: the VM by resource group and name, or by resource id (also
    /// from Get-AzVM or a diagnosis on the pipeline), and what it reports afterwards.
    /// </summary>
    public abstract class VmRemediationCmdlet : AzureCmdlet
    {
        protected const string ByIdSet = "ByResourceId";
        protected const string ByNameSet = "ByName";

        /// <summary>
        /// <para type="description">The VM's resource group.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        /// <summary>
        /// <para type="description">The VM's name.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string? VMName { get; set; }

        /// <summary>
        /// <para type="description">The VM's resource id (Id of Get-AzVM, VmId of a diagnosis).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "VmId")]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>
        /// <para type="description">Return what was done (a RemediationResult).</para>
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// <para type="description">How many seconds reading the VM, and then the changes, may take (default 600). Past it the run stops, every lifted lock is put back, and the state of each restore point collection is reported.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>How long a termination signal may hold the process while the run puts its locks back and reports.</summary>
        private static readonly TimeSpan TerminationHoldLimit = TimeSpan.FromMinutes(5);

        /// <summary>The VM the parameters name; the subscription of a name comes from -SubscriptionId or the Az context.</summary>
        private VmIdentity TargetVm(ConnectionOptions settings)
        {
            if (ResourceId != null)
            {
                if (!AzureResourceId.TryParse(ResourceId, out var id, out var problem) || id!.ResourceGroupName == null || id.Name == null)
                {
                    ThrowTerminatingError(ErrorIds.InvalidVmResourceId.Record(new ArgumentException($"'{ResourceId}' is not a VM resource id: {problem}"), ResourceId));
                }

                return new VmIdentity(id!.Id, id.SubscriptionId, id.ResourceGroupName!, id.Name!);
            }

            if (settings.SubscriptionIds.Count == 0)
            {
                ThrowTerminatingError(ErrorIds.SubscriptionNotGiven.Record(new ArgumentException("No subscription: give -SubscriptionId, a -ResourceId, or sign in with Connect-AzAccount."), VMName));
            }

            var subscription = settings.SubscriptionIds[0];
            return new VmIdentity($"/subscriptions/{subscription}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Compute/virtualMachines/{VMName}", subscription, ResourceGroupName!, VMName!);
        }

        /// <summary>The subscription a -ResourceId names, so the session reaches it.</summary>
        private string[] SubscriptionsFromTarget() =>
            ResourceId != null && AzureResourceId.TryParse(ResourceId, out var id, out _) ? [id!.SubscriptionId] : [];

        /// <summary>
        /// Reads the target VM's evidence, lets <paramref name="planAndConfirm"/> plan and ask (on the pipeline thread),
        /// runs the confirmed plan and reports the outcome; a failure of the run is <paramref name="failed"/>.
        /// </summary>
        protected void Remediate<TPlan>(
            Func<VmEvidence, TPlan?> planAndConfirm,
            Func<RemediationExecutor, TPlan, VmEvidence, CancellationToken, Task<RemediationResult>> execute,
            ErrorId failed)
            where TPlan : class
        {
            var settings = ReadConnectionOptions(SubscriptionsFromTarget());
            var vm = TargetVm(settings);

            // SIGTERM, SIGHUP and the console's close/logoff/shutdown stop the run like Ctrl+C; the process is held until it reported.
            using var termination = TerminationGuard.Start(
                signal =>
                {
                    Output.WriteWarning($"{TerminationSignals.Describe(signal)}: stopping; every lifted lock is put back before the process ends.");
                    CancelWork();
                },
                TerminationHoldLimit);
            try
            {
                Report(Run(() => RemediationRunner.RunAsync(settings, vm, Output, planAndConfirm, execute, TimeSpan.FromSeconds(TimeoutSec), Cancellation)), failed);
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OutOfMemoryException)
            {
                WriteError(ErrorRecords.OfFailure(ex, failed, vm.ResourceId));
            }
        }

        /// <summary>The error a lock that could not be put back is reported with: the command that puts it back by hand.</summary>
        internal static ErrorRecord LockRestoreFailed(LockRestoreFailure failure)
        {
            var error = ErrorIds.LockRestoreFailed.Record(
                new InvalidOperationException($"Lock {failure.Lock} was removed and could not be put back ({failure.Error.Message}). Put it back with: {failure.RecreateCommand}", failure.Error),
                failure.Lock.ResourceId);
            error.ErrorDetails = new ErrorDetails($"Lock {failure.Lock} was removed and could not be put back ({failure.Error.Message}).") { RecommendedAction = failure.RecreateCommand };
            return error;
        }

        /// <summary>Reports a remediation's outcome: its error, each lock not put back (with the command that does it), and -PassThru.</summary>
        private void Report(RemediationResult? result, ErrorId failed)
        {
            if (result == null)
            {
                return;
            }

            if (result.Error != null)
            {
                WriteError((result.TimedOut ? ErrorIds.TimedOut : failed).Record(result.Error, result.VmId));
            }

            foreach (var id in result.UnansweredLockDeletes)
            {
                WriteWarning($"The DELETE of lock {id} got no clear answer, but the lock was gone when read back: it counted as lifted and was put back with the others.");
            }

            if (result.Cancelled || result.TimedOut)
            {
                WriteWarning(result.RestoredLocks.Count == 0
                    ? "The run was stopped before its end; no lock had been lifted."
                    : $"The run was stopped before its end; every lifted lock that could be was put back: {string.Join(", ", result.RestoredLocks)}.");
            }

            foreach (var state in result.CollectionStates)
            {
                WriteWarning($"Restore point collection {state}.");
            }

            foreach (var failure in result.LockRestoreFailures)
            {
                WriteError(LockRestoreFailed(failure));
            }

            if (result.Note != null)
            {
                WriteWarning(result.Note);
            }

            if (PassThru.IsPresent)
            {
                WriteObject(result);
            }
        }

    }
}
