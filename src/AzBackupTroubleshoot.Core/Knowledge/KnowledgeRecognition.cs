using System.Collections.Generic;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>What the knowledge base makes of one error: the match it trusts, if any, and the closest others.</summary>
    public sealed class KnowledgeRecognition
    {
        public KnowledgeRecognition(KnowledgeMatch? match, IReadOnlyList<KnowledgeMatch> candidates, string? unknownCode)
        {
            Match = match;
            Candidates = candidates;
            UnknownCode = unknownCode;
        }

        /// <summary>The best match when its confidence reaches <see cref="ConfidenceThresholds.Diagnose"/>; otherwise null.</summary>
        public KnowledgeMatch? Match { get; }

        /// <summary>The closest other matches, best first, at most <see cref="KnowledgeBase.MaxCandidates"/>.</summary>
        public IReadOnlyList<KnowledgeMatch> Candidates { get; }

        /// <summary>The error's own code when the knowledge base does not know it.</summary>
        public string? UnknownCode { get; }
    }
}
