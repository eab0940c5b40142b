using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Completion
{
    /// <summary>Completes knowledge-base entry ids (A0 … F19).</summary>
    public sealed class KnownIssueIdCompleter : ListCompleter
    {
        protected override IEnumerable<(string Value, string ToolTip)> Candidates() =>
            KnowledgeBase.Default.Entries.Select(e => (e.Id, e.Title.English));
    }
}
