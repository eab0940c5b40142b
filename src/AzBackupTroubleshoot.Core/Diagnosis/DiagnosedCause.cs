using System.Collections.Generic;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>A documented cause with the verdict the evidence gives it.</summary>
    public sealed class DiagnosedCause
    {
        public DiagnosedCause(string id, string text, CauseStatus status, IReadOnlyList<string> evidence)
        {
            Id = id;
            Text = text;
            Status = status;
            Evidence = evidence;
        }

        public string Id { get; }
        public string Text { get; }
        public CauseStatus Status { get; }

        /// <summary>The facts that decided the status; empty when nothing could be checked.</summary>
        public IReadOnlyList<string> Evidence { get; }

        public override string ToString() => $"[{Status}] {Text}";
    }
}
