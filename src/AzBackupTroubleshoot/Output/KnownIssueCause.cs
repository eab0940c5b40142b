using System.Collections.Generic;

namespace AzBackupTroubleshoot.Output
{
    /// <summary>One documented cause of a known issue, with the readiness rules that confirm or exclude it.</summary>
    public sealed class KnownIssueCause
    {
        public KnownIssueCause(string id, string text, IReadOnlyList<string> checks)
        {
            Id = id;
            Text = text;
            Checks = checks;
        }

        public string Id { get; }

        public string Text { get; }

        /// <summary>Readiness rule ids (Test-AzVmBackupReadiness) whose result decides this cause.</summary>
        public IReadOnlyList<string> Checks { get; }

        public override string ToString() => Text;
    }
}
