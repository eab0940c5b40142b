using System;
using System.Globalization;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>What the diagnosis says about how (and how far) an error was recognised, in the three languages.</summary>
    internal static class MatchText
    {
        private static readonly LocalizedText Code = new(
            "The code {0} is one of its codes", "代码 {0} 是其代码之一", "代碼 {0} 是其代碼之一");

        private static readonly LocalizedText CodeInMessage = new(
            "The message contains its code {0}", "消息中含有其代码 {0}", "訊息中含有其代碼 {0}");

        private static readonly LocalizedText Message = new(
            "The message contains its documented message \"{0}\"", "消息中含有其记录的消息“{0}”", "訊息中含有其記載的訊息「{0}」");

        private static readonly LocalizedText PartialMessage = new(
            "The message contains only {1} of the {2} significant words of its documented message \"{0}\"",
            "消息只含有其记录的消息“{0}”的 {2} 个关键字词中的 {1} 个",
            "訊息只含有其記載的訊息「{0}」的 {2} 個關鍵字詞中的 {1} 個");

        private static readonly LocalizedText NotThisKindOfJob = new(
            "{0}, but the entry is not about this kind of job ({1}).",
            "{0}，但此条目不适用于此类作业（{1}）。",
            "{0}，但此項目不適用於此類作業（{1}）。");

        private static readonly LocalizedText TooLittle = new(
            "{0}: too little to be sure.", "{0}，不足以确定。", "{0}，不足以確定。");

        private static readonly LocalizedText UnknownCode = new(
            "Code {0} is not in the knowledge base; recognised by the message instead.",
            "知识库中没有代码 {0}，改为根据消息识别。",
            "知識庫中沒有代碼 {0}，改依訊息識別。");

        private static readonly LocalizedText CodeOfOtherJobs = new(
            "Code {0} belongs to entry {1}, which is not about this kind of job ({2}); recognised by the message instead.",
            "代码 {0} 属于条目 {1}，但该条目不适用于此类作业（{2}），改为根据消息识别。",
            "代碼 {0} 屬於項目 {1}，但該項目不適用於此類作業（{2}），改依訊息識別。");

        public static readonly LocalizedText Unrecognized = new(
            "Neither the code nor the message matches a documented error; follow the service's recommendations.",
            "代码和消息都不符合任何已记录的错误；请按照服务给出的建议处理。",
            "代碼和訊息都不符合任何已記載的錯誤；請依照服務提供的建議處理。");

        public static readonly LocalizedText NotSureEnough = new(
            "No documented error matches with enough confidence to name it; the closest candidates are listed. Follow the service's recommendations.",
            "没有任何已记录的错误匹配到足以认定的程度；下面列出最接近的候选项。请按照服务给出的建议处理。",
            "沒有任何已記載的錯誤比對到足以認定的程度；下方列出最接近的候選項目。請依照服務提供的建議處理。");

        public static readonly LocalizedText CommandWithheld = new(
            "Command withheld: this step stops or deletes something, and the error was recognised by its message only, not by its code or by evidence. Confirm the cause first; the command's template is in CommandTemplate.",
            "暂不提供可直接运行的命令：此步骤会停止或删除资源，而此错误仅根据消息识别，并非根据错误代码或证据。请先确认原因；命令模板见 CommandTemplate。",
            "暫不提供可直接執行的命令：此步驟會停止或刪除資源，而此錯誤僅依訊息識別，並非依錯誤碼或證據。請先確認原因；命令範本見 CommandTemplate。");

        /// <summary>Why a match below the threshold was not taken.</summary>
        public static string Why(KnowledgeMatch match, MatchContext context, SupportedCulture culture)
        {
            var how = match.Kind switch
            {
                MatchKind.TextCode or MatchKind.NumericCode => Format(Code, culture, match.Matched),
                MatchKind.CodeInMessage => Format(CodeInMessage, culture, match.Matched),
                MatchKind.Message => Format(Message, culture, match.Matched),
                _ => Format(PartialMessage, culture, match.Matched, WordsFound(match), MessageMatcher.Words(match.Matched).Distinct().Count()),
            };
            return match.Confidence == MatchConfidence.Contradicted
                ? Format(NotThisKindOfJob, culture, how, JobKind(context))
                : Format(TooLittle, culture, how);
        }

        /// <summary>Why the error's own code did not decide the match, or null when it did (or there was none).</summary>
        public static string? CodeNote(KnowledgeRecognition recognition, MatchContext context, SupportedCulture culture)
        {
            if (recognition.UnknownCode != null)
            {
                return Format(UnknownCode, culture, recognition.UnknownCode);
            }

            var setAside = recognition.Candidates.FirstOrDefault(c => c.Kind is MatchKind.TextCode or MatchKind.NumericCode);
            return setAside == null ? null : Format(CodeOfOtherJobs, culture, setAside.Matched, setAside.Entry.Id, JobKind(context));
        }

        private static int WordsFound(KnowledgeMatch match) =>
            (int)Math.Round(match.Score * MessageMatcher.Words(match.Matched).Distinct().Count());

        private static string JobKind(MatchContext context) =>
            string.Join(", ", new[] { context.Operation, context.WorkloadType }.Where(s => !string.IsNullOrWhiteSpace(s)));

        private static string Format(LocalizedText text, SupportedCulture culture, params object?[] values) =>
            string.Format(CultureInfo.InvariantCulture, text.Get(culture), values);
    }
}
