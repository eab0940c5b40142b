using AzBackupTroubleshoot.Reporting;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Offline;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Checks whether Azure VMs can be backed up: reads each VM's state from Azure Resource Manager and Recovery
    /// Services and judges it with every readiness rule (agent, extensions, power and provisioning state, disks,
    /// encryption, restore point locks and limits, jobs, protection, policy). One result per rule per VM, or one
    /// summary per VM; JUnit, NUnit, JSON, Markdown or HTML reports; -Assert fails the run when a rule fails.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "AzVmBackupReadiness", DefaultParameterSetName = SubscriptionSet)]
    [OutputType(typeof(ReadinessResult), typeof(VmReadinessSummary))]
    public sealed class TestAzVmBackupReadinessCommand : AzureCmdlet
    {
        private const string NameSet = "ByName";
        private const string IdSet = "ByResourceId";
        private const string ResourceGroupSet = "ByResourceGroup";
        private const string SubscriptionSet = "BySubscription";
        private const string EvidenceSet = "ByEvidence";

        private readonly List<AzureResourceId> _vms = [];
        private readonly List<string> _scopes = [];
        private readonly List<ReadinessResult> _results = [];
        private ReadinessEvaluator? _evaluator;
        private ConnectionOptions? _settings;

        /// <summary>
        /// <para type="description">The resource group of the VM (with -Name), or the resource group whose VMs are all checked (alone).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ResourceGroupSet)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        /// <summary>
        /// <para type="description">The VM's name.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = NameSet)]
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
        /// <para type="description">Judge an evidence snapshot (Export-AzBackupEvidence) offline instead of reading Azure: no sign-in, the same results the live run gave.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = EvidenceSet)]
        [ValidateNotNullOrEmpty]
        public string? EvidencePath { get; set; }

        /// <summary>
        /// <para type="description">In a resource group or subscription scan, count a restore point collection's points only where the count could explain a recent failure (a lock over the collection, protection stopped or unknown, more than one collection, or a failed backup a full collection can cause), and skip that read for every other collection. RestorePoint.Limit is then Unknown for the VMs whose collections were not counted, so a collection already at its limit of 18 can go unnoticed. Without this switch every collection is counted, at one read each.</para>
        /// </summary>
        [Parameter(ParameterSetName = ResourceGroupSet)]
        [Parameter(ParameterSetName = SubscriptionSet)]
        public SwitchParameter LeanRestorePointCount { get; set; }

        /// <summary>
        /// <para type="description">One summary per VM (verdict and counts) instead of one result per rule.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>
        /// <para type="description">Also write a report of every result to -OutputPath: JUnit or NUnit XML (test reporters), Json, Markdown (e.g. $GITHUB_STEP_SUMMARY), or Html (one self-contained page for people: verdict counts, a VMs × rules matrix, the most frequent failures, the evidence per VM).</para>
        /// </summary>
        [Parameter]
        [ValidateSet("JUnit", "NUnit", "Json", "Markdown", "Html")]
        public string? OutputFormat { get; set; }

        /// <summary>
        /// <para type="description">The report file for -OutputFormat (UTF-8, overwritten).</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        /// <summary>
        /// <para type="description">End with a terminating error when any rule fails, so a CI step or host process exits non-zero.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Assert { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((OutputFormat == null) != (OutputPath == null))
            {
                ThrowTerminatingError(ErrorIds.OutputFormatWithoutPath.Record(
                    new ArgumentException("-OutputFormat and -OutputPath go together."), OutputFormat ?? OutputPath));
            }

            _evaluator = new ReadinessEvaluator(RuleCatalog.Default, KnowledgeBase.Default, OutputCulture);
            if (ParameterSetName != EvidenceSet)
            {
                _settings = ReadConnectionOptions();
            }
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case IdSet:
                    foreach (var id in ResourceId)
                    {
                        AddVm(id);
                    }

                    break;
                case NameSet:
                    AddVm($"/subscriptions/{RequireSubscription()}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Compute/virtualMachines/{Name}");
                    break;
                case ResourceGroupSet:
                    _scopes.Add($"/subscriptions/{RequireSubscription()}/resourceGroups/{ResourceGroupName}");
                    break;
                case EvidenceSet:
                    JudgeSnapshot(GetUnresolvedProviderPathFromPSPath(EvidencePath));
                    break;
                default:
                    if (_settings!.SubscriptionIds.Count == 0)
                    {
                        RequireSubscription();
                    }

                    _scopes.AddRange(_settings.SubscriptionIds.Select(s => "/subscriptions/" + s));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (_vms.Count + _scopes.Count > 0)
            {
                var settings = _settings! with
                {
                    SubscriptionIds = _settings.SubscriptionIds.Concat(_vms.Select(v => v.SubscriptionId)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                };
                try
                {
                    Run(() => ScanAsync(settings));
                }
                catch (Exception ex) when (ErrorRecords.RefusedConnectionOf(ex, settings.ArmEndpoint) is { } refused)
                {
                    ThrowTerminatingError(refused);
                }
            }

            WriteReport();
            var failed = _results.Where(r => r.Result == RuleResult.Fail).ToList();
            if (Assert && failed.Count > 0)
            {
                var what = string.Join("; ", failed.GroupBy(r => r.VmName).Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.RuleId))}"));
                ThrowTerminatingError(ErrorIds.ReadinessAssertionFailed.Record(
                    new RuntimeException($"Backup readiness failed: {what}."), failed.Select(r => r.VmId).Distinct().ToArray()));
            }
        }

        // Offline: what the live run read, judged as it judged it; what it could not read is reported as it reported it.
        private void JudgeSnapshot(string path)
        {
            var snapshot = EvidenceFile.Read(path, WriteError);
            if (snapshot == null)
            {
                return;
            }

            Run(() =>
            {
                foreach (var problem in snapshot.Problems)
                {
                    Output.WriteError(ErrorRecords.Of(problem));
                }

                foreach (var vm in snapshot.Vms)
                {
                    Judge(vm);
                }

                return Task.FromResult(snapshot.Vms.Count);
            });
        }

        // Engine types stay inside this method, which runs only when there is something to read.
        private async Task<int> ScanAsync(ConnectionOptions settings)
        {
            using var session = await AzureSession.ConnectAsync(settings, Cancellation).ConfigureAwait(false);
            return await EvidenceScan.RunAsync(session, _vms, _scopes, LeanRestorePointCount, Judge, problem => Output.WriteError(ErrorRecords.Of(problem)), Progress, Cancellation).ConfigureAwait(false);
        }

        private void AddVm(string id)
        {
            if (!AzureResourceId.TryParse(id, out var parsed, out var problem) || !parsed!.IsVirtualMachine)
            {
                WriteError(ErrorIds.InvalidVmResourceId.Record(
                    new ArgumentException(parsed == null ? problem : $"'{id}' is a {parsed.ResourceType ?? "scope"}, not a virtual machine (Microsoft.Compute/virtualMachines)."),
                    id));
                return;
            }

            _vms.Add(parsed);
        }

        private string RequireSubscription()
        {
            var subscription = _settings!.SubscriptionIds.FirstOrDefault();
            if (subscription == null)
            {
                ThrowTerminatingError(ErrorIds.SubscriptionNotGiven.Record(
                    new PSArgumentException("No subscription: sign in with Connect-AzAccount, or give -SubscriptionId."), null));
            }

            return subscription!;
        }

        // Background threads: evaluate here, write through the queue.
        private void Judge(VmEvidence evidence)
        {
            if (!evidence.Exists)
            {
                Output.WriteError(ErrorIds.VmNotFound.Record(
                    new ItemNotFoundException($"The VM '{evidence.Vm.ResourceId}' does not exist."), evidence.Vm.ResourceId));
            }

            var results = _evaluator!.Evaluate(evidence);
            lock (_results)
            {
                _results.AddRange(results);
            }

            if (Summary)
            {
                Output.WriteObject(VmReadinessSummary.Summarize(results).Single());
                return;
            }

            foreach (var result in results)
            {
                Output.WriteObject(result);
            }
        }

        private void Progress(int done, int found)
        {
            if (found > 1)
            {
                var percent = (int)Math.Min(100, done * 100L / Math.Max(found, 1));
                Output.WriteProgress(new ProgressRecord(1, "Test-AzVmBackupReadiness", $"{done} of {found} VMs checked") { PercentComplete = percent });
            }
        }

        private void WriteReport()
        {
            if (OutputFormat == null)
            {
                return;
            }

            var path = GetUnresolvedProviderPathFromPSPath(OutputPath);
            try
            {
                using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
                ReportWriters.For(OutputFormat).Write(_results, file);
                WriteVerbose($"Wrote the {OutputFormat} report of {_results.Count} results to {path}.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                WriteError(ErrorIds.ReportNotWritten.Record(ex, path));
            }
        }
    }
}
