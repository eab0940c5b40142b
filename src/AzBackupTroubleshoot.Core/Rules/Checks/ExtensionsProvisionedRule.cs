using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Extension.AllProvisioned (B3, C10): one failed extension puts the whole VM in a failed state for backup.</summary>
    public sealed class ExtensionsProvisionedRule : ReadinessRule
    {
        public const string RuleId = "Extension.AllProvisioned";

        public ExtensionsProvisionedRule()
            : base(
                RuleId,
                new LocalizedText("Every VM extension is provisioned successfully", "所有虚拟机扩展均已成功预配", "所有虛擬機器延伸模組皆已成功佈建"),
                RuleSeverity.Error,
                ["B3", "C10"],
                EvidencePart.Extensions)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Extensions, EvidencePart.Extensions, extensions => Judge(evidence, extensions));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<ExtensionEvidence> extensions)
        {
            if (extensions.Count == 0)
            {
                return RuleOutcome.Pass("The VM has no extensions.", "该虚拟机没有扩展。", "此虛擬機器沒有延伸模組。");
            }

            var failed = extensions.Where(IsFailed).ToList();
            if (failed.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(failed.Select(DescribeFailure)));
            }

            var unsettled = extensions
                .Where(e => e.ProvisioningState != null && !EvidenceText.Is(e.ProvisioningState, "Succeeded"))
                .ToList();
            if (unsettled.Count > 0)
            {
                return RuleOutcome.Warning(EvidenceText.Sentence(unsettled.Select(State)));
            }

            var names = EvidenceText.List(extensions.Select(e => $"'{e.Name}'"));
            return RuleOutcome.Pass(
                $"{EvidenceText.Count(extensions.Count, "extension")}, all provisioned: {names.English}.",
                $"{extensions.Count} 个扩展均已预配：{names.SimplifiedChinese}。",
                $"{extensions.Count} 個延伸模組皆已佈建：{names.TraditionalChinese}。");
        }

        // The model's provisioning state can say Succeeded while the handler's own status already reports an error.
        private static bool IsFailed(ExtensionEvidence extension) =>
            EvidenceText.Is(extension.ProvisioningState, "Failed")
            || extension.Statuses.Any(s => EvidenceText.Is(s.Level, "Error"));

        private static LocalizedText DescribeFailure(ExtensionEvidence extension)
        {
            var error = extension.Statuses.FirstOrDefault(s => EvidenceText.Is(s.Level, "Error") && !string.IsNullOrWhiteSpace(s.Message));
            return State(extension).Append(LocalizedText.Verbatim(error == null ? string.Empty : $" ({EvidenceText.Shorten(error.Message!)})"));
        }

        private static LocalizedText State(ExtensionEvidence extension) => new(
            $"extension '{extension.Name}' ({extension.Type}) is in provisioning state {extension.ProvisioningState ?? "unknown"}",
            $"扩展“{extension.Name}”（{extension.Type}）的预配状态为 {extension.ProvisioningState ?? "未知"}",
            $"延伸模組「{extension.Name}」（{extension.Type}）的佈建狀態為 {extension.ProvisioningState ?? "未知"}");
    }
}
