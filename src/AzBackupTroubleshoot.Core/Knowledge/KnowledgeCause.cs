using System.Collections.Generic;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>One documented cause of an error, with the readiness rules that can confirm or exclude it.</summary>
    public sealed class KnowledgeCause
    {
        public KnowledgeCause(string id, LocalizedText text, IReadOnlyList<string> checks)
        {
            Id = id;
            Text = text;
            Checks = checks;
        }

        public string Id { get; }
        public LocalizedText Text { get; }

        /// <summary>Rule ids whose failure confirms this cause and whose pass excludes it.</summary>
        public IReadOnlyList<string> Checks { get; }
    }
}
