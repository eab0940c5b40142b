using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Completion
{
    /// <summary>Completes the cultures the module has text in.</summary>
    public sealed class CultureCompleter : ListCompleter
    {
        protected override IEnumerable<(string Value, string ToolTip)> Candidates() =>
            Enum.GetValues(typeof(SupportedCulture)).Cast<SupportedCulture>().Select(c => (c.ToCultureName(), c.ToString()));
    }
}
