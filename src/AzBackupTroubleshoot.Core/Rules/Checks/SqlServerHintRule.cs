using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Hint.SqlServer (C14): Azure VM backup takes a full VSS backup, which truncates SQL Server logs and breaks a
    /// SQL backup chain kept in the guest, unless the agent is told to take VSS copy backups.
    /// </summary>
    public sealed class SqlServerHintRule : ReadinessRule
    {
        public const string RuleId = "Hint.SqlServer";

        public SqlServerHintRule()
            : base(
                RuleId,
                new LocalizedText("SQL Server on the VM: backup settings to know", "虚拟机上有 SQL Server：需了解的备份设置", "虛擬機器上有 SQL Server：需了解的備份設定"),
                RuleSeverity.Information,
                ["C14"],
                EvidencePart.Extensions)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Extensions, EvidencePart.Extensions, extensions => Judge(evidence, extensions));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<ExtensionEvidence> extensions) =>
            ExtensionHint.Judge(
                extensions,
                e => e.Type.EndsWith("SqlIaaSAgent", System.StringComparison.OrdinalIgnoreCase),
                "SQL Server IaaS extension",
                "if SQL Server backups also run in the guest, set [HKLM\\SOFTWARE\\MICROSOFT\\BCDRAGENT] \"USEVSSCOPYBACKUP\"=\"TRUE\" so Azure Backup takes VSS copy backups and leaves the SQL log chain intact.");
    }
}
