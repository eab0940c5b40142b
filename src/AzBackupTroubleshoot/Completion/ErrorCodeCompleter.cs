using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Completion
{
    /// <summary>Completes every error code the knowledge base knows, textual, numeric and hexadecimal.</summary>
    public sealed class ErrorCodeCompleter : ListCompleter
    {
        protected override IEnumerable<(string Value, string ToolTip)> Candidates() =>
            KnowledgeBase.Default.Entries.SelectMany(e => e.Codes.Select(c => (c.Text, e.Id + " " + e.Title.English)));
    }
}
