using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Turns failed jobs (or bare codes) into diagnoses: recognise each error in the knowledge base, judge its
    /// documented causes against whatever evidence is available, order the remedies, and fold repeats.
    /// </summary>
    public sealed class FailureDiagnoser
    {
        private readonly KnowledgeBase _knowledge;
        private readonly SupportedCulture _culture;
        private readonly Func<JobEvidence, ICauseJudge?> _judgeFor;

        /// <param name="knowledge">The knowledge base to recognise errors in.</param>
        /// <param name="culture">The language of the output text.</param>
        /// <param name="judgeFor">Evidence for a job's workload; null or a null result leaves every cause unknown (offline).</param>
        public FailureDiagnoser(KnowledgeBase knowledge, SupportedCulture culture, Func<JobEvidence, ICauseJudge?>? judgeFor = null)
        {
            _knowledge = knowledge;
            _culture = culture;
            _judgeFor = judgeFor ?? (_ => null);
        }

        /// <summary>
        /// Diagnoses every error of every job. Failures of one workload with one error fold into one diagnosis
        /// with a count and first/last seen; jobs without error details fold by workload and status into
        /// NothingToDiagnose results.
        /// </summary>
        public IReadOnlyList<BackupFailureDiagnosis> DiagnoseJobs(IEnumerable<JobEvidence> jobs)
        {
            var folded = new Dictionary<string, List<(JobEvidence Job, BackupFailureDiagnosis Diagnosis)>>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (var job in jobs)
            {
                foreach (var (key, diagnosis) in DiagnoseJob(job))
                {
                    if (!folded.TryGetValue(key, out var group))
                    {
                        folded[key] = group = [];
                        order.Add(key);
                    }

                    group.Add((job, diagnosis));
                }
            }

            return order.Select(k => Fold(folded[k]))
                .OrderBy(d => d.Status == DiagnosisStatus.NothingToDiagnose)
                .ThenByDescending(d => d.LastSeen ?? DateTimeOffset.MinValue)
                .ToList();
        }

        /// <summary>Diagnoses a bare code (textual, numeric or hexadecimal); null when the knowledge base does not know it.</summary>
        public BackupFailureDiagnosis? DiagnoseCode(string code)
        {
            var entry = _knowledge.FindByCode(ErrorCode.Parse(code));
            if (entry == null)
            {
                return null;
            }

            var match = new KnowledgeMatch(entry, ErrorCode.Parse(code).IsNumeric ? MatchKind.NumericCode : MatchKind.TextCode, 1, null);
            return Describe(match, code.Trim(), new JobEvidence { JobId = string.Empty }, null, null);
        }

        private IEnumerable<(string Key, BackupFailureDiagnosis Diagnosis)> DiagnoseJob(JobEvidence job)
        {
            var workload = job.WorkloadName ?? job.VmId ?? string.Empty;
            if (job.Errors.Count == 0)
            {
                yield return ($"{workload}\nnone\n{job.Status}", new BackupFailureDiagnosis
                {
                    Status = DiagnosisStatus.NothingToDiagnose,
                    WorkloadName = job.WorkloadName,
                    VmId = job.VmId,
                    VaultId = job.VaultId,
                    Operation = job.Operation,
                    Note = $"The job's status is {job.Status ?? "not reported"} and it carries no error details.",
                    Culture = _culture.ToCultureName(),
                });
                yield break;
            }

            foreach (var error in job.Errors)
            {
                var match = _knowledge.Resolve(error.Code, error.Message);
                if (match == null)
                {
                    yield return ($"{workload}\nunknown\n{error.Code}\n{error.Message}", new BackupFailureDiagnosis
                    {
                        Status = DiagnosisStatus.Unrecognized,
                        WorkloadName = job.WorkloadName,
                        VmId = job.VmId,
                        VaultId = job.VaultId,
                        Operation = job.Operation,
                        Code = error.Code,
                        Note = "Neither the code nor the message matches a documented error; follow the service's recommendations.",
                        ServiceMessage = error.Message,
                        ServiceRecommendations = error.Recommendations,
                        Culture = _culture.ToCultureName(),
                    });
                    continue;
                }

                yield return ($"{workload}\n{match.Entry.Id}", Describe(match, error.Code, job, error, _judgeFor(job)));
            }
        }

        private BackupFailureDiagnosis Describe(KnowledgeMatch match, string? code, JobEvidence job, JobError? error, ICauseJudge? judge)
        {
            var entry = match.Entry;
            var placeholders = CommandPlaceholders.From(job);
            var causes = entry.Causes
                .Select(c =>
                {
                    var verdict = judge?.Judge(c) ?? DiagnosedCauseVerdict.NoEvidence;
                    return new DiagnosedCause(c.Id, c.Text.Get(_culture), verdict.Status, verdict.Evidence);
                })
                .OrderBy(c => c.Status) // stable: documented order within each status
                .ToList();
            var remedies = entry.Remedies
                .Select((r, i) => new DiagnosedRemedy(
                    i + 1,
                    r.Text.Get(_culture),
                    r.CommandTemplate == null ? null : placeholders.Fill(r.CommandTemplate),
                    r.CommandTemplate,
                    r.SeeAlso,
                    r.Scripts))
                .ToList();
            return new BackupFailureDiagnosis
            {
                Status = DiagnosisStatus.Diagnosed,
                WorkloadName = job.WorkloadName,
                VmId = job.VmId,
                VaultId = job.VaultId,
                Operation = job.Operation,
                Code = code,
                KnownCodes = entry.Codes.Select(c => c.Text).ToList(),
                KnowledgeId = entry.Id,
                Title = entry.Title.Get(_culture),
                Meaning = entry.Meaning.Get(_culture),
                Causes = causes,
                Remedies = remedies,
                Topic = entry.Topic,
                DocumentationUrl = DocumentationLink.For(entry.Topic, _culture),
                MatchedBy = match.Kind,
                Note = match.Note,
                ServiceMessage = error?.Message,
                ServiceRecommendations = error?.Recommendations ?? [],
                Culture = _culture.ToCultureName(),
            };
        }

        private static BackupFailureDiagnosis Fold(List<(JobEvidence Job, BackupFailureDiagnosis Diagnosis)> group)
        {
            var byTime = group.OrderBy(g => g.Job.StartTime ?? DateTimeOffset.MinValue).ToList();
            var latest = byTime[byTime.Count - 1];
            var jobIds = byTime.Select(g => g.Job.JobId).Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
            var first = byTime.Select(g => g.Job.StartTime).FirstOrDefault(t => t.HasValue);
            var last = byTime.Select(g => g.Job.StartTime).LastOrDefault(t => t.HasValue);
            return latest.Diagnosis with
            {
                JobId = string.IsNullOrEmpty(latest.Job.JobId) ? null : latest.Job.JobId,
                JobIds = jobIds,
                Count = group.Count,
                FirstSeen = first,
                LastSeen = last,
            };
        }
    }
}
