using System;
using System.Collections.Generic;
using System.Globalization;
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
        private readonly Func<JobEvidence, RuleOutcomeCauseJudge?> _judgeFor;
        private readonly Func<JobEvidence, VmEvidence?> _evidenceFor;

        /// <param name="knowledge">The knowledge base to recognise errors in.</param>
        /// <param name="culture">The language of the output text.</param>
        /// <param name="judgeFor">Evidence for a job's workload; null or a null result leaves every cause unknown (offline).</param>
        /// <param name="evidenceFor">The job's VM as read live, to name its restore point group, lock, Key Vault in the remedies; null offline.</param>
        public FailureDiagnoser(
            KnowledgeBase knowledge, SupportedCulture culture, Func<JobEvidence, RuleOutcomeCauseJudge?>? judgeFor = null, Func<JobEvidence, VmEvidence?>? evidenceFor = null)
        {
            _evidenceFor = evidenceFor ?? (_ => null);
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

        /// <summary>
        /// Diagnoses an error as a user pastes it: each documented code found in the text (textual, numeric or
        /// hexadecimal, bare or labelled) gives a diagnosis; without one, the text goes through message matching
        /// and gives a diagnosis or an Unrecognized result naming the closest candidates. Empty when the text
        /// resembles no documented error at all.
        /// </summary>
        public IReadOnlyList<BackupFailureDiagnosis> DiagnosePasted(string text)
        {
            var pasted = PastedError.Parse(text);
            var noJob = new JobEvidence { JobId = string.Empty };
            var byCode = pasted.Codes
                .Select(ErrorCode.Parse)
                .Select(c => (Code: c, Entry: _knowledge.FindByCode(c)))
                .Where(c => c.Entry != null)
                .GroupBy(c => c.Entry)
                .Select(g => g.First())
                .Select(c => Describe(
                    new KnowledgeMatch(c.Entry!, c.Code.IsNumeric ? MatchKind.NumericCode : MatchKind.TextCode, 1, c.Code.Text, MatchConfidence.Certain),
                    c.Code.Text, noJob, null, null, null))
                .ToList();
            if (byCode.Count > 0)
            {
                return byCode;
            }

            var code = pasted.Codes.FirstOrDefault();
            var error = new JobError(code, pasted.Text, []);
            var recognition = _knowledge.Recognize(code, pasted.Text, MatchContext.Unknown);
            if (recognition.Match == null && recognition.Candidates.Count == 0)
            {
                return [];
            }

            return [Diagnose(recognition, MatchContext.Unknown, noJob, error)];
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
                    Note = NoErrorDetails(job.Status).Get(_culture),
                    Culture = _culture.ToCultureName(),
                });
                yield break;
            }

            var context = MatchContext.Of(job.Operation, job.BackupManagementType);
            foreach (var error in job.Errors)
            {
                var recognition = _knowledge.Recognize(error.Code, error.Message, context);
                var key = recognition.Match == null ? $"unknown\n{error.Code}\n{error.Message}" : recognition.Match.Entry.Id;
                yield return ($"{workload}\n{key}", Diagnose(recognition, context, job, error));
            }
        }

        private BackupFailureDiagnosis Diagnose(KnowledgeRecognition recognition, MatchContext context, JobEvidence job, JobError error)
        {
            if (recognition.Match != null)
            {
                return Describe(recognition.Match, error.Code, job, error, _judgeFor(job), MatchText.CodeNote(recognition, context, _culture));
            }

            return new BackupFailureDiagnosis
            {
                Status = DiagnosisStatus.Unrecognized,
                WorkloadName = job.WorkloadName,
                VmId = job.VmId,
                VaultId = job.VaultId,
                Operation = job.Operation,
                Code = error.Code,
                Candidates = recognition.Candidates
                    .Select(c => new MatchCandidate(c.Entry.Id, c.Entry.Title.Get(_culture), c.Kind, c.Confidence, MatchText.Why(c, context, _culture)))
                    .ToList(),
                Note = (recognition.Candidates.Count == 0 ? MatchText.Unrecognized : MatchText.NotSureEnough).Get(_culture),
                ServiceMessage = error.Message,
                ServiceRecommendations = error.Recommendations,
                Culture = _culture.ToCultureName(),
            };
        }

        private BackupFailureDiagnosis Describe(KnowledgeMatch match, string? code, JobEvidence job, JobError? error, RuleOutcomeCauseJudge? judge, string? note)
        {
            var entry = match.Entry;
            var placeholders = CommandPlaceholders.From(job, _evidenceFor(job));
            var causes = entry.Causes
                .Select(c =>
                {
                    var verdict = judge?.Judge(c) ?? DiagnosedCauseVerdict.NoEvidence;
                    return new DiagnosedCause(c.Id, c.Text.Get(_culture), verdict.Status, verdict.Evidence.Select(e => e.Get(_culture)).ToList());
                })
                .OrderBy(c => c.Status) // stable: documented order within each status
                .ToList();
            // A step that stops or deletes something runs only on a code match or a cause the evidence confirms.
            var sureEnough = match.Confidence >= ConfidenceThresholds.DestructiveCommand || causes.Any(c => c.Status == CauseStatus.Confirmed);
            var remedies = entry.Remedies
                .Select((r, i) => Remedy(i + 1, r, placeholders, withheld: r.Destructive && r.CommandTemplate != null && !sureEnough))
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
                Confidence = match.Confidence,
                Note = note,
                ServiceMessage = error?.Message,
                ServiceRecommendations = error?.Recommendations ?? [],
                Culture = _culture.ToCultureName(),
            };
        }

        /// <summary>The step as this failure lets it be run: filled where the evidence names a value, withheld or marked where not.</summary>
        private DiagnosedRemedy Remedy(int step, KnowledgeRemedy remedy, CommandPlaceholders placeholders, bool withheld)
        {
            var command = remedy.CommandTemplate == null || withheld ? null : placeholders.Fill(remedy.CommandTemplate);
            var scripts = remedy.Scripts.Select(placeholders.FillScript).ToList();
            var left = (command == null && remedy.CommandTemplate != null ? CommandPlaceholders.Remaining(placeholders.FillKnown(remedy.CommandTemplate)) : [])
                .Concat(scripts.SelectMany(s => CommandPlaceholders.Remaining(s.Text)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var note = withheld ? MatchText.CommandWithheld.Get(_culture)
                : left.Count > 0 ? string.Format(CultureInfo.InvariantCulture, CommandPlaceholders.StillToFill.Get(_culture), string.Join(", ", left))
                : null;
            return new DiagnosedRemedy(
                step, placeholders.FillText(remedy.Text.Get(_culture)), command, remedy.CommandTemplate, remedy.SeeAlso, scripts, remedy.Destructive, note, left);
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

        private static LocalizedText NoErrorDetails(string? status) => status == null
            ? new LocalizedText(
                "The job's status is not reported and it carries no error details.",
                "该作业未报告状态，也没有任何错误详细信息。",
                "此作業未回報狀態，也沒有任何錯誤詳細資料。")
            : new LocalizedText(
                $"The job's status is {status} and it carries no error details.",
                $"该作业的状态为 {status}，没有任何错误详细信息。",
                $"此作業的狀態為 {status}，沒有任何錯誤詳細資料。");
    }
}
