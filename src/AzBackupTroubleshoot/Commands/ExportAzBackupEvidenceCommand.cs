using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Offline;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Writes everything a readiness check (or, with -FailedJobs or a vault, a live diagnosis) reads to one JSON file,
    /// with the same reads as the live cmdlets, so that Test-AzVmBackupReadiness -EvidencePath and
    /// Get-AzBackupFailureDiagnosis -EvidencePath judge it elsewhere, offline, to the same results. No token, no
    /// extension settings, no SAS query string; -Redact also replaces subscription ids and resource group, VM and
    /// vault names with placeholders.
    /// </summary>
    [Cmdlet(VerbsData.Export, "AzBackupEvidence", DefaultParameterSetName = SubscriptionSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportAzBackupEvidenceCommand : AzureCmdlet
    {
        private const string NameSet = "ByName";
        private const string IdSet = "ByResourceId";
        private const string ResourceGroupSet = "ByResourceGroup";
        private const string SubscriptionSet = "BySubscription";
        private const string VaultNameSet = "ByVaultName";
        private const string VaultIdSet = "ByVaultId";

        private readonly List<AzureResourceId> _vms = [];

        /// <summary>
        /// <para type="description">The snapshot file to write (UTF-8 JSON, overwritten).</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>
        /// <para type="description">The resource group of the VM (with -Name) or of the vault (with -VaultName), or the resource group whose VMs are all read (alone).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [Parameter(Mandatory = true, ParameterSetName = ResourceGroupSet)]
        [Parameter(Mandatory = true, ParameterSetName = VaultNameSet)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        /// <summary>
        /// <para type="description">The VM's name.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [Alias("VMName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>
        /// <para type="description">VM resource ids; objects from Get-AzVM bind by their Id property.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] ResourceId { get; set; } = [];

        /// <summary>
        /// <para type="description">The Recovery Services vault whose failed jobs, and their VMs' evidence, to read (with -ResourceGroupName), as Get-AzBackupFailureDiagnosis does.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultNameSet)]
        [ValidateNotNullOrEmpty]
        public string? VaultName { get; set; }

        /// <summary>
        /// <para type="description">The vault's resource id; its failed jobs and their VMs' evidence are read.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultIdSet)]
        [ValidateNotNullOrEmpty]
        public string? VaultId { get; set; }

        /// <summary>
        /// <para type="description">Read as Get-AzBackupFailureDiagnosis does, not as Test-AzVmBackupReadiness: the failed jobs of the VMs (or, for subscriptions, of every vault) and the evidence of the VMs they failed on.</para>
        /// </summary>
        [Parameter(ParameterSetName = NameSet)]
        [Parameter(ParameterSetName = IdSet)]
        [Parameter(ParameterSetName = SubscriptionSet)]
        public SwitchParameter FailedJobs { get; set; }

        /// <summary>
        /// <para type="description">With failed jobs: the oldest job start to read. Default: 7 days ago.</para>
        /// </summary>
        [Parameter(ParameterSetName = NameSet)]
        [Parameter(ParameterSetName = IdSet)]
        [Parameter(ParameterSetName = SubscriptionSet)]
        [Parameter(ParameterSetName = VaultNameSet)]
        [Parameter(ParameterSetName = VaultIdSet)]
        public DateTime? Since { get; set; }

        /// <summary>
        /// <para type="description">Also replace subscription ids and resource group, VM and vault names with placeholders (vm-001, rg-001 …), the same everywhere in the file, so the snapshot can be posted publicly.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Redact { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in ResourceId)
                {
                    if (AzureResourceId.TryParse(id, out var parsed, out var problem) && parsed!.IsVirtualMachine)
                    {
                        _vms.Add(parsed);
                    }
                    else
                    {
                        WriteError(ErrorIds.InvalidVmResourceId.Record(
                            new ArgumentException(parsed == null ? problem : $"'{id}' is a {parsed.ResourceType ?? "scope"}, not a virtual machine (Microsoft.Compute/virtualMachines)."),
                            id));
                    }
                }
            }
        }

        protected override void EndProcessing()
        {
            var named = AzureResourceId.TryParse(VaultId, out var vault, out _) ? [vault!.SubscriptionId] : _vms.Select(v => v.SubscriptionId).ToArray();
            var settings = ReadConnectionOptions(named);
            var subscription = settings.SubscriptionIds.FirstOrDefault();
            if (subscription == null && ParameterSetName != IdSet && ParameterSetName != VaultIdSet)
            {
                ThrowTerminatingError(ErrorIds.SubscriptionNotGiven.Record(
                    new PSArgumentException("No subscription: sign in with Connect-AzAccount, or give -SubscriptionId."), null));
            }

            if (ParameterSetName == IdSet && _vms.Count == 0)
            {
                return;
            }

            var vmName = $"/subscriptions/{subscription}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Compute/virtualMachines/{Name}";
            if (ParameterSetName == NameSet && !FailedJobs)
            {
                _vms.Add(AzureResourceId.Parse(vmName));
            }

            var subscriptions = settings.SubscriptionIds.Select(s => "/subscriptions/" + s).ToList();
            var since = Since.HasValue ? PipelineJob.Time(Since) : null;
            EvidenceSnapshot snapshot;
            try
            {
                snapshot = ParameterSetName switch
                {
                    VaultIdSet => Run(() => EvidenceExportRunner.DiagnosisAsync(settings, [VaultId!], since, Cancellation)),
                    VaultNameSet => Run(() => EvidenceExportRunner.DiagnosisAsync(settings, [$"/subscriptions/{subscription}/resourceGroups/{ResourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{VaultName}"], since, Cancellation)),
                    NameSet when FailedJobs => Run(() => EvidenceExportRunner.DiagnosisAsync(settings, [vmName], since, Cancellation)),
                    IdSet when FailedJobs => Run(() => EvidenceExportRunner.DiagnosisAsync(settings, _vms.Select(v => v.Id).ToList(), since, Cancellation)),
                    SubscriptionSet when FailedJobs => Run(() => EvidenceExportRunner.DiagnosisAsync(settings, subscriptions, since, Cancellation)),
                    ResourceGroupSet => Run(() => EvidenceExportRunner.ReadinessAsync(settings, [], [$"/subscriptions/{subscription}/resourceGroups/{ResourceGroupName}"], Cancellation)),
                    SubscriptionSet => Run(() => EvidenceExportRunner.ReadinessAsync(settings, [], subscriptions, Cancellation)),
                    _ => Run(() => EvidenceExportRunner.ReadinessAsync(settings, _vms, [], Cancellation)),
                };
            }
            catch (Exception ex) when (ErrorRecords.RefusedConnectionOf(ex, settings.ArmEndpoint) is { } refused)
            {
                ThrowTerminatingError(refused);
                return;
            }

            foreach (var problem in snapshot.Problems)
            {
                WriteError(ErrorRecords.Of(problem));
            }

            var path = GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                EvidenceFile.Write(snapshot, path, Redact);
                WriteVerbose($"Wrote the evidence of {snapshot.Vms.Count} VMs{(snapshot.FailedJobs == null ? string.Empty : $" and {snapshot.FailedJobs.Count} jobs")} to {path}{(Redact ? ", redacted" : string.Empty)}.");
                WriteObject(new FileInfo(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                WriteError(ErrorIds.EvidenceFileNotWritten.Record(ex, path));
            }
        }
    }
}
