using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>A hint that applies when a certain extension is installed: a Warning naming it and the advice, else NotApplicable.</summary>
    internal static class ExtensionHint
    {
        public static RuleOutcome Judge(IEnumerable<ExtensionEvidence> extensions, Func<ExtensionEvidence, bool> isTheExtension, string extensionKind, string advice)
        {
            var found = extensions.FirstOrDefault(isTheExtension);
            return found == null
                ? RuleOutcome.NotApplicable($"No {extensionKind} is installed on the VM.")
                : RuleOutcome.Warning($"{extensionKind} '{found.Name}' ({found.Type}) is installed: {advice}");
        }
    }
}
