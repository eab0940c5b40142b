using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>A hint that applies when a certain extension is installed: a Warning naming it and the advice, else NotApplicable.</summary>
    internal static class ExtensionHint
    {
        public static RuleOutcome Judge(IEnumerable<ExtensionEvidence> extensions, Func<ExtensionEvidence, bool> isTheExtension, LocalizedText extensionKind, LocalizedText advice)
        {
            var found = extensions.FirstOrDefault(isTheExtension);
            return found == null
                ? RuleOutcome.NotApplicable(
                    $"No {extensionKind.English} is installed on the VM.",
                    $"虚拟机上没有安装{extensionKind.SimplifiedChinese}。",
                    $"虛擬機器上沒有安裝{extensionKind.TraditionalChinese}。")
                : RuleOutcome.Warning(
                    $"{extensionKind.English} '{found.Name}' ({found.Type}) is installed: {advice.English}",
                    $"已安装{extensionKind.SimplifiedChinese}“{found.Name}”（{found.Type}）：{advice.SimplifiedChinese}",
                    $"已安裝{extensionKind.TraditionalChinese}「{found.Name}」（{found.Type}）：{advice.TraditionalChinese}");
        }
    }
}
