using System;
using System.Globalization;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// The jobs of an export or of the pipeline that a diagnosis lists only when asked: those that neither failed nor
    /// completed with warnings and carry no error (completed, in progress, cancelled). An export of hundreds of jobs
    /// would otherwise bury the failures among NothingToDiagnose results; the user hears their count instead.
    /// </summary>
    public sealed class JobsNotDiagnosed
    {
        /// <summary>The information record's tag.</summary>
        public const string Tag = "JobsNotDiagnosed";

        private static readonly LocalizedText Text = new(
            "Jobs not diagnosed because they did not fail (completed, in progress or cancelled, with no error details): {0}. -IncludeAllJobs lists them.",
            "未诊断的作业（未失败：已完成、进行中或已取消，且没有错误详细信息）：{0} 个。使用 -IncludeAllJobs 可列出这些作业。",
            "未診斷的作業（未失敗：已完成、進行中或已取消，且沒有錯誤詳細資料）：{0} 個。使用 -IncludeAllJobs 可列出這些作業。");

        public JobsNotDiagnosed(int count, SupportedCulture culture)
        {
            Count = count;
            Message = string.Format(CultureInfo.InvariantCulture, Text.Get(culture), count);
        }

        public int Count { get; }

        public string Message { get; }

        /// <summary>
        /// Whether the job is left out by default: it carries no error, and its status is neither Failed nor
        /// CompletedWithWarnings (a failed job without error details is still listed, as NothingToDiagnose).
        /// </summary>
        public static bool IsLeftOut(JobEvidence job) =>
            job.Errors.Count == 0
            && !string.Equals(job.Status, "Failed", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(job.Status, "CompletedWithWarnings", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Message;
    }
}
