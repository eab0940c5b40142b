using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>How rules name evidence they could not judge from.</summary>
    internal static class MissingEvidenceText
    {
        public static RuleOutcome? UnknownIfGap(VmEvidence evidence, IEnumerable<EvidencePart> parts)
        {
            var gap = evidence.Gaps.FirstOrDefault(g => parts.Contains(g.Part));
            if (gap == null)
            {
                return null;
            }

            var status = gap.HttpStatus is { } code ? $" (HTTP {code})" : string.Empty;
            return RuleOutcome.Unknown($"Evidence about the {Describe(gap.Part)} could not be read: {gap.Reason}{status}.");
        }

        /// <summary>A part that is null although no gap explains why: the collector did not read it.</summary>
        public static RuleOutcome NotCollected(EvidencePart part) =>
            RuleOutcome.Unknown($"Evidence about the {Describe(part)} was not collected.");

        public static string Describe(EvidencePart part) => part switch
        {
            EvidencePart.Vm => "VM model",
            EvidencePart.InstanceView => "instance view",
            EvidencePart.Extensions => "VM extensions",
            EvidencePart.Disks => "VM disks",
            EvidencePart.Encryption => "disk encryption settings",
            EvidencePart.RestorePoints => "restore point collections",
            EvidencePart.Locks => "management locks",
            EvidencePart.Protection => "backup protection",
            EvidencePart.Jobs => "backup jobs",
            EvidencePart.Policy => "policy assignments",
            EvidencePart.TargetVault => "vault named to protect the VM",
            EvidencePart.PreValidation => "backup service's pre-validation of protection",
            _ => part.ToString(),
        };
    }
}
