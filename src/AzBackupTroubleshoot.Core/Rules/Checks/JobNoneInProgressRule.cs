using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Job.NoneInProgress (B10): a backup started while another runs fails with UserErrorBackupOperationInProgress.
    /// A running job in the vault that protects the VM now ends by itself (Warning); one left in another vault,
    /// after the VM was protected again elsewhere, keeps blocking until it is cancelled (Fail).
    /// </summary>
    public sealed class JobNoneInProgressRule : ReadinessRule
    {
        public const string RuleId = "Job.NoneInProgress";

        public JobNoneInProgressRule()
            : base(
                RuleId,
                new LocalizedText("No backup job is in progress", "没有正在进行的备份作业", "沒有進行中的備份作業"),
                RuleSeverity.Warning,
                ["B10"],
                EvidencePart.Jobs)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.RecentJobs, EvidencePart.Jobs, jobs => Judge(evidence, jobs));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<JobEvidence> jobs)
        {
            var running = jobs.Where(j => BackupJobs.IsBackup(j) && BackupJobs.IsRunning(j)).ToList();
            if (running.Count == 0)
            {
                return RuleOutcome.Pass(
                    $"No backup job is in progress for the VM ({EvidenceText.Count(jobs.Count, "recent job")} read).",
                    $"该虚拟机没有正在进行的备份作业（已读取最近的 {jobs.Count} 个作业）。",
                    $"此虛擬機器沒有進行中的備份作業（已讀取最近的 {jobs.Count} 個作業）。");
            }

            var currentVault = evidence.Protection?.VaultId;
            var elsewhere = running
                .Where(j => currentVault != null && j.VaultId != null && !string.Equals(j.VaultId, currentVault, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (elsewhere.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(elsewhere.Select(Describe)).Append(new LocalizedText(
                    $" The VM is protected by vault {currentVault} now; the old job blocks its backups until it ends or is cancelled.",
                    $"该虚拟机现在由保管库 {currentVault} 保护；在旧作业结束或被取消之前，它会阻止该虚拟机的备份。",
                    $"此虛擬機器現在由保存庫 {currentVault} 保護；在舊作業結束或被取消之前，它會阻擋此虛擬機器的備份。")));
            }

            return RuleOutcome.Warning(EvidenceText.Sentence(running.Select(Describe)).Append(new LocalizedText(
                " A backup started before it ends fails with UserErrorBackupOperationInProgress.",
                "在它结束之前启动的备份会因 UserErrorBackupOperationInProgress 而失败。",
                "在它結束之前啟動的備份會因 UserErrorBackupOperationInProgress 而失敗。")));
        }

        private static LocalizedText Describe(JobEvidence job)
        {
            var since = job.StartTime is { } start ? EvidenceText.Time(start) : null;
            return new LocalizedText(
                $"backup job {job.JobId} is {job.Status}"
                + (since == null ? string.Empty : " since " + since)
                + (job.VaultId == null ? string.Empty : " in vault " + job.VaultId),
                (job.VaultId == null ? string.Empty : $"保管库 {job.VaultId} 中的")
                + $"备份作业 {job.JobId} "
                + (since == null ? string.Empty : $"自 {since} 起")
                + $"处于 {job.Status} 状态",
                (job.VaultId == null ? string.Empty : $"保存庫 {job.VaultId} 中的")
                + $"備份作業 {job.JobId} "
                + (since == null ? string.Empty : $"自 {since} 起")
                + $"處於 {job.Status} 狀態");
        }
    }
}
