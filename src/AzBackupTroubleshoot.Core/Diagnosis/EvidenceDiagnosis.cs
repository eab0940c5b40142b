using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Diagnoses failed jobs against their VMs' evidence: the readiness rules judge each VM once, and their outcomes
    /// confirm or exclude the documented causes. The same for a live run and for a snapshot judged offline.
    /// </summary>
    public static class EvidenceDiagnosis
    {
        public static IReadOnlyList<BackupFailureDiagnosis> Diagnose(
            KnowledgeBase knowledge,
            SupportedCulture culture,
            IEnumerable<JobEvidence> jobs,
            IEnumerable<VmEvidence> evidence)
        {
            var rules = new ReadinessEvaluator(RuleCatalog.Default, knowledge, culture);
            var judges = new Dictionary<string, RuleOutcomeCauseJudge>(StringComparer.OrdinalIgnoreCase);
            var byVm = new Dictionary<string, VmEvidence>(StringComparer.OrdinalIgnoreCase);
            foreach (var vm in evidence)
            {
                // The results' evidence is already in the diagnosis culture, the one the diagnoser reads it in.
                judges[vm.Vm.ResourceId] = new(rules.Evaluate(vm).ToDictionary(r => r.RuleId, r => new RuleOutcome(r.Result, LocalizedText.Verbatim(r.Evidence)), StringComparer.OrdinalIgnoreCase));
                byVm[vm.Vm.ResourceId] = vm;
            }

            // The VM's evidence also fills the remedies' placeholders (its restore point group, the lock on it, ...).
            var diagnoser = new FailureDiagnoser(
                knowledge,
                culture,
                job => job.VmId != null && judges.TryGetValue(job.VmId, out var judge) ? judge : null,
                job => job.VmId != null && byVm.TryGetValue(job.VmId, out var vm) ? vm : null);
            return diagnoser.DiagnoseJobs(jobs);
        }
    }
}
