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
                new LocalizedText("SQL Server IaaS extension", " SQL Server IaaS 扩展", " SQL Server IaaS 延伸模組"),
                new LocalizedText(
                    "if SQL Server backups also run in the guest, set [HKLM\\SOFTWARE\\MICROSOFT\\BCDRAGENT] \"USEVSSCOPYBACKUP\"=\"TRUE\" so Azure Backup takes VSS copy backups and leaves the SQL log chain intact.",
                    "如果来宾系统中也运行 SQL Server 备份，请设置 [HKLM\\SOFTWARE\\MICROSOFT\\BCDRAGENT] \"USEVSSCOPYBACKUP\"=\"TRUE\"，让 Azure 备份采用 VSS 副本备份，从而不破坏 SQL 日志链。",
                    "如果客體中也執行 SQL Server 備份，請設定 [HKLM\\SOFTWARE\\MICROSOFT\\BCDRAGENT] \"USEVSSCOPYBACKUP\"=\"TRUE\"，讓 Azure 備份採用 VSS 複本備份，以免破壞 SQL 記錄鏈。"));
    }
}
