using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Completion
{
    /// <summary>Completes knowledge-base categories.</summary>
    public sealed class CategoryCompleter : ListCompleter
    {
        protected override IEnumerable<(string Value, string ToolTip)> Candidates() =>
            Enum.GetNames(typeof(KnowledgeCategory)).Select(name => (name, name));
    }
}
