using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Resources;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>
    /// Diagnoses the failed jobs of a scope against Azure as it is now: reads the jobs, collects each affected VM's
    /// evidence once (however many jobs it failed), judges the readiness rules on it, and lets Core's
    /// <see cref="FailureDiagnoser"/> confirm or exclude each documented cause. A VM whose evidence cannot be read
    /// keeps its causes unknown and is reported as a problem; the other VMs are still diagnosed.
    /// </summary>
    public sealed class LiveDiagnosis
    {
        private readonly FailedJobSource _jobs;
        private readonly VmEvidenceCollector _collector;
        private readonly KnowledgeBase _knowledge;
        private readonly SupportedCulture _culture;
        private readonly ReadinessEvaluator _rules;

        public LiveDiagnosis(AzureSession session, KnowledgeBase knowledge, SupportedCulture culture)
            : this(session, knowledge, culture, () => DateTimeOffset.UtcNow)
        {
        }

        internal LiveDiagnosis(AzureSession session, KnowledgeBase knowledge, SupportedCulture culture, Func<DateTimeOffset> clock)
        {
            if (session == null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
            _culture = culture;
            _jobs = new FailedJobSource(session, clock);
            _collector = new VmEvidenceCollector(session, clock);
            _rules = new ReadinessEvaluator(RuleCatalog.Default, knowledge, culture);
        }

        public async Task<LiveDiagnosisResult> DiagnoseAsync(FailedJobScope scope, FailedJobQuery query, CancellationToken cancellationToken)
        {
            var read = await _jobs.ReadAsync(scope, query, cancellationToken).ConfigureAwait(false);
            var problems = read.Problems.ToList();

            // Evidence only matters for a job with an error to explain.
            var vmIds = read.Jobs.Where(job => job.Errors.Count > 0).Select(job => job.VmId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
            var collected = await Task.WhenAll(vmIds.Select(id => CollectAsync(id, cancellationToken))).ConfigureAwait(false);
            problems.AddRange(collected.SelectMany(c => c.Problems));
            var evidence = collected.Select(c => c.Evidence).OfType<VmEvidence>().ToList();

            var judges = evidence.ToDictionary(e => e.Vm.ResourceId, JudgeOf, StringComparer.OrdinalIgnoreCase);
            var diagnoser = new FailureDiagnoser(_knowledge, _culture, job => job.VmId != null && judges.TryGetValue(job.VmId, out var judge) ? judge : null);
            return new LiveDiagnosisResult(diagnoser.DiagnoseJobs(read.Jobs), read.Jobs, evidence, problems);
        }

        /// <summary>The VM's evidence, with each part it lacks as a problem; no evidence when ARM refuses the VM itself.</summary>
        private async Task<(VmEvidence? Evidence, IReadOnlyList<DiagnosisProblem> Problems)> CollectAsync(string vmId, CancellationToken cancellationToken)
        {
            var vm = VmResourceIds.IdentityOf(AzureResourceId.Parse(vmId));
            try
            {
                var evidence = await _collector.CollectAsync(vm, cancellationToken).ConfigureAwait(false);
                return (evidence, evidence.Gaps.Select(gap => DiagnosisProblem.Of(vm, gap)).ToList());
            }
            catch (Exception exception) when (Parts.AsArmError(exception, "GET", vmId) is { } error)
            {
                return (null, [DiagnosisProblem.Of(vmId, error)]);
            }
        }

        private RuleOutcomeCauseJudge JudgeOf(VmEvidence evidence) =>
            new(_rules.Evaluate(evidence).ToDictionary(r => r.RuleId, r => new RuleOutcome(r.Result, r.Evidence), StringComparer.OrdinalIgnoreCase));
    }
}
