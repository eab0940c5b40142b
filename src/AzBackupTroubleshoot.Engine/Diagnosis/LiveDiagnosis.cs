using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>
    /// Diagnoses the failed jobs of a scope against Azure as it is now: reads the jobs, collects each affected VM's
    /// evidence once (however many jobs it failed), judges the readiness rules on it, and lets Core's
    /// <see cref="FailureDiagnoser"/> confirm or exclude each documented cause. A VM whose evidence cannot be read
    /// keeps its causes unknown and is reported as a problem; the other VMs are still diagnosed. Across a subscription
    /// with many failing VMs, the evidence comes from <see cref="BulkEvidenceCollector"/>: the subscription's lists once,
    /// then only each VM's own reads.
    /// </summary>
    public sealed class LiveDiagnosis
    {
        /// <summary>
        /// From this many VMs on, the subscription's shared lists are read once instead of each VM's single-VM reads
        /// (ten or more one-page requests each, most of them lists every VM repeats). Measured on the benchmark fleets:
        /// the shared lists cost about as much as 2 VMs read alone in a subscription of 100 VMs, 5 at 1,000 and 9 at
        /// 5,000.
        /// </summary>
        internal const int BulkFromVms = 8;

        private readonly FailedJobSource _jobs;
        private readonly VmEvidenceCollector _collector;
        private readonly BulkEvidenceCollector _bulk;
        private readonly int _bulkFromVms;
        private readonly KnowledgeBase _knowledge;
        private readonly SupportedCulture _culture;
        private readonly ReadinessEvaluator _rules;

        public LiveDiagnosis(AzureSession session, KnowledgeBase knowledge, SupportedCulture culture)
            : this(session, knowledge, culture, () => DateTimeOffset.UtcNow)
        {
        }

        internal LiveDiagnosis(AzureSession session, KnowledgeBase knowledge, SupportedCulture culture, Func<DateTimeOffset> clock, int bulkFromVms = BulkFromVms)
        {
            if (session == null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
            _culture = culture;
            _jobs = new FailedJobSource(session, clock);
            _collector = new VmEvidenceCollector(session, clock);
            _bulk = new BulkEvidenceCollector(session, new BulkCollectionOptions { Clock = clock });
            _bulkFromVms = bulkFromVms;
            _rules = new ReadinessEvaluator(RuleCatalog.Default, knowledge, culture);
        }

        public async Task<LiveDiagnosisResult> DiagnoseAsync(FailedJobScope scope, FailedJobQuery query, CancellationToken cancellationToken)
        {
            var read = await _jobs.ReadAsync(scope, query, cancellationToken).ConfigureAwait(false);
            var problems = read.Problems.ToList();

            // Evidence only matters for a job with an error to explain.
            var vmIds = read.Jobs.Where(job => job.Errors.Count > 0).Select(job => job.VmId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var collected = scope.IsSubscription && vmIds.Count >= _bulkFromVms
                ? await CollectInBulkAsync(vmIds, cancellationToken).ConfigureAwait(false)
                : await CollectEachAsync(vmIds, cancellationToken).ConfigureAwait(false);
            problems.AddRange(collected.SelectMany(c => c.Problems));
            var evidence = collected.Select(c => c.Evidence).OfType<VmEvidence>().ToList();

            var judges = evidence.ToDictionary(e => e.Vm.ResourceId, JudgeOf, StringComparer.OrdinalIgnoreCase);
            var diagnoser = new FailureDiagnoser(_knowledge, _culture, job => job.VmId != null && judges.TryGetValue(job.VmId, out var judge) ? judge : null);
            return new LiveDiagnosisResult(diagnoser.DiagnoseJobs(read.Jobs), read.Jobs, evidence, problems);
        }

        /// <summary>The VM's evidence, with each part it lacks as a problem; no evidence when ARM refuses the VM itself.</summary>
        private async Task<(VmEvidence? Evidence, IReadOnlyList<ReadProblem> Problems)> CollectAsync(string vmId, CancellationToken cancellationToken)
        {
            var vm = VmResourceIds.IdentityOf(AzureResourceId.Parse(vmId));
            try
            {
                return Checked(await _collector.CollectAsync(vm, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", vmId) is { } error)
            {
                return (null, [ReadProblems.Of(vmId, null, error)]);
            }
        }

        private async Task<IReadOnlyList<(VmEvidence? Evidence, IReadOnlyList<ReadProblem> Problems)>> CollectEachAsync(IReadOnlyList<string> vmIds, CancellationToken cancellationToken)
        {
            var collected = new (VmEvidence?, IReadOnlyList<ReadProblem>)[vmIds.Count];
            await BoundedFanOut.ForEachAsync(
                Enumerable.Range(0, vmIds.Count),
                BoundedFanOut.MaxConcurrentVms,
                async (i, cancellation) => collected[i] = await CollectAsync(vmIds[i], cancellation).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return collected;
        }

        private async Task<IReadOnlyList<(VmEvidence? Evidence, IReadOnlyList<ReadProblem> Problems)>> CollectInBulkAsync(IEnumerable<string> vmIds, CancellationToken cancellationToken)
        {
            var collected = new List<(VmEvidence?, IReadOnlyList<ReadProblem>)>();
            var vms = vmIds.Select(id => VmResourceIds.IdentityOf(AzureResourceId.Parse(id)));
            await foreach (var result in _bulk.CollectVmsAsync(vms, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                collected.Add(result.Evidence != null
                    ? Checked(result.Evidence)
                    : (null, [result.Problem!]));
            }

            return collected;
        }

        /// <summary>The evidence with each part it could not read as a problem; a part a bulk read skipped on purpose is none.</summary>
        private static (VmEvidence? Evidence, IReadOnlyList<ReadProblem> Problems) Checked(VmEvidence evidence) =>
            (evidence, evidence.Gaps.Where(gap => !gap.Skipped).Select(gap => ReadProblems.Of(evidence.Vm, gap)).ToList());

        // The results' evidence is already in the diagnosis culture, the one the diagnoser reads it in.
        private RuleOutcomeCauseJudge JudgeOf(VmEvidence evidence) =>
            new(_rules.Evaluate(evidence).ToDictionary(r => r.RuleId, r => new RuleOutcome(r.Result, LocalizedText.Verbatim(r.Evidence)), StringComparer.OrdinalIgnoreCase));
    }
}
